/**
 * Bulk generator of synthetic newsrooms (`npx chronicle generate`, the scale tests and the
 * benchmark): a unit tree, profiles, figures and timeline events, written straight through
 * knex in large multi-row inserts inside one transaction. One Document Service call per row
 * would take hours for 100,000 events; this takes seconds to a minute.
 *
 * The rows are still real Strapi documents, shaped exactly as the Document Service leaves
 * them: per document and locale a draft row (published_at NULL) and a published row with
 * the same document_id, workflow_state 'published' on both, and every relation written
 * for both rows into Strapi's own link tables (the names, columns and order columns are
 * read from Strapi's metadata, not hard-coded), each row linking to the target's row of the
 * same locale and, for draft-and-publish targets, of the same status. Units have no draft
 * and publish: one row per locale, as Strapi writes them.
 *
 * Ids are allocated up front (after the table's current maximum) so link rows can be built
 * without reading inserted rows back; PostgreSQL sequences are moved past them afterwards.
 */
import type { Core } from '@strapi/strapi';
import { typeUid, type TypeName } from '../domain/content-types';
import { LOCALES, type Locale } from '../domain/enums';
import {
  DESCRIPTION_TEMPLATES,
  EVENT_TEMPLATES,
  METRICS,
  PROFILE_ROLES,
  documentIdFrom,
  fill,
  instantBetween,
  personName,
  pickQualifier,
  seededRandom,
  unitTree,
  type PersonName,
  type SyntheticUnit,
} from '../demo/synthetic';

export interface GenerateOptions {
  events: number;
  profiles: number;
  statistics: number;
  units?: number;
  seed?: number;
  /** Called after each phase with what was written so far. */
  onProgress?: (phase: string, count: number) => void;
}

export interface GenerateResult {
  tag: string;
  units: number;
  profiles: number;
  statistics: number;
  events: number;
  rows: number;
  links: number;
  seconds: number;
}

type Row = Record<string, unknown>;
type Knex = any;

/** SQLite allows 32,766 bound values per statement, PostgreSQL 65,535: stay under both. */
const MAX_BINDINGS = 30000;
const FROM = new Date('2019-01-01T00:00:00+08:00');
const TO = new Date('2025-12-31T00:00:00+08:00');
const STATUSES = ['draft', 'published'] as const;
type Status = (typeof STATUSES)[number];

const generator = ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (type: TypeName) => strapi.db.metadata.get(typeUid(type)) as any;

  /** Attribute names → column names of a type, so rows are written with Strapi's own columns. */
  const columns = (type: TypeName) => {
    const m = meta(type);
    return (data: Row): Row => {
      const out: Row = {};
      for (const [key, value] of Object.entries(data)) {
        if (key === 'id') {
          out.id = value;
          continue;
        }
        const attribute = m.attributes[key];
        if (!attribute?.columnName) throw new Error(`generator: ${type} has no column for ${key}`);
        out[attribute.columnName] = value;
      }
      return out;
    };
  };

  const joinOf = (type: TypeName, attribute: string) => {
    const join = meta(type).attributes[attribute]?.joinTable;
    if (!join) throw new Error(`generator: ${type}.${attribute} has no link table`);
    return {
      table: join.name as string,
      own: join.joinColumn.name as string,
      target: join.inverseJoinColumn.name as string,
      /** Position of the target among this row's targets (xToMany only). */
      order: (join.orderColumnName as string | undefined) ?? null,
      /** Position of this row among the target's inverse list. */
      inverseOrder: (join.inverseOrderColumnName as string | undefined) ?? null,
    };
  };

  const sqlite = () => strapi.db.dialect.client !== 'postgres';
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

  /** PostgreSQL column types of a table, for the typed arrays of an unnest() insert. */
  const pgTypes = new Map<string, Map<string, string>>();
  const columnTypes = async (trx: Knex, table: string) => {
    if (!pgTypes.has(table)) {
      const { rows } = await trx.raw('SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()', [table]);
      pgTypes.set(table, new Map(rows.map((r: Row) => [r.column_name as string, r.udt_name as string])));
    }
    return pgTypes.get(table) as Map<string, string>;
  };

  const insertAll = async (trx: Knex, table: string, rows: Row[]) => {
    if (!rows.length) return;
    const cols = Object.keys(rows[0]);
    const value = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' && sqlite() ? (v ? 1 : 0) : v);
    if (!sqlite()) {
      // PostgreSQL: one array per column and INSERT … SELECT FROM unnest(…), a handful of
      // bound values per 10,000 rows; a VALUES list that long spends its time in the parser.
      const types = await columnTypes(trx, table);
      const sql = `INSERT INTO ${quote(table)} (${cols.map(quote).join(',')}) SELECT * FROM unnest(${cols.map((c) => `?::${types.get(c) ?? 'text'}[]`).join(',')})`;
      for (let i = 0; i < rows.length; i += 10000) {
        const chunk = rows.slice(i, i + 10000);
        await trx.raw(sql, cols.map((c) => chunk.map((r) => value(r[c]))));
      }
      return;
    }
    // SQLite: plain multi-row VALUES statements; knex's builder (a compound SELECT, capped at
    // 500 terms) costs more than the database does at this volume.
    const per = Math.max(1, Math.floor(MAX_BINDINGS / cols.length));
    const tuple = `(${cols.map(() => '?').join(',')})`;
    const head = `INSERT INTO ${quote(table)} (${cols.map(quote).join(',')}) VALUES `;
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const bindings: unknown[] = [];
      for (const row of chunk) for (const c of cols) bindings.push(value(row[c]));
      await trx.raw(head + chunk.map(() => tuple).join(','), bindings);
    }
  };

  /** Link rows for one relation, with order columns counted the way Strapi appends them. */
  const linker = (type: TypeName, attribute: string) => {
    const j = joinOf(type, attribute);
    const inverseCount = new Map<number, number>();
    const rows: Row[] = [];
    return {
      table: j.table,
      rows,
      add(ownId: number, targetIds: number[]) {
        targetIds.forEach((targetId, position) => {
          const row: Row = { [j.own]: ownId, [j.target]: targetId };
          if (j.order) row[j.order] = position + 1;
          if (j.inverseOrder) {
            const n = (inverseCount.get(targetId) ?? 0) + 1;
            inverseCount.set(targetId, n);
            row[j.inverseOrder] = n;
          }
          rows.push(row);
        });
      },
    };
  };

  const nextId = async (trx: Knex, table: string): Promise<number> => {
    const [{ max }] = await trx(table).max({ max: 'id' });
    return Number(max ?? 0) + 1;
  };

  /** PostgreSQL: explicit ids do not advance the serial, so move it past them. */
  const syncSequence = async (trx: Knex, table: string) => {
    if (sqlite()) return;
    await trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 1) FROM ??))`, [table, table]);
  };

  return {
    async generate(options: GenerateOptions): Promise<GenerateResult> {
      const started = Date.now();
      const random = seededRandom(options.seed ?? 1);
      const knex = strapi.db.connection as Knex;
      // Strapi keeps SQLite datetimes as epoch milliseconds (what its own writes leave), PostgreSQL as timestamps.
      const instant = (date: Date) => (sqlite() ? date.getTime() : date);
      const now = instant(new Date());
      const report = options.onProgress ?? (() => undefined);
      let rowCount = 0;
      let linkCount = 0;

      const result = await knex.transaction(async (trx: Knex) => {
        const tables = {
          unit: meta('unit').tableName as string,
          profile: meta('frontline-profile').tableName as string,
          statistic: meta('grid-statistic').tableName as string,
          event: meta('timeline-event').tableName as string,
        };
        // A tag from the first free event id keeps slugs unique when a database is generated into twice.
        const firstEventId = await nextId(trx, tables.event);
        const tag = `g${(firstEventId + (options.seed ?? 1) * 7919).toString(36)}`;

        // Units: one row per locale (no draft and publish), parents linked per locale.
        const tree: SyntheticUnit[] = unitTree(options.units ?? 300, random);
        const unitCols = columns('unit');
        let id = await nextId(trx, tables.unit);
        const unitIds = tree.map(() => ({} as Record<Locale, number>));
        const unitRows: Row[] = [];
        const parents = linker('unit', 'parent');
        for (const unit of tree) {
          const documentId = documentIdFrom(random);
          for (const locale of LOCALES) {
            const text = locale === 'en' ? unit.en : unit.zh;
            unitIds[unit.index][locale] = id;
            unitRows.push({ id, ...unitCols({ documentId, locale, name: text.name, shortName: text.shortName, kind: unit.kind, slug: `${tag}-${unit.slug}`, createdAt: now, updatedAt: now, publishedAt: now }) });
            if (unit.parentIndex !== null) parents.add(id, [unitIds[unit.parentIndex][locale]]);
            id += 1;
          }
        }
        await insertAll(trx, tables.unit, unitRows);
        await insertAll(trx, parents.table, parents.rows);
        await syncSequence(trx, tables.unit);
        rowCount += unitRows.length;
        linkCount += parents.rows.length;
        report('units', tree.length);

        // Figures and people mostly belong to the bottom of the tree, where the work is done.
        const leaves = tree.filter((u) => u.kind === 'grid' || u.kind === 'community');
        const places = leaves.length ? leaves : tree;

        /** Four rows per document (two locales × draft/published) and the ids they got. */
        const documentRows = (base: Row, perLocale: (locale: Locale) => Row, startId: number) => {
          const rows: Row[] = [];
          const ids = {} as Record<Locale, Record<Status, number>>;
          let next = startId;
          for (const locale of LOCALES) {
            ids[locale] = {} as Record<Status, number>;
            for (const status of STATUSES) {
              ids[locale][status] = next;
              rows.push({ id: next, ...base, ...perLocale(locale), locale, publishedAt: status === 'published' ? now : null });
              next += 1;
            }
          }
          return { rows, ids, next };
        };

        // Profiles.
        const profileCols = columns('frontline-profile');
        const profileUnits = linker('frontline-profile', 'unit');
        const profileIds: Array<Record<Locale, Record<Status, number>>> = [];
        const names: PersonName[] = [];
        id = await nextId(trx, tables.profile);
        let batch: Row[] = [];
        const flush = async (table: string) => {
          await insertAll(trx, table, batch);
          rowCount += batch.length;
          batch = [];
        };
        for (let n = 0; n < options.profiles; n++) {
          const name = personName(random);
          const role = random.pick(PROFILE_ROLES);
          const unit = random.pick(places);
          const r = random.next();
          const consent = r < 0.8 ? 'consented' : r < 0.93 ? 'public-duty' : r < 0.98 ? 'anonymised' : 'withdrawn';
          const documentId = documentIdFrom(random);
          const made = documentRows(
            { documentId, kind: role.kind, consent, slug: `${tag}-p${n}`, workflowState: 'published', createdAt: now, updatedAt: now },
            (locale) =>
              locale === 'en'
                ? { fullName: name.en, roleTitle: role.en, citation: `${name.en}, ${role.en} in ${unit.en.name}.` }
                : { fullName: name.zh, roleTitle: role.zh, citation: `${name.zh}，${unit.zh.name}${role.zh}。` },
            id
          );
          id = made.next;
          for (const row of made.rows) batch.push(profileCols(row));
          for (const locale of LOCALES) for (const status of STATUSES) profileUnits.add(made.ids[locale][status], [unitIds[unit.index][locale]]);
          profileIds.push(made.ids);
          names.push(name);
          if (batch.length >= 8000) await flush(tables.profile);
        }
        await flush(tables.profile);
        await insertAll(trx, profileUnits.table, profileUnits.rows);
        await syncSequence(trx, tables.profile);
        linkCount += profileUnits.rows.length;
        report('profiles', options.profiles);

        // Figures.
        const figureCols = columns('grid-statistic');
        const scopes = linker('grid-statistic', 'scopeUnit');
        id = await nextId(trx, tables.statistic);
        for (let n = 0; n < options.statistics; n++) {
          const metric = random.pick(METRICS);
          const unit = random.pick(places);
          const asOf = instantBetween(random, FROM, TO).toISOString().slice(0, 10);
          const made = documentRows(
            {
              documentId: documentIdFrom(random),
              metric: metric.metric,
              value: random.int(1, metric.max),
              qualifier: pickQualifier(random),
              countUnit: metric.countUnit,
              asOf,
              additive: metric.additive,
              slug: `${tag}-s${n}`,
              workflowState: 'published',
              createdAt: now,
              updatedAt: now,
            },
            (locale) => ({ label: locale === 'en' ? `${metric.en}, ${unit.en.name}` : `${unit.zh.name}${metric.zh}` }),
            id
          );
          id = made.next;
          for (const row of made.rows) batch.push(figureCols(row));
          for (const locale of LOCALES) for (const status of STATUSES) scopes.add(made.ids[locale][status], [unitIds[unit.index][locale]]);
          if (batch.length >= 8000) await flush(tables.statistic);
        }
        await flush(tables.statistic);
        await insertAll(trx, scopes.table, scopes.rows);
        await syncSequence(trx, tables.statistic);
        linkCount += scopes.rows.length;
        report('statistics', options.statistics);

        // Events: a place, sometimes a second unit, and zero to two people.
        const eventCols = columns('timeline-event');
        const eventUnits = linker('timeline-event', 'units');
        const actors = linker('timeline-event', 'actors');
        id = firstEventId;
        const flushLinks = async () => {
          for (const l of [eventUnits, actors]) {
            await insertAll(trx, l.table, l.rows);
            linkCount += l.rows.length;
            l.rows.length = 0;
          }
        };
        for (let n = 0; n < options.events; n++) {
          const unit = random.pick(places);
          const second = random.chance(0.3) && unit.parentIndex !== null ? tree[unit.parentIndex] : null;
          const people = options.profiles ? Array.from({ length: random.int(0, 2) }, () => random.int(0, options.profiles - 1)) : [];
          const cast = [...new Set(people)];
          const person = cast.length ? names[cast[0]] : personName(random);
          const title = random.pick(EVENT_TEMPLATES);
          const description = random.pick(DESCRIPTION_TEMPLATES);
          const values = { n: random.int(2, 60) };
          const occurredAt = instantBetween(random, FROM, TO);
          const precision = random.pick(['day', 'day', 'day', 'part-of-day', 'hour', 'minute'] as const);
          const made = documentRows(
            {
              documentId: documentIdFrom(random),
              occurredAt: instant(occurredAt),
              precision,
              approximate: precision !== 'day' && random.chance(0.3),
              timeZone: 'Asia/Shanghai',
              importance: random.int(1, 5),
              slug: `${tag}-e${n}`,
              workflowState: 'published',
              createdAt: now,
              updatedAt: now,
            },
            (locale) => {
              const v = locale === 'en' ? { ...values, place: unit.en.name, person: person.en } : { ...values, place: unit.zh.name, person: person.zh };
              return {
                title: fill(locale === 'en' ? title.en : title.zh, v).slice(0, 200),
                description: fill(locale === 'en' ? description.en : description.zh, v),
                place: v.place,
              };
            },
            id
          );
          id = made.next;
          for (const row of made.rows) batch.push(eventCols(row));
          for (const locale of LOCALES) {
            for (const status of STATUSES) {
              const own = made.ids[locale][status];
              eventUnits.add(own, [unit, ...(second ? [second] : [])].map((u) => unitIds[u.index][locale]));
              actors.add(own, cast.map((p) => profileIds[p][locale][status]));
            }
          }
          if (batch.length >= 8000) {
            await flush(tables.event);
            await flushLinks();
          }
          if ((n + 1) % 20000 === 0) report('events', n + 1);
        }
        await flush(tables.event);
        await flushLinks();
        await syncSequence(trx, tables.event);
        report('events', options.events);
        return { tag, units: tree.length };
      });

      // The public cache must not keep pages computed before these documents existed.
      await strapi.plugin('chronicle').service('public-cache').bump();
      return {
        tag: result.tag,
        units: result.units,
        profiles: options.profiles,
        statistics: options.statistics,
        events: options.events,
        rows: rowCount,
        links: linkCount,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
    },
  };
};

export type GeneratorService = ReturnType<typeof generator>;
export default generator;
