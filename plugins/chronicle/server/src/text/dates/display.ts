/**
 * Display: a stored instant, precision and "approximately" flag written for readers in zh-Hans
 * and English (formatDisplayDate). The inverse of the reader, for the public pages.
 */
import { DateTime } from 'luxon';
import type { Precision } from '../../domain/enums';
import { NEWSROOM_TIME_ZONE } from './types';
import { PART_START, type PartName } from './words';

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
