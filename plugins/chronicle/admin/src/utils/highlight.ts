/**
 * Where each proposal's expression sits in the report's text, for the Extract panel: the
 * text cut into plain and marked segments (one pass, proposals in any order, overlaps
 * dropped), and a short excerpt around one expression. Offsets come from POST
 * /chronicle/extract (`offset`/`endOffset`, UTF-16 units into the text that was sent); a
 * proposal whose offsets do not point at its expression (the body changed since) is found
 * by searching for it instead, or left unmarked.
 */

export interface Marked {
  /** The proposal's key (its fingerprint). */
  key: string;
  text: string;
  offset: number;
  endOffset: number;
}

export type Segment = { text: string; key?: undefined } | { text: string; key: string };

/** The span of `m` in `source`: its offsets when they still point at it, else the first occurrence. */
export function locate(source: string, m: Pick<Marked, 'text' | 'offset' | 'endOffset'>): [number, number] | null {
  if (!m.text) return null;
  if (Number.isInteger(m.offset) && source.slice(m.offset, m.endOffset) === m.text) return [m.offset, m.endOffset];
  const at = source.indexOf(m.text);
  return at >= 0 ? [at, at + m.text.length] : null;
}

/** `source` as consecutive segments, the proposals' expressions marked with their key. */
export function segments(source: string, marks: Marked[]): Segment[] {
  const spans = marks
    .map((m) => ({ key: m.key, span: locate(source, m) }))
    .filter((x): x is { key: string; span: [number, number] } => x.span !== null)
    .sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const out: Segment[] = [];
  let pos = 0;
  for (const { key, span } of spans) {
    const [from, to] = span;
    if (from < pos) continue; // overlaps one already marked
    if (from > pos) out.push({ text: source.slice(pos, from) });
    out.push({ text: source.slice(from, to), key });
    pos = to;
  }
  if (pos < source.length) out.push({ text: source.slice(pos) });
  return out;
}

/** A few characters either side of the expression, for a proposal's card: [before, expression, after]. */
export function excerpt(source: string, m: Pick<Marked, 'text' | 'offset' | 'endOffset'>, margin = 30): [string, string, string] | null {
  const span = locate(source, m);
  if (!span) return null;
  const [from, to] = span;
  const a = Math.max(0, from - margin);
  const b = Math.min(source.length, to + margin);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return [`${a > 0 ? '…' : ''}${flat(source.slice(a, from))}`, source.slice(from, to), `${flat(source.slice(to, b))}${b < source.length ? '…' : ''}`];
}
