import { hintsIn, oneLanguageHints } from '../one-language-hints';

describe('one-language hints', () => {
  test('as a hook, a second argument (Strapi passes its store) does not matter', () => {
    const store = { getState: () => ({}) };
    const out = (oneLanguageHints as (...a: unknown[]) => any)({ layout: { layout: [[[{ name: 'a', hint: 'Why / 为何' }]]], components: {} } }, store);
    expect(['Why', '为何']).toContain(out.layout.layout[0][0][0].hint);
  });

  const layout = {
    layout: [[[{ name: 'precision', hint: 'How exactly the time is known: 2月24日 is "day" / 时间精度' }, { name: 'title', hint: 'max. 200' }]]],
    components: { 'chronicle.deed': { layout: [[{ name: 'summary', hint: 'What they did / 事迹' }]], settings: {} } },
    options: { i18n: { localized: true } },
  };

  test('keeps the hint part in the admin language, in the form and in components', () => {
    const zh = hintsIn({ layout, query: {} }, 'zh-Hans');
    expect(zh.layout.layout[0][0].map((f) => f.hint)).toEqual(['时间精度', 'max. 200']);
    expect(zh.layout.components['chronicle.deed'].layout[0][0].hint).toBe('事迹');
    expect(zh.layout.options).toEqual(layout.options);
    expect(zh.query).toEqual({});
    const en = hintsIn({ layout }, 'en');
    expect(en.layout.layout[0][0][0].hint).toBe('How exactly the time is known: 2月24日 is "day"');
  });
});
