import {
  gramsOf,
  htmlToText,
  likePattern,
  markedHtml,
  matchRanges,
  normalise,
  parseQuery,
  prefixEnd,
  rankKey,
  scoreOf,
  snippetOf,
  termKind,
  type ParsedQuery,
} from '../search';
import { eventEntry, profileEntry, reportEntry } from '../search-text';

const parsed = (q: string) => {
  const p = parseQuery(q);
  if ('problem' in p) throw new Error(JSON.stringify(p.problem));
  return p as ParsedQuery;
};

describe('normalise', () => {
  test('NFKC folds full-width letters, digits and the ideographic space; Latin is lower-cased', () => {
    expect(normalise('ＺＨＡＮＧ　Ｗｅｉ３号')).toBe('zhang wei3号');
    expect(normalise('  核酸\n\t检测  ')).toBe('核酸 检测');
  });
  test('Traditional characters are not folded to Simplified (out of scope)', () => {
    expect(normalise('張')).toBe('張');
  });
  test('zero-width characters do not split a word', () => {
    expect(normalise('核\u200b酸')).toBe('核酸');
  });
});

describe('parseQuery', () => {
  test('words separated by spaces, distinct, longest first; a word inside another is dropped', () => {
    expect(parsed('核酸  建材坪 核酸').terms).toEqual(['建材坪', '核酸']);
    expect(parsed('核酸检测 核酸').terms).toEqual(['核酸检测']);
    expect(parsed('Ｚhang').terms).toEqual(['zhang']);
  });
  test('one ideograph is a query (a surname); one Latin letter or digit is not', () => {
    expect(parsed('张').terms).toEqual(['张']);
    expect(parseQuery('a')).toEqual({ problem: { code: 'search.q-too-short', term: 'a' } });
    expect(parseQuery('核酸 5')).toEqual({ problem: { code: 'search.q-too-short', term: '5' } });
  });
  test('empty, too long and too many words are refused with a reason', () => {
    expect(parseQuery('   ')).toEqual({ problem: { code: 'search.q-required' } });
    expect(parseQuery('核'.repeat(101))).toEqual({ problem: { code: 'search.q-too-long', max: 100 } });
    expect(parseQuery('核'.repeat(100))).not.toHaveProperty('problem');
    expect(parseQuery('aa bb cc dd ee ff gg hh ii')).toEqual({ problem: { code: 'search.q-too-many-words', max: 8 } });
  });
  test('which index answers a word', () => {
    expect(termKind('核酸检测')).toBe('trigram');
    expect(termKind('核酸')).toBe('bigram');
    expect(termKind('张')).toBe('unigram');
    expect(termKind('𠀀𠀁')).toBe('bigram');
  });
});

describe('grams', () => {
  test('every two-character window of each run, and each run’s last character with a space', () => {
    expect(gramsOf('核酸检测 ab').sort()).toEqual(['b ', 'ab', '核酸', '测 ', '检测', '酸检'].sort());
  });
  test('no window spans a space, so a two-character word is found exactly', () => {
    expect(gramsOf('核 酸')).not.toContain('核酸');
  });
  test('astral characters are one character', () => {
    expect(gramsOf('𠀀𠀁')).toEqual(['𠀀𠀁', '𠀁 ']);
  });
  test('prefix range and LIKE escaping', () => {
    expect(prefixEnd('张') > '张x').toBe(true);
    expect('张 ' < prefixEnd('张')).toBe(true);
    expect(likePattern('50%_a\\')).toBe('%50\\%\\_a\\\\%');
  });
});

describe('ranking', () => {
  test('a word in the title ranks above one in the text; the whole title above a part; profiles above events', () => {
    const q = parsed('建材坪');
    const inTitle = scoreOf(q, 'timeline-event', '建材坪社区核酸检测');
    const inText = scoreOf(q, 'timeline-event', '社区核酸检测');
    const exactTitle = scoreOf(q, 'timeline-event', '建材坪');
    expect(inTitle).toBeGreaterThan(inText);
    expect(exactTitle).toBeGreaterThan(inTitle);
    expect(scoreOf(q, 'frontline-profile', '社区核酸检测')).toBeGreaterThan(inText);
  });
  test('the rank key orders by score then date, as strings', () => {
    expect(rankKey(25, '2022-03-01') > rankKey(9, '2023-01-01')).toBe(true);
    expect(rankKey(9, '2023-01-01') > rankKey(9, '2022-01-01')).toBe(true);
    expect(rankKey(5, null)).toBe('005|');
  });
});

describe('snippets and highlights', () => {
  test('offsets are of the original text, across full-width and case folding', () => {
    const text = '记者ＺＨＡＮＧ采访了张伟';
    const ranges = matchRanges(text, ['zhang', '张伟']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['ＺＨＡＮＧ', '张伟']);
  });
  test('a window around the first match, with ellipses and shifted offsets', () => {
    const text = `${'甲'.repeat(100)}建材坪社区${'乙'.repeat(200)}`;
    const s = snippetOf(text, ['建材坪']);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights).toHaveLength(1);
    const [start, end] = s.highlights[0];
    expect(s.text.slice(start, end)).toBe('建材坪');
    expect(s.html).toContain('<mark>建材坪</mark>');
  });
  test('the HTML is escaped: stored text never becomes markup', () => {
    const s = snippetOf('<script>alert(1)</script> 核酸 & "引号"', ['核酸']);
    expect(s.html).not.toContain('<script>');
    expect(s.html).toContain('&#60;script&#62;');
    expect(s.html).toContain('<mark>核酸</mark>');
    expect(markedHtml('a<b', [[0, 1]])).toBe('<mark>a</mark>&#60;b');
  });
  test('overlapping matches merge', () => {
    expect(matchRanges('核酸检测', ['核酸检', '酸检测'])).toEqual([[0, 4]]);
  });
  test('html to text', () => {
    expect(htmlToText('<p>甲 &amp; 乙</p><p>丙&#39;s</p>')).toBe('甲 & 乙\n丙\'s');
  });
});

describe('what is indexed is the public rendering', () => {
  test('an anonymised person is indexed by surname + 某, never the real name; quotes are left out', () => {
    const row = { documentId: 'd1', locale: 'zh-Hans', fullName: '赵宁', consent: 'anonymised', slug: 'zhao-ning', citation: '一名医务人员。', quotes: [{ text: '我是赵宁' }] };
    const entry = profileEntry(row);
    expect(entry?.title).toBe('赵某');
    expect(`${entry?.title}${entry?.body}`).not.toContain('赵宁');
    expect(entry?.link.slug).toMatch(/^anon-/);
    const en = profileEntry({ ...row, locale: 'en', fullName: 'Zhao Ning', zhFullName: '赵宁' });
    expect(`${en?.title}${en?.body}`).not.toMatch(/ning/i);
  });
  test('a withdrawn person is not indexed at all', () => {
    expect(profileEntry({ documentId: 'd1', locale: 'zh-Hans', fullName: '赵宁', consent: 'withdrawn' })).toBeNull();
  });
  test('private passages and {{anon:}} names are cut from a report’s text', () => {
    const entry = reportEntry({
      documentId: 'r1',
      locale: 'zh-Hans',
      slug: 'r',
      title: '标题',
      dek: '导语{{private: 秘密导语}}',
      body: '公开段落。\n\n::: private\n病史隐私段落\n:::\n\n受访者{{anon: 唐女士}}说。',
    });
    expect(entry.body).toContain('公开段落');
    expect(entry.body).toContain('唐某');
    expect(entry.body).not.toMatch(/秘密|病史|唐女士/);
  });
  test('an event leads to its day on the timeline', () => {
    const entry = eventEntry({ documentId: 'e1', locale: 'zh-Hans', slug: 'e', title: 't', occurredAt: '2022-02-23T17:00:00.000Z' }, () => '2022-02-24');
    expect(entry.link).toEqual({ page: 'timeline', slug: null, query: { from: '2022-02-24', to: '2022-02-24' }, hash: 'event-e' });
  });
});
