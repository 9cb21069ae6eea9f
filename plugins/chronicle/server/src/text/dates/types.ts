/**
 * What the date reader takes and gives (DateContext, DateMatch), and the values its stages pass
 * one another while reading (a resolved day and time, the reader's state).
 */
import type { DateTime } from 'luxon';
import type { Precision } from '../../domain/enums';
import type { PartName } from './words';

/** The newsroom's zone, from its one table. */
export { NEWSROOM_TIME_ZONE } from '../../domain/time-zone';

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
   * that takes the day last named), 'comma-joined' (3月13日，凌晨4点30分), 'period' (月底, 初春),
   * 'holiday' (元旦, 春节: the festival's day that year), 'lunar' (腊月二十六), 'month-range' (1至2月).
   */
  rule: DateRule;
}

export type DateRule =
  | 'date'
  | 'day-of-month'
  | 'relative-day'
  | 'quoted-speech'
  | 'inherited-day'
  | 'comma-joined'
  | 'period'
  | 'holiday'
  | 'lunar'
  | 'month-range';

export interface ClockValue {
  hour: number;
  minute?: number;
  approximate: boolean;
}

export interface Resolved {
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

export interface Found {
  end: number;
  start: Resolved;
  finish?: Resolved;
}

export interface State {
  dateline: DateTime;
  /** dayKey of dateline + 2 months: dates written without a year may not lie beyond it. */
  horizon: number;
  last?: { year: number; month: number; day?: number; explicitYear?: boolean };
  /** The day last named outside quotations: the day a quoted speaker's 今天 means. */
  spoken?: { year: number; month: number; day: number };
  /** The part of the day that expression named (夜间 → evening), if any. */
  spokenPart?: PartName;
  /**
   * The day the current quotation was spoken, when its attribution names one
   * (“……前天晚上……。”8月9日，村主任对记者说): it wins over `spoken`.
   */
  speechDay?: { year: number; month: number; day: number };
  /** Whether the expression being read is inside a quotation. */
  quoted: boolean;
}
