/**
 * The editorial calendar (docs/editors.md, "Calendar"): what is approved, scheduled, under
 * embargo or published, by day in Beijing. Days and times are the newsroom's
 * (Asia/Shanghai, UTC+8 all year), whatever zone the server or the browser runs in: the
 * grouping works on the instant plus the fixed offset, never on the host's local time.
 * Pure module: the service (services/calendar.ts) reads the rows.
 */
import type { WorkflowState } from './enums';
import { renderMessage, type MessageCode, type MessageParams } from './messages';
import { newsroomClock, newsroomMidnight } from './time-zone';

/** Why an item is on a day: approved then, goes out then (scheduled), free to go then (embargo), went out then. */
export const CALENDAR_KINDS = ['approved', 'scheduled', 'embargo', 'published'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** The widest range one request may ask for, in days (a month view with its edges). */
export const MAX_CALENDAR_DAYS = 62;

const DAY_MS = 86400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarEntry {
  kind: CalendarKind;
  uid: string;
  type: string;
  documentId: string;
  locale: string;
  title: string;
  state: WorkflowState;
  /** The instant (ISO 8601, UTC). */
  at: string;
}

export interface CalendarDay {
  /** YYYY-MM-DD in Beijing. */
  day: string;
  items: Array<CalendarEntry & { time: string }>;
}

/** The Beijing calendar day of an instant: YYYY-MM-DD. */
export const shanghaiDay = (iso: string | Date): string => newsroomClock(new Date(iso)).date;

/** The Beijing clock time of an instant, 24-hour: HH:mm. */
export const shanghaiTime = (iso: string | Date): string => newsroomClock(new Date(iso)).time;

/** Is this a real calendar day written YYYY-MM-DD (no 2月30日)? */
export const isCalendarDay = (day: string): boolean => {
  const m = DAY.exec(day);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === day;
};

/** The day after (or `n` days after) a Beijing calendar day. */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The instants of a range of Beijing days, `from` and `to` both included: [start, end) in UTC.
 * A coded 400 (domain/messages) when the days are malformed, reversed or span more than MAX_CALENDAR_DAYS.
 */
export const calendarRange = (
  from: string,
  to: string
): { ok: true; start: string; end: string; days: number } | { ok: false; code: MessageCode; params: MessageParams; message: string } => {
  const refused = (code: MessageCode, params: MessageParams = {}) => ({ ok: false as const, code, params, message: renderMessage(code, params, 'en') });
  if (!isCalendarDay(from)) return refused('request.calendar-day', { field: 'from' });
  if (!isCalendarDay(to)) return refused('request.calendar-day', { field: 'to' });
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days < 1) return refused('request.calendar-reversed');
  if (days > MAX_CALENDAR_DAYS) return refused('request.calendar-span', { max: MAX_CALENDAR_DAYS });
  return {
    ok: true,
    start: new Date(newsroomMidnight(from)).toISOString(),
    end: new Date(newsroomMidnight(addDays(to, 1))).toISOString(),
    days,
  };
};

/**
 * The entries inside [start, end) by Beijing day, days in order and only those with entries;
 * within a day by time, then title. An entry outside the range is left out.
 */
export const groupByDay = (entries: readonly CalendarEntry[], range: { start: string; end: string }): CalendarDay[] => {
  const start = Date.parse(range.start);
  const end = Date.parse(range.end);
  const days = new Map<string, CalendarDay['items']>();
  for (const entry of entries) {
    const t = Date.parse(entry.at);
    if (Number.isNaN(t) || t < start || t >= end) continue;
    const day = shanghaiDay(entry.at);
    const list = days.get(day) ?? [];
    list.push({ ...entry, at: new Date(t).toISOString(), time: shanghaiTime(entry.at) });
    days.set(day, list);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, items]) => ({
      day,
      items: items.sort((a, b) => a.at.localeCompare(b.at) || a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId)),
    }));
};

/** The Monday-first week (7 days) holding a Beijing day, for the week view. */
export const weekOf = (day: string): { from: string; to: string } => {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
};

/** The month holding a Beijing day: its first and last days. */
export const monthOf = (day: string): { from: string; to: string } => {
  const [y, m] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
};
