/**
 * The public read model: what readers may see of the newsroom, read from published rows
 * only (`publishedAt` set, explicit `select` lists) and serialised field by field. Nothing
 * a reader sends reaches the database except through the validated values of
 * ../domain/public-query.ts. People go through ../domain/public-person.ts, the one place
 * where consent is applied.
 *
 * Locales: every record is read in the requested locale and in zh-Hans; a document with no
 * published row in the requested locale is served in zh-Hans with `fallback: true`.
 *
 * The timeline pages in the database (keyset on occurredAt, documentId), because it is the
 * one list that grows without bound; so do the statistics (keyset on slug), whose roll-ups
 * are summed in SQL (../repositories/figures.ts) and only combined up the unit tree here.
 * Reports and profiles are a newsroom's hundreds, read whole and paged in memory with the
 * same keyset cursors.
 */
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { typeUid, type TypeName } from '../domain/content-types';
import { compareKeys, decodeCursor, encodeCursor, pageAfter, type SortDirection } from '../domain/cursor';
import { DEFAULT_LOCALE, type Locale, type Precision, type Qualifier } from '../domain/enums';
import { displayFigure } from '../domain/figure-display';
import { BYLINE_ROLE_LABELS, DUTY_ROLE_LABELS, labelOf } from '../domain/public-labels';
import {
  anonymousSlug,
  isAnonymised,
  isPublicProfile,
  personRefs,
  publicName,
  publicPortrait,
  publicQuotes,
  publicSlug,
  UNNAMED_CONSENTS,
  type ProfileRow,
} from '../domain/public-person';
import type {
  LocaleOnlyQuery,
  ProfilesQuery,
  ReportsQuery,
  StatisticsQuery,
  TimelineQuery,
} from '../domain/public-query';
import { descendants, rollUpGroups } from '../domain/rollup';
import { redactPlainText } from '../domain/redaction';
import { renderMarkdown } from '../domain/safe-markdown';
import { figureQueries, type FigureFilter, type FigureKey, type FigureQueries } from '../repositories/figures';
import { formatDisplayDate, NEWSROOM_TIME_ZONE } from '../text/dates';

type Row = Record<string, any>;

/** A request the service refuses: the controller turns it into a 4xx with this message. */
export class PublicRequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 410,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
  }
}

const DEFAULT_LIMIT = 25;
const PUBLISHED = { publishedAt: { $notNull: true } };

const localesFor = (locale: Locale): Locale[] => (locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE]);

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** DATE columns come back as 'YYYY-MM-DD' strings or as Dates (PostgreSQL): one shape out. */
const day = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return DateTime.fromJSDate(value).toISODate();
  return String(value).slice(0, 10);
};

/** Can a stored instant be shown as a date (luxon reads it)? An extreme year stored before validation cannot. */
const displayable = (value: string | null | undefined): boolean => {
  if (typeof value !== 'string') return false;
  const dt = DateTime.fromISO(value, { setZone: true });
  return dt.isValid && dt.year >= 1 && dt.year <= 9999;
};

/**
 * formatDisplayDate that never throws: an instant it cannot read (a year like +275760 stored
 * before the date range was enforced) is shown as written, so one record cannot take a page down.
 */
const displayDate = (start: string | null | undefined, precision: unknown, approximate: boolean, locale: Locale, timeZone: string = NEWSROOM_TIME_ZONE): string => {
  if (!start) return '';
  if (!displayable(start)) return start.split('T')[0];
  try {
    return formatDisplayDate(start, precision as Precision, approximate, locale, timeZone);
  } catch {
    return start.split('T')[0];
  }
};

const displayDates = (start: string, precision: Precision, approximate: boolean, timeZone: string) => ({
  'zh-Hans': displayDate(start, precision, approximate, 'zh-Hans', timeZone),
  en: displayDate(start, precision, approximate, 'en', timeZone),
});

/** Group rows by document and keep the requested locale's, else the default's. */
const pickLocale = (rows: Row[], locale: Locale): Array<{ row: Row; fallback: boolean }> => {
  const order: string[] = [];
  const chosen = new Map<string, Row>();
  for (const row of rows) {
    const current = chosen.get(row.documentId);
    if (!current) {
      order.push(row.documentId);
      chosen.set(row.documentId, row);
    } else if (current.locale !== locale && row.locale === locale) {
      chosen.set(row.documentId, row);
    }
  }
  return order.map((id) => {
    const row = chosen.get(id) as Row;
    return { row, fallback: row.locale !== locale };
  });
};

const ref = (row: Row | null | undefined, title = 'title') =>
  row ? { slug: row.slug as string, [title]: row[title] as string } : null;

const UNIT_SELECT = ['documentId', 'slug', 'name', 'shortName', 'kind', 'description', 'locale'];
const PROFILE_REF_SELECT = ['documentId', 'slug', 'fullName', 'roleTitle', 'kind', 'consent', 'locale'];
const REPORT_REF_SELECT = ['documentId', 'slug', 'title', 'locale'];
const EVENT_SELECT = [
  'documentId',
  'slug',
  'title',
  'description',
  'occurredAt',
  'endAt',
  'precision',
  'approximate',
  'timeZone',
  'place',
  'importance',
  'locale',
];
const FILE_SELECT = ['url', 'alternativeText', 'caption', 'width', 'height', 'mime'];
/** Portraits also carry Strapi's upload formats: the site builds its srcset from them. */
const PORTRAIT_SELECT = [...FILE_SELECT, 'formats'];

const publicRead = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (type: TypeName) => strapi.db.query(typeUid(type) as never) as any;

  /** Reports past their embargo only: a published report under embargo is still unseen. */
  const reportVisible = () => ({
    ...PUBLISHED,
    $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: new Date() } }],
  });

  const unitRows = async (locale: Locale): Promise<Array<{ row: Row; fallback: boolean }>> => {
    const rows = (await query('unit').findMany({
      where: { locale: { $in: localesFor(locale) } },
      select: UNIT_SELECT,
      populate: { parent: { select: ['documentId'] } },
      orderBy: [{ slug: 'asc' }, { documentId: 'asc' }],
    })) as Row[];
    return pickLocale(rows, locale);
  };

  /**
   * A unit and everything below it, as documentIds and as the row ids of every locale (for
   * SQL on link tables); a 400 for a slug that names no unit.
   */
  const unitScopeRows = async (slug: string): Promise<{ documentIds: Set<string>; rowIds: number[] }> => {
    const rows = (await query('unit').findMany({
      select: ['id', 'documentId', 'slug'],
      populate: { parent: { select: ['documentId'] } },
    })) as Row[];
    const unit = rows.find((r) => r.slug === slug);
    if (!unit) throw new PublicRequestError(400, `unit: no unit has the slug "${slug}"`);
    const units = rows.map((r) => ({ id: r.documentId as string, parentId: (r.parent?.documentId as string) ?? null }));
    const documentIds = descendants(unit.documentId, units);
    return { documentIds, rowIds: rows.filter((r) => documentIds.has(r.documentId)).map((r) => Number(r.id)) };
  };

  /** The documentIds of a unit and everything below it; a 400 for a slug that names no unit. */
  const unitScope = async (slug: string): Promise<Set<string>> => (await unitScopeRows(slug)).documentIds;

  /**
   * Where a profile's public address is looked for: a token is one of the people not named
   * (matched by documentId afterwards); any other slug only among the named, so a real-name
   * slug of an anonymised or withdrawn person reads exactly like a slug never published.
   */
  const profileAddress = (slug: string): Row =>
    slug.startsWith('anon-')
      ? { consent: { $in: [...UNNAMED_CONSENTS] } }
      : { slug, $or: [{ consent: null }, { consent: { $notIn: [...UNNAMED_CONSENTS] } }] };

  /** The documentId of a public profile by its public slug (anonymised ones have a token). */
  const profileDocumentId = async (slug: string): Promise<string | null> => {
    const rows = (await query('frontline-profile').findMany({
      where: { ...PUBLISHED, ...profileAddress(slug) },
      select: ['documentId', 'slug', 'consent'],
    })) as Row[];
    const match = rows.find((r) => isPublicProfile(r) && publicSlug(r as ProfileRow) === slug);
    return match ? (match.documentId as string) : null;
  };

  /** zh-Hans names of anonymised people, so an English row can be masked as the Chinese one. */
  const withZhNames = async (people: Row[]): Promise<Row[]> => {
    const ids = [...new Set(people.filter((p) => isAnonymised(p) && p.locale !== DEFAULT_LOCALE).map((p) => p.documentId))];
    if (!ids.length) return people;
    const zh = (await query('frontline-profile').findMany({
      where: { ...PUBLISHED, documentId: { $in: ids }, locale: DEFAULT_LOCALE },
      select: ['documentId', 'fullName'],
    })) as Row[];
    const names = new Map(zh.map((r) => [r.documentId, r.fullName]));
    return people.map((p) => (names.has(p.documentId) ? { ...p, zhFullName: names.get(p.documentId) } : p));
  };

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
  });

  const serializeEvent = (row: Row, fallback: boolean, locale: Locale) => {
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
      locale: row.locale as Locale,
      fallback,
    };
  };
  type PublicEvent = ReturnType<typeof serializeEvent>;

  /** Rows of events matching `where`, in both candidate locales, with their relations. */
  const eventRows = async (where: Row, locale: Locale, orderBy: Row[], limit?: number, withMedia = false): Promise<Row[]> => {
    const rows = (await query('timeline-event').findMany({
      where: { ...PUBLISHED, locale: { $in: localesFor(locale) }, ...where },
      select: EVENT_SELECT,
      populate: eventPopulate(withMedia),
      orderBy,
      ...(limit ? { limit } : {}),
    })) as Row[];
    const people = rows.flatMap((r) => (r.actors ?? []) as Row[]);
    if (people.some((p) => isAnonymised(p) && p.locale !== DEFAULT_LOCALE)) {
      const named = await withZhNames(people);
      const byKey = new Map(named.map((p) => [`${p.documentId}:${p.locale}`, p]));
      for (const r of rows) r.actors = ((r.actors ?? []) as Row[]).map((p) => byKey.get(`${p.documentId}:${p.locale}`) ?? p);
    }
    return rows;
  };

  const timelineSelection = async (params: TimelineQuery, withMedia = false) => {
    const locale = params.locale ?? DEFAULT_LOCALE;
    const limit = params.limit ?? DEFAULT_LIMIT;
    const direction: SortDirection = params.sort === '-occurredAt' ? 'desc' : 'asc';
    const where: Row = {};
    const and: Row[] = [];
    if (params.from) {
      and.push({ occurredAt: { $gte: DateTime.fromISO(params.from, { zone: NEWSROOM_TIME_ZONE }).startOf('day').toJSDate() } });
    }
    if (params.to) {
      and.push({ occurredAt: { $lt: DateTime.fromISO(params.to, { zone: NEWSROOM_TIME_ZONE }).plus({ days: 1 }).startOf('day').toJSDate() } });
    }
    if (params.unit) where.units = { documentId: { $in: [...(await unitScope(params.unit))] } };
    if (params.profile) {
      const id = await profileDocumentId(params.profile);
      if (!id) throw new PublicRequestError(400, `profile: no public profile has the slug "${params.profile}"`);
      where.actors = { documentId: id };
    }
    if (params.chronicle) where.chronicle = { slug: params.chronicle, ...PUBLISHED };
    if (params.q) {
      and.push({
        $or: [{ title: { $containsi: params.q } }, { description: { $containsi: params.q } }, { place: { $containsi: params.q } }],
      });
    }
    if (params.cursor) {
      const position = decodeCursor(params.cursor, 'timeline');
      if ('error' in position) throw new PublicRequestError(400, position.error);
      if (position.direction !== direction) throw new PublicRequestError(400, 'cursor: it was made for the other sort order');
      const at = new Date(position.key);
      if (Number.isNaN(at.getTime())) throw new PublicRequestError(400, 'cursor: not a cursor returned by this API');
      const op = direction === 'asc' ? '$gt' : '$lt';
      and.push({ $or: [{ occurredAt: { [op]: at } }, { occurredAt: at, documentId: { [op]: position.documentId } }] });
    }
    if (and.length) where.$and = and;
    // Each document has at most one row per locale: twice the rows always holds limit+1 documents.
    const rowLimit = (limit + 1) * localesFor(locale).length;
    const rows = await eventRows(where, locale, [{ occurredAt: direction }, { documentId: direction }], rowLimit, withMedia);
    let picked = pickLocale(rows, locale);
    if (params.q && locale !== DEFAULT_LOCALE) picked = await dropMaskedFallbacks(picked, locale);
    const page = picked.slice(0, limit);
    const hasMore = picked.length > limit || rows.length === rowLimit;
    const last = page[page.length - 1];
    const nextCursor =
      hasMore && last
        ? encodeCursor({ list: 'timeline', direction, key: iso(last.row.occurredAt) as string, documentId: last.row.documentId })
        : null;
    return { locale, limit, page, nextCursor };
  };

  /**
   * A text search in English can match a document's zh-Hans row while its English row did
   * not match: that document has an English version, so it is not a fallback and is left out.
   */
  const dropMaskedFallbacks = async (picked: Array<{ row: Row; fallback: boolean }>, locale: Locale) => {
    const ids = picked.filter((p) => p.fallback).map((p) => p.row.documentId);
    if (!ids.length) return picked;
    const translated = (await query('timeline-event').findMany({
      where: { ...PUBLISHED, locale, documentId: { $in: ids } },
      select: ['documentId'],
    })) as Row[];
    const has = new Set(translated.map((r) => r.documentId));
    return picked.filter((p) => !(p.fallback && has.has(p.row.documentId)));
  };

  const photo = (component: Row | null | undefined) => {
    if (!component?.image?.url) return null;
    return {
      url: component.image.url as string,
      width: (component.image.width as number) ?? null,
      height: (component.image.height as number) ?? null,
      caption: redactPlainText((component.caption as string) ?? null),
      credit: (component.credit as string) ?? null,
      alt: (component.alt as string) ?? (component.image.alternativeText as string) ?? null,
    };
  };

  const bylines = (row: Row, locale: Locale) =>
    ((row.bylines ?? []) as Row[])
      .filter((b) => b.contributor)
      .map((b) => ({
        name: b.contributor.name as string,
        slug: (b.contributor.slug as string) ?? null,
        role: b.role as string,
        roleLabel: labelOf(BYLINE_ROLE_LABELS, b.role, locale),
      }));

  const REPORT_LIST_SELECT = ['documentId', 'slug', 'title', 'kicker', 'dek', 'locale', 'publishedAt', 'updatedAt'];
  const reportListPopulate = () => ({
    dateline: { select: ['place', 'date'] },
    bylines: { populate: { contributor: { select: ['name', 'slug'] } } },
    tags: { select: ['label'] },
    cover: { populate: { image: { select: FILE_SELECT } } },
    chronicle: { select: ['documentId', 'slug', 'title'], where: PUBLISHED },
    profiles: { select: ['documentId', 'slug', 'consent'], where: PUBLISHED },
  });

  const serializeReportSummary = (row: Row, fallback: boolean, locale: Locale) => {
    const date = day(row.dateline?.date);
    return {
      slug: row.slug as string,
      title: row.title as string,
      kicker: (row.kicker as string) ?? null,
      dek: redactPlainText((row.dek as string) ?? null),
      dateline: {
        place: (row.dateline?.place as string) ?? null,
        date,
        displayDate: date ? displayDate(`${date}T00:00:00+08:00`, 'day', false, locale) : null,
      },
      bylines: bylines(row, locale),
      tags: ((row.tags ?? []) as Row[]).map((t) => t.label as string),
      cover: photo(row.cover),
      chronicle: ref(row.chronicle),
      publishedAt: iso(row.publishedAt),
      updatedAt: iso(row.updatedAt),
      locale: row.locale as Locale,
      fallback,
    };
  };

  const allReports = async (locale: Locale, extraSelect: string[] = []) => {
    const rows = (await query('field-report').findMany({
      where: { ...reportVisible(), locale: { $in: localesFor(locale) } },
      select: [...REPORT_LIST_SELECT, ...extraSelect],
      populate: reportListPopulate(),
      orderBy: [{ documentId: 'asc' }],
    })) as Row[];
    const picked = pickLocale(rows, locale);
    const key = (p: { row: Row }) => ({ key: day(p.row.dateline?.date) ?? '', documentId: p.row.documentId as string });
    // Newest dateline first; the documentId breaks ties so pages never overlap.
    picked.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka.key !== kb.key) return ka.key < kb.key ? 1 : -1;
      return ka.documentId < kb.documentId ? 1 : ka.documentId > kb.documentId ? -1 : 0;
    });
    return { picked, key };
  };

  const figureOut = (row: Row, locale: Locale) => {
    const value = Number(row.value);
    const qualifier = row.qualifier as Qualifier;
    return {
      slug: row.slug as string,
      metric: row.metric as string,
      label: row.label as string,
      value,
      qualifier,
      countUnit: (row.countUnit as string) ?? null,
      display: displayFigure(value, qualifier, (row.countUnit as string) ?? null),
      unit: row.scopeUnit ? { slug: row.scopeUnit.slug as string, name: row.scopeUnit.name as string } : null,
      periodStart: day(row.periodStart),
      periodEnd: day(row.periodEnd),
      asOf: day(row.asOf),
      additive: Boolean(row.additive),
      source: ref(row.sourceReport),
      locale: row.locale as Locale,
      fallback: row.locale !== locale,
    };
  };
  const FIGURE_SELECT = ['documentId', 'slug', 'metric', 'label', 'value', 'qualifier', 'countUnit', 'periodStart', 'periodEnd', 'asOf', 'additive', 'locale'];
  const figurePopulate = () => ({
    scopeUnit: { select: ['documentId', 'slug', 'name'] },
    sourceReport: { select: REPORT_REF_SELECT, where: reportVisible() },
  });

  let figureQueriesOnce: FigureQueries | undefined;
  /** Built on first use: the database's metadata is loaded by then. */
  const figureSql = () => (figureQueriesOnce ??= figureQueries(strapi));

  /** Roll-ups of a selection of figures, for the units in it (a unit filter keeps its sub-tree). */
  const statisticsRollups = async (filter: FigureFilter, scope: Set<string> | null, sql: FigureQueries) => {
    const groups = sql.toGroups(await sql.run(sql.groups(filter)));
    if (!groups.length) return [];
    const units = await unitRows(filter.locale);
    const unitById = new Map(units.map((u) => [u.row.documentId as string, u.row]));
    const tree = units.map((u) => ({ id: u.row.documentId as string, parentId: (u.row.parent?.documentId as string) ?? null }));
    return rollUpGroups(tree, groups)
      .filter((r) => !scope || scope.has(r.unitId))
      .map((r) => {
        const unit = unitById.get(r.unitId) as Row;
        return {
          metric: r.metric,
          countUnit: r.countUnit,
          unit: { slug: unit.slug as string, name: unit.name as string },
          value: r.value,
          qualifier: r.qualifier,
          display: displayFigure(r.value, r.qualifier, r.countUnit),
          count: r.count,
        };
      });
  };

  const pageMeta = <T>(
    list: string,
    items: Array<{ row: Row; fallback: boolean }>,
    key: (p: { row: Row }) => { key: string; documentId: string },
    direction: SortDirection,
    params: { cursor?: string; limit?: number },
    serialize: (p: { row: Row; fallback: boolean }) => T
  ) => {
    const limit = params.limit ?? DEFAULT_LIMIT;
    let after: { key: string; documentId: string } | undefined;
    if (params.cursor) {
      const position = decodeCursor(params.cursor, list);
      if ('error' in position) throw new PublicRequestError(400, position.error);
      after = position;
    }
    const { items: page, hasMore } = pageAfter(items, key, direction, limit, after);
    const last = page[page.length - 1];
    return {
      data: page.map(serialize),
      nextCursor: hasMore && last ? encodeCursor({ list, direction, ...key(last) }) : null,
      limit,
    };
  };

  return {
    async timeline(params: TimelineQuery) {
      const { locale, limit, page, nextCursor } = await timelineSelection(params);
      return {
        data: page.map(({ row, fallback }) => serializeEvent(row, fallback, locale)),
        meta: { locale, limit, nextCursor },
      };
    },

    /** Knight Lab TimelineJS3 JSON of the same selection; eras are the chronicles it touches. */
    async timelinejs(params: TimelineQuery) {
      const { locale, page, nextCursor } = await timelineSelection(params, true);
      const slide = (start: string, precision: Precision, timeZone: string, display: string) => {
        const dt = DateTime.fromISO(start).setZone(timeZone);
        const parts: Record<string, number | string> = { year: dt.year };
        const depth = ['year', 'month', 'day', 'part-of-day', 'hour', 'minute'].indexOf(precision);
        if (depth >= 1) parts.month = dt.month;
        if (depth >= 2) parts.day = dt.day;
        if (depth >= 3) parts.hour = dt.hour;
        if (depth >= 5) parts.minute = dt.minute;
        parts.display_date = display;
        return parts;
      };
      const eras = new Map<string, Row>();
      // TimelineJS needs calendar parts: an event whose date luxon cannot read is left out of it.
      const events = page.filter(({ row }) => displayable(iso(row.occurredAt))).map(({ row }) => {
        const event = serializeEvent(row, false, locale);
        if (row.chronicle?.periodStart) eras.set(row.chronicle.documentId, row.chronicle);
        const file = ((row.media ?? []) as Row[])[0];
        const photographers = ((row.sourceReport?.bylines ?? []) as Row[])
          .filter((b) => b.contributor && ['photographer', 'text-and-photos'].includes(b.role))
          .map((b) => b.contributor.name as string);
        const actors = event.actors.map((a) => a.name).join('、');
        return {
          unique_id: event.slug,
          start_date: slide(event.occurredAt, event.precision, event.timeZone, event.displayDate),
          ...(event.endAt && displayable(event.endAt)
            ? { end_date: slide(event.endAt, event.precision, event.timeZone, event.displayEndDate as string) }
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
        events,
        eras: [...eras.values()].map((ch) => ({
          start_date: dateParts(day(ch.periodStart) as string),
          ...(ch.periodEnd ? { end_date: dateParts(day(ch.periodEnd) as string) } : {}),
          text: { headline: ch.title as string },
        })),
        meta: { locale, nextCursor },
      };
    },

    async reports(params: ReportsQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      let { picked, key } = await allReports(locale);
      if (params.chronicle) picked = picked.filter((p) => p.row.chronicle?.slug === params.chronicle);
      if (params.tag) picked = picked.filter((p) => ((p.row.tags ?? []) as Row[]).some((t) => t.label === params.tag));
      if (params.profile) {
        const id = await profileDocumentId(params.profile);
        picked = id ? picked.filter((p) => ((p.row.profiles ?? []) as Row[]).some((r) => r.documentId === id)) : [];
      }
      const { data, nextCursor, limit } = pageMeta('reports', picked, key, 'desc', params, (p) =>
        serializeReportSummary(p.row, p.fallback, locale)
      );
      return { data, meta: { locale, limit, nextCursor } };
    },

    /**
     * A record withdrawn by the editors keeps a public notice at its address: 410 with the
     * reason and date, in the requested language when it exists. That holds while it is
     * being reworked after the withdrawal (the notice stays until it is published again) and
     * after it is deleted (its tombstone keeps the notice).
     */
    async assertNotWithdrawn(type: 'field-report' | 'chronicle' | 'frontline-profile', slug: string, locale: Locale) {
      // A person's notice stays at the address readers knew: the token for someone not named.
      const address = type === 'frontline-profile' ? profileAddress(slug) : { slug };
      const drafts = (await query(type).findMany({
        where: { ...address, publishedAt: null, workflowState: { $notIn: ['published', 'corrected'] }, locale: { $in: localesFor(locale) } },
        select: ['documentId', 'locale', 'workflowState', ...(type === 'frontline-profile' ? ['consent'] : [])],
        populate: { withdrawalNotice: { select: ['reason', 'date'] } },
      })) as Row[];
      const noticed = drafts.filter(
        (r) =>
          (r.workflowState === 'withdrawn' || r.withdrawalNotice) &&
          !(type === 'frontline-profile' && slug.startsWith('anon-') && anonymousSlug(r.documentId) !== slug)
      );
      let [chosen] = pickLocale(noticed, locale);
      if (!chosen) {
        // Deleted after it was public: its tombstone keeps the notice (under the public address).
        const tombstones = (await strapi.db.query('plugin::chronicle.tombstone' as never).findMany({
          where: { contentUid: typeUid(type), slug, subjectLocale: { $in: localesFor(locale) } },
          select: ['subjectLocale', 'reason', 'withdrawnAt'],
          orderBy: { id: 'desc' },
        })) as Row[];
        [chosen] = pickLocale(
          tombstones.map((t) => ({ locale: t.subjectLocale, withdrawalNotice: { reason: t.reason, date: t.withdrawnAt } })),
          locale
        );
      }
      if (!chosen) return;
      const notice = chosen.row.withdrawalNotice as Row | null;
      const what = { 'field-report': 'report', chronicle: 'chronicle', 'frontline-profile': 'profile' }[type];
      throw new PublicRequestError(410, `this ${what} has been withdrawn`, {
        withdrawal: { reason: notice?.reason ?? null, date: iso(notice?.date) },
      });
    },

    async report(slug: string, params: LocaleOnlyQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const rows = (await query('field-report').findMany({
        where: { ...reportVisible(), slug, locale: { $in: localesFor(locale) } },
        select: [...REPORT_LIST_SELECT, 'body'],
        populate: {
          ...reportListPopulate(),
          photos: { populate: { image: { select: FILE_SELECT } } },
          corrections: { select: ['date', 'kind', 'text'] },
          profiles: { select: PROFILE_REF_SELECT, where: PUBLISHED, orderBy: { slug: 'asc' } },
          events: { select: ['documentId', 'slug', 'title', 'occurredAt', 'precision', 'approximate', 'timeZone'], where: PUBLISHED, orderBy: [{ occurredAt: 'asc' }, { documentId: 'asc' }] },
          statistics: { select: FIGURE_SELECT, where: PUBLISHED, populate: figurePopulate(), orderBy: { slug: 'asc' } },
        },
      })) as Row[];
      const [chosen] = pickLocale(rows, locale);
      if (!chosen) {
        await this.assertNotWithdrawn('field-report', slug, locale);
        throw new PublicRequestError(404, `no published report has the slug "${slug}"`);
      }
      const { row, fallback } = chosen;
      const people = await withZhNames((row.profiles ?? []) as Row[]);
      return {
        data: {
          ...serializeReportSummary(row, fallback, locale),
          bodyHtml: renderMarkdown(row.body),
          photos: ((row.photos ?? []) as Row[]).map(photo).filter(Boolean),
          corrections: ((row.corrections ?? []) as Row[]).map((c) => ({ date: iso(c.date), kind: c.kind as string, text: c.text as string })),
          profiles: personRefs(people as ProfileRow[], locale),
          events: ((row.events ?? []) as Row[]).map((e) => ({
            slug: e.slug as string,
            title: e.title as string,
            occurredAt: iso(e.occurredAt),
            displayDate: displayDate(iso(e.occurredAt), e.precision, Boolean(e.approximate), locale, e.timeZone || NEWSROOM_TIME_ZONE),
          })),
          statistics: ((row.statistics ?? []) as Row[]).map((s) => figureOut(s, locale)),
        },
        meta: { locale },
      };
    },

    async profiles(params: ProfilesQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      // The honour roll is ordered by public slug. A named person's public slug is the stored
      // slug, so those are read a page at a time from the (locale, slug, document_id) index,
      // after the cursor; an anonymised person's is a token derived from the documentId, so
      // those few are read whole (consent index) and merged in. Then only the page's rows are
      // read in full with their portraits and duty roles.
      const after = params.cursor ? decodeCursor(params.cursor, 'profiles') : undefined;
      if (after && 'error' in after) throw new PublicRequestError(400, after.error);
      const base = {
        ...PUBLISHED,
        locale: { $in: localesFor(locale) },
        // kind is shared by every locale of a document, so filtering rows equals filtering documents
        ...(params.kind ? { kind: params.kind } : {}),
      };
      const keySelect = ['documentId', 'slug', 'consent', 'locale'];
      const withUnit = params.unit ? { populate: { unit: { select: ['documentId'] } } } : {};
      const rowLimit = ((params.limit ?? DEFAULT_LIMIT) + 1) * localesFor(locale).length;
      const named = (await query('frontline-profile').findMany({
        where: {
          ...base,
          consent: { $in: ['consented', 'public-duty'] },
          ...(after ? { $or: [{ slug: { $gt: after.key } }, { slug: after.key, documentId: { $gt: after.documentId } }] } : {}),
        },
        select: keySelect,
        ...withUnit,
        orderBy: [{ slug: 'asc' }, { documentId: 'asc' }],
        // A unit filter drops rows after the read: read them all then (a unit's people are few).
        ...(params.unit ? {} : { limit: rowLimit }),
      })) as Row[];
      const anonymised = (await query('frontline-profile').findMany({
        where: { ...base, consent: 'anonymised' },
        select: keySelect,
        ...withUnit,
      })) as Row[];
      let picked = pickLocale([...named, ...anonymised], locale).filter((p) => isPublicProfile(p.row));
      if (params.unit) {
        const scope = await unitScope(params.unit);
        picked = picked.filter((p) => p.row.unit && scope.has(p.row.unit.documentId));
      }
      const key = (p: { row: Row }) => ({ key: publicSlug(p.row as ProfileRow), documentId: p.row.documentId as string });
      picked.sort((a, b) => compareKeys(key(a), key(b), 'asc'));
      // Named rows past the last one read may sort before anonymised ones still to come: the
      // page may only reach as far as the named rows read, unless they were all read.
      const namedComplete = Boolean(params.unit) || named.length < rowLimit;
      const lastNamed = named.length ? { key: named[named.length - 1].slug as string, documentId: named[named.length - 1].documentId as string } : null;
      const usable = namedComplete || !lastNamed ? picked : picked.filter((p) => compareKeys(key(p), lastNamed, 'asc') <= 0);
      const { data: page, nextCursor: usableCursor, limit } = pageMeta('profiles', usable, key, 'asc', params, (p) => p);
      const lastOfPage = page[page.length - 1];
      const nextCursor =
        usableCursor ?? (usable.length < picked.length && lastOfPage ? encodeCursor({ list: 'profiles', direction: 'asc', ...key(lastOfPage) }) : null);
      const full = page.length
        ? ((await query('frontline-profile').findMany({
            where: { ...PUBLISHED, documentId: { $in: page.map((p) => p.row.documentId) }, locale: { $in: page.map((p) => p.row.locale) } },
            select: ['documentId', 'slug', 'fullName', 'roleTitle', 'kind', 'consent', 'locale'],
            populate: {
              unit: { select: ['documentId', 'slug', 'name'] },
              portrait: { select: PORTRAIT_SELECT },
              dutyRoles: { select: ['role'] },
            },
          })) as Row[])
        : [];
      const byKey = new Map((await withZhNames(full)).map((r) => [`${r.documentId}:${r.locale}`, r]));
      const data = page
        .map(({ row: keyRow, fallback }) => ({ row: byKey.get(`${keyRow.documentId}:${keyRow.locale}`), fallback }))
        .filter((p): p is { row: Row; fallback: boolean } => Boolean(p.row))
        .map(({ row, fallback }) => ({
          slug: publicSlug(row as ProfileRow),
          name: publicName(row as ProfileRow, locale),
          roleTitle: (row.roleTitle as string) ?? null,
          kind: row.kind as string,
          anonymised: isAnonymised(row),
          unit: row.unit ? { slug: row.unit.slug as string, name: row.unit.name as string } : null,
          portrait: publicPortrait(row as ProfileRow),
          dutyRoles: ((row.dutyRoles ?? []) as Row[]).map((d) => ({ key: d.role as string, label: labelOf(DUTY_ROLE_LABELS, d.role, locale) })),
          locale: row.locale as Locale,
          fallback,
        }));
      return { data, meta: { locale, limit, nextCursor } };
    },

    async profile(slug: string, params: LocaleOnlyQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      let where: Row = profileAddress(slug);
      if (slug.startsWith('anon-')) {
        // The token names one person not named; a withdrawn one answers 410 (DESIGN §7).
        const unnamed = (await query('frontline-profile').findMany({
          where: { ...PUBLISHED, ...where, locale: { $in: localesFor(locale) } },
          select: ['documentId', 'consent'],
        })) as Row[];
        const person = unnamed.filter((r) => anonymousSlug(r.documentId) === slug);
        if (person.length && person.every((r) => r.consent === 'withdrawn')) {
          throw new PublicRequestError(410, 'this profile has been withdrawn');
        }
        where = { consent: 'anonymised', documentId: person.length ? person[0].documentId : null };
      }
      const rows = (await query('frontline-profile').findMany({
        where: { ...PUBLISHED, ...where, locale: { $in: localesFor(locale) } },
        select: ['documentId', 'slug', 'fullName', 'roleTitle', 'kind', 'consent', 'citation', 'locale'],
        populate: {
          unit: { select: ['documentId', 'slug', 'name'] },
          portrait: { select: PORTRAIT_SELECT },
          dutyRoles: { select: ['role'] },
          deeds: { select: ['date', 'precision', 'summary'], populate: { sourceReport: { select: REPORT_REF_SELECT, where: reportVisible() } } },
          quotes: { select: ['text', 'context', 'saidOn'] },
          honours: { select: ['title', 'awardedBy', 'awardedOn', 'documentNo'] },
          reports: { select: REPORT_REF_SELECT, where: reportVisible(), orderBy: { slug: 'asc' } },
          events: { select: ['documentId', 'slug', 'title', 'occurredAt', 'precision', 'approximate', 'timeZone'], where: PUBLISHED, orderBy: [{ occurredAt: 'asc' }, { documentId: 'asc' }] },
        },
      })) as Row[];
      const matching = rows.filter((r) => publicSlug(r as ProfileRow) === slug);
      const [chosen] = pickLocale(await withZhNames(matching), locale);
      if (!chosen) {
        await this.assertNotWithdrawn('frontline-profile', slug, locale);
        throw new PublicRequestError(404, 'no published profile has this address');
      }
      const { row, fallback } = chosen;
      // DESIGN §7: a withdrawn person's URL answers 410, and says nothing else about them.
      if (!isPublicProfile(row)) throw new PublicRequestError(410, 'this profile has been withdrawn');
      const person = row as ProfileRow;
      return {
        data: {
          slug: publicSlug(person),
          name: publicName(person, locale),
          roleTitle: (row.roleTitle as string) ?? null,
          kind: row.kind as string,
          anonymised: isAnonymised(row),
          unit: row.unit ? { slug: row.unit.slug as string, name: row.unit.name as string } : null,
          portrait: publicPortrait(person),
          dutyRoles: ((row.dutyRoles ?? []) as Row[]).map((d) => ({ key: d.role as string, label: labelOf(DUTY_ROLE_LABELS, d.role, locale) })),
          citationHtml: renderMarkdown(row.citation),
          deeds: ((row.deeds ?? []) as Row[]).map((d) => {
            const date = day(d.date) as string;
            return {
              date,
              precision: d.precision as string,
              displayDate: displayDate(`${date}T00:00:00+08:00`, d.precision, false, locale),
              summary: redactPlainText(d.summary as string),
              source: ref(d.sourceReport),
            };
          }),
          quotes: publicQuotes(person, (row.quotes ?? []) as Row[]).map((q) => ({
            text: redactPlainText(q.text as string),
            context: (q.context as string) ?? null,
            saidOn: day(q.saidOn),
          })),
          honours: ((row.honours ?? []) as Row[]).map((h) => ({
            title: h.title as string,
            awardedBy: (h.awardedBy as string) ?? null,
            awardedOn: day(h.awardedOn),
            documentNo: (h.documentNo as string) ?? null,
          })),
          reports: ((row.reports ?? []) as Row[]).map((r) => ref(r)),
          events: ((row.events ?? []) as Row[]).map((e) => ({
            slug: e.slug as string,
            title: e.title as string,
            occurredAt: iso(e.occurredAt),
            displayDate: displayDate(iso(e.occurredAt), e.precision, Boolean(e.approximate), locale, e.timeZone || NEWSROOM_TIME_ZONE),
          })),
          locale: row.locale as Locale,
          fallback,
        },
        meta: { locale },
      };
    },

    async chronicle(slug: string, params: LocaleOnlyQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const rows = (await query('chronicle').findMany({
        where: { ...PUBLISHED, slug, locale: { $in: localesFor(locale) } },
        select: ['documentId', 'slug', 'title', 'summary', 'body', 'periodStart', 'periodEnd', 'locale'],
        populate: {
          subjectUnit: { select: ['documentId', 'slug', 'name'] },
          reports: { select: REPORT_REF_SELECT, where: reportVisible(), orderBy: { slug: 'asc' } },
        },
      })) as Row[];
      const [chosen] = pickLocale(rows, locale);
      if (!chosen) {
        await this.assertNotWithdrawn('chronicle', slug, locale);
        throw new PublicRequestError(404, `no published chronicle has the slug "${slug}"`);
      }
      const { row, fallback } = chosen;
      const events = pickLocale(
        await eventRows({ chronicle: { documentId: row.documentId } }, locale, [{ occurredAt: 'asc' }, { documentId: 'asc' }]),
        locale
      ).map((p) => serializeEvent(p.row, p.fallback, locale));
      const start = day(row.periodStart);
      const end = day(row.periodEnd);
      return {
        data: {
          slug: row.slug as string,
          title: row.title as string,
          subjectUnit: row.subjectUnit ? { slug: row.subjectUnit.slug as string, name: row.subjectUnit.name as string } : null,
          periodStart: start,
          periodEnd: end,
          displayPeriod: {
            start: start ? displayDate(`${start}T00:00:00+08:00`, 'day', false, locale) : null,
            end: end ? displayDate(`${end}T00:00:00+08:00`, 'day', false, locale) : null,
          },
          summary: redactPlainText((row.summary as string) ?? null),
          bodyHtml: renderMarkdown(row.body),
          events: events as PublicEvent[],
          reports: ((row.reports ?? []) as Row[]).map((r) => ref(r)),
          locale: row.locale as Locale,
          fallback,
        },
        meta: { locale },
      };
    },

    /**
     * Figures a page at a time, by slug, paged in the database; with the first page (no
     * cursor) the roll-ups of the whole selection, summed in the database and combined up the
     * unit tree here. Later pages carry `rollups: null`: the roll-ups do not depend on the
     * page, so they are computed once per selection, not once per page.
     */
    async statistics(params: StatisticsQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const limit = params.limit ?? DEFAULT_LIMIT;
      let after: { key: string; documentId: string } | undefined;
      if (params.cursor) {
        const position = decodeCursor(params.cursor, 'statistics');
        if ('error' in position) throw new PublicRequestError(400, position.error);
        after = position;
      }
      const scope = params.unit ? await unitScopeRows(params.unit) : null;
      const filter: FigureFilter = { locale, metric: params.metric, ...(scope ? { unitRowIds: scope.rowIds } : {}) };
      const sql = figureSql();
      const picked = pickLocale(sql.toKeys(await sql.run(sql.pageRows(filter, limit, after))), locale);
      const page = picked.slice(0, limit).map((p) => p.row as FigureKey);
      const rows = page.length
        ? ((await query('grid-statistic').findMany({
            where: { ...PUBLISHED, id: { $in: page.map((k) => k.id) } },
            select: ['id', ...FIGURE_SELECT],
            populate: figurePopulate(),
          })) as Row[])
        : [];
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      // A row unpublished between the two reads is left out rather than served half-read.
      const figures = page.flatMap((k) => (byId.has(k.id) ? [figureOut(byId.get(k.id) as Row, locale)] : []));
      const last = page[page.length - 1];
      const nextCursor = picked.length > limit && last ? encodeCursor({ list: 'statistics', direction: 'asc', key: last.slug, documentId: last.documentId }) : null;
      const rollups = params.cursor ? null : await statisticsRollups(filter, scope?.documentIds ?? null, sql);
      return { data: { figures, rollups }, meta: { locale, limit, nextCursor } };
    },

    async units(params: LocaleOnlyQuery) {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const units = await unitRows(locale);
      type Node = { slug: string; name: string; shortName: string | null; kind: string; description: string | null; locale: Locale; fallback: boolean; children: Node[] };
      const nodes = new Map<string, Node>();
      for (const { row, fallback } of units) {
        nodes.set(row.documentId, {
          slug: row.slug,
          name: row.name,
          shortName: row.shortName ?? null,
          kind: row.kind,
          description: redactPlainText(row.description ?? null),
          locale: row.locale,
          fallback,
          children: [],
        });
      }
      const roots: Node[] = [];
      for (const { row } of units) {
        const node = nodes.get(row.documentId) as Node;
        const parent = row.parent?.documentId ? nodes.get(row.parent.documentId) : undefined;
        (parent ? parent.children : roots).push(node);
      }
      return { data: roots, meta: { locale } };
    },

    /** Reports for the feeds, newest dateline first, at most `max`. */
    async feedReports(locale: Locale, max: number) {
      const { picked } = await allReports(locale, ['body']);
      return picked.slice(0, max).map(({ row }) => ({
        ...serializeReportSummary(row, row.locale !== locale, locale),
        bodyHtml: renderMarkdown(row.body),
      }));
    },
  };
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const dateParts = (isoDay: string) => {
  const [year, month, day] = isoDay.split('-').map(Number);
  return { year, month, day };
};

export type PublicReadService = ReturnType<typeof publicRead>;
export default publicRead;
