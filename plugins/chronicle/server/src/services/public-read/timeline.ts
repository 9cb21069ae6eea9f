/**
 * The timeline, as JSON and as Knight Lab TimelineJS3 JSON. It is the one list that grows
 * without bound, so it pages in the database: keyset on (occurredAt, documentId), read in
 * both candidate locales, at most twice a page of rows.
 */
import { DateTime } from 'luxon';
import { encodeCursor, type SortDirection } from '../../domain/cursor';
import type { TimelineJs, TimelinePage } from '../../contracts/public';
import { DEFAULT_LOCALE, type Locale, type Precision } from '../../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../../domain/time-zone';
import { ChronicleError } from '../../errors';
import type { TimelineQuery } from '../../validation/public-query';
import { serializeEvent, type eventReader } from './events';
import { cursorAt, DEFAULT_LIMIT, localesFor, pickLocale, PUBLISHED, type Picked, type RowReader } from './rows';
import { dateParts, day, displayable, escapeHtml, iso, type Row } from './values';

/** Calendar parts of an instant, as TimelineJS reads a slide's date. */
const slideDate = (start: string, precision: Precision, timeZone: string, display: string) => {
  const dt = DateTime.fromISO(start).setZone(timeZone);
  const parts: TimelineJs['events'][number]['start_date'] = { year: dt.year };
  const depth = ['year', 'month', 'day', 'part-of-day', 'hour', 'minute'].indexOf(precision);
  if (depth >= 1) parts.month = dt.month;
  if (depth >= 2) parts.day = dt.day;
  if (depth >= 3) parts.hour = dt.hour;
  if (depth >= 5) parts.minute = dt.minute;
  parts.display_date = display;
  return parts;
};

export const timelineResource = (rows: RowReader, events: ReturnType<typeof eventReader>) => {
  /**
   * A text search in English can match a document's zh-Hans row while its English row did
   * not match: that document has an English version, so it is not a fallback and is left out.
   */
  const dropMaskedFallbacks = async (picked: Picked[], locale: Locale) => {
    const ids = picked.filter((p) => p.fallback).map((p) => p.row.documentId);
    if (!ids.length) return picked;
    const translated = (await rows.query('timeline-event').findMany({
      where: { ...PUBLISHED, locale, documentId: { $in: ids } },
      select: ['documentId'],
    })) as Row[];
    const has = new Set(translated.map((r) => r.documentId));
    return picked.filter((p) => !(p.fallback && has.has(p.row.documentId)));
  };

  /** `only`: just these documents (the live stream's changed events), all of them that match. */
  const selection = async (params: TimelineQuery, withMedia = false, only?: string[]) => {
    const locale = params.locale ?? DEFAULT_LOCALE;
    const limit = only ? Math.max(1, only.length) : params.limit ?? DEFAULT_LIMIT;
    const direction: SortDirection = params.sort === '-occurredAt' ? 'desc' : 'asc';
    const where: Row = {};
    const and: Row[] = [];
    if (params.from) {
      and.push({ occurredAt: { $gte: DateTime.fromISO(params.from, { zone: NEWSROOM_TIME_ZONE }).startOf('day').toJSDate() } });
    }
    if (params.to) {
      and.push({ occurredAt: { $lt: DateTime.fromISO(params.to, { zone: NEWSROOM_TIME_ZONE }).plus({ days: 1 }).startOf('day').toJSDate() } });
    }
    if (params.unit) where.units = { documentId: { $in: [...(await rows.unitScope(params.unit))] } };
    if (params.profile) {
      const id = await rows.profileDocumentId(params.profile);
      if (!id) throw new ChronicleError(400, `profile: no public profile has the slug "${params.profile}"`);
      where.actors = { documentId: id };
    }
    if (params.chronicle) where.chronicle = { slug: params.chronicle, ...PUBLISHED };
    if (params.q) {
      and.push({
        $or: [{ title: { $containsi: params.q } }, { description: { $containsi: params.q } }, { place: { $containsi: params.q } }],
      });
    }
    if (params.cursor) {
      const position = cursorAt(params.cursor, 'timeline');
      if (position.direction !== direction) throw new ChronicleError(400, 'cursor: it was made for the other sort order');
      const at = new Date(position.key);
      if (Number.isNaN(at.getTime())) throw new ChronicleError(400, 'cursor: not a cursor returned by this API');
      const op = direction === 'asc' ? '$gt' : '$lt';
      and.push({ $or: [{ occurredAt: { [op]: at } }, { occurredAt: at, documentId: { [op]: position.documentId } }] });
    }
    if (only) and.push({ documentId: { $in: only } });
    if (and.length) where.$and = and;
    // Each document has at most one row per locale: twice the rows always holds limit+1 documents.
    const rowLimit = (limit + 1) * localesFor(locale).length;
    const found = await events.eventRows(where, locale, [{ occurredAt: direction }, { documentId: direction }], rowLimit, withMedia);
    let picked = pickLocale(found, locale);
    if (params.q && locale !== DEFAULT_LOCALE) picked = await dropMaskedFallbacks(picked, locale);
    const page = picked.slice(0, limit);
    const hasMore = picked.length > limit || found.length === rowLimit;
    const last = page[page.length - 1];
    const nextCursor =
      hasMore && last
        ? encodeCursor({ list: 'timeline', direction, key: iso(last.row.occurredAt) as string, documentId: last.row.documentId })
        : null;
    return { locale, limit, page, nextCursor };
  };

  return {
    async timeline(params: TimelineQuery): Promise<TimelinePage> {
      const { locale, limit, page, nextCursor } = await selection(params);
      await rows.markStale('timeline-event', page.map((p) => p.row));
      return {
        data: page.map(({ row, fallback }) => serializeEvent(row, fallback, locale)),
        meta: { locale, limit, nextCursor },
      };
    },

    /**
     * The live stream's view of some changed events (GET /timeline/live): each as the timeline
     * with the same filters and locale would list it now (the same serializer, the same public
     * fields), keyed by documentId; an event that is not public or does not match is absent.
     */
    async timelineItems(params: Omit<TimelineQuery, 'cursor' | 'limit' | 'sort'>, documentIds: string[]) {
      const found = new Map<string, TimelinePage['data'][number]>();
      if (!documentIds.length) return found;
      const { locale, page } = await selection(params, false, [...new Set(documentIds)]);
      for (const { row, fallback } of page) found.set(row.documentId as string, serializeEvent(row, fallback, locale));
      return found;
    },

    /** Knight Lab TimelineJS3 JSON of the same selection; eras are the chronicles it touches. */
    async timelinejs(params: TimelineQuery): Promise<TimelineJs> {
      const { locale, page, nextCursor } = await selection(params, true);
      const eras = new Map<string, Row>();
      // TimelineJS needs calendar parts: an event whose date luxon cannot read is left out of it.
      const slides = page.filter(({ row }) => displayable(iso(row.occurredAt))).map(({ row }) => {
        const event = serializeEvent(row, false, locale);
        if (row.chronicle?.periodStart) eras.set(row.chronicle.documentId, row.chronicle);
        const file = ((row.media ?? []) as Row[])[0];
        const photographers = ((row.sourceReport?.bylines ?? []) as Row[])
          .filter((b) => b.contributor && ['photographer', 'text-and-photos'].includes(b.role))
          .map((b) => b.contributor.name as string);
        const actors = event.actors.map((a) => a.name).join('、');
        return {
          unique_id: event.slug,
          start_date: slideDate(event.occurredAt, event.precision, event.timeZone, event.displayDate),
          ...(event.endAt && displayable(event.endAt)
            ? { end_date: slideDate(event.endAt, event.precision, event.timeZone, event.displayEndDate as string) }
            : {}),
          display_date: event.displayDate,
          text: {
            headline: event.title,
            text: [event.description, event.place, actors].filter(Boolean).map((t) => `<p>${escapeHtml(t as string)}</p>`).join(''),
          },
          ...(file?.url
            ? {
                media: {
                  url: file.url as string,
                  caption: (file.caption as string) ?? (file.alternativeText as string) ?? '',
                  credit: photographers.join(', '),
                },
              }
            : {}),
          ...(event.units[0] ? { group: event.units[0].name as string } : {}),
        };
      });
      const titleText = locale === 'en' ? 'Chronicle timeline' : '纪实时间线';
      return {
        title: { text: { headline: titleText, text: '' }, unique_id: 'chronicle-timeline' },
        events: slides,
        eras: [...eras.values()].map((ch) => ({
          start_date: dateParts(day(ch.periodStart) as string),
          ...(ch.periodEnd ? { end_date: dateParts(day(ch.periodEnd) as string) } : {}),
          text: { headline: ch.title as string },
        })),
        meta: { locale, nextCursor },
      };
    },
  };
};
