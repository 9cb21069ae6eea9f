import { inLanguage, isChinese } from '../language';

describe('inLanguage', () => {
  const both = 'You may not change this field report: it belongs to someone else, and nothing was changed. / 您无权修改他人的稿件，未作任何更改。';

  test('picks the Chinese part in zh-Hans and the English part in en', () => {
    expect(inLanguage(both, 'zh-Hans')).toBe('您无权修改他人的稿件，未作任何更改。');
    expect(inLanguage(both, 'en')).toBe('You may not change this field report: it belongs to someone else, and nothing was changed.');
  });

  test('either order', () => {
    const zhFirst = '文本为 2 MB，超过 1 MB 的上限，请分成几篇再提取。 / The text is 2 MB, more than the 1 MB allowed: split it into several reports.';
    expect(inLanguage(zhFirst, 'en')).toBe('The text is 2 MB, more than the 1 MB allowed: split it into several reports.');
    expect(inLanguage(zhFirst, 'zh-Hans')).toBe('文本为 2 MB，超过 1 MB 的上限，请分成几篇再提取。');
  });

  test('an English part quoting Chinese words stays English', () => {
    expect(isChinese('The source says 许, 左右, 多 or 约')).toBe(false);
    expect(inLanguage('The source says 许, 左右, 多 or 约 / 原文含“许、左右、多、约”', 'zh-Hans')).toBe('原文含“许、左右、多、约”');
  });

  test('a message in one language, or with a slash of its own, is kept whole', () => {
    expect(inLanguage('cannot go from in_review to published', 'zh-Hans')).toBe('cannot go from in_review to published');
    expect(inLanguage('read / write access denied', 'zh-Hans')).toBe('read / write access denied');
    expect(inLanguage('已审定', 'en')).toBe('已审定');
  });
});
