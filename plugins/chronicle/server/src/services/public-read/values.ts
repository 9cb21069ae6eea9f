/**
 * Values as the public read path writes them: instants as ISO strings, DATE columns as
 * 'YYYY-MM-DD', dates shown in the newsroom's way (text/dates), references as slug + title.
 * Pure module: no Strapi import.
 */
import { DateTime } from 'luxon';
import type { DatedRef, SlugTitle, UnitRef } from '../../contracts/shared';
import type { Locale, Precision } from '../../domain/enums';
import { NEWSROOM_TIME_ZONE, newsroomMidnight } from '../../domain/time-zone';
import { formatDisplayDate } from '../../text/dates';

export type Row = Record<string, any>;

export const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** DATE columns come back as 'YYYY-MM-DD' strings or as Dates (PostgreSQL): one shape out. */
export const day = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return DateTime.fromJSDate(value).toISODate();
  return String(value).slice(0, 10);
};

/** Can a stored instant be shown as a date (luxon reads it)? An extreme year stored before validation cannot. */
export const displayable = (value: string | null | undefined): boolean => {
  if (typeof value !== 'string') return false;
  const dt = DateTime.fromISO(value, { setZone: true });
  return dt.isValid && dt.year >= 1 && dt.year <= 9999;
};

/**
 * formatDisplayDate that never throws: an instant it cannot read (a year like +275760 stored
 * before the date range was enforced) is shown as written, so one record cannot take a page down.
 */
const formatSafely = (start: string, precision: unknown, approximate: boolean, locale: Locale, timeZone: string): string => {
  if (!displayable(start)) return start.split('T')[0];
  try {
    return formatDisplayDate(start, precision as Precision, approximate, locale, timeZone);
  } catch {
    return start.split('T')[0];
  }
};

/**
 * The same inputs always give the same text, and luxon's parse and zone change were the
 * largest cost of serialising a timeline page (issue 19): the texts are kept, at most
 * DISPLAY_MEMO_LIMIT of them (then the memo starts again empty).
 */
const DISPLAY_MEMO_LIMIT = 50000;
const displayMemo = new Map<string, string>();

export const displayDate = (
  start: string | null | undefined,
  precision: unknown,
  approximate: boolean,
  locale: Locale,
  timeZone: string = NEWSROOM_TIME_ZONE
): string => {
  if (!start) return '';
  const key = `${start}|${String(precision)}|${approximate ? 1 : 0}|${locale}|${timeZone}`;
  const known = displayMemo.get(key);
  if (known !== undefined) return known;
  const text = formatSafely(start, precision, approximate, locale, timeZone);
  if (displayMemo.size >= DISPLAY_MEMO_LIMIT) displayMemo.clear();
  displayMemo.set(key, text);
  return text;
};

/** A calendar day (DATE column) shown in the newsroom's way, as the day it is there. */
export const displayDay = (isoDay: string, precision: unknown, locale: Locale): string =>
  displayDate(newsroomMidnight(isoDay), precision, false, locale);

/** A linked record: its slug and its title (null where there is none). */
export function ref(row: Row): SlugTitle;
export function ref(row: Row | null | undefined): SlugTitle | null;
export function ref(row: Row | null | undefined): SlugTitle | null {
  return row ? { slug: row.slug as string, title: row.title as string } : null;
}

/** A unit as other records name it. */
export const unitRef = (unit: Row | null | undefined): UnitRef | null => (unit ? { slug: unit.slug as string, name: unit.name as string } : null);

/** An event as a report or a profile lists it (rows read with EVENT_REF_SELECT). */
export const eventRef = (e: Row, locale: Locale): DatedRef => ({
  slug: e.slug as string,
  title: e.title as string,
  occurredAt: iso(e.occurredAt),
  displayDate: displayDate(iso(e.occurredAt), e.precision, Boolean(e.approximate), locale, e.timeZone || NEWSROOM_TIME_ZONE),
});

/** Whether a row was marked as a stale translation (rows.ts markStale): false unless it was. */
export const translationStale = (row: Row): boolean => row.translationStale === true;

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const dateParts = (isoDay: string) => {
  const [year, month, date] = isoDay.split('-').map(Number);
  return { year, month, day: date };
};
