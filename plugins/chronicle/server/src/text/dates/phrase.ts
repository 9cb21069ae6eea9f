/**
 * Stage 2 of the reader: the pieces of an expression at a position: a calendar phrase
 * (2022年3月6日, 24日, 3月下旬, 今年3月), a clock time (3时许, 19:30) and a trailing 左右.
 */
import { parseSmallInteger, parseNumber } from '../numerals';
import type { ClockValue, Resolved, State } from './types';
import { MONTH_PARTS, YEAR_PARTS, type PartName } from './words';
import { CLOCK_TAIL_ARABIC, CLOCK_TAIL_CHINESE, CN_NUMERAL, DAY_ONLY_BLOCKING_PREFIX, DAY_ONLY_BLOCKING_SUFFIX, HAO_DAY_TAIL, RE, SHI_WORD } from './patterns';
import { daysIn, inferYear, matchAt } from './calendar';

interface DatePhrase {
  end: number;
  year: number;
  month: number;
  day?: number;
  precision: 'year' | 'month' | 'day';
  explicitYear: boolean;
  approximate: boolean;
  /** Vague periods (3月底, 年初) take no part of day or clock after them. */
  closed: boolean;
  /** 24日: a day whose month came from elsewhere. */
  dayOnly?: boolean;
}

/** 2022年3月6日, 3月6日, 24日, 2022年3月, 3月下旬, 2021年底, 今年3月 … */
export function parseDatePhrase(t: string, i: number, st: State, inherit?: Resolved): DatePhrase | null {
  const iso = matchAt(RE.iso, t, i);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
    return {
      end: i + iso[0].length,
      year,
      month,
      day,
      precision: 'day',
      explicitYear: true,
      approximate: false,
      closed: false,
    };
  }

  let pos = i;
  let year: number | undefined;
  let explicitYear = false;
  let relYear = false;
  const y4 = matchAt(RE.year, t, pos);
  const y2 = y4 ? null : matchAt(RE.year2, t, pos);
  const yr = y4 || y2 ? null : matchAt(RE.relYear, t, pos);
  if (y4) {
    year = parseNumber(y4[1] as string) ?? undefined;
    if (year === undefined || year < 1000 || year > 2999) return null;
    explicitYear = true;
    pos += y4[0].length;
  } else if (y2) {
    // 22年3月: the nearest such year not more than a year after the dateline.
    year = Math.floor(st.dateline.year / 100) * 100 + Number(y2[1]);
    if (year > st.dateline.year + 1) year -= 100;
    explicitYear = true;
    pos += y2[0].length;
  } else if (yr) {
    const word = yr[1] as string;
    const offsets: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 前年: -2, 明年: 1 };
    if (word === '当年') {
      if (!st.last) return null;
      year = st.last.year;
    } else year = st.dateline.year + (offsets[word] ?? 0);
    explicitYear = true;
    relYear = true;
    pos += word.length;
  }

  let month: number | undefined;
  let chineseMonth = false;
  let fen = false;
  const mm = matchAt(RE.month, t, pos);
  const rm = mm ? null : matchAt(RE.relMonth, t, pos);
  if (mm) {
    month = parseSmallInteger(mm[1] as string) ?? undefined;
    if (month === undefined || month < 1 || month > 12) return null;
    chineseMonth = CN_NUMERAL.test(mm[1] as string);
    fen = mm[2] !== undefined;
    pos += mm[0].length;
  } else if (rm && year === undefined) {
    const word = rm[1] as string;
    const base =
      word === '当月'
        ? st.last
          ? { year: st.last.year, month: st.last.month }
          : null
        : { year: st.dateline.year, month: st.dateline.month };
    if (!base) return null;
    const shift = word.startsWith('上') ? -1 : word.startsWith('下') ? 1 : 0;
    const d = new Date(Date.UTC(base.year, base.month - 1 + shift, 1));
    year = d.getUTCFullYear();
    month = d.getUTCMonth() + 1;
    explicitYear = true;
    pos += word.length;
  }

  if (year !== undefined && month === undefined) {
    // 2021年底, 今年初, 去年年底
    const yp = matchAt(RE.yearPart, t, pos);
    if (yp) {
      const m = YEAR_PARTS[yp[1] as string] as number;
      return {
        end: pos + yp[0].length,
        year,
        month: m,
        precision: 'month',
        explicitYear,
        approximate: true,
        closed: true,
      };
    }
    if (relYear) return null; // 今年40岁: an age, not a date
    return { end: pos, year, month: 1, precision: 'year', explicitYear, approximate: false, closed: false };
  }

  if (month !== undefined) {
    const mp = matchAt(RE.monthPart, t, pos);
    if (mp) {
      const y = year ?? inferYear(st, month);
      return {
        end: pos + mp[0].length,
        year: y,
        month,
        day: MONTH_PARTS[mp[1] as string],
        precision: 'month',
        explicitYear,
        approximate: true,
        closed: true,
      };
    }
  }

  // Day of the month.
  const dd = fen ? null : matchAt(RE.day, t, pos);
  if (dd) {
    const raw = dd[1] as string;
    const day = parseSmallInteger(raw);
    const chineseDay = CN_NUMERAL.test(raw);
    const dayEnd = pos + dd[0].length;
    const tail = t.slice(dayEnd, dayEnd + 4);
    if (day !== null && day >= 1 && day <= 31) {
      if (month !== undefined) {
        const y = year ?? inherit?.year ?? inferYear(st, month, day);
        if (day > daysIn(y, month)) return null;
        return { end: dayEnd, year: y, month, day, precision: 'day', explicitYear, approximate: false, closed: false };
      }
      if (year === undefined) {
        // Day only (24日): Arabic digits only, and not a count of days (3日内, 前3日).
        const ok =
          !chineseDay &&
          !DAY_ONLY_BLOCKING_PREFIX.test(t.slice(Math.max(0, i - 1), i)) &&
          !DAY_ONLY_BLOCKING_SUFFIX.test(tail) &&
          (dd[2] === '日' || HAO_DAY_TAIL.test(tail));
        if (!ok) return null;
        let y: number;
        let m: number;
        if (inherit) {
          y = inherit.year;
          m = inherit.month;
        } else if (st.last) {
          y = st.last.year;
          m = st.last.month;
        } else {
          // No month named yet: this month, unless the day is well past the dateline.
          let d = st.dateline.set({ day: 1 });
          if (day > st.dateline.day + 7) d = d.minus({ months: 1 });
          y = d.year;
          m = d.month;
        }
        if (day > daysIn(y, m)) return null;
        return {
          end: dayEnd,
          year: y,
          month: m,
          day,
          precision: 'day',
          explicitYear: false,
          approximate: false,
          closed: false,
          dayOnly: true,
        };
      }
    }
  }

  if (month !== undefined) {
    // Month alone. In Chinese numerals only with a year or 份 (一月 is also "one month").
    if (chineseMonth && year === undefined && !fen) return null;
    const y = year ?? inferYear(st, month);
    return { end: pos, year: y, month, precision: 'month', explicitYear, approximate: false, closed: false };
  }
  return null;
}

export function parseClock(
  t: string,
  i: number,
  part: PartName | undefined,
  marked: boolean,
): { end: number; clock: ClockValue } | null {
  let pos = i;
  let approximate = false;
  const pre = matchAt(RE.approxPre, t, pos);
  if (pre) {
    approximate = true;
    pos += pre[0].length;
  }
  const colon = matchAt(RE.colon, t, pos);
  if (colon) {
    const hour = Number(colon[1]);
    const minute = Number(colon[2]);
    if (hour > 24 || minute > 59) return null;
    if (!marked && !part) {
      const prev = t[i - 1] ?? '';
      if (/[\d:：]/.test(prev)) return null;
    }
    return { end: pos + colon[0].length, clock: { hour, minute, approximate } };
  }
  const m = matchAt(RE.clock, t, pos);
  if (!m) return null;
  const raw = m[1] as string;
  const hour = parseSmallInteger(raw);
  if (hour === null || hour > 24) return null;
  const unit = m[2] as string;
  const end = pos + m[0].length;
  const tail = t.slice(end, end + 3);
  const afterUnit = t.slice(pos + raw.length + 1, pos + raw.length + 4);
  const chinese = CN_NUMERAL.test(raw);
  if (unit === '时' && !m[3] && !m[5] && SHI_WORD.test(afterUnit)) return null;
  if (m[4] && unit === '时' && !marked && !part) return null; // 一时半会儿
  if (!marked && !part && !m[3] && !m[4] && !m[5] && !m[6]) {
    if (chinese && !CLOCK_TAIL_CHINESE.test(tail)) return null;
    if (!chinese && unit === '点' && !CLOCK_TAIL_ARABIC.test(tail)) return null;
  }
  let minute: number | undefined;
  if (m[3] !== undefined) {
    const mv = parseSmallInteger(m[3]);
    if (mv === null || mv > 59) return null;
    minute = mv;
  } else if (m[4]) minute = 30;
  return { end, clock: { hour, minute, approximate } };
}

/** Length of a trailing 许/左右/前后/多; 许 and 多 follow clock times only (3时许, 1点多). */
export function approxSuffix(t: string, i: number, afterClock: boolean): number {
  const m = matchAt(RE.approxPost, t, i);
  if (!m) return 0;
  if ((m[0] === '多' || m[0] === '许') && !afterClock) return 0;
  return m[0].length;
}
