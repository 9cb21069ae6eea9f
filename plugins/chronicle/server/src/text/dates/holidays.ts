/**
 * Named days of the Chinese calendar year that reports date events by: 元旦, 春节, 除夕,
 * 清明, 端午, 中秋, 国庆, and the observances local news hangs stories on (全国消防日,
 * 人民警察节 …). Lunar festivals are converted with the Chinese calendar built into the
 * JavaScript runtime (Intl, ICU), so no table of years goes stale. Pure module.
 */
type Rule =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'lunar'; month: number; day: number; offset?: number }
  | { kind: 'qingming' };

const FIXED = (month: number, day: number): Rule => ({ kind: 'fixed', month, day });
const LUNAR = (month: number, day: number, offset = 0): Rule => ({ kind: 'lunar', month, day, offset });

/** Names that are a day on their own (元旦, 中秋节). */
const NAMES: ReadonlyArray<[string, Rule]> = [
  ['元旦', FIXED(1, 1)],
  ['春节', LUNAR(1, 1)],
  ['大年初一', LUNAR(1, 1)],
  ['正月初一', LUNAR(1, 1)],
  ['除夕', LUNAR(1, 1, -1)],
  ['大年三十', LUNAR(1, 1, -1)],
  ['年三十', LUNAR(1, 1, -1)],
  ['元宵节', LUNAR(1, 15)],
  ['正月十五', LUNAR(1, 15)],
  ['清明节', { kind: 'qingming' }],
  ['劳动节', FIXED(5, 1)],
  ['五一劳动节', FIXED(5, 1)],
  ['五一国际劳动节', FIXED(5, 1)],
  ['端午节', LUNAR(5, 5)],
  ['七夕节', LUNAR(7, 7)],
  ['中秋节', LUNAR(8, 15)],
  ['国庆节', FIXED(10, 1)],
  ['重阳节', LUNAR(9, 9)],
  ['妇女节', FIXED(3, 8)],
  ['植树节', FIXED(3, 12)],
  ['青年节', FIXED(5, 4)],
  ['护士节', FIXED(5, 12)],
  ['儿童节', FIXED(6, 1)],
  ['建军节', FIXED(8, 1)],
  ['医师节', FIXED(8, 19)],
  ['教师节', FIXED(9, 10)],
  ['人民警察节', FIXED(1, 10)],
  ['警察节', FIXED(1, 10)],
  ['全民国家安全教育日', FIXED(4, 15)],
  ['国家安全教育日', FIXED(4, 15)],
  ['防灾减灾日', FIXED(5, 12)],
  ['国际禁毒日', FIXED(6, 26)],
  ['消防日', FIXED(11, 9)],
  ['国家宪法日', FIXED(12, 4)],
  ['宪法日', FIXED(12, 4)],
  ['平安夜', FIXED(12, 24)],
];

/** Short names that are also other words (元宵 is a dumpling, 五一 two numerals): only with a holiday word after. */
const SHORT: ReadonlyArray<[string, Rule]> = [
  ['五一', FIXED(5, 1)],
  ['十一', FIXED(10, 1)],
  ['国庆', FIXED(10, 1)],
  ['元宵', LUNAR(1, 15)],
  ['清明', { kind: 'qingming' }],
  ['端午', LUNAR(5, 5)],
  ['中秋', LUNAR(8, 15)],
  ['七夕', LUNAR(7, 7)],
  ['重阳', LUNAR(9, 9)],
];
/** What makes a short name a holiday: 五一假期, 国庆期间, 中秋前夕. */
const SHORT_TAIL = /^(?:假期|长假|小长假|黄金周|期间|前后|前夕|当天|当日|之际|佳节|节)/;

export const HOLIDAY_WORDS: readonly string[] = [...NAMES, ...SHORT].map(([w]) => w);
const BY_NAME = new Map<string, Rule>(NAMES);
const SHORT_BY_NAME = new Map<string, Rule>(SHORT);

/** The holiday named at `pos` in `t` (longest name first), or null. */
export function holidayAt(t: string, pos: number): { word: string; rule: Rule } | null {
  let best: { word: string; rule: Rule } | null = null;
  for (let len = 7; len >= 2; len--) {
    const word = t.slice(pos, pos + len);
    if (word.length < len) continue;
    const rule = BY_NAME.get(word);
    if (rule) return { word, rule };
    const short = SHORT_BY_NAME.get(word);
    if (short && !best && SHORT_TAIL.test(t.slice(pos + len, pos + len + 4))) best = { word, rule: short };
  }
  return best;
}

const lunarFormat = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
const DAY_MS = 86_400_000;

/** Whether the Gregorian day at `ms` (UTC midnight) is month/day of the Chinese calendar (leap months never match). */
function isLunarDay(ms: number, month: number, day: number): boolean {
  const parts = lunarFormat.formatToParts(new Date(ms));
  return parts.find((p) => p.type === 'month')?.value === String(month) && parts.find((p) => p.type === 'day')?.value === String(day);
}

const asDay = (ms: number) => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

const lunarCache = new Map<string, { year: number; month: number; day: number } | null>();

/**
 * The first Gregorian day, walking `step` days at a time for at most `days` days from `from`
 * (UTC midnight), that is month/day of the Chinese calendar; null when there is none. Cached.
 */
function findLunarDay(from: number, step: 1 | -1, days: number, month: number, day: number) {
  const key = `${from}|${step}|${days}|${month}-${day}`;
  const cached = lunarCache.get(key);
  if (cached !== undefined) return cached;
  let found: { year: number; month: number; day: number } | null = null;
  for (let d = 0; d < days && !found; d++) {
    const ms = from + step * d * DAY_MS;
    if (isLunarDay(ms, month, day)) found = asDay(ms);
  }
  if (lunarCache.size > 512) lunarCache.clear();
  lunarCache.set(key, found);
  return found;
}

/** The Gregorian day in `year` whose Chinese-calendar date is month/day (first month 1 … 12, no leap months). */
function fromLunar(year: number, month: number, day: number): { month: number; day: number } | null {
  const days = Math.round((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS);
  const found = findLunarDay(Date.UTC(year, 0, 1), 1, days, month, day);
  return found ? { month: found.month, day: found.day } : null;
}

/** 清明 is the solar term at the sun's longitude 15°: 4 or 5 April in this century. */
function qingming(year: number): { month: number; day: number } {
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return { month: 4, day: year >= 2000 && year < 2100 ? day : 5 };
}

/** The calendar day of a holiday in a given year, or null when the calendar has no such day. */
export function holidayDay(rule: Rule, year: number): { year: number; month: number; day: number } | null {
  if (rule.kind === 'fixed') return { year, month: rule.month, day: rule.day };
  if (rule.kind === 'qingming') return { year, ...qingming(year) };
  const d = fromLunar(year, rule.month, rule.day);
  if (!d) return null;
  if (!rule.offset) return { year, ...d };
  const shifted = new Date(Date.UTC(year, d.month - 1, d.day + rule.offset));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export type HolidayRule = Rule;

const LUNAR_MONTHS: Readonly<Record<string, number>> = {
  正: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 冬: 11, 十一: 11, 腊: 12, 十二: 12,
};
const DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/**
 * 腊月二十六, 正月初七, 八月十五: a day of the Chinese calendar. 正月, 冬月 and 腊月 are lunar
 * whatever follows; another month is lunar only with a lunar day (初七, 廿三, 十五 with no 日).
 */
const LUNAR_DATE = /(正|冬|腊|十一|十二|[一二三四五六七八九十])月(初[一二三四五六七八九十]|廿[一二三四五六七八九]|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九])(?![日号\d一二三四五六七八九十])/y;

function lunarDay(word: string): number | null {
  if (word.startsWith('初')) return DIGITS[word.slice(1)] ?? null;
  if (word.startsWith('廿')) return 20 + (DIGITS[word.slice(1)] ?? 0);
  if (word.startsWith('二十')) return 20 + (DIGITS[word.slice(2)] ?? 0);
  if (word === '三十') return 30;
  if (word.startsWith('十')) return 10 + (DIGITS[word.slice(1)] ?? 0);
  return DIGITS[word] ?? null;
}

/** A lunar month and day written at `pos`, with where it ends, or null. */
export function lunarDateAt(t: string, pos: number): { end: number; month: number; day: number } | null {
  LUNAR_DATE.lastIndex = pos;
  const m = LUNAR_DATE.exec(t);
  if (!m) return null;
  const monthWord = m[1] as string;
  const dayWord = m[2] as string;
  const month = LUNAR_MONTHS[monthWord];
  const day = lunarDay(dayWord);
  if (!month || !day || day > 30) return null;
  const lunarOnly = monthWord === '正' || monthWord === '冬' || monthWord === '腊';
  // 二月三: too short to be sure; 三月十五 is a lunar day (a solar one would say 日).
  if (!lunarOnly && !/^(?:初|廿|二十|三十|十)/.test(dayWord)) return null;
  return { end: pos + m[0].length, month, day };
}

/**
 * The latest Gregorian day on or before `limit` (y, m, d) whose Chinese-calendar date is
 * lunarMonth/lunarDay, looking back at most about 13 months; null when none.
 */
export function lunarOnOrBefore(
  limit: { year: number; month: number; day: number },
  lunarMonth: number,
  lunarDayOfMonth: number,
): { year: number; month: number; day: number } | null {
  return findLunarDay(Date.UTC(limit.year, limit.month - 1, limit.day), -1, 400, lunarMonth, lunarDayOfMonth);
}
