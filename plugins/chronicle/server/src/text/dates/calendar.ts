/**
 * Calendar arithmetic for the reader: days in a month, the year of a date written without one,
 * and a clock hour read with its part of the day.
 */
import type { State } from './types';
import type { PartName } from './words';

export function matchAt(re: RegExp, t: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(t);
}

/** Plain calendar arithmetic: cheaper than building a DateTime for each candidate. */
export function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function dayKey(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/**
 * The year of a month (and day) written without one: the dateline's year, unless that
 * would put it more than about two months after the dateline (then the year before).
 * A story that wrote a year out earlier keeps that year while its dates move forward.
 */
export function inferYear(st: State, month: number, day = 1): number {
  const last = st.last;
  if (last && last.explicitYear) {
    if (dayKey(last.year, month, day) >= dayKey(last.year, last.month, last.day ?? 1)) return last.year;
  }
  const y = st.dateline.year;
  return dayKey(y, month, Math.min(day, daysIn(y, month))) > st.horizon ? y - 1 : y;
}

export function toHour24(hour: number, part: PartName | undefined): { hour: number; extraDays: number } | null {
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
