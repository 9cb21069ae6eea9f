/**
 * Timeline events as every resource serves them (the timeline, TimelineJS, a chronicle):
 * the rows of a selection in both candidate locales with their relations, and the event as
 * readers see it. People named on an event go through ../../domain/public-person.ts.
 */
import type { PublicEvent } from '../../contracts/public';
import { publicCorrections } from '../../domain/corrections';
import { DEFAULT_LOCALE, type Locale, type Precision } from '../../domain/enums';
import { isAnonymised, personRefs, type ProfileRow } from '../../domain/public-person';
import { redactPlainText } from '../../domain/redaction';
import { NEWSROOM_TIME_ZONE } from '../../domain/time-zone';
import { CORRECTION_SELECT, EVENT_SELECT, FILE_SELECT, localesFor, PROFILE_REF_SELECT, PUBLISHED, REPORT_REF_SELECT, reportVisible, type RowReader } from './rows';
import { displayDate, iso, ref, translationStale, type Row } from './values';

export const serializeEvent = (row: Row, fallback: boolean, locale: Locale): PublicEvent => {
  const occurredAt = iso(row.occurredAt) as string;
  const endAt = iso(row.endAt);
  const timeZone = (row.timeZone as string) || NEWSROOM_TIME_ZONE;
  const precision = row.precision as Precision;
  const approximate = Boolean(row.approximate);
  return {
    slug: row.slug as string,
    title: row.title as string,
    description: redactPlainText((row.description as string) ?? null),
    occurredAt,
    endAt,
    precision,
    approximate,
    timeZone,
    displayDate: displayDate(occurredAt, precision, approximate, locale, timeZone),
    displayEndDate: endAt ? displayDate(endAt, precision, approximate, locale, timeZone) : null,
    place: (row.place as string) ?? null,
    importance: (row.importance as number) ?? null,
    units: ((row.units ?? []) as Row[]).map((u) => ({ slug: u.slug, name: u.name, kind: u.kind })),
    actors: personRefs(row.actors as ProfileRow[], locale),
    chronicle: ref(row.chronicle),
    source: ref(row.sourceReport),
    corrections: publicCorrections(row.corrections, locale),
    locale: row.locale as Locale,
    fallback,
    translationStale: translationStale(row),
  };
};
export type { PublicEvent };

export const eventReader = (rows: RowReader) => {
  /** Media and photographers' bylines are read only for TimelineJS, the one output that shows them. */
  const eventPopulate = (withMedia: boolean) => ({
    units: { select: ['documentId', 'slug', 'name', 'kind'], orderBy: { slug: 'asc' } },
    actors: { select: PROFILE_REF_SELECT, where: PUBLISHED, orderBy: { slug: 'asc' } },
    chronicle: { select: ['documentId', 'slug', 'title', 'periodStart', 'periodEnd'], where: PUBLISHED },
    sourceReport: {
      select: REPORT_REF_SELECT,
      where: reportVisible(),
      ...(withMedia ? { populate: { bylines: { populate: { contributor: { select: ['name'] } } } } } : {}),
    },
    ...(withMedia ? { media: { select: FILE_SELECT } } : {}),
    corrections: { select: CORRECTION_SELECT },
  });

  /** Rows of events matching `where`, in both candidate locales, with their relations. */
  const eventRows = async (where: Row, locale: Locale, orderBy: Row[], limit?: number, withMedia = false): Promise<Row[]> => {
    const found = (await rows.query('timeline-event').findMany({
      where: { ...PUBLISHED, locale: { $in: localesFor(locale) }, ...where },
      select: EVENT_SELECT,
      populate: eventPopulate(withMedia),
      orderBy,
      ...(limit ? { limit } : {}),
    })) as Row[];
    const people = found.flatMap((r) => (r.actors ?? []) as Row[]);
    if (people.some((p) => isAnonymised(p) && p.locale !== DEFAULT_LOCALE)) {
      const named = await rows.withZhNames(people);
      const byKey = new Map(named.map((p) => [`${p.documentId}:${p.locale}`, p]));
      for (const r of found) r.actors = ((r.actors ?? []) as Row[]).map((p) => byKey.get(`${p.documentId}:${p.locale}`) ?? p);
    }
    return found;
  };

  return { eventRows };
};
