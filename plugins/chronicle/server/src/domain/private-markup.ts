/**
 * THE reader of private markup (docs/security.md): every public surface that shows a reporter's
 * text asks this module where the private passages are, so one parser decides for all.
 *
 *   ::: private            a block the public never sees (markdown-it-container: any run of
 *   …                      three or more colons, inside blockquotes and list items too;
 *   :::                    closed by a run at least as long)
 *   {{private: …}}         an inline phrase removed from the public text (braces may nest)
 *   {{anon: 唐女士}}        a name published as surname + 某 (唐某); a Latin name as "name withheld"
 *
 * The markup is recognised on a folded copy of the text: every Unicode space (U+3000, no-break
 * space …) is a space, format characters (zero-width space, BOM …) are dropped, full-width
 * and other compatibility forms are folded by NFKC (`：：：　ｐｒｉｖａｔｅ` is `::: private`) and
 * letters are lower-cased. Block structure comes from markdown-it's token stream of that copy;
 * the passages found are cut from the original text by line and offset.
 *
 * Fails closed: markup that looks private but does not parse as a private passage (a block
 * never closed, a `::: private` line that markdown-it reads as code or text, an unclosed
 * `{{private:`) is a problem with its line and column. A text with problems cannot be
 * approved (see `privateMarkupProblems`), and its public version stops before the first
 * problem's line. Pure module.
 */
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';

export interface PrivateMarkupProblem {
  /** 1-based line and column (in characters) of the original text. */
  line: number;
  column: number;
  message: string;
}

/** One cut from the original text: [start, end) replaced by `replacement`. */
interface Cut {
  start: number;
  end: number;
  kind: 'block' | 'private' | 'anon';
  /** For `anon`: the name as written. */
  inner?: string;
}

interface Scan {
  /** The original text with line breaks normalised to \n (the offsets below refer to it). */
  text: string;
  cuts: Cut[];
  problems: Array<PrivateMarkupProblem & { offset: number }>;
}

const COLON_LIKE = new Set([0x2236, 0xa789, 0x02d0, 0x02f8, 0x0589, 0x05c3, 0xfe13, 0xfe55, 0xff1a]);
const BRACE_OPEN_LIKE = new Set([0xfe5b, 0xff5b, 0xfe37]);
const BRACE_CLOSE_LIKE = new Set([0xfe5c, 0xff5d, 0xfe38]);

/**
 * The folded text and, for each of its UTF-16 units, the offset in the original it came from.
 * Line breaks are kept as they are, so line numbers agree between the two.
 */
export const foldForMarkup = (text: string): { folded: string; origin: number[] } => {
  const parts: string[] = [];
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    let out: string;
    if (cp < 0x80) {
      // ASCII: letters are lower-cased, tab, vertical tab and form feed are spaces.
      out = cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : cp === 0x09 || cp === 0x0b || cp === 0x0c || cp === 0x0d ? ' ' : ch;
    } else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3001 && cp <= 0x303f)) {
      // CJK ideographs and punctuation (not U+3000): never part of the markup.
      out = ch;
    } else if (/\p{Cf}/u.test(ch) || cp === 0x180e) out = '';
    else if (/\s/u.test(ch)) out = ' ';
    else if (COLON_LIKE.has(cp)) out = ':';
    else if (BRACE_OPEN_LIKE.has(cp)) out = '{';
    else if (BRACE_CLOSE_LIKE.has(cp)) out = '}';
    else {
      const nfkc = ch.normalize('NFKC');
      // Only folds that land on ASCII matter for the markup; everything else stays as written.
      out = /^[\x20-\x7e]+$/.test(nfkc) ? nfkc.toLowerCase() : ch;
    }
    for (let i = 0; i < out.length; i += 1) origin.push(offset);
    parts.push(out);
    offset += ch.length;
  }
  origin.push(offset);
  return { folded: parts.join(''), origin };
};

const PRIVATE_PARAMS = /^private(?![a-z0-9_])/;

/** markdown-it with the private container only: used to read structure, never to render. */
const parser = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(container, 'private', {
  validate: (params: string) => PRIVATE_PARAMS.test(params.trim()),
});

/** A line that looks like the opening of a private block: a colon run, then `private`. */
const LOOKS_LIKE_BLOCK = /:{2,}\s*private(?![a-z0-9_])/;
/** A closing line: optional blockquote markers and indentation, then only colons. */
const CLOSING_LINE = /^[\s>]*:{3,}\s*$/;
/** An inline marker: `{{`, optional spaces, `private` or `anon`. */
const INLINE_START = /\{\s*\{\s*(private|anon)(?![a-z0-9_])\s*(:?)/g;

const lineStarts = (text: string): number[] => {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') starts.push(i + 1);
  return starts;
};

const position = (starts: number[], offset: number) => {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
};

/** The matching `}}` of an inline marker opened before `from` (nested `{{ … }}` counted), or -1. */
const closingBraces = (folded: string, from: number): number => {
  let depth = 1;
  for (let i = from; i < folded.length - 1; i += 1) {
    if (folded[i] === '{' && folded[i + 1] === '{') {
      depth += 1;
      i += 1;
    } else if (folded[i] === '}' && folded[i + 1] === '}') {
      depth -= 1;
      if (depth === 0) return i;
      i += 1;
    }
  }
  return -1;
};

const scan = (source: string): Scan => {
  const text = source.replace(/\r\n?/g, '\n');
  const { folded, origin } = foldForMarkup(text);
  const origStarts = lineStarts(text);
  const foldedLines = folded.split('\n');
  const cuts: Cut[] = [];
  const problems: Scan['problems'] = [];
  const problemAt = (origOffset: number, message: string) =>
    problems.push({ ...position(origStarts, origOffset), offset: origOffset, message });
  const lineOffset = (line: number) => (line < origStarts.length ? origStarts[line] : text.length);

  // Blocks: markdown-it's reading of the folded text (only when a line could open one).
  const covered = new Set<number>();
  const tokens = LOOKS_LIKE_BLOCK.test(folded) ? parser.parse(folded, {}) : [];
  for (const token of tokens) {
    if (token.type !== 'container_private_open' || !token.map) continue;
    // map: [opening line, closing line) — the closing line itself when there is one.
    const [first, closing] = token.map;
    const closed = closing < foldedLines.length && CLOSING_LINE.test(foldedLines[closing]);
    const end = closed ? closing + 1 : closing;
    for (let line = first; line < end; line += 1) covered.add(line);
    cuts.push({ start: lineOffset(first), end: lineOffset(end), kind: 'block' });
    if (!closed) problemAt(lineOffset(first), `a private block (line ${first + 1}) is never closed with a line of ":::"`);
  }
  if (tokens.length) foldedLines.forEach((line, index) => {
    if (!covered.has(index) && LOOKS_LIKE_BLOCK.test(line)) {
      problemAt(lineOffset(index), `line ${index + 1} looks like the start of a private block ("::: private") but is not read as one: put it on a line of its own, not indented as code`);
    }
  });

  // Inline markers, outside the blocks (those go whole).
  const foldedStarts = lineStarts(folded);
  const inBlock = (foldedOffset: number) => covered.has(position(foldedStarts, foldedOffset).line - 1);
  INLINE_START.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = INLINE_START.exec(folded))) {
    const start = match.index;
    if (inBlock(start)) continue;
    const kind = match[1] as 'private' | 'anon';
    const origStart = origin[start];
    if (!match[2]) {
      problemAt(origStart, `"{{${kind}" must be followed by a colon: {{${kind}: …}}`);
      cuts.push({ start: origStart, end: text.length, kind: 'private' });
      break;
    }
    const close = closingBraces(folded, start + match[0].length);
    if (close < 0) {
      problemAt(origStart, `"{{${kind}:" is never closed with "}}"`);
      cuts.push({ start: origStart, end: text.length, kind: 'private' });
      break;
    }
    const innerStart = origin[start + match[0].length];
    const origEnd = origin[close + 2];
    cuts.push({ start: origStart, end: origEnd, kind, inner: kind === 'anon' ? text.slice(innerStart, origin[close]) : undefined });
    INLINE_START.lastIndex = close + 2;
  }
  return { text, cuts, problems };
};

/**
 * Where private markup in a text cannot be read safely: an empty list means every private
 * passage is recognised. The record holding a text with problems must not be approved.
 */
export const privateMarkupProblems = (text: string | null | undefined): PrivateMarkupProblem[] =>
  text ? scan(text).problems.map(({ line, column, message }) => ({ line, column, message })) : [];

/** Does a text contain any private markup at all (well-formed or not)? */
export const hasPrivateMarkup = (text: string | null | undefined): boolean => {
  if (!text) return false;
  const { cuts, problems } = scan(text);
  return cuts.length > 0 || problems.length > 0;
};

/**
 * The text with private passages cut out and `{{anon: …}}` names replaced by `anonymise`.
 * With problems, the text stops before the first problem's line (fail closed).
 */
export const applyPrivateMarkup = (source: string, anonymise: (name: string) => string): string => {
  const { text, cuts, problems } = scan(source);
  let limit = text.length;
  if (problems.length) {
    const first = Math.min(...problems.map((p) => p.offset));
    limit = text.lastIndexOf('\n', first - 1) + 1;
  }
  const sorted = [...cuts].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const cut of sorted) {
    if (cut.start >= limit) break;
    if (cut.start < at) {
      at = Math.max(at, cut.end);
      continue;
    }
    out += text.slice(at, cut.start);
    if (cut.kind === 'anon') out += anonymise((cut.inner ?? '').trim());
    at = Math.max(at, cut.end);
  }
  if (at < limit) out += text.slice(at, limit);
  return out;
};
