/**
 * Stage 3 of the reader: one whole expression at a position (a day, a part of the day and a
 * clock time combined, relative days, inherited days), its instant in the newsroom's zone, and
 * ranges (2月23日至3月6日).
 */
import { DateTime } from 'luxon';
import { NEWSROOM_TIME_ZONE, type ClockValue, type DateRule, type Found, type Resolved, type State } from './types';
import { MONTH_PARTS, PART_BY_WORD, PART_START, RELATIVE_BY_WORD, SEASONS, YEAR_PARTS, type PartName } from './words';
import { HAN, RE } from './patterns';
import { inferYear, matchAt, toHour24 } from './calendar';
import { approxSuffix, parseClock, parseDatePhrase } from './phrase';
import { holidayAt, holidayDay, lunarDateAt, lunarOnOrBefore } from './holidays';

/** 元旦期间, 国庆假期: the days around a holiday, not a day of its own (no event is dated by them). */
const HOLIDAY_SPAN = /^(?:假期|长假|小长假|黄金周|期间|之际|前夕)/;
/** 今年元旦, 去年春节: the year written before a holiday's name. */
const YEAR_BEFORE: Readonly<Record<string, number>> = { 今年: 0, 本年: 0, 当年: 0, 去年: -1, 前年: -2, 明年: 1 };
/** Parts of the day that are the same stretch of night, for a quotation's 昨晚. */
const NIGHT: ReadonlySet<PartName> = new Set<PartName>(['dusk', 'evening', 'late-night']);

type Base = {
  year: number;
  month: number;
  day?: number;
  explicitYear: boolean;
  precision: 'year' | 'month' | 'day';
  approximate: boolean;
};

/** Combine a named day, a part of the day and a clock time into one resolved value. */
function combine(
  base: Base,
  extraDays: number,
  part: PartName | undefined,
  clock: ClockValue | undefined,
  approximate: boolean,
): Resolved | null {
  const r: Resolved = {
    year: base.year,
    month: base.month,
    day: base.day,
    extraDays,
    precision: base.precision,
    approximate: approximate || base.approximate || Boolean(clock?.approximate),
    explicitYear: base.explicitYear,
    part,
  };
  if (clock) {
    if (base.day === undefined) return null;
    const h = toHour24(clock.hour, part);
    if (!h) return null;
    r.hour = h.hour;
    r.minute = clock.minute;
    r.extraDays += h.extraDays;
    r.precision = clock.minute === undefined ? 'hour' : 'minute';
  } else if (part) {
    if (base.day === undefined) return null;
    r.hour = PART_START[part];
    r.precision = 'part-of-day';
  }
  return r;
}

/** A named calendar day as the base of an expression: day precision, nothing approximate. */
function dayBase(day: { year: number; month: number; day: number; explicitYear?: boolean }): Base {
  return { year: day.year, month: day.month, day: day.day, explicitYear: Boolean(day.explicitYear), precision: 'day', approximate: false };
}

function lastDay(st: State): Base | null {
  return st.last && st.last.day !== undefined ? dayBase({ ...st.last, day: st.last.day }) : null;
}

/** The day an expression without one of its own belongs to: a range's start day, else the day last named. */
function inheritedDay(st: State, inherit?: Resolved): Base | null {
  return inherit && inherit.day !== undefined ? dayBase({ ...inherit, day: inherit.day }) : lastDay(st);
}

function shiftDay(base: Base, days: number): Base {
  if (days === 0 || base.day === undefined) return base;
  // Calendar days, not instants: no time zone is involved in "the next day".
  const d = new Date(Date.UTC(base.year, base.month - 1, base.day + days));
  return { ...base, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * One expression starting at `i`: [约] [named day | relative day] [part of day] [clock]
 * [许/左右/多], or a vague period. `inherit` carries the start of a range into its end.
 */
function parseOne(t: string, i: number, st: State, inherit?: Resolved): { end: number; value: Resolved } | null {
  let pos = i;
  let approximate = false;
  const pre = matchAt(RE.approxPre, t, pos);
  if (pre && !inherit) {
    approximate = true;
    pos += pre[0].length;
  }

  // Vague periods first: they close the expression.
  const season = matchAt(RE.season, t, pos);
  if (season && !inherit) {
    const month = SEASONS[season[0]] as number;
    return {
      end: pos + season[0].length,
      value: {
        year: inferYear(st, month),
        month,
        day: 1,
        extraDays: 0,
        precision: 'month',
        approximate: true,
        explicitYear: false,
        rule: 'period',
      },
    };
  }
  const bare = matchAt(RE.bareVague, t, pos);
  if (bare && !inherit) {
    const word = bare[1] as string;
    const prev = t[pos - 1] ?? '';
    if (HAN.test(prev) && !/[，,。；;：:、）)》」』]/.test(prev)) {
      // 岁月中, 新年初一: part of another word. (本月初 and 2021年底 are read as date phrases.)
      if (!/[旬]/.test(word)) return null;
    }
    const base = st.last ?? { year: st.dateline.year, month: st.dateline.month };
    let value: Resolved;
    if (word.startsWith('年') || word === '岁末') {
      const month = word === '岁末' ? 12 : (YEAR_PARTS[word.slice(1)] as number);
      value = {
        year: st.last?.year ?? st.dateline.year,
        month,
        day: 1,
        extraDays: 0,
        precision: 'month',
        approximate: true,
        explicitYear: false,
      };
    } else {
      const key = word.startsWith('月') ? word.slice(1) : word;
      value = {
        year: base.year,
        month: base.month,
        day: MONTH_PARTS[key] as number,
        extraDays: 0,
        precision: 'month',
        approximate: true,
        explicitYear: false,
      };
    }
    return { end: pos + word.length, value: { ...value, rule: 'period' } };
  }

  let base: Base | null = null;
  let part: PartName | undefined;
  let marked = false; // something other than the clock itself says this is a time
  let rule: DateRule = 'date';

  /** For 昨晚 in a quotation: the reading against the dateline, when it names the night just told. */
  let narratedNight: Base | null = null;
  const rel = matchAt(RE.relative, t, pos);
  const holiday = rel || inherit ? null : holidayAt(t, pos);
  const lunar = rel || holiday || inherit ? null : lunarDateAt(t, pos);
  if (rel) {
    const spec = RELATIVE_BY_WORD.get(rel[0]);
    if (!spec) return null;
    let anchor: Base | null;
    rule = 'relative-day';
    const datelineDay = dayBase({ year: st.dateline.year, month: st.dateline.month, day: st.dateline.day });
    const speechDay = st.quoted ? (st.speechDay ?? st.spoken) : undefined;
    if (spec.base === 'dateline' && speechDay) {
      // 昨天 in a quotation: the day before the speaker spoke, which the text named around it.
      anchor = dayBase(speechDay);
      rule = 'quoted-speech';
      // “昨天晚上我们一直干到今天早上” after a story of 1月7日夜间: the speaker means that night
      // (spoke the day after), unless the attribution named the day of speaking.
      const told = st.spoken;
      if (!st.speechDay && told && st.spokenPart && NIGHT.has(st.spokenPart) && spec.offset < 0) {
        const viaDateline = shiftDay(datelineDay, spec.offset);
        if (viaDateline.year === told.year && viaDateline.month === told.month && viaDateline.day === told.day) narratedNight = viaDateline;
      }
    } else if (spec.base === 'dateline') anchor = datelineDay;
    else anchor = inheritedDay(st, inherit);
    if (!anchor) return null; // 当日 with no day named before: unknown
    base = shiftDay(anchor, spec.offset);
    part = spec.part;
    marked = true;
    pos += rel[0].length;
  } else if (holiday) {
    const written = YEAR_BEFORE[t.slice(Math.max(0, pos - 2), pos)];
    const probe = holidayDay(holiday.rule, st.dateline.year);
    if (!probe) return null;
    const year = written !== undefined ? st.dateline.year + written : inferYear(st, probe.month, probe.day);
    // A lunar festival moves: infer the year from its own day in that year.
    const day = holidayDay(holiday.rule, year);
    if (!day) return null;
    base = { ...dayBase(day), explicitYear: written !== undefined };
    pos += holiday.word.length;
    // 春节假期, 国庆期间: a stretch of days, not a day an event happened on.
    if (HOLIDAY_SPAN.test(t.slice(pos, pos + 3))) return null;
    marked = true;
    rule = 'holiday';
  } else if (lunar) {
    // 腊月二十六: the latest such day not after the horizon (the dateline and about two months).
    const h = st.dateline.plus({ months: 2 });
    const day = lunarOnOrBefore({ year: h.year, month: h.month, day: h.day }, lunar.month, lunar.day);
    if (!day) return null;
    base = dayBase(day);
    pos = lunar.end;
    marked = true;
    rule = 'lunar';
  } else {
    const dp = parseDatePhrase(t, pos, st, inherit);
    if (dp) {
      base = {
        year: dp.year,
        month: dp.month,
        day: dp.day,
        explicitYear: dp.explicitYear,
        precision: dp.precision,
        approximate: dp.approximate,
      };
      pos = dp.end;
      marked = true;
      if (dp.dayOnly) rule = 'day-of-month';
      if (dp.closed) {
        const ax = approxSuffix(t, pos, false);
        return { end: pos + ax, value: { ...base, extraDays: 0, precision: dp.precision, approximate: true, rule: 'period' } };
      }
    }
  }

  if (base && base.day !== undefined) {
    const wd = matchAt(RE.weekday, t, pos);
    if (wd) pos += wd[0].length;
  }

  // Part of the day.
  if (!part || base) {
    const pm = matchAt(RE.part, t, pos);
    if (pm) {
      const word = pm[0];
      const name = PART_BY_WORD.get(word) as PartName;
      const after = pos + word.length;
      if (word.length === 1) {
        // 早/晚/夜 alone: only before a clock time, or (晚/夜) straight after a named day.
        const clockNext = parseClock(t, after, name, true);
        if (clockNext || (base && word !== '早' && !HAN.test(t[after] ?? ''))) {
          part = part === 'evening' && name === 'evening' ? part : name;
          pos = after;
        }
      } else if (!part || part === name || (part === 'evening' && name === 'late-night')) {
        part = name;
        pos = after;
      }
    }
  }

  let ck = parseClock(t, pos, part, marked);
  if (!ck && !part && base && base.day !== undefined && !inherit && (t[pos] === '，' || t[pos] === ',')) {
    // 3月13日，凌晨4点30分: a day, a comma, then the time of that day.
    const joined = timeAfterComma(t, pos + 1);
    if (joined) {
      part = joined.part;
      pos = joined.end;
      ck = joined.clock ? { end: joined.end, clock: joined.clock } : null;
      rule = 'comma-joined';
    }
  }
  let clock: ClockValue | undefined;
  if (ck) {
    clock = ck.clock;
    pos = ck.end;
  }
  const ax = approxSuffix(t, pos, Boolean(clock));
  if (ax) {
    approximate = true;
    pos += ax;
  }

  if (!base && !part && !clock) return null;
  if (!base) {
    // A time with no day of its own: the day of a range's start, else the day last named.
    base = inheritedDay(st, inherit);
    if (!base) return null;
    if (inherit && !part && inherit.part) part = inherit.part;
    rule = 'inherited-day';
  }
  if (narratedNight && part && NIGHT.has(part)) base = narratedNight;
  const value = combine(base, 0, part, clock, approximate);
  if (!value) return null;
  return { end: pos, value: { ...value, rule } };
}

/**
 * A time of day straight after a comma that follows a day: a part of the day written out
 * (凌晨, 晚上; not 早/晚 alone unless a clock follows) and/or a clock time. Null when the
 * clause goes on about something else.
 */
function timeAfterComma(t: string, i: number): { end: number; part?: PartName; clock?: ClockValue } | null {
  let pos = i;
  let part: PartName | undefined;
  const pm = matchAt(RE.part, t, pos);
  if (pm) {
    const name = PART_BY_WORD.get(pm[0]) as PartName;
    if (pm[0].length > 1 || parseClock(t, pos + pm[0].length, name, true)) {
      part = name;
      pos += pm[0].length;
    }
  }
  const ck = parseClock(t, pos, part, true);
  if (!ck && !part) return null;
  // A clock time must say it is one (19时30分, 4点多): a bare 3点 after a comma may be the points of a plan.
  if (!part && ck && ck.clock.minute === undefined && !ck.clock.approximate && !/时/.test(t.slice(pos, ck.end))) return null;
  return ck ? { end: ck.end, part, clock: ck.clock } : { end: pos, part };
}

/**
 * Instants are built with luxon so the zone's history is respected; reports repeat the
 * same few dates, so each distinct one is built once.
 */
const instantCache = new Map<string, { ms: number; iso: string }>();

export function instant(r: Resolved): { ms: number; iso: string } {
  const key = `${r.year}-${r.month}-${r.day ?? 1}-${r.hour ?? 0}-${r.minute ?? 0}-${r.extraDays}`;
  const hit = instantCache.get(key);
  if (hit) return hit;
  let dt = DateTime.fromObject(
    { year: r.year, month: r.month, day: r.day ?? 1, hour: r.hour ?? 0, minute: r.minute ?? 0 },
    { zone: NEWSROOM_TIME_ZONE },
  );
  if (r.extraDays) dt = dt.plus({ days: r.extraDays });
  const value = { ms: dt.toMillis(), iso: dt.toISO({ suppressMilliseconds: true }) ?? '' };
  if (instantCache.size > 5000) instantCache.clear();
  instantCache.set(key, value);
  return value;
}

/** An expression and, when a range separator and a second expression follow, its end. */
export function parseAt(t: string, i: number, st: State): Found | null {
  const first = parseOne(t, i, st);
  if (!first) return null;
  const found: Found = { end: first.end, start: first.value };
  const sep = matchAt(RE.range, t, first.end);
  if (sep && first.value.precision !== 'year') {
    const second = parseOne(t, first.end + sep[0].length, st, first.value);
    if (second) {
      let finish = second.value;
      const a = instant(first.value).ms;
      let b = instant(finish).ms;
      // 12月28日至1月3日: the end is in the next year; 晚10时至2时: the next day.
      if (b <= a && finish.precision !== 'day' && finish.hour !== undefined && second.value.day === first.value.day) {
        finish = { ...finish, extraDays: finish.extraDays + 1 };
        b = instant(finish).ms;
      } else if (b <= a && !finish.explicitYear && finish.month < first.value.month) {
        finish = { ...finish, year: finish.year + 1 };
        b = instant(finish).ms;
      }
      if (b > a) {
        found.finish = finish;
        found.end = second.end;
      }
    }
  }
  return found;
}
