/**
 * Field reports: the list (newest dateline first) and one report at its address. A
 * newsroom's reports are its hundreds, so the list is read whole and paged in memory with
 * the same keyset cursors as the timeline. Only reports past their embargo are seen.
 */
import type { ReportAnswer, ReportsPage, ReportSummary } from '../../contracts/public';
import type { Byline, Photo } from '../../contracts/shared';
import { publicCorrections } from '../../domain/corrections';
import { DEFAULT_LOCALE, type Locale } from '../../domain/enums';
import { BYLINE_ROLE_LABELS, labelOf } from '../../domain/public-labels';
import { personRefs, type ProfileRow } from '../../domain/public-person';
import { redactPlainText } from '../../domain/redaction';
import { renderMarkdown } from '../../domain/safe-markdown';
import type { LocaleOnlyQuery, ReportsQuery } from '../../validation/public-query';
import { CORRECTION_SELECT, EVENT_REF_SELECT, FILE_SELECT, localesFor, pageOf, pickLocale, PROFILE_REF_SELECT, PUBLISHED, reportVisible, type RowReader } from './rows';
import { FIGURE_SELECT, figureOut, figurePopulate, isDisputed } from './statistics';
import { day, displayDay, eventRef, iso, ref, translationStale, type Row } from './values';

const REPORT_LIST_SELECT = ['documentId', 'slug', 'title', 'kicker', 'dek', 'locale', 'publishedAt', 'updatedAt'];
const reportListPopulate = () => ({
  dateline: { select: ['place', 'date'] },
  bylines: { populate: { contributor: { select: ['name', 'slug'] } } },
  tags: { select: ['label'] },
  cover: { populate: { image: { select: FILE_SELECT } } },
  chronicle: { select: ['documentId', 'slug', 'title'], where: PUBLISHED },
  profiles: { select: ['documentId', 'slug', 'consent'], where: PUBLISHED },
});

const photo = (component: Row | null | undefined): Photo | null => {
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

const bylines = (row: Row, locale: Locale): Byline[] =>
  ((row.bylines ?? []) as Row[])
    .filter((b) => b.contributor)
    .map((b) => ({
      name: b.contributor.name as string,
      slug: (b.contributor.slug as string) ?? null,
      role: b.role as string,
      roleLabel: labelOf(BYLINE_ROLE_LABELS, b.role, locale),
    }));

export const serializeReportSummary = (row: Row, fallback: boolean, locale: Locale): ReportSummary => {
  const date = day(row.dateline?.date);
  return {
    slug: row.slug as string,
    title: row.title as string,
    kicker: (row.kicker as string) ?? null,
    dek: redactPlainText((row.dek as string) ?? null),
    dateline: {
      place: (row.dateline?.place as string) ?? null,
      date,
      displayDate: date ? displayDay(date, 'day', locale) : null,
    },
    bylines: bylines(row, locale),
    tags: ((row.tags ?? []) as Row[]).map((t) => t.label as string),
    cover: photo(row.cover),
    chronicle: ref(row.chronicle),
    publishedAt: iso(row.publishedAt),
    updatedAt: iso(row.updatedAt),
    locale: row.locale as Locale,
    fallback,
    translationStale: translationStale(row),
  };
};

export const reportsResource = (rows: RowReader) => {
  /** Every visible report in the locale chosen for it, newest dateline first. */
  const allReports = async (locale: Locale, extraSelect: string[] = []) => {
    const found = (await rows.query('field-report').findMany({
      where: { ...reportVisible(), locale: { $in: localesFor(locale) } },
      select: [...REPORT_LIST_SELECT, ...extraSelect],
      populate: reportListPopulate(),
      orderBy: [{ documentId: 'asc' }],
    })) as Row[];
    const picked = pickLocale(found, locale);
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

  return {
    allReports,

    async reports(params: ReportsQuery): Promise<ReportsPage> {
      const locale = params.locale ?? DEFAULT_LOCALE;
      let { picked, key } = await allReports(locale);
      if (params.chronicle) picked = picked.filter((p) => p.row.chronicle?.slug === params.chronicle);
      if (params.tag) picked = picked.filter((p) => ((p.row.tags ?? []) as Row[]).some((t) => t.label === params.tag));
      if (params.profile) {
        const id = await rows.profileDocumentId(params.profile);
        picked = id ? picked.filter((p) => ((p.row.profiles ?? []) as Row[]).some((r) => r.documentId === id)) : [];
      }
      const { data: page, nextCursor, limit } = pageOf('reports', picked, key, 'desc', params, (p) => p);
      await rows.markStale('field-report', page.map((p) => p.row));
      const data = page.map((p) => serializeReportSummary(p.row, p.fallback, locale));
      return { data, meta: { locale, limit, nextCursor } };
    },

    async report(slug: string, params: LocaleOnlyQuery): Promise<ReportAnswer> {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const found = (await rows.query('field-report').findMany({
        where: { ...reportVisible(), slug, locale: { $in: localesFor(locale) } },
        select: [...REPORT_LIST_SELECT, 'body'],
        populate: {
          ...reportListPopulate(),
          photos: { populate: { image: { select: FILE_SELECT } } },
          corrections: { select: CORRECTION_SELECT },
          profiles: { select: PROFILE_REF_SELECT, where: PUBLISHED, orderBy: { slug: 'asc' } },
          events: { select: EVENT_REF_SELECT, where: PUBLISHED, orderBy: [{ occurredAt: 'asc' }, { documentId: 'asc' }] },
          statistics: { select: FIGURE_SELECT, where: PUBLISHED, populate: figurePopulate(), orderBy: { slug: 'asc' } },
        },
      })) as Row[];
      const { row, fallback } = await rows.detail('field-report', slug, locale, found, `no published report has the slug "${slug}"`);
      const people = await rows.withZhNames((row.profiles ?? []) as Row[]);
      await rows.markStale('field-report', [row]);
      return {
        data: {
          ...serializeReportSummary(row, fallback, locale),
          bodyHtml: renderMarkdown(row.body),
          photos: ((row.photos ?? []) as Row[]).map(photo).filter((p): p is Photo => p !== null),
          corrections: publicCorrections(row.corrections, locale),
          profiles: personRefs(people as ProfileRow[], locale),
          events: ((row.events ?? []) as Row[]).map((e) => eventRef(e, locale)),
          // Disputed figures are not stated as fact: named apart, without their value (issue #17).
          statistics: ((row.statistics ?? []) as Row[]).filter((s) => !isDisputed(s)).map((s) => figureOut(s, locale)),
          disputedFigures: ((row.statistics ?? []) as Row[]).filter(isDisputed).map((s) => ({ slug: s.slug as string, label: s.label as string })),
        },
        meta: { locale },
      };
    },
  };
};
