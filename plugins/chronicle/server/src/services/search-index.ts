/**
 * The search index (docs/api.md "Search", docs/deploy.md "Search index"): what readers can
 * find, kept beside Strapi's tables and created the Strapi way at boot (idempotent, raw SQL
 * through the database's own connection, the same tables on SQLite and PostgreSQL):
 *
 *   chronicle_search_docs    one row per published record and locale: its public title and
 *                            text (domain/search-text.ts), the normalised copy (`norm`,
 *                            domain/search.ts), date, link, embargo
 *   chronicle_search_grams   (gram, doc_id) postings of every two-character window, B-tree
 *                            primary key: two-character words (most Chinese words) and, by a
 *                            range scan, one ideograph
 *   chronicle_search_fts     SQLite only: FTS5 with the trigram tokenizer over `norm`
 *   …_norm_trgm              PostgreSQL only: a pg_trgm GIN index on `norm` (the extension is
 *                            created if missing; without the right to, boot stops and says so)
 *   chronicle_search_meta    the index's version: a different one at boot, or an empty index,
 *                            rebuilds it in batches
 *
 * Kept in step by middlewares/search-index.ts (every write of an indexed type reindexes that
 * document, in the write's transaction when there is one, before the public cache's revision
 * is bumped), by `npx chronicle search-reindex`, and by the bulk generator.
 */
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { typeUid } from '../domain/content-types';
import { DEFAULT_LOCALE } from '../domain/enums';
import { isAnonymised } from '../domain/public-person';
import { gramsOf, normalise, SEARCH_INDEX_VERSION, SEARCH_TYPES, type SearchType } from '../domain/search';
import { chronicleEntry, eventEntry, profileEntry, reportEntry, type SearchEntry } from '../domain/search-text';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';

type Row = Record<string, any>;
type Knex = any;

export const DOCS = 'chronicle_search_docs';
export const GRAMS = 'chronicle_search_grams';
export const FTS = 'chronicle_search_fts';
export const META = 'chronicle_search_meta';
export const TRGM_INDEX = 'chronicle_search_docs_norm_trgm';

const PUBLISHED = { publishedAt: { $notNull: true } };
const BATCH = 400;
/** Bound values per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_BINDINGS = 30000;

const newsroomDay = (instant: string) => DateTime.fromISO(instant).setZone(NEWSROOM_TIME_ZONE).toISODate() as string;

/** What each type reads to build its public text: the fields its public rendering uses, no more. */
const READS: Record<SearchType, { select: string[]; populate: Row }> = {
  'field-report': {
    select: ['id', 'documentId', 'slug', 'title', 'kicker', 'dek', 'body', 'locale', 'publishedAt', 'embargoUntil'],
    populate: { dateline: { select: ['place', 'date'] }, tags: { select: ['label'] } },
  },
  'frontline-profile': {
    select: ['id', 'documentId', 'slug', 'fullName', 'roleTitle', 'kind', 'consent', 'citation', 'locale', 'publishedAt'],
    populate: {
      unit: { select: ['name'] },
      deeds: { select: ['summary'] },
      quotes: { select: ['text'] },
      honours: { select: ['title'] },
    },
  },
  chronicle: {
    select: ['id', 'documentId', 'slug', 'title', 'summary', 'body', 'periodStart', 'locale', 'publishedAt'],
    populate: { subjectUnit: { select: ['name'] } },
  },
  'timeline-event': {
    select: ['id', 'documentId', 'slug', 'title', 'description', 'place', 'occurredAt', 'locale'],
    populate: {},
  },
};

const searchIndex = ({ strapi }: { strapi: Core.Strapi }) => {
  const postgres = () => strapi.db.dialect.client === 'postgres';
  const root = () => strapi.db.connection as Knex;
  /** Inside the caller's transaction when there is one (the write being indexed), else a new one. */
  const inTransaction = <T>(fn: (trx: Knex) => Promise<T>): Promise<T> => strapi.db.transaction(({ trx }) => fn(trx)) as Promise<T>;
  const rowsOf = (result: any): Row[] => (Array.isArray(result) ? result : (result?.rows ?? []));

  /** Create the tables and indexes if missing (boot; idempotent). */
  const ensure = async () => {
    const knex = root();
    if (postgres()) {
      try {
        await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      } catch (error) {
        const installed = rowsOf(await knex.raw("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"));
        if (!installed.length) {
          throw new Error(
            `chronicle: search needs the PostgreSQL extension pg_trgm, and this database user may not create it (${String(
              (error as Error).message
            )}). Ask the operator to run once, as a superuser, in this database: CREATE EXTENSION pg_trgm; (docs/deploy.md, "Search index").`
          );
        }
      }
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${DOCS} (
        id SERIAL PRIMARY KEY, type VARCHAR(32) NOT NULL, document_id VARCHAR(64) NOT NULL, locale VARCHAR(16) NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, norm TEXT NOT NULL, title_norm TEXT NOT NULL, date VARCHAR(32),
        link TEXT NOT NULL, visible_from VARCHAR(32))`);
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${GRAMS} (gram VARCHAR(16) COLLATE "C" NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY (gram, doc_id))`);
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${TRGM_INDEX} ON ${DOCS} USING gin (norm gin_trgm_ops)`);
    } else {
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${DOCS} (
        id INTEGER PRIMARY KEY, type VARCHAR(32) NOT NULL, document_id VARCHAR(64) NOT NULL, locale VARCHAR(16) NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, norm TEXT NOT NULL, title_norm TEXT NOT NULL, date VARCHAR(32),
        link TEXT NOT NULL, visible_from VARCHAR(32))`);
      await knex.raw(`CREATE TABLE IF NOT EXISTS ${GRAMS} (gram VARCHAR(16) NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY (gram, doc_id)) WITHOUT ROWID`);
      await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(norm, tokenize = 'trigram')`);
    }
    await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${DOCS}_doc ON ${DOCS} (document_id, type, locale)`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${GRAMS}_doc ON ${GRAMS} (doc_id)`);
    await knex.raw(`CREATE TABLE IF NOT EXISTS ${META} (name VARCHAR(32) PRIMARY KEY, value VARCHAR(64) NOT NULL)`);
  };

  /** Published rows of some documents of one type, every locale, with what their text needs. */
  const readRows = async (type: SearchType, where: Row, limit?: number): Promise<Row[]> => {
    const found = (await strapi.db.query(typeUid(type) as never).findMany({
      where: { ...PUBLISHED, ...where },
      select: READS[type].select,
      populate: READS[type].populate,
      orderBy: { id: 'asc' },
      ...(limit ? { limit } : {}),
    } as never)) as Row[];
    if (type === 'frontline-profile') {
      // An English row of someone anonymised is masked with the Chinese surname (domain/public-person).
      const ids = [...new Set(found.filter((r) => isAnonymised(r) && r.locale !== DEFAULT_LOCALE).map((r) => r.documentId))];
      if (ids.length) {
        const zh = (await strapi.db.query(typeUid(type) as never).findMany({
          where: { ...PUBLISHED, documentId: { $in: ids }, locale: DEFAULT_LOCALE },
          select: ['documentId', 'fullName'],
        } as never)) as Row[];
        const names = new Map(zh.map((r) => [r.documentId, r.fullName]));
        for (const r of found) if (names.has(r.documentId)) r.zhFullName = names.get(r.documentId);
      }
    }
    return found;
  };

  const entryOf = (type: SearchType, row: Row): SearchEntry | null => {
    switch (type) {
      case 'field-report':
        return reportEntry(row);
      case 'frontline-profile':
        return profileEntry(row);
      case 'chronicle':
        return chronicleEntry(row);
      default:
        return eventEntry(row, newsroomDay);
    }
  };

  const removeIds = async (trx: Knex, ids: number[]) => {
    if (!ids.length) return;
    await trx(GRAMS).whereIn('doc_id', ids).delete();
    if (!postgres()) await trx(FTS).whereIn('rowid', ids).delete();
    await trx(DOCS).whereIn('id', ids).delete();
  };

  /** Multi-row INSERT … VALUES in chunks (knex writes SQLite's as a compound SELECT, limited to 500 terms). */
  const insertValues = async (trx: Knex, table: string, columns: string[], values: unknown[][]) => {
    const chunk = Math.floor(MAX_BINDINGS / columns.length);
    const row = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < values.length; i += chunk) {
      const part = values.slice(i, i + chunk);
      await trx.raw(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => row).join(', ')}`, part.flat());
    }
  };

  /** Write entries (none of them indexed yet). */
  const insertEntries = async (trx: Knex, entries: SearchEntry[]) => {
    if (!entries.length) return;
    const prepared = entries.map((e) => {
      const titleNorm = normalise(e.title);
      const norm = normalise(`${e.title}\n${e.body}`);
      return { e, titleNorm, norm };
    });
    const placeholders = prepared.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const bindings = prepared.flatMap(({ e, titleNorm, norm }) => [
      e.type,
      e.documentId,
      e.locale,
      e.title,
      e.body,
      norm,
      titleNorm,
      e.date,
      JSON.stringify(e.link),
      e.visibleFrom,
    ]);
    const inserted = rowsOf(
      await trx.raw(
        `INSERT INTO ${DOCS} (type, document_id, locale, title, body, norm, title_norm, date, link, visible_from) VALUES ${placeholders} RETURNING id, type, document_id, locale`,
        bindings
      )
    );
    const idOf = new Map(inserted.map((r) => [`${r.type}|${r.document_id}|${r.locale}`, Number(r.id)]));
    const grams: Array<{ gram: string; doc_id: number }> = [];
    const fts: Array<{ rowid: number; norm: string }> = [];
    for (const { e, norm } of prepared) {
      const id = idOf.get(`${e.type}|${e.documentId}|${e.locale}`) as number;
      for (const gram of gramsOf(norm)) grams.push({ gram, doc_id: id });
      fts.push({ rowid: id, norm });
    }
    await insertValues(trx, GRAMS, ['gram', 'doc_id'], grams.map((g) => [g.gram, g.doc_id]));
    if (!postgres()) await insertValues(trx, FTS, ['rowid', 'norm'], fts.map((f) => [f.rowid, f.norm]));
  };

  /**
   * Bring one document's entries in step with its published rows, every locale: a withdrawn,
   * unpublished, deleted or hidden one leaves the index, a published one is (re)written.
   */
  const reindexDocument = async (type: SearchType, documentId: string) => {
    const entries = (await readRows(type, { documentId })).map((r) => entryOf(type, r)).filter((e): e is SearchEntry => e !== null);
    await inTransaction(async (trx) => {
      const old = await trx(DOCS).where({ type, document_id: documentId }).select('id');
      await removeIds(
        trx,
        old.map((r: Row) => Number(r.id))
      );
      await insertEntries(trx, entries);
    });
  };

  const setVersion = async (trx: Knex) => {
    await trx(META).where({ name: 'version' }).delete();
    await trx(META).insert({ name: 'version', value: String(SEARCH_INDEX_VERSION) });
  };

  /** Empty the index and index every published record again, in batches. */
  const rebuild = async (
    onProgress?: (type: SearchType, count: number) => void,
    onTypeDone?: (type: SearchType, count: number) => void
  ): Promise<Record<SearchType, number>> => {
    await inTransaction(async (trx) => {
      await trx(GRAMS).delete();
      if (!postgres()) await trx(FTS).delete();
      await trx(DOCS).delete();
      await trx(META).delete();
    });
    const counts = {} as Record<SearchType, number>;
    for (const type of SEARCH_TYPES) {
      counts[type] = 0;
      let after = 0;
      for (;;) {
        const rows = await readRows(type, { id: { $gt: after } }, BATCH);
        if (!rows.length) break;
        after = Number(rows[rows.length - 1].id);
        const entries = rows.map((r) => entryOf(type, r)).filter((e): e is SearchEntry => e !== null);
        await inTransaction((trx) => insertEntries(trx, entries));
        counts[type] += entries.length;
        onProgress?.(type, counts[type]);
      }
      onTypeDone?.(type, counts[type]);
    }
    await inTransaction(setVersion);
    if (postgres()) await root().raw(`ANALYZE ${DOCS}; ANALYZE ${GRAMS}`);
    return counts;
  };

  /** At boot: create what is missing; rebuild when the version changed or the index is empty. */
  const prepare = async () => {
    await ensure();
    const knex = root();
    const version = rowsOf(await knex.raw(`SELECT value FROM ${META} WHERE name = 'version'`))[0]?.value;
    const indexed = Number(rowsOf(await knex.raw(`SELECT COUNT(*) AS n FROM ${DOCS}`))[0]?.n ?? 0);
    if (version === String(SEARCH_INDEX_VERSION) && indexed > 0) return;
    const started = Date.now();
    const counts = await rebuild();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total) strapi.log.info(`chronicle: search index rebuilt (${total} entries, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };

  return { ensure, prepare, rebuild, reindexDocument, postgres };
};

export type SearchIndexService = ReturnType<typeof searchIndex>;
export default searchIndex;
