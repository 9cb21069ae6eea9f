/**
 * Figures (grid statistics) a page at a time, keyset on slug, paged in the database; with
 * the first page the roll-ups of the whole selection, summed in SQL
 * (../../repositories/figures.ts) and only combined up the unit tree here.
 */
import type { FigureVerification, PublicFigure, Rollup, StatisticsAnswer } from '../../contracts/public';
import type { Core } from '@strapi/strapi';
import { encodeCursor } from '../../domain/cursor';
import { DEFAULT_LOCALE, type Locale, type Qualifier } from '../../domain/enums';
import { publicCorrections } from '../../domain/corrections';
import { displayFigure } from '../../domain/figure-display';
import { excludedFigures, rollUpGroups, rollupKey, type Excluded } from '../../domain/rollup';
import { publicSource, stateOf, type SourceKind } from '../../domain/verification';
import { figureQueries, type FigureFilter, type FigureKey, type FigureQueries } from '../../repositories/figures';
import type { StatisticsQuery } from '../../validation/public-query';
import { ChronicleError } from '../../errors';
import { CORRECTION_SELECT, cursorAt, DEFAULT_LIMIT, pickLocale, PUBLISHED, REPORT_REF_SELECT, reportVisible, UNIT_REF_SELECT, type RowReader } from './rows';
import { day, ref, unitRef, type Row } from './values';

export const FIGURE_SELECT = [
  'documentId', 'slug', 'metric', 'label', 'value', 'qualifier', 'countUnit', 'periodStart', 'periodEnd', 'asOf', 'additive', 'locale',
  // "How we know" (issue #17): the source's parts, the state and the date; never who checked it or their note.
  'sourceKind', 'sourceTitle', 'sourcePage', 'sourceUrl', 'sourceName', 'sourceOffice', 'verificationState', 'verifiedAt',
];

/** A figure's "how we know", from an explicit list of its fields: state, source and when it was checked. */
export const figureVerification = (row: Row): FigureVerification => {
  const state = stateOf(row.verificationState);
  return {
    state,
    source: publicSource({
      kind: (row.sourceKind as SourceKind | null) ?? null,
      title: row.sourceTitle as string | null,
      page: row.sourcePage as string | null,
      url: row.sourceUrl as string | null,
      name: row.sourceName as string | null,
      office: row.sourceOffice as string | null,
    }),
    checkedAt: state !== 'unverified' && row.verifiedAt ? new Date(row.verifiedAt as string).toISOString() : null,
  };
};

/** Disputed figures are never shown as fact: out of every public list (a report names them apart). */
export const isDisputed = (row: Row) => stateOf(row.verificationState) === 'disputed';
export const figurePopulate = () => ({
  scopeUnit: { select: UNIT_REF_SELECT },
  sourceReport: { select: REPORT_REF_SELECT, where: reportVisible() },
  corrections: { select: CORRECTION_SELECT },
});

export const figureOut = (row: Row, locale: Locale): PublicFigure => {
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
    unit: unitRef(row.scopeUnit),
    periodStart: day(row.periodStart),
    periodEnd: day(row.periodEnd),
    asOf: day(row.asOf),
    additive: Boolean(row.additive),
    source: ref(row.sourceReport),
    verification: figureVerification(row),
    corrections: publicCorrections(row.corrections, locale),
    locale: row.locale as Locale,
    fallback: row.locale !== locale,
  };
};

export const statisticsResource = (strapi: Core.Strapi, rows: RowReader) => {
  let figureQueriesOnce: FigureQueries | undefined;
  /** Built on first use: the database's metadata is loaded by then. */
  const figureSql = () => (figureQueriesOnce ??= figureQueries(strapi));

  /** Roll-ups of a selection of figures, for the units in it (a unit filter keeps its sub-tree). */
  const rollups = async (filter: FigureFilter, scope: Set<string> | null, sql: FigureQueries): Promise<{ rollups: Rollup[]; excluded: Excluded }> => {
    const groups = sql.toGroups(await sql.run(sql.groups(filter)));
    if (!groups.length) return { rollups: [], excluded: { unverified: 0, disputed: 0 } };
    const units = await rows.unitRows(filter.locale);
    const unitById = new Map(units.map((u) => [u.row.documentId as string, u.row]));
    const tree = units.map((u) => ({ id: u.row.documentId as string, parentId: (u.row.parent?.documentId as string) ?? null }));
    // Only verified figures are summed; how many were left out is said per roll-up and for the selection.
    const left = excludedFigures(tree, groups);
    const summed = rollUpGroups(tree, groups)
      .filter((r) => !scope || scope.has(r.unitId))
      .map((r): Rollup => {
        const unit = unitById.get(r.unitId) as Row;
        return {
          metric: r.metric,
          countUnit: r.countUnit,
          unit: { slug: unit.slug as string, name: unit.name as string },
          value: r.value,
          qualifier: r.qualifier,
          display: displayFigure(r.value, r.qualifier, r.countUnit),
          count: r.count,
          excluded: left.byRollup.get(rollupKey(r)) ?? { unverified: 0, disputed: 0 },
        };
      });
    return { rollups: summed, excluded: left.total };
  };

  return {
    /**
     * Figures a page at a time, by slug, paged in the database; with the first page (no
     * cursor) the roll-ups of the whole selection, summed in the database and combined up the
     * unit tree here. Later pages carry `rollups: null`: the roll-ups do not depend on the
     * page, so they are computed once per selection, not once per page.
     */
    async statistics(params: StatisticsQuery): Promise<StatisticsAnswer> {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const limit = params.limit ?? DEFAULT_LIMIT;
      const after = params.cursor ? cursorAt(params.cursor, 'statistics') : undefined;
      const scope = params.unit ? await rows.unitScopeRows(params.unit) : null;
      const filter: FigureFilter = { locale, metric: params.metric, ...(scope ? { unitRowIds: scope.rowIds } : {}) };
      const sql = figureSql();
      const picked = pickLocale(sql.toKeys(await sql.run(sql.pageRows(filter, limit, after))), locale);
      // Like an unknown unit, a metric no published figure has is a mistake to name, not an empty
      // list. Asked only when the page is empty: a page with figures proves the metric exists, and
      // the question (LIMIT 1 over a common metric) is one PostgreSQL may answer by a scan.
      if (params.metric && !picked.length && !(await rows.query('grid-statistic').findOne({ where: { ...PUBLISHED, metric: params.metric }, select: ['id'] }))) {
        throw new ChronicleError(400, `metric: no published figure has the metric "${params.metric}"`);
      }
      const page = picked.slice(0, limit).map((p) => p.row as FigureKey);
      const found = page.length
        ? ((await rows.query('grid-statistic').findMany({
            where: { ...PUBLISHED, id: { $in: page.map((k) => k.id) } },
            select: ['id', ...FIGURE_SELECT],
            populate: figurePopulate(),
          })) as Row[])
        : [];
      const byId = new Map(found.map((r) => [Number(r.id), r]));
      // A row unpublished between the two reads is left out rather than served half-read.
      const figures = page.flatMap((k) => (byId.has(k.id) ? [figureOut(byId.get(k.id) as Row, locale)] : []));
      const last = page[page.length - 1];
      const nextCursor = picked.length > limit && last ? encodeCursor({ list: 'statistics', direction: 'asc', key: last.slug, documentId: last.documentId }) : null;
      const sums = params.cursor ? null : await rollups(filter, scope?.documentIds ?? null, sql);
      return { data: { figures, rollups: sums?.rollups ?? null, excluded: sums?.excluded ?? null }, meta: { locale, limit, nextCursor } };
    },
  };
};
