import { redactForPublic } from '../redaction';
import { renderMarkdown } from '../safe-markdown';

describe('redactForPublic', () => {
  test('removes private blocks, whatever their case and spacing', () => {
    const source = '网格员上门服务。\n\n::: private\n居民身体情况：孕期第五个月。\n:::\n\n之后继续走访。\n\n  :::PRIVATE\n家庭住址\n  :::\n结尾。';
    const out = redactForPublic(source);
    expect(out).not.toMatch(/孕期|家庭住址|private/i);
    expect(out).toContain('网格员上门服务。');
    expect(out).toContain('之后继续走访。');
    expect(out).toContain('结尾。');
  });

  test('an unclosed private block hides everything after it rather than leaking it', () => {
    expect(redactForPublic('公开。\n::: private\n不公开的内容')).toBe('公开。\n');
  });

  test('removes inline private phrases and anonymises names', () => {
    expect(redactForPublic('{{anon: 唐女士}}因{{private: 怀孕}}独自在家，网格员{{anon:欧阳娜娜}}联系医生。')).toBe(
      '唐某因独自在家，网格员欧阳某联系医生。'
    );
    expect(redactForPublic('{{anon: Mrs Tang}} was helped.')).toBe('(name withheld) was helped.');
  });

  test('public rendering applies it: nothing marked private reaches the HTML', () => {
    const html = renderMarkdown('**走访**{{private: 病史：慢性病}}\n\n::: private\n单亲家庭\n:::\n\n{{anon:张燕琴}}坚守卡口。');
    expect(html).not.toMatch(/慢性病|单亲|燕琴/);
    expect(html).toContain('<strong>走访</strong>');
    expect(html).toContain('张某坚守卡口。');
  });

  test('text without markers is unchanged', () => {
    const text = '3月6日，全域核酸检测结果均为阴性。{{ not a marker }}';
    expect(redactForPublic(text)).toBe(text);
  });
});
