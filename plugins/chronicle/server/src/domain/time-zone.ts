/**
 * The newsroom's time zone, in one place: times are stored in UTC and shown in
 * Asia/Shanghai (UTC+8, no daylight saving). A calendar day without a clock time means local
 * midnight there. Pure module: no Strapi import.
 */

export const NEWSROOM_TIME_ZONE = 'Asia/Shanghai';

/** The zone's fixed offset from UTC, as ISO 8601 writes it. */
export const NEWSROOM_UTC_OFFSET = '+08:00';

/** A calendar day (YYYY-MM-DD) as the instant it begins in the newsroom: 2022-02-24T00:00:00+08:00. */
export const newsroomMidnight = (day: string): string => `${day}T00:00:00${NEWSROOM_UTC_OFFSET}`;

/** The zone's offset in milliseconds (the only place the arithmetic lives). */
export const NEWSROOM_OFFSET_MS = 8 * 3600_000;

/** An instant's wall clock in the newsroom's zone: its numbers, and YYYY-MM-DD and HH:mm. */
export interface NewsroomClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  date: string;
  time: string;
}

export const newsroomClock = (instant: Date): NewsroomClock => {
  const shifted = new Date(instant.getTime() + NEWSROOM_OFFSET_MS);
  const text = shifted.toISOString();
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    date: text.slice(0, 10),
    time: text.slice(11, 16),
  };
};

/** The calendar day (YYYY-MM-DD) an instant falls on in the newsroom's zone. */
export const newsroomDay = (instant: Date): string => newsroomClock(instant).date;

/**
 * The latest dateline a report may carry when saved at `now`: tomorrow in the newsroom's zone
 * (a report filed late at night for the next morning's paper), never a day further ahead.
 */
export const latestDateline = (now: Date): string => newsroomDay(new Date(now.getTime() + 24 * 3600_000));
