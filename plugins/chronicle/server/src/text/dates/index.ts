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
 *
 * The reader works in stages, one module each: patterns.ts (what each stage matches), phrase.ts
 * (a calendar phrase, a clock time), expression.ts (one whole expression and ranges) and
 * cursor.ts (a text read in order); words.ts holds the vocabulary and calendar.ts the
 * arithmetic. display.ts writes a stored instant back for readers.
 */
export { NEWSROOM_TIME_ZONE } from './types';
export type { DateContext, DateMatch, DateRule } from './types';
export { DateCursor, parseDates, parseDate } from './cursor';
export { formatDisplayDate } from './display';
