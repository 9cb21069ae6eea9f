/**
 * The statistics route's two reads in SQL, so that neither loads every figure (issue #8):
 *
 * - `pageRows`: one page of figures by slug (keyset: `slug > cursor ORDER BY slug LIMIT n+1`,
 *   times the locales read), as keys only; the service then reads just those rows in full
 *   through Strapi;
 * - `groups`: the roll-ups' input, `SUM(value)` and `COUNT(*)` per metric, unit of count,
 *   unit, qualifier and fact-check state (only verified figures are summed; the rest are
 *   counted as left out). Disputed figures are left out of the page (issue #17). The unit tree is combined in memory by domain/rollup.ts from these
 *   groups, which number units × metrics × qualifiers, however many figures there are.
 *
 * Both serve, per document, the published row in the requested locale, or the zh-Hans row
 * when the document has no published row in that locale — the rule `pickLocale` applies to
 * the other lists. The page reads both locales' rows of its few documents and leaves the
 * choice to `pickLocale`; the sums cannot, so they write the rule in SQL, as NOT EXISTS.
 *
 * Table, column and link-table names all come from Strapi's metadata (`strapi.db.metadata`),
 * never written here, and the builders are plain knex, so a test can EXPLAIN exactly what
 * runs. `run` joins the caller's transaction when there is one.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { typeUid } from '../domain/content-types';
import { DEFAULT_LOCALE, type Locale, type Qualifier } from '../domain/enums';
import type { FigureGroup } from '../domain/rollup';
import { stateOf } from '../domain/verification';

export interface FigureFilter {
  locale: Locale;
  metric?: string;
  /**
   * Row ids (every locale's) of the units the figures must be reported for, a unit and its
   * sub-units: matched on the link table's own unit column, whose index the planner uses.
   */
  unitRowIds?: number[];
}

/** A figure row's keys (a type, not an interface, so it passes for a plain row). */
export type FigureKey = {
  id: number;
  documentId: string;
  slug: string;
  locale: Locale;
};

type Row = Record<string, unknown>;

export const figureQueries = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection as unknown as Knex;
  const metadata = (type: 'grid-statistic' | 'unit') => strapi.db.metadata.get(typeUid(type) as never) as any;
  const figures = metadata('grid-statistic');
  const units = metadata('unit');
  const column = (meta: any, attribute: string): string => {
    const name = meta.attributes[attribute]?.columnName;
    if (!name) throw new Error(`figure queries: ${meta.uid} has no column for ${attribute}`);
    return name as string;
  };
  const scopeLink = figures.attributes.scopeUnit?.joinTable;
  if (!scopeLink) throw new Error('figure queries: grid-statistic.scopeUnit has no link table');
  // A PostgreSQL schema (DATABASE_SCHEMA) qualifies every table, joined ones included.
  const schema = strapi.db.getSchemaName?.() as string | undefined;
  const table = (name: string, alias: string) => `${schema ? `${schema}.` : ''}${name} as ${alias}`;

  /** f.<column of a figure attribute>; t.… for the NOT EXISTS probe; u.… for the unit. */
  const f = (attribute: string) => `f.${column(figures, attribute)}`;
  const t = (attribute: string) => `t.${column(figures, attribute)}`;
  const unitDocumentId = `u.${column(units, 'documentId')}`;

  const unitRowId = `l.${scopeLink.inverseJoinColumn.name}`;
  const withLinks = (qb: Knex.QueryBuilder) => qb.join(table(scopeLink.name, 'l'), `l.${scopeLink.joinColumn.name}`, f('id'));
  const withUnits = (qb: Knex.QueryBuilder) => withLinks(qb).join(table(units.tableName, 'u'), `u.${column(units, 'id')}`, unitRowId);

  /** Published figures in `locale`, narrowed by metric and unit. */
  const published = (qb: Knex.QueryBuilder, filter: FigureFilter, locales: Locale[]) => {
    qb.whereNotNull(f('publishedAt'));
    if (filter.metric) qb.where(f('metric'), filter.metric);
    if (locales.length === 1) qb.where(f('locale'), locales[0]);
    else qb.whereIn(f('locale'), locales);
    if (filter.unitRowIds) qb.whereIn(unitRowId, filter.unitRowIds);
    return qb;
  };

  /** Disputed figures are never shown as fact: left out of the public lists (issue #17). */
  const notDisputed = (qb: Knex.QueryBuilder) =>
    qb.where((w) => w.whereNull(f('verificationState')).orWhere(f('verificationState'), '<>', 'disputed'));

  /**
   * The zh-Hans rows that stand in for a missing translation: no published row of the same
   * document in the requested locale. A separate branch (UNION ALL) rather than an OR, so the
   * planner can make it an anti-join; the probe repeats the metric (the same in every locale
   * of a document) so that it, too, goes through the metric index.
   */
  const untranslated = (qb: Knex.QueryBuilder, filter: FigureFilter) =>
    qb.whereNotExists(
      knex
        .select(knex.raw('1'))
        .from(table(figures.tableName, 't'))
        .where(t('documentId'), knex.ref(f('documentId')))
        .where(t('locale'), filter.locale)
        .whereNotNull(t('publishedAt'))
        .modify((probe) => (filter.metric ? probe.where(t('metric'), filter.metric) : probe))
    );

  return {
    /**
     * Rows for one page of figures after `after` in (slug, documentId) order, in the requested
     * locale and in zh-Hans: `(limit + 1) × locales` rows always hold limit + 1 documents, and
     * the service picks each document's row (as the timeline does). Written
     * `slug >= key AND (slug > key OR documentId > id)` so the slug index bounds the range.
     */
    pageRows(filter: FigureFilter, limit: number, after?: { key: string; documentId: string }): Knex.QueryBuilder {
      const locales: Locale[] = filter.locale === DEFAULT_LOCALE ? [DEFAULT_LOCALE] : [filter.locale, DEFAULT_LOCALE];
      const qb = knex
        .from(table(figures.tableName, 'f'))
        .select({ id: f('id'), documentId: f('documentId'), slug: f('slug'), locale: f('locale') });
      if (filter.unitRowIds) withLinks(qb);
      published(qb, filter, locales);
      notDisputed(qb);
      if (after) {
        qb.where(f('slug'), '>=', after.key).where((w) => w.where(f('slug'), '>', after.key).orWhere(f('documentId'), '>', after.documentId));
      }
      return qb.orderBy([{ column: f('slug'), order: 'asc' }, { column: f('documentId'), order: 'asc' }]).limit((limit + 1) * locales.length);
    },

    /**
     * SUM and COUNT of the additive figures per metric, unit of count, unit (documentId) and
     * qualifier: the requested locale's rows, and (UNION ALL) the zh-Hans rows of documents
     * not published in it. A group may come back once from each branch; rollUpGroups adds
     * them together like any two groups.
     */
    groups(filter: FigureFilter): Knex.QueryBuilder {
      const sums = (locale: Locale) =>
        published(withUnits(knex.from(table(figures.tableName, 'f'))), filter, [locale])
          .select({ metric: f('metric'), countUnit: f('countUnit'), unitId: unitDocumentId, qualifier: f('qualifier'), state: f('verificationState') })
          .sum({ total: f('value') })
          .count({ figures: '*' })
          .where(f('additive'), true)
          // Per fact-check state: only verified figures are summed; the others are counted as left out.
          .groupBy([f('metric'), f('countUnit'), unitDocumentId, f('qualifier'), f('verificationState')]);
      if (filter.locale === DEFAULT_LOCALE) return sums(DEFAULT_LOCALE);
      // One statement, so both branches read the same snapshot. Each grouped branch is a
      // derived table: knex would otherwise write the UNION before the first one's GROUP BY.
      return knex
        .select('*')
        .from(sums(filter.locale).as('translated'))
        .unionAll(knex.select('*').from(untranslated(sums(DEFAULT_LOCALE), filter).as('untranslated')));
    },

    /** Run a builder, inside the caller's transaction when there is one. */
    async run<T = Row>(qb: Knex.QueryBuilder): Promise<T[]> {
      if (strapi.db.inTransaction()) return strapi.db.transaction(async ({ trx }) => (await qb.transacting(trx as never)) as T[]);
      return (await qb) as T[];
    },

    /**
     * The database's rows as numbers: PostgreSQL hands a numeric SUM over as a string
     * ("211.00") and a COUNT as a bigint string, SQLite as numbers.
     */
    toGroups(rows: Row[]): FigureGroup[] {
      return rows.map((r) => ({
        metric: r.metric as string,
        countUnit: (r.countUnit as string | null) ?? null,
        unitId: r.unitId as string,
        qualifier: r.qualifier as Qualifier,
        value: Number(r.total),
        count: Number(r.figures),
        state: stateOf(r.state),
      }));
    },

    toKeys(rows: Row[]): FigureKey[] {
      return rows.map((r) => ({ id: Number(r.id), documentId: r.documentId as string, slug: r.slug as string, locale: r.locale as Locale }));
    },
  };
};

export type FigureQueries = ReturnType<typeof figureQueries>;
