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
import { eventRelationQueries } from '../../repositories/event-relations';
import { EVENT_SELECT, FILE_SELECT, localesFor, PUBLISHED, REPORT_REF_SELECT, reportVisible, type RowReader } from './rows';
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

/** Rows of several ordered reads in one order: `orderBy` ({ field: 'asc' | 'desc' } entries), then id ascending. */
export const mergeInOrder = (lists: Row[][], orderBy: Row[]): Row[] => {
  const keys = orderBy.map((entry) => Object.entries(entry)[0] as [string, 'asc' | 'desc']);
  const value = (row: Row, field: string) => (field === 'occurredAt' ? new Date(row[field]).getTime() : String(row[field]));
  return lists.flat().sort((a, b) => {
    for (const [field, direction] of keys) {
      const x = value(a, field);
      const y = value(b, field);
      if (x !== y) return (x < y ? -1 : 1) * (direction === 'desc' ? -1 : 1);
    }
    return Number(a.id) - Number(b.id);
  });
};

export const eventReader = (rows: RowReader) => {
  const relations = eventRelationQueries(rows.strapi);
  /** TimelineJS alone shows media and photographers' bylines: read through Strapi's populate for it only. */
  const mediaPopulate = {
    sourceReport: { select: REPORT_REF_SELECT, where: reportVisible(), populate: { bylines: { populate: { contributor: { select: ['name'] } } } } },
    media: { select: FILE_SELECT },
  };

  const read = (where: Row, locales: Locale[], orderBy: Row[], limit: number | undefined, withMedia: boolean) =>
    rows.query('timeline-event').findMany({
      where: { ...PUBLISHED, locale: { $in: locales }, ...where },
      // The row id: the relations are read by it.
      select: [...EVENT_SELECT, 'id'],
      ...(withMedia ? { populate: mediaPopulate } : {}),
      orderBy,
      ...(limit ? { limit } : {}),
    }) as Promise<Row[]>;

  /**
   * Rows of events matching `where`, in both candidate locales, with their relations: the
   * rows in one statement per locale, every relation of the page in one more
   * (repositories/event-relations.ts). A page (`limit`) in two locales is read locale by
   * locale and merged in the database's order (orderBy, then the row id Strapi adds): each
   * read walks the (locale, occurred_at, document_id) index and stops at `limit`, where one
   * `locale IN (…)` read sorted every row of both locales.
   */
  const eventRows = async (where: Row, locale: Locale, orderBy: Row[], limit?: number, withMedia = false): Promise<Row[]> => {
    const locales = localesFor(locale);
    const found =
      limit && locales.length > 1
        ? mergeInOrder(await Promise.all(locales.map((l) => read(where, [l], orderBy, limit, withMedia))), orderBy).slice(0, limit)
        : await read(where, locales, orderBy, limit, withMedia);
    await relations.attach(found, { sourceReport: !withMedia });
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
