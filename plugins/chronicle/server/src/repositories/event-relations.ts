/**
 * What the public read path shows of a page of timeline events' relations, in ONE statement
 * (issue 19, the uncached timeline): their units, the published people named on them, their
 * published chronicle, their visible source report and their corrections, as a UNION ALL of
 * five branches over the link tables, each with an explicit column list.
 *
 * Strapi's populate answers the same with one statement per relation, each built by its query
 * builder, compiled by knex, prepared and run on a connection of its own: five times the fixed
 * cost of a statement for a 25-item page. The rows here are what those populates gave, field
 * for field (services/public-read/events.ts): units and people in slug order, corrections in
 * their component order, `null` / `[]` where there is none.
 *
 * Table, column and link-table names come from Strapi's metadata (`strapi.db.metadata`), as in
 * ./figures.ts; the SQL text depends only on how many ids a statement takes (padded to a few
 * sizes: `paddedSize`), so it is built once per size and kept, and prepared once per
 * connection (./raw-rows.ts).
 */
import type { Core } from '@strapi/strapi';
import { typeUid } from '../domain/content-types';
import { rawRowReader } from './raw-rows';

type Row = Record<string, any>;

/** The output columns every branch fills (null where a relation has no such field). */
const COLUMNS = ['document_id', 'slug', 'name', 'kind', 'role_title', 'consent', 'locale', 'period_start', 'period_end', 'c_date', 'c_text', 's_num'] as const;
type Column = (typeof COLUMNS)[number];
const CHUNK = 500;
/**
 * The id list is padded with NULLs (`IN (…, NULL)` matches nothing more) to the next of a few
 * sizes, 8, 16 … 512: a handful of statement texts, so the statements prepared per connection
 * (./raw-rows.ts; server-side on PostgreSQL) stay few whatever the page and chronicle sizes.
 */
export const paddedSize = (count: number): number => {
  let size = 8;
  while (size < count) size *= 2;
  return size;
};

export const eventRelationQueries = (strapi: Core.Strapi) => {
  const rawRows = rawRowReader(strapi);
  const meta = (uid: string) => {
    const found = strapi.db.metadata.get(uid as never) as any;
    if (!found) throw new Error(`event relations: no metadata for ${uid}`);
    return found;
  };
  const events = meta(typeUid('timeline-event'));
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const schema = strapi.db.getSchemaName?.() as string | undefined;
  const table = (name: string) => `${schema ? `${quote(schema)}.` : ''}${quote(name)}`;
  const column = (m: any, attribute: string) => {
    const name = m.attributes[attribute]?.columnName;
    if (!name) throw new Error(`event relations: ${m.uid} has no column for ${attribute}`);
    return `t.${quote(name)}`;
  };

  // PostgreSQL types a UNION's column from its branches in order: an untyped null before a
  // date would make the column text, and the date branch an error. The nulls say their type.
  const postgres = strapi.db.dialect.client === 'postgres';
  const NULL_TYPES: Partial<Record<Column, string>> = { period_start: 'date', period_end: 'date', c_date: 'timestamp', s_num: 'double precision' };
  const nullOf = (c: Column) => (postgres && NULL_TYPES[c] ? `cast(null as ${NULL_TYPES[c]})` : 'null');

  /**
   * One branch: the link table `l` of `attribute`, joined to its target `t`, for the page's ids.
   * On PostgreSQL the target is a LATERAL subquery with LIMIT 1 (its primary key: one row at
   * most), which the planner cannot flatten: each link row looks its target up by primary key.
   * A plain join was planned as a hash join over a sequential scan of the whole target table
   * (every profile: 1.2 ms of a 1.9 ms statement at 10,000 events, growing with the archive).
   * SQLite already looks each target up by its rowid.
   */
  const branch = (attribute: string, values: Partial<Record<Column, string>>, extraWhere: string[], ids: string) => {
    const link = events.attributes[attribute]?.joinTable;
    if (!link) throw new Error(`event relations: timeline-event.${attribute} has no link table`);
    const target = meta(events.attributes[attribute].target);
    const byKey = `t.${quote(link.inverseJoinColumn.referencedColumn)} = l.${quote(link.inverseJoinColumn.name)}`;
    const linkOn = Object.keys(link.on ?? {}).map((k) => `l.${quote(k)} = '${String(link.on[k]).replace(/'/g, "''")}'`);
    const select = COLUMNS.map((c) => `${values[c] ?? nullOf(c)} as ${c}`).join(', ');
    const from = postgres
      ? `${table(link.name)} as l cross join lateral (select * from ${table(target.tableName)} as t where ${byKey} limit 1) as t`
      : `${table(link.name)} as l join ${table(target.tableName)} as t on ${byKey}`;
    const where = [`l.${quote(link.joinColumn.name)} in (${ids})`, ...linkOn, ...extraWhere].join(' and ');
    return `select '${attribute}' as rel, l.${quote(link.joinColumn.name)} as event_id, ${select} from ${from} where ${where}`;
  };

  const sqlByCount = new Map<number, string>();
  /** The statement for `count` events; bindings: the ids five times, then the embargo's `now`. */
  const statement = (count: number): string => {
    const known = sqlByCount.get(count);
    if (known) return known;
    const ids = new Array(count).fill('?').join(', ');
    const units = meta(events.attributes.units.target);
    const people = meta(events.attributes.actors.target);
    const chronicles = meta(events.attributes.chronicle.target);
    const reports = meta(events.attributes.sourceReport.target);
    const corrections = meta(events.attributes.corrections.target);
    const published = (m: any) => `${column(m, 'publishedAt')} is not null`;
    const embargo = column(reports, 'embargoUntil');
    const order = `l.${quote(events.attributes.corrections.joinTable.orderColumnName)}`;
    const sql = [
      branch('units', { document_id: column(units, 'documentId'), slug: column(units, 'slug'), name: column(units, 'name'), kind: column(units, 'kind') }, [], ids),
      branch(
        'actors',
        {
          document_id: column(people, 'documentId'),
          slug: column(people, 'slug'),
          name: column(people, 'fullName'),
          kind: column(people, 'kind'),
          role_title: column(people, 'roleTitle'),
          consent: column(people, 'consent'),
          locale: column(people, 'locale'),
        },
        [published(people)],
        ids
      ),
      branch(
        'chronicle',
        {
          document_id: column(chronicles, 'documentId'),
          slug: column(chronicles, 'slug'),
          name: column(chronicles, 'title'),
          period_start: column(chronicles, 'periodStart'),
          period_end: column(chronicles, 'periodEnd'),
        },
        [published(chronicles)],
        ids
      ),
      branch(
        'sourceReport',
        { document_id: column(reports, 'documentId'), slug: column(reports, 'slug'), name: column(reports, 'title'), locale: column(reports, 'locale') },
        [published(reports), `(${embargo} is null or ${embargo} <= ?)`],
        ids
      ),
      branch('corrections', { kind: column(corrections, 'kind'), c_date: column(corrections, 'date'), c_text: column(corrections, 'text'), s_num: order }, [], ids),
    ].join(' union all ');
    // Units and people in slug order, corrections in their order: what the populates asked for.
    const full = `${sql} order by rel, slug, s_num`;
    if (sqlByCount.size > 256) sqlByCount.clear();
    sqlByCount.set(count, full);
    return full;
  };

  /** The relations' rows of `count` events as the populates shaped them, keyed by event row id. */
  const shape = (r: Row): [string, Row] => {
    switch (r.rel) {
      case 'units':
        return ['units', { documentId: r.document_id, slug: r.slug, name: r.name, kind: r.kind }];
      case 'actors':
        return ['actors', { documentId: r.document_id, slug: r.slug, fullName: r.name, roleTitle: r.role_title, kind: r.kind, consent: r.consent, locale: r.locale }];
      case 'chronicle':
        return ['chronicle', { documentId: r.document_id, slug: r.slug, title: r.name, periodStart: r.period_start, periodEnd: r.period_end }];
      case 'sourceReport':
        return ['sourceReport', { documentId: r.document_id, slug: r.slug, title: r.name, locale: r.locale }];
      default:
        return ['corrections', { date: r.c_date, kind: r.kind, text: r.c_text }];
    }
  };

  return {
    /**
     * Sets `units`, `actors`, `chronicle`, `corrections` and (unless `sourceReport` is false:
     * TimelineJS populates it with bylines itself) `sourceReport` on every row, from one
     * statement. Rows need their `id`.
     */
    async attach(rows: Row[], options: { sourceReport?: boolean } = {}): Promise<void> {
      const withReport = options.sourceReport !== false;
      for (const row of rows) {
        row.units = [];
        row.actors = [];
        row.chronicle = null;
        if (withReport) row.sourceReport = null;
        row.corrections = [];
      }
      const byId = new Map<unknown, Row>(rows.map((r) => [String(r.id), r]));
      const list: Row[] = [];
      // A chronicle lists all its events: at most CHUNK per statement keeps the bindings (5 × ids) in every driver's limit.
      for (let i = 0; i < rows.length; i += CHUNK) {
        const page = rows.slice(i, i + CHUNK).map((r) => r.id);
        const ids = [...page, ...new Array(paddedSize(page.length) - page.length).fill(null)];
        list.push(...(await rawRows(statement(ids.length), [...ids, ...ids, ...ids, ...ids, new Date(), ...ids])));
      }
      for (const r of list) {
        const row = byId.get(String(r.event_id));
        if (!row) continue;
        const [key, value] = shape(r);
        if (key === 'chronicle') row.chronicle = value;
        else if (key === 'sourceReport') {
          if (withReport) row.sourceReport = value;
        } else row[key].push(value);
      }
    },
  };
};

export type EventRelations = ReturnType<typeof eventRelationQueries>;
