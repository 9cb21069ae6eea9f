/**
 * Chinese date and time expressions, read relative to a report's dateline the way a
 * reader of the report would read them: 2月23日, 24日 (the month last mentioned),
 * 当日下午3时许 (the day last mentioned), 2月26日晚11时, 初春 … → an instant in
 * Asia/Shanghai with a precision and an "approximately" flag, and back again for display
 * in zh-Hans and English. Pure module: luxon only.
 *
 * Choices worth knowing (each also noted where it is made):
 * - A part of the day on its own starts at the start of that part (GLOSSARY: 凌晨 0,
 *   清晨 5, 上午 8, 中午 11, 下午 12, 傍晚 17, 晚上 18, 深夜 23). 中午 is therefore 11:00,
 *   not 12:00; the start hours are all different, so display can name the part again.
 * - Display marks approximation with 左右 in every precision (the one marker that reads
 *   naturally after a date as well as after a clock time).
 * - A time or 当日 in a text that has named no day yet is not resolved: guessing the
 *   dateline would put "that evening" on the wrong day more often than not.
 * - Seasons follow the traditional reckoning from 立春 (early February), which is how
 *   reports use them: 初春 = February, 仲春 = March, 暮春 = April, and so on.
 */
import { DateTime } from 'luxon';
import type { Precision } from '../domain/enums';
import { parseSmallInteger, parseNumber, toHalfWidth } from './numerals';

export const NEWSROOM_TIME_ZONE = 'Asia/Shanghai';

export interface DateContext {
  /** The report's date, YYYY-MM-DD, in the newsroom's time zone. */
  dateline: string;
  /** The date mentioned last; `explicitYear` when the text wrote its year out. */
  last?: { year: number; month: number; day?: number; explicitYear?: boolean };
}

export interface DateMatch {
  text: string;
  index: number;
  /** ISO 8601 with offset, e.g. 2022-03-05T15:00:00+08:00. */
  start: string;
  /** For ranges (2月23日至3月6日): the start of the closing date or time. */
  end?: string;
  precision: Precision;
  approximate: boolean;
  /**
   * Why the expression resolved as it did: 'date' (it names its day), 'day-of-month' (24日:
   * month from the text or the dateline), 'relative-day' (当日, 次日, 昨天), 'quoted-speech'
   * (昨天 inside a quotation: the day the speaker spoke), 'inherited-day' (a time of day
   * that takes the day last named), 'comma-joined' (3月13日，凌晨4点30分), 'period' (月底, 初春).
   */
  rule: DateRule;
}

export type DateRule = 'date' | 'day-of-month' | 'relative-day' | 'quoted-speech' | 'inherited-day' | 'comma-joined' | 'period';

type PartName = 'before-dawn' | 'early-morning' | 'morning' | 'noon' | 'afternoon' | 'dusk' | 'evening' | 'late-night';

/** Start hour of each part of the day; all different, so a start hour names its part. */
const PART_START: Readonly<Record<PartName, number>> = {
  'before-dawn': 0,
  'early-morning': 5,
  morning: 8,
  noon: 11,
  afternoon: 12,
  dusk: 17,
  evening: 18,
  'late-night': 23,
};

const PART_WORDS: ReadonlyArray<[string, PartName]> = [
  ['凌晨', 'before-dawn'],
  ['拂晓', 'early-morning'],
  ['黎明', 'early-morning'],
  ['清晨', 'early-morning'],
  ['早晨', 'early-morning'],
  ['早上', 'early-morning'],
  ['一早', 'early-morning'],
  ['上午', 'morning'],
  ['中午', 'noon'],
  ['午间', 'noon'],
  ['正午', 'noon'],
  ['下午', 'afternoon'],
  ['午后', 'afternoon'],
  ['傍晚', 'dusk'],
  ['黄昏', 'dusk'],
  ['晚上', 'evening'],
  ['晚间', 'evening'],
  ['夜里', 'evening'],
  ['夜间', 'evening'],
  ['半夜', 'late-night'],
  ['深夜', 'late-night'],
  ['午夜', 'late-night'],
  ['早', 'morning'],
  ['晚', 'evening'],
  ['夜', 'evening'],
];
const PART_BY_WORD = new Map(PART_WORDS);

/** Words relative to the day last mentioned (or, for 今/昨/明, to the dateline). */
const RELATIVE_DAYS: ReadonlyArray<[string, { base: 'last' | 'dateline'; offset: number; part?: PartName }]> = [
  ['当日', { base: 'last', offset: 0 }],
  ['当天', { base: 'last', offset: 0 }],
  ['同日', { base: 'last', offset: 0 }],
  ['是日', { base: 'last', offset: 0 }],
  ['当晚', { base: 'last', offset: 0, part: 'evening' }],
  ['当夜', { base: 'last', offset: 0, part: 'evening' }],
  ['次日', { base: 'last', offset: 1 }],
  ['翌日', { base: 'last', offset: 1 }],
  ['第二天', { base: 'last', offset: 1 }],
  ['第二日', { base: 'last', offset: 1 }],
  ['隔天', { base: 'last', offset: 1 }],
  ['次晚', { base: 'last', offset: 1, part: 'evening' }],
  ['翌晨', { base: 'last', offset: 1, part: 'early-morning' }],
  ['前一天', { base: 'last', offset: -1 }],
  ['前一日', { base: 'last', offset: -1 }],
  ['头一天', { base: 'last', offset: -1 }],
  ['今天', { base: 'dateline', offset: 0 }],
  ['今日', { base: 'dateline', offset: 0 }],
  ['今晨', { base: 'dateline', offset: 0, part: 'early-morning' }],
  ['今早', { base: 'dateline', offset: 0, part: 'early-morning' }],
  ['今晚', { base: 'dateline', offset: 0, part: 'evening' }],
  ['今夜', { base: 'dateline', offset: 0, part: 'evening' }],
  ['昨天', { base: 'dateline', offset: -1 }],
  ['昨日', { base: 'dateline', offset: -1 }],
  ['昨晚', { base: 'dateline', offset: -1, part: 'evening' }],
  ['昨夜', { base: 'dateline', offset: -1, part: 'evening' }],
  ['前天', { base: 'dateline', offset: -2 }],
  ['前日', { base: 'dateline', offset: -2 }],
  ['明天', { base: 'dateline', offset: 1 }],
  ['明日', { base: 'dateline', offset: 1 }],
  ['后天', { base: 'dateline', offset: 2 }],
];
const RELATIVE_BY_WORD = new Map(RELATIVE_DAYS);

/** Seasons by the traditional reckoning (spring from 立春): month each phrase points at. */
const SEASONS: Readonly<Record<string, number>> = {
  早春: 2,
  初春: 2,
  仲春: 3,
  暮春: 4,
  晚春: 4,
  春末: 4,
  初夏: 5,
  仲夏: 6,
  盛夏: 7,
  晚夏: 7,
  夏末: 7,
  初秋: 8,
  仲秋: 9,
  深秋: 10,
  晚秋: 10,
  秋末: 10,
  初冬: 11,
  隆冬: 12,
  深冬: 12,
  冬末: 1,
};

/** Day of the month each vague part of a month starts on. */
const MONTH_PARTS: Readonly<Record<string, number>> = {
  初: 1,
  上旬: 1,
  上中旬: 1,
  中: 11,
  中旬: 11,
  中下旬: 11,
  底: 21,
  末: 21,
  下旬: 21,
};
const YEAR_PARTS: Readonly<Record<string, number>> = { 初: 1, 中: 6, 底: 12, 末: 12, 终: 12 };

const alt = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');

const CN = '零〇一二两三四五六七八九十';
const NUM2 = `\\d{1,2}|[${CN}]{1,3}`;
const sticky = (source: string): RegExp => new RegExp(source, 'y');

const RE = {
  approxPre: sticky('(?:大约|大概|约)'),
  relative: sticky(`(?:${alt(RELATIVE_BY_WORD.keys())})`),
  iso: sticky('(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d.])'),
  year: sticky(`(\\d{4}|[零〇一二三四五六七八九]{4})年`),
  year2: sticky(`(\\d{2})年(?=(?:\\d{1,2}|[${CN}]{1,2})月)`),
  relYear: sticky('(今年|去年|明年|前年|本年|当年)'),
  month: sticky(`(${NUM2})月(份)?`),
  relMonth: sticky('(本月|当月|上个?月|下个?月)'),
  day: sticky(`(${NUM2})(日|号)`),
  // 初 before 步/次/心 starts another word (3月初步统计: "preliminary figures for March").
  monthPart: sticky(`月?(上中旬|中下旬|上旬|中旬|下旬|初(?![步次心衷级])|底|末|中(?![\\u4e00-\\u9fff]))`),
  yearPart: sticky(`(?:年)?(初|底|末|终|中(?![\\u4e00-\\u9fff]))`),
  bareVague: sticky('(月初|月中|月底|月末|上旬|中旬|下旬|年初|年中|年底|年末|年终|岁末)'),
  season: sticky(`(?:${alt(Object.keys(SEASONS))})`),
  weekday: sticky('[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?'),
  part: sticky(`(?:${alt(PART_BY_WORD.keys())})`),
  clock: sticky(`(${NUM2})(时|点)(?:(\\d{1,2}|[${CN}]{1,3})分|(半)|(整)|(钟))?`),
  colon: sticky('(\\d{1,2})[:：](\\d{2})(?![\\d:：])'),
  approxPost: sticky('(?:许|左右|前后|多)'),
  range: sticky('(?:起至|至|到|——|—|–|－|-|~|～)'),
};

/** Candidate starts: anything a date expression can begin with. */
const TRIGGER = new RegExp(
  `[0-9${CN}]|${alt([
    ...RELATIVE_BY_WORD.keys(),
    ...PART_BY_WORD.keys(),
    ...Object.keys(SEASONS),
    '今年',
    '去年',
    '明年',
    '前年',
    '本年',
    '当年',
    '本月',
    '当月',
    '上月',
    '上个月',
    '下月',
    '下个月',
    '月初',
    '月中',
    '月底',
    '月末',
    '上旬',
    '中旬',
    '下旬',
    '年初',
    '年中',
    '年底',
    '年末',
    '年终',
    '岁末',
    '大约',
    '大概',
    '约',
  ])}`,
  'g',
);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const CN_NUMERAL = new RegExp(`[${CN}]`);
/** 时 starting a word rather than ending a clock time (时间, 时候, 时期 …). */
const SHI_WORD = /^[间候期代段刻空差速效长髦尚常机事光局势限针节令辰分钟]/;
/**
 * What must follow an unmarked clock time (no day, no part of the day before it) to be
 * read as one: 3点建议 is three suggestions, 差一点 is "nearly". Arabic 3点 may also end
 * a clause; Chinese 一点/一时 may not, being words of their own.
 */
const CLOCK_TAIL_ARABIC = /^(?:钟|半|多|许|左右|前后|整|[\d零〇一二三四五六七八九十]+分|$|[^\u3400-\u9fff])/;
const CLOCK_TAIL_CHINESE = /^(?:钟|半|多|许|左右|前后|整|[\d零〇一二三四五六七八九十]+分)/;
/** Words before a number that make it a count, an ordinal or a habit rather than a date. */
const BLOCKING_PREFIX = /(?:第|每|近|几|数|这|那|连续|持续|最近|每隔)$/;
const HABITUAL_BEFORE = /(?:每天|每日|每周|每逢|天天|平时|平日|经常|通常|往往|一般)$/;
const DAY_ONLY_BLOCKING_PREFIX = /[这那前后头半多个月]$/; // 月: what is left of a month that did not parse (13月5日)
const DAY_ONLY_BLOCKING_SUFFIX = /^(?:内|之内|以内|里|来|间|多|左右)/;
/** 号 alone is a house, a line, a size … unless it is clearly followed by a time or a break. */
const HAO_DAY_TAIL = new RegExp(`^(?:$|[^\\u3400-\\u9fff]|${alt(PART_BY_WORD.keys())}|[起至到前后当开以])`);

interface ClockValue {
  hour: number;
  minute?: number;
  approximate: boolean;
}

interface Resolved {
  /** The calendar day (or month/year) the expression names. */
  year: number;
  month: number;
  day?: number;
  hour?: number;
  minute?: number;
  /** Days to add after building the instant (深夜12点 is the start of the next day). */
  extraDays: number;
  precision: Precision;
  approximate: boolean;
  explicitYear: boolean;
  part?: PartName;
  rule?: DateRule;
}

interface Found {
  end: number;
  start: Resolved;
  finish?: Resolved;
}

interface State {
  dateline: DateTime;
  /** dayKey of dateline + 2 months: dates written without a year may not lie beyond it. */
  horizon: number;
  last?: { year: number; month: number; day?: number; explicitYear?: boolean };
  /** The day last named outside quotations: the day a quoted speaker's 今天 means. */
  spoken?: { year: number; month: number; day: number };
  /** Whether the expression being read is inside a quotation. */
  quoted: boolean;
}

function matchAt(re: RegExp, t: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(t);
}

/** Plain calendar arithmetic: cheaper than building a DateTime for each candidate. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function dayKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/**
 * The year of a month (and day) written without one: the dateline's year, unless that
 * would put it more than about two months after the dateline (then the year before).
 * A story that wrote a year out earlier keeps that year while its dates move forward.
 */
function inferYear(st: State, month: number, day = 1): number {
  const last = st.last;
  if (last && last.explicitYear) {
    if (dayKey(last.year, month, day) >= dayKey(last.year, last.month, last.day ?? 1)) return last.year;
  }
  const y = st.dateline.year;
  return dayKey(y, month, Math.min(day, daysIn(y, month))) > st.horizon ? y - 1 : y;
}

function toHour24(hour: number, part: PartName | undefined): { hour: number; extraDays: number } | null {
  if (hour < 0 || hour > 24) return null;
  if (hour === 24) return { hour: 0, extraDays: 1 };
  switch (part) {
    case 'before-dawn':
      return { hour: hour === 12 ? 0 : hour, extraDays: 0 };
    case 'noon':
      return { hour: hour >= 1 && hour <= 3 ? hour + 12 : hour, extraDays: 0 };
    case 'afternoon':
    case 'dusk':
      return { hour: hour < 12 ? hour + 12 : hour, extraDays: 0 };
    case 'evening':
    case 'late-night':
      // 晚上12点 / 深夜1点 are past midnight: the next calendar day.
      if (hour === 12 || hour === 0) return { hour: 0, extraDays: 1 };
      if (hour >= 1 && hour <= 4) return { hour, extraDays: 1 };
      return { hour: hour < 12 ? hour + 12 : hour, extraDays: 0 };
    default:
      return { hour, extraDays: 0 };
  }
}

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
function parseDatePhrase(t: string, i: number, st: State, inherit?: Resolved): DatePhrase | null {
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

function parseClock(
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
function approxSuffix(t: string, i: number, afterClock: boolean): number {
  const m = matchAt(RE.approxPost, t, i);
  if (!m) return 0;
  if ((m[0] === '多' || m[0] === '许') && !afterClock) return 0;
  return m[0].length;
}

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

  const rel = matchAt(RE.relative, t, pos);
  if (rel) {
    const spec = RELATIVE_BY_WORD.get(rel[0]);
    if (!spec) return null;
    let anchor: Base | null;
    rule = 'relative-day';
    if (spec.base === 'dateline' && st.quoted && st.spoken) {
      // 昨天 in a quotation: the day before the speaker spoke, which the text named outside it.
      anchor = dayBase(st.spoken);
      rule = 'quoted-speech';
    } else if (spec.base === 'dateline') anchor = dayBase({ year: st.dateline.year, month: st.dateline.month, day: st.dateline.day });
    else anchor = inheritedDay(st, inherit);
    if (!anchor) return null; // 当日 with no day named before: unknown
    base = shiftDay(anchor, spec.offset);
    part = spec.part;
    marked = true;
    pos += rel[0].length;
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

function instant(r: Resolved): { ms: number; iso: string } {
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
function parseAt(t: string, i: number, st: State): Found | null {
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

function isBlocked(t: string, i: number): boolean {
  const ch = t[i] ?? '';
  const prev = t[i - 1] ?? '';
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
  parse(text: string, limit = Number.POSITIVE_INFINITY): DateMatch[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const t = toHalfWidth(text);
    const out: DateMatch[] = [];
    const quotes = quoteSpans(t);
    let q = 0;
    TRIGGER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (out.length < limit && (m = TRIGGER.exec(t)) !== null) {
      const i = m.index;
      if (isBlocked(t, i)) continue;
      while (q < quotes.length && (quotes[q] as [number, number])[1] <= i) q += 1;
      this.st.quoted = q < quotes.length && (quotes[q] as [number, number])[0] < i;
      const found = parseAt(t, i, this.st);
      if (!found) continue;
      if (isHabitual(t, i)) {
        TRIGGER.lastIndex = found.end;
        continue;
      }
      out.push(this.toMatch(text, i, found));
      this.remember(found.finish ?? found.start);
      const said = found.start;
      if (!this.st.quoted && said.day !== undefined && said.precision !== 'month' && said.precision !== 'year') {
        this.st.spoken = { year: said.year, month: said.month, day: said.day };
      }
      TRIGGER.lastIndex = found.end;
    }
    return out;
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

/** All date expressions in a text, resolved against the dateline and each other. */
export function parseDates(text: string, context: DateContext): DateMatch[] {
  return new DateCursor(context).parse(text);
}

/** The first date expression in `expr`, or null. */
export function parseDate(expr: string, context: DateContext): DateMatch | null {
  return parseDates(expr, context)[0] ?? null;
}

// ---------------------------------------------------------------------------------
// Display

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ZH_PART_NAME: Readonly<Record<PartName, string>> = {
  'before-dawn': '凌晨',
  'early-morning': '清晨',
  morning: '上午',
  noon: '中午',
  afternoon: '下午',
  dusk: '傍晚',
  evening: '晚上',
  'late-night': '深夜',
};
const EN_PART_NAME: Readonly<Record<PartName, string>> = {
  'before-dawn': 'before dawn',
  'early-morning': 'early morning',
  morning: 'morning',
  noon: 'noon',
  afternoon: 'afternoon',
  dusk: 'dusk',
  evening: 'evening',
  'late-night': 'late at night',
};

/** The part of the day whose start is this hour, or else the one the hour falls in. */
function partOfHour(hour: number): PartName {
  const exact = (Object.keys(PART_START) as PartName[]).find((p) => PART_START[p] === hour);
  if (exact) return exact;
  return clockPart(hour);
}

/** The word a clock time is written with: 凌晨0–4, 清晨5–7, 上午8–11, 中午12, 下午13–17, 晚上18–23. */
function clockPart(hour: number): PartName {
  if (hour < 5) return 'before-dawn';
  if (hour < 8) return 'early-morning';
  if (hour < 12) return 'morning';
  if (hour === 12) return 'noon';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

function enClock(hour: number, minute: number | undefined): string {
  if (minute === undefined) {
    if (hour === 0) return 'midnight';
    if (hour === 12) return 'noon';
  }
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'a.m.' : 'p.m.';
  return minute === undefined ? `${h12} ${suffix}` : `${h12}:${String(minute).padStart(2, '0')} ${suffix}`;
}

/**
 * A date for readers, from what the timeline stores: '2022年2月24日中午12时左右',
 * 'around noon, 24 February 2022'. Approximation is always 左右 / 'around'.
 */
export function formatDisplayDate(
  start: string,
  precision: Precision,
  approximate: boolean,
  locale: 'zh-Hans' | 'en',
  timeZone: string = NEWSROOM_TIME_ZONE,
): string {
  const dt = DateTime.fromISO(start, { setZone: true }).setZone(timeZone);
  if (!dt.isValid) throw new RangeError(`Invalid date ${JSON.stringify(start)}`);
  const { year, month, day, hour, minute } = dt;
  if (locale === 'zh-Hans') {
    let s: string;
    switch (precision) {
      case 'year':
        s = `${year}年`;
        break;
      case 'month':
        s = `${year}年${month}月`;
        break;
      case 'day':
        s = `${year}年${month}月${day}日`;
        break;
      case 'part-of-day':
        s = `${year}年${month}月${day}日${ZH_PART_NAME[partOfHour(hour)]}`;
        break;
      default: {
        const part = clockPart(hour);
        const h = part === 'afternoon' || part === 'evening' ? hour - 12 : hour;
        s = `${year}年${month}月${day}日${ZH_PART_NAME[part]}${h}时`;
        if (precision === 'minute') s += `${minute}分`;
      }
    }
    return approximate ? `${s}左右` : s;
  }
  const dateText = `${day} ${EN_MONTHS[month - 1]} ${year}`;
  let s: string;
  switch (precision) {
    case 'year':
      s = `${year}`;
      break;
    case 'month':
      s = `${EN_MONTHS[month - 1]} ${year}`;
      break;
    case 'day':
      s = dateText;
      break;
    case 'part-of-day':
      s = `${EN_PART_NAME[partOfHour(hour)]}, ${dateText}`;
      break;
    default:
      s = `${enClock(hour, precision === 'minute' ? minute : undefined)}, ${dateText}`;
  }
  return approximate ? `around ${s}` : s;
}
