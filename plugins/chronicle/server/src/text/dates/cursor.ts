/**
 * Stage 4 of the reader: reading through a text in order, skipping quotations' own days, counts
 * and habits, remembering the day last named (DateCursor, parseDates, parseDate).
 */
import { DateTime } from 'luxon';
import { parseNumber, toHalfWidth } from '../numerals';
import { NEWSROOM_TIME_ZONE, type DateContext, type DateMatch, type Found, type Resolved, type State } from './types';
import { BLOCKING_PREFIX, CN_NUMERAL, HABITUAL_BEFORE, HAN, TRIGGER } from './patterns';
import { dayKey } from './calendar';
import { instant, parseAt } from './expression';

const CLOSE_QUOTES: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '"': '"' };
/** An unclosed quotation mark should not turn the rest of a long text into speech. */
const MAX_QUOTE = 400;

/** [open, close) spans of quotations in `t`, in one pass; nested marks stay in the outer span. */
function quoteSpans(t: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /[“「『"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    const close = CLOSE_QUOTES[m[0]] as string;
    const limit = Math.min(t.length, m.index + MAX_QUOTE);
    const k = t.slice(m.index + 1, limit).indexOf(close);
    if (k < 0) continue;
    const j = m.index + 1 + k;
    spans.push([m.index, j + 1]);
    re.lastIndex = j + 1;
  }
  return spans;
}

/** The verbs that attribute a quotation to its speaker: 8月9日，村主任对记者说. */
const SPEECH = /(?:说|表示|告诉|介绍|回忆|感慨|坦言|讲述|称|谈到|提到)/;
/** How far after a quotation its attribution is looked for. */
const ATTRIBUTION_SPAN = 80;
/** 1至2月, 3至5月: the first month of a range written with the month word once. */
const MONTH_RANGE_BEFORE = /(\d{1,2}|[一二三四五六七八九十]{1,2})(?:至|到|－|-|—|~|～)$/;

function isBlocked(t: string, i: number): boolean {
  const ch = t[i] ?? '';
  const prev = t[i - 1] ?? '';
  // 1-5月: the end of a month range written with a hyphen, not the tail of a code.
  if (/\d/.test(ch) && /[-－—~～]/.test(prev) && /(?:^|[^\d.:：A-Za-z_\-/])\d{1,2}[-－—~～]$/.test(t.slice(Math.max(0, i - 4), i)) && /^\d{1,2}月/.test(t.slice(i, i + 3))) {
    return false;
  }
  if (/\d/.test(ch) && /[\d.:：A-Za-z_\-/]/.test(prev)) return true;
  // 3年前的今天, 两天后的晚上: relative to another time, which we do not resolve.
  if (/[前后]的$/.test(t.slice(Math.max(0, i - 2), i))) return true;
  if (CN_NUMERAL.test(ch) && CN_NUMERAL.test(prev)) return true;
  if (/[\d零〇一二两三四五六七八九十]/.test(ch) && BLOCKING_PREFIX.test(t.slice(Math.max(0, i - 2), i))) return true;
  return false;
}

/** 每天早上, 每晚, 平时下午3点: a habit, not a date. The whole expression is skipped. */
function isHabitual(t: string, i: number): boolean {
  return t[i - 1] === '每' || HABITUAL_BEFORE.test(t.slice(Math.max(0, i - 2), i));
}

/**
 * Reads date expressions in order through one or more texts, remembering the date last
 * mentioned so that 24日, 当日 and 当晚 resolve as a reader would resolve them.
 */
export class DateCursor {
  private readonly st: State;

  constructor(context: DateContext | string) {
    const ctx: DateContext = typeof context === 'string' ? { dateline: context } : context;
    const dateline = DateTime.fromISO(ctx.dateline, { zone: NEWSROOM_TIME_ZONE });
    if (!dateline.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(ctx.dateline)) {
      throw new RangeError(`Invalid dateline ${JSON.stringify(ctx.dateline)}: expected YYYY-MM-DD`);
    }
    const h = dateline.plus({ months: 2 });
    this.st = {
      dateline: dateline.startOf('day'),
      horizon: dayKey(h.year, h.month, h.day),
      last: ctx.last ? { ...ctx.last } : undefined,
      quoted: false,
    };
  }

  /** The context as it stands after everything read so far. */
  get context(): DateContext {
    return { dateline: this.st.dateline.toISODate() as string, last: this.st.last ? { ...this.st.last } : undefined };
  }

  /**
   * All date expressions in `text` (the first `limit` of them), in order; the cursor moves
   * past each one read.
   */
  parse(text: string, limit = Number.POSITIVE_INFINITY, following?: string): DateMatch[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const t = toHalfWidth(text);
    const out: DateMatch[] = [];
    const quotes = quoteSpans(t);
    let q = 0;
    let attributed = -1;
    TRIGGER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (out.length < limit && (m = TRIGGER.exec(t)) !== null) {
      let i = m.index;
      if (isBlocked(t, i)) continue;
      while (q < quotes.length && (quotes[q] as [number, number])[1] <= i) q += 1;
      this.st.quoted = q < quotes.length && (quotes[q] as [number, number])[0] < i;
      if (!this.st.quoted) this.st.speechDay = undefined;
      else if (attributed !== q) {
        attributed = q;
        const resume = TRIGGER.lastIndex;
        this.st.speechDay = this.attributionDay(t, (quotes[q] as [number, number])[1], following);
        TRIGGER.lastIndex = resume;
      }
      const found = parseAt(t, i, this.st);
      if (!found) continue;
      if (isHabitual(t, i)) {
        TRIGGER.lastIndex = found.end;
        continue;
      }
      i = extendMonthRange(t, i, found);
      out.push(this.toMatch(text, i, found));
      this.remember(found.finish ?? found.start);
      const said = found.start;
      if (!this.st.quoted && said.day !== undefined && said.precision !== 'month' && said.precision !== 'year') {
        this.st.spoken = { year: said.year, month: said.month, day: said.day };
        this.st.spokenPart = said.part;
      }
      TRIGGER.lastIndex = found.end;
    }
    this.st.speechDay = undefined;
    return out;
  }

  /**
   * The day a quotation closing at `close` was spoken, when its attribution names one: the
   * rest of the sentence after the closing mark (“……，”8月9日，他说), or, when the
   * quotation ends its sentence, the next sentence (“……。”8月9日，村主任对记者说。).
   * The attribution must have a verb of speech after the day. Reads at most
   * ATTRIBUTION_SPAN characters, so the whole text is still read in linear time.
   */
  private attributionDay(t: string, close: number, following?: string): State['speechDay'] {
    let tail = t.slice(close, close + ATTRIBUTION_SPAN);
    const stop = tail.search(/[。！？!?；;“「『]/);
    if (stop >= 0) tail = tail.slice(0, stop);
    if (!HAN.test(tail) && following) {
      tail = toHalfWidth(following.slice(0, ATTRIBUTION_SPAN));
      const end = tail.search(/[。！？!?；;“「『]/);
      if (end >= 0) tail = tail.slice(0, end);
    }
    if (!SPEECH.test(tail)) return undefined;
    const probe = new DateCursor(this.context);
    Object.assign(probe.st, { ...this.st, quoted: false, speechDay: undefined });
    const [first] = probe.parse(tail, 1);
    if (!first || first.precision === 'month' || first.precision === 'year') return undefined;
    if (!SPEECH.test(tail.slice(first.index + first.text.length))) return undefined;
    const [year, month, day] = first.start.slice(0, 10).split('-').map(Number) as [number, number, number];
    return { year, month, day };
  }

  private toMatch(text: string, i: number, found: Found): DateMatch {
    const match: DateMatch = {
      text: text.slice(i, found.end),
      index: i,
      start: instant(found.start).iso,
      precision: found.start.precision,
      approximate: found.start.approximate,
      rule: found.start.rule ?? 'date',
    };
    if (found.finish) match.end = instant(found.finish).iso;
    return match;
  }

  private remember(r: Resolved): void {
    const last = this.st.last;
    // 2月26日……初春: a vague period around the day already named keeps that day.
    if (r.precision === 'month' && r.approximate && last && last.year === r.year && last.month === r.month) return;
    const explicitYear = r.explicitYear || Boolean(this.st.last?.explicitYear && this.st.last.year === r.year);
    if (r.precision === 'year') {
      // A year alone names no day: later month-days take this year (2019年……7月20日), and 当日 waits for a day.
      this.st.last = { year: r.year, month: 1, explicitYear: true };
      return;
    }
    this.st.last = {
      year: r.year,
      month: r.month,
      day: r.precision === 'month' ? undefined : r.day,
      explicitYear,
    };
  }
}

/**
 * 1至2月, 3至5月: a month written once closes a range whose first month is a bare number just
 * before it. Widens `found` to start there and returns the range's start index.
 */
function extendMonthRange(t: string, i: number, found: Found): number {
  const end = found.start;
  if (end.precision !== 'month' || end.approximate || found.finish) return i;
  const m = MONTH_RANGE_BEFORE.exec(t.slice(Math.max(0, i - 3), i));
  if (!m) return i;
  const from = i - m[0].length;
  if (/[\d零〇一二两三四五六七八九十第]/.test(t[from - 1] ?? '')) return i;
  const low = parseNumber(m[1] as string);
  if (low === null || !Number.isInteger(low) || low < 1 || low >= end.month) return i;
  found.finish = end;
  found.start = { ...end, month: low, rule: 'month-range' };
  return from;
}

/** All date expressions in a text, resolved against the dateline and each other. */
export function parseDates(text: string, context: DateContext): DateMatch[] {
  return new DateCursor(context).parse(text);
}

/** The first date expression in `expr`, or null. */
export function parseDate(expr: string, context: DateContext): DateMatch | null {
  return parseDates(expr, context)[0] ?? null;
}
