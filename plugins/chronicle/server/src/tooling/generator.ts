/**
 * Bulk generator of synthetic newsrooms (`npx chronicle generate`, the scale tests and the
 * benchmark): a unit tree, profiles, figures and timeline events, written straight through
 * knex in large multi-row inserts inside one transaction. One Document Service call per row
 * would take hours for 100,000 events; this takes seconds to half a minute. A table that at
 * least doubles is loaded without its secondary indexes, rebuilt at the end (`suspendIndexes`),
 * and on PostgreSQL one batch is written while the next is built.
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
import type { SearchIndexService } from '../services/search-index';
import { LOCALES, type Locale } from '../domain/enums';
import { NEWSROOM_TIME_ZONE, newsroomMidnight } from '../domain/time-zone';
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
  /** Called during and after each phase with what was written so far and the phase's seconds. */
  onProgress?: (phase: string, count: number, seconds: number) => void;
  /**
   * Rebuild the search index after writing (default true). False leaves the generated rows out
   * of search until `npx chronicle search-reindex`: for a run that measures nothing but the
   * other reads (tests/api/scale-plans.test.ts), where the rebuild is most of the time.
   */
  searchIndex?: boolean;
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
  /** Seconds per phase: units, profiles, statistics, events (each with its index rebuild), search index. */
  phases: Record<string, number>;
}

type Row = Record<string, unknown>;
type Knex = any;

/** SQLite allows 32,766 bound values per statement, PostgreSQL 65,535: stay under both. */
const MAX_BINDINGS = 30000;
const FROM = new Date(newsroomMidnight('2019-01-01'));
const TO = new Date(newsroomMidnight('2025-12-31'));
const STATUSES = ['draft', 'published'] as const;
type Status = (typeof STATUSES)[number];
/** Rows of one type held in memory before they are written, with their links. */
const BATCH_ROWS = 8000;
type DocumentIds = Record<Locale, Record<Status, number>>;

/** One document to write: fields shared by its four rows, its text per locale, link targets per relation. */
interface DocumentSpec {
  base: Row;
  perLocale: (locale: Locale) => Row;
  links: Array<(locale: Locale, status: Status) => number[]>;
}

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
    let rows: Row[] = [];
    return {
      table: j.table,
      /** The rows added since the last call. */
      take() {
        const taken = rows;
        rows = [];
        return taken;
      },
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

  /**
   * The bulk-load recipe of PostgreSQL's manual ("Populating a Database"), which SQLite shares
   * for indexes: a table about to get at least as many rows as it holds is loaded without its
   * secondary indexes (and on PostgreSQL its foreign keys), which are then rebuilt in one pass
   * each (a sort per index, one join per key) instead of being maintained row by row. At
   * 100,000 events that was most of the database's work: an index entry per row and index,
   * and on PostgreSQL two trigger look-ups per link row, each also locking the target row.
   * (SQLite's foreign keys are part of the table's definition and stay.) The exact definitions
   * are read from the catalogue and replayed, so the schema Strapi finds afterwards is the one
   * it created; it all happens inside the generator's transaction, so a failure rolls the
   * definitions back with the rows. The price on PostgreSQL: the tables stay locked, reads
   * included, until the transaction commits. Returns the function that puts everything back;
   * a no-op for small additions to a large table, where maintaining the indexes costs less.
   */
  const suspendIndexes = async (trx: Knex, table: string, related: string[], incoming: number): Promise<() => Promise<void>> => {
    const [{ count }] = await trx(table).count({ count: '*' });
    if (incoming < Number(count)) return async () => undefined;
    const suspended: Array<{ table: string; indexes: string[]; constraints: string[] }> = [];
    for (const t of [table, ...related]) {
      if (sqlite()) {
        // Strapi's own indexes; the automatic ones (primary key, UNIQUE in a column) have no sql.
        const indexes: Row[] = await trx.raw(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [t]);
        for (const i of indexes) await trx.raw(`DROP INDEX ${quote(i.name as string)}`);
        suspended.push({ table: t, indexes: indexes.map((i) => i.sql as string), constraints: [] });
        continue;
      }
      const { rows: indexes } = await trx.raw(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
          WHERE x.indrelid = ?::regclass AND NOT x.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
        [t]
      );
      // Unique constraints as well (a link table's (own, target) pair), unless a key refers to one.
      const { rows: constraints } = await trx.raw(
        `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
          WHERE c.conrelid = ?::regclass AND (c.contype = 'f' OR (c.contype = 'u' AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))`,
        [t]
      );
      if (constraints.length) await trx.raw(`ALTER TABLE ${quote(t)} ${constraints.map((c: Row) => `DROP CONSTRAINT ${quote(c.name as string)}`).join(', ')}`);
      if (indexes.length) await trx.raw(`DROP INDEX ${indexes.map((i: Row) => quote(i.name as string)).join(', ')}`);
      suspended.push({ table: t, indexes: indexes.map((i: Row) => i.def as string), constraints: constraints.map((c: Row) => `ADD CONSTRAINT ${quote(c.name as string)} ${c.def}`) });
    }
    return async () => {
      for (const s of suspended) {
        for (const definition of s.indexes) await trx.raw(definition);
        if (s.constraints.length) await trx.raw(`ALTER TABLE ${quote(s.table)} ${s.constraints.join(', ')}`);
      }
    };
  };

  return {
    async generate(options: GenerateOptions): Promise<GenerateResult> {
      const started = Date.now();
      const random = seededRandom(options.seed ?? 1);
      const knex = strapi.db.connection as Knex;
      // Strapi keeps SQLite datetimes as epoch milliseconds (what its own writes leave), PostgreSQL as timestamps.
      const instant = (date: Date) => (sqlite() ? date.getTime() : date);
      const now = instant(new Date());
      const phases: Record<string, number> = {};
      let phaseStarted = started;
      const report = (phase: string, count: number, done = true) => {
        const seconds = Math.round((Date.now() - phaseStarted) / 100) / 10;
        if (done) {
          phases[phase] = seconds;
          phaseStarted = Date.now();
        }
        options.onProgress?.(phase, count, seconds);
      };
      let rowCount = 0;
      let linkCount = 0;

      const result = await knex.transaction(async (trx: Knex) => {
        // A tag from the first free event id keeps slugs unique when a database is generated into twice.
        const firstEventId = await nextId(trx, meta('timeline-event').tableName);
        const tag = `g${(firstEventId + (options.seed ?? 1) * 7919).toString(36)}`;

        /**
         * Writes `count` documents of a type, each as four rows (two locales × draft and
         * published) sharing `base` and their locale's text, with their links for each of
         * `relations` (targets per locale and status from `links`, in the same order), in
         * batches; then moves the id sequence on and reports the phase. Returns the ids each
         * document's rows got.
         */
        const writeDocuments = async (phase: string, type: TypeName, relations: string[], count: number, make: (n: number) => DocumentSpec): Promise<DocumentIds[]> => {
          const table = meta(type).tableName as string;
          const toColumns = columns(type);
          const linkers = relations.map((relation) => linker(type, relation));
          const restore = await suspendIndexes(trx, table, linkers.map((l) => l.table), count * LOCALES.length * STATUSES.length);
          const ids: DocumentIds[] = [];
          let next = await nextId(trx, table);
          let rows: Row[] = [];
          // One batch is written while the next is built: on PostgreSQL the database works in
          // its own process meanwhile (the loop yields now and then so the driver can send the
          // next statement); on SQLite, whose driver is synchronous, this changes nothing.
          let writing: Promise<void> = Promise.resolve();
          const flush = async () => {
            await writing;
            const batch = rows;
            const links = linkers.map((l) => ({ table: l.table, rows: l.take() }));
            rows = [];
            writing = (async () => {
              await insertAll(trx, table, batch);
              rowCount += batch.length;
              for (const l of links) {
                await insertAll(trx, l.table, l.rows);
                linkCount += l.rows.length;
              }
            })();
            // Its failure is thrown by the next flush's await; until then it is not unhandled.
            writing.catch(() => undefined);
          };
          for (let n = 0; n < count; n++) {
            const spec = make(n);
            const own = {} as DocumentIds;
            for (const locale of LOCALES) {
              own[locale] = {} as Record<Status, number>;
              const text = spec.perLocale(locale);
              for (const status of STATUSES) {
                own[locale][status] = next;
                rows.push({ id: next, ...toColumns({ ...spec.base, ...text, locale, publishedAt: status === 'published' ? now : null }) });
                spec.links.forEach((targets, i) => linkers[i].add(next, targets(locale, status)));
                next += 1;
              }
            }
            ids.push(own);
            if (rows.length >= BATCH_ROWS) await flush();
            else if (n % 250 === 0) await new Promise(setImmediate);
            if ((n + 1) % 20000 === 0 && n + 1 < count) report(phase, n + 1, false);
          }
          await flush();
          await writing;
          await restore();
          await syncSequence(trx, table);
          report(phase, count);
          return ids;
        };

        // Units: one row per locale (no draft and publish), parents linked per locale.
        const tree: SyntheticUnit[] = unitTree(options.units ?? 300, random);
        const unitTable = meta('unit').tableName as string;
        const unitCols = columns('unit');
        let id = await nextId(trx, unitTable);
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
        const parentRows = parents.take();
        await insertAll(trx, unitTable, unitRows);
        await insertAll(trx, parents.table, parentRows);
        await syncSequence(trx, unitTable);
        rowCount += unitRows.length;
        linkCount += parentRows.length;
        report('units', tree.length);
        const unitOf = (unit: SyntheticUnit) => (locale: Locale) => [unitIds[unit.index][locale]];

        // Figures and people mostly belong to the bottom of the tree, where the work is done.
        const leaves = tree.filter((u) => u.kind === 'grid' || u.kind === 'community');
        const places = leaves.length ? leaves : tree;

        const names: PersonName[] = [];
        const profileIds = await writeDocuments('profiles', 'frontline-profile', ['unit'], options.profiles, (n) => {
          const name = personName(random);
          const role = random.pick(PROFILE_ROLES);
          const unit = random.pick(places);
          const r = random.next();
          const consent = r < 0.8 ? 'consented' : r < 0.93 ? 'public-duty' : r < 0.98 ? 'anonymised' : 'withdrawn';
          names.push(name);
          return {
            base: { documentId: documentIdFrom(random), kind: role.kind, consent, slug: `${tag}-p${n}`, workflowState: 'published', createdAt: now, updatedAt: now },
            perLocale: (locale) =>
              locale === 'en'
                ? { fullName: name.en, roleTitle: role.en, citation: `${name.en}, ${role.en} in ${unit.en.name}.` }
                : { fullName: name.zh, roleTitle: role.zh, citation: `${name.zh}，${unit.zh.name}${role.zh}。` },
            links: [unitOf(unit)],
          };
        });

        await writeDocuments('statistics', 'grid-statistic', ['scopeUnit'], options.statistics, (n) => {
          const metric = random.pick(METRICS);
          const unit = random.pick(places);
          const asOf = instantBetween(random, FROM, TO).toISOString().slice(0, 10);
          return {
            base: {
              documentId: documentIdFrom(random),
              metric: metric.metric,
              value: random.int(1, metric.max),
              qualifier: pickQualifier(random),
              countUnit: metric.countUnit,
              asOf,
              additive: metric.additive,
              slug: `${tag}-s${n}`,
              workflowState: 'published',
              // Published figures are fact-checked (issue #17): the synthetic ones as a count of their own.
              sourceKind: 'own-count',
              verificationState: 'verified',
              verifiedByName: 'system:generator',
              verifiedAt: now,
              createdAt: now,
              updatedAt: now,
            },
            perLocale: (locale) => ({ label: locale === 'en' ? `${metric.en}, ${unit.en.name}` : `${unit.zh.name}${metric.zh}` }),
            links: [unitOf(unit)],
          };
        });

        // Events: a place, sometimes a second unit, and zero to two people.
        await writeDocuments('events', 'timeline-event', ['units', 'actors'], options.events, (n) => {
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
          const units = second ? [unit, second] : [unit];
          return {
            base: {
              documentId: documentIdFrom(random),
              occurredAt: instant(occurredAt),
              precision,
              approximate: precision !== 'day' && random.chance(0.3),
              timeZone: NEWSROOM_TIME_ZONE,
              importance: random.int(1, 5),
              slug: `${tag}-e${n}`,
              workflowState: 'published',
              createdAt: now,
              updatedAt: now,
            },
            perLocale: (locale) => {
              const v = locale === 'en' ? { ...values, place: unit.en.name, person: person.en } : { ...values, place: unit.zh.name, person: person.zh };
              return {
                title: fill(locale === 'en' ? title.en : title.zh, v).slice(0, 200),
                description: fill(locale === 'en' ? description.en : description.zh, v),
                place: v.place,
              };
            },
            links: [(locale) => units.map((u) => unitIds[u.index][locale]), (locale, status) => cast.map((p) => profileIds[p][locale][status])],
          };
        });
        return { tag, units: tree.length };
      });

      // The rows went in past the Document Service, so its search-index middleware never saw
      // them: the index is rebuilt whole (in batches), phase "search index".
      if (options.searchIndex !== false) {
        let indexed = 0;
        await (strapi.plugin('chronicle').service('search-index') as SearchIndexService).rebuild((_type, count) => {
          report('search index', indexed + count, false);
        }, (_type, count) => {
          indexed += count;
        });
        report('search index', indexed);
      }
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
        phases,
      };
    },
  };
};

export type GeneratorService = ReturnType<typeof generator>;
export default generator;
