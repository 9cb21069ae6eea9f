import { oneLanguageHints } from '../one-language-hints';

describe('oneLanguageHints', () => {
  const layout = {
    layout: [[[{ name: 'precision', hint: 'How exactly the time is known: 2月24日 is "day" / 时间精度' }, { name: 'title', hint: 'max. 200' }]]],
    components: { 'chronicle.deed': { layout: [[{ name: 'summary', hint: 'What they did / 事迹' }]], settings: {} } },
    options: { i18n: { localized: true } },
  };

  test('keeps the hint part in the admin language, in the form and in components', () => {
    const zh = oneLanguageHints({ layout, query: {} }, 'zh-Hans');
    expect(zh.layout.layout[0][0].map((f) => f.hint)).toEqual(['时间精度', 'max. 200']);
    expect(zh.layout.components['chronicle.deed'].layout[0][0].hint).toBe('事迹');
    expect(zh.layout.options).toEqual(layout.options);
    expect(zh.query).toEqual({});
    const en = oneLanguageHints({ layout }, 'en');
    expect(en.layout.layout[0][0][0].hint).toBe('How exactly the time is known: 2月24日 is "day"');
  });
});
