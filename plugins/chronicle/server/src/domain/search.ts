/**
 * Search in Chinese (docs/api.md, "Search"): the pure rules the index and the search route
 * share. Pure module.
 *
 * - normalisation: NFKC (full-width ｚｈａｎｇ３ is zhang3, the ideographic space a space),
 *   lower case, runs of white space one space. Traditional → Simplified is not done: 張 does
 *   not find 张.
 * - a query is words separated by spaces, all of which must match (AND). A word matches as a
 *   substring of the record's public text, after normalisation. A word is at least two
 *   characters, except one CJK ideograph alone (a surname, 张), served by a slower path (a
 *   range scan of the bigram postings, see services/search-index.ts).
 * - grams: every two-character window of each space-separated run, plus the run's last
 *   character followed by a space (so a single ideograph at the end of a run is found too).
 *   Two-character words are looked up in these postings; longer ones in the trigram index.
 * - ranking: a word in the title counts more than one in the text, a title that is the query
 *   more still, people and reports rank before events at equal match; then the newest first.
 * - snippet: a window of the public text around the first match, with the matches' offsets
 *   (UTF-16 code units, as JavaScript indexes strings) and an escaped HTML copy with <mark>.
 */

export const SEARCH_TYPES = ['field-report', 'frontline-profile', 'chronicle', 'timeline-event'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Bumped when what is indexed or how it is normalised changes: the index is rebuilt at boot. */
export const SEARCH_INDEX_VERSION = 1;

export const QUERY_MAX = 100;
export const MAX_TERMS = 8;

const CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]$/u;
export const isIdeograph = (ch: string): boolean => CJK.test(ch);

/**
 * The normalised text and, for each of its UTF-16 units, the offset in the original it came
 * from (so matches found in the normalised text are highlighted in the original).
 */
export const normaliseWithMap = (text: string): { norm: string; origin: number[] } => {
  let norm = '';
  const origin: number[] = [];
  let offset = 0;
  let lastSpace = true;
  for (const ch of text) {
    let out = ch.normalize('NFKC').toLowerCase();
    if (/^\s+$/u.test(out)) {
      if (lastSpace) out = '';
      else out = ' ';
    }
    // Format characters (zero-width space, BOM …) would split words invisibly.
    out = out.replace(/\p{Cf}/gu, '');
    for (let i = 0; i < out.length; i += 1) origin.push(offset);
    if (out) lastSpace = out.endsWith(' ');
    norm += out;
    offset += ch.length;
  }
  origin.push(offset);
  return { norm, origin };
};

export const normalise = (text: string): string => normaliseWithMap(text).norm.trim();

export type QueryProblem =
  | { code: 'search.q-required' }
  | { code: 'search.q-too-long'; max: number }
  | { code: 'search.q-too-short'; term: string }
  | { code: 'search.q-too-many-words'; max: number };

export interface ParsedQuery {
  /** The words, normalised, distinct, longest first (the most selective first). */
  terms: string[];
  /** The normalised query as typed (for the whole-title bonus). */
  text: string;
}

/** The words of a reader's query, or why it is refused (a 400 naming the problem). */
export const parseQuery = (q: string): ParsedQuery | { problem: QueryProblem } => {
  const trimmed = q.trim();
  if (!trimmed) return { problem: { code: 'search.q-required' } };
  if ([...trimmed].length > QUERY_MAX) return { problem: { code: 'search.q-too-long', max: QUERY_MAX } };
  const text = normalise(trimmed);
  const words = [...new Set(text.split(' ').filter(Boolean))];
  if (!words.length) return { problem: { code: 'search.q-required' } };
  if (words.length > MAX_TERMS) return { problem: { code: 'search.q-too-many-words', max: MAX_TERMS } };
  for (const word of words) {
    const chars = [...word];
    if (chars.length < 2 && !isIdeograph(chars[0])) return { problem: { code: 'search.q-too-short', term: word } };
  }
  const terms = words.filter((w) => !words.some((other) => other !== w && other.includes(w)));
  terms.sort((a, b) => [...b].length - [...a].length || (a < b ? -1 : 1));
  return { terms, text };
};

/** Which index answers a word: the trigram index (3+), the bigram postings (2), a prefix scan of them (1). */
export const termKind = (term: string): 'trigram' | 'bigram' | 'unigram' => {
  const n = [...term].length;
  return n >= 3 ? 'trigram' : n === 2 ? 'bigram' : 'unigram';
};

/** The distinct grams of a normalised text (see the module's comment). */
export const gramsOf = (norm: string): string[] => {
  const grams = new Set<string>();
  for (const run of norm.split(' ')) {
    const chars = [...run];
    if (!chars.length) continue;
    for (let i = 0; i + 1 < chars.length; i += 1) grams.add(chars[i] + chars[i + 1]);
    grams.add(`${chars[chars.length - 1]} `);
  }
  return [...grams];
};

/** The exclusive upper bound of the grams that start with one character (code point order). */
export const prefixEnd = (ch: string): string => String.fromCodePoint((ch.codePointAt(0) as number) + 1);

/** `%`, `_` and `\` escaped for LIKE … ESCAPE '\'. */
export const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An FTS5 phrase: the word in double quotes, inner quotes doubled. */
export const ftsPhrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;

const TYPE_BONUS: Record<SearchType, number> = { 'frontline-profile': 3, 'field-report': 2, chronicle: 2, 'timeline-event': 0 };

/**
 * The score of a record for a query: per word 10 in the title, 4 in the text only, averaged;
 * +10 when the title is the query, +5 when it contains the whole query; the type's bonus.
 * Integers, so the order is the same on every database and a cursor can carry it.
 */
export const scoreOf = (query: ParsedQuery, type: SearchType, titleNorm: string): number => {
  const perTerm = query.terms.map((t) => (titleNorm.includes(t) ? 10 : 4));
  const base = Math.round(perTerm.reduce((a, b) => a + b, 0) / Math.max(1, perTerm.length));
  const whole = titleNorm === query.text ? 10 : titleNorm.includes(query.text) ? 5 : 0;
  return base + whole + TYPE_BONUS[type];
};

/** The cursor key of a hit: score (3 digits) then date, compared as strings, newest and best first. */
export const rankKey = (score: number, date: string | null): string => `${String(Math.max(0, Math.min(999, score))).padStart(3, '0')}|${date ?? ''}`;

/** [start, end) ranges of every occurrence of the words in a text, merged, in the text's own offsets. */
export const matchRanges = (text: string, terms: string[]): Array<[number, number]> => {
  const { norm, origin } = normaliseWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    let at = norm.indexOf(term);
    while (at >= 0) {
      ranges.push([origin[at], origin[at + term.length]]);
      at = norm.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
};

export const SNIPPET_LENGTH = 120;
const SNIPPET_BEFORE = 30;

export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The highlighted text as escaped HTML: only <mark> is markup. */
export const markedHtml = (text: string, highlights: Array<[number, number]>): string => {
  let html = '';
  let at = 0;
  for (const [start, end] of highlights) {
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
};

/** Do not cut a surrogate pair in two. */
const safeIndex = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
};

/**
 * A window of `text` (one line of the public text) around the first match, with an ellipsis
 * where it was cut, and the matches' offsets inside the window.
 */
export const snippetOf = (text: string, terms: string[], length = SNIPPET_LENGTH): Snippet => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, terms);
  let start = ranges.length ? Math.max(0, ranges[0][0] - SNIPPET_BEFORE) : 0;
  if (start > 0 && flat.length - start < length) start = Math.max(0, flat.length - length);
  start = safeIndex(flat, start);
  const end = safeIndex(flat, Math.min(flat.length, start + length));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const body = flat.slice(start, end);
  const highlights = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): [number, number] => [Math.max(s, start) - start + prefix.length, Math.min(e, end) - start + prefix.length]);
  const out = prefix + body + suffix;
  return { text: out, highlights, html: markedHtml(out, highlights) };
};

/** Safe HTML (domain/safe-markdown) back to its text: tags dropped, block ends as line breaks, entities decoded. */
export const htmlToText = (html: string): string =>
  html
    .replace(/<(br|\/p|\/li|\/h[1-6]|\/blockquote|\/pre|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, e: string) => {
      const k = e.toLowerCase();
      if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
      if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[k];
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
