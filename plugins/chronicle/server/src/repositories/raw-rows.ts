/**
 * The rows of one raw read statement of the public read path (./event-relations.ts), on any of
 * the two databases, at the smallest fixed cost each allows (issue 19, the uncached timeline):
 *
 * - SQLite: the statement is prepared once per connection and kept (at most MAX_STATEMENTS,
 *   then the list starts again empty). knex's better-sqlite3 client prepares every statement
 *   again each time it runs it, and preparing a five-branch UNION costs as much as running it.
 *   The connection is taken from knex's pool and given back, as knex does itself, so a read
 *   waits for a write transaction holding the connection instead of seeing its rows.
 * - PostgreSQL: a named prepared statement on the pooled connection (`pg` keeps it per
 *   connection, so the server parses it once and, after a few runs, plans it once): planning
 *   the five-branch UNION took longer than running it (2.7 vs 1.9 ms at 10,000 events).
 *   `CHRONICLE_PG_PREPARED=off` uses knex's `raw` instead (a pooler that cannot keep them).
 * - Inside a transaction (a Document Service middleware reading what it is writing): the
 *   transaction's connection, on either database.
 *
 * Bindings are given as knex gives them to better-sqlite3: a Date as its milliseconds, a
 * boolean as 0 or 1. knex's `query` and `query-response` events are emitted for the SQLite path
 * too (when anything listens), so query logs (bench/query-log-preload.js) still see every statement.
 */
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

type Row = Record<string, any>;

/** Prepared statements kept per SQLite connection: the SQL texts of the read path are few. */
const MAX_STATEMENTS = 64;

interface SqliteStatement {
  all(bindings: unknown[]): Row[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

const sqliteBinding = (value: unknown): unknown => {
  if (value instanceof Date) return value.valueOf();
  if (typeof value === 'boolean') return Number(value);
  return value;
};

/** knex answers a raw read as better-sqlite3's array or as pg's result with its rows. */
const rowsOf = (found: any): Row[] => (Array.isArray(found) ? found : found.rows);

export const rawRowReader = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection as unknown as Knex;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  // For a connection pooler that does not keep a session's prepared statements (docs/deploy.md).
  const preparedOnPostgres = process.env.CHRONICLE_PG_PREPARED !== 'off';
  const prepared = new WeakMap<object, Map<string, SqliteStatement>>();
  let sequence = 0;

  const statementOn = (connection: SqliteConnection, sql: string): SqliteStatement => {
    let kept = prepared.get(connection);
    if (!kept) prepared.set(connection, (kept = new Map()));
    let statement = kept.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      if (kept.size >= MAX_STATEMENTS) kept.clear();
      kept.set(sql, statement);
    }
    return statement;
  };

  /** PostgreSQL's text of a statement written with `?` (as knex writes it: $1, $2 …) and its statement name. */
  const native = new Map<string, { text: string; name: string }>();
  const nativeOf = (sql: string, bindings: unknown[]) => {
    let found = native.get(sql);
    if (!found) {
      const text = (knex.raw(sql, bindings as never).toSQL().toNative() as { sql: string }).sql;
      found = { text, name: `chronicle_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` };
      if (native.size >= MAX_STATEMENTS) native.clear();
      native.set(sql, found);
    }
    return found;
  };
  /** Run a statement, announcing it as knex announces its own when anything listens (query logs, DEBUG). */
  const announced = async (sql: string, bindings: unknown[], run: () => Row[] | Promise<Row[]>): Promise<Row[]> => {
    const emitter = knex as unknown as NodeJS.EventEmitter;
    if (emitter.listenerCount('query') === 0 && emitter.listenerCount('query-response') === 0) return run();
    const query = { method: 'raw', sql, bindings, __knexQueryUid: `chronicle-raw-${(sequence += 1)}` };
    emitter.emit('query', query);
    const rows = await run();
    emitter.emit('query-response', rows, query);
    return rows;
  };

  /** A connection from knex's pool for `use`, given back after it (as knex's own runner does). */
  const withConnection = async <T>(use: (connection: any) => Promise<T> | T): Promise<T> => {
    const client = (knex as any).client;
    const connection = await client.acquireConnection();
    try {
      return await use(connection);
    } finally {
      await client.releaseConnection(connection);
    }
  };

  return async (sql: string, bindings: unknown[]): Promise<Row[]> => {
    if (strapi.db.inTransaction()) {
      return strapi.db.transaction(async ({ trx }) => rowsOf(await (trx as unknown as Knex.Transaction).raw(sql, bindings as never)));
    }
    if (sqlite) {
      const values = bindings.map(sqliteBinding);
      return withConnection((connection: SqliteConnection) => announced(sql, values, () => statementOn(connection, sql).all(values)));
    }
    if (!preparedOnPostgres) return rowsOf(await knex.raw(sql, bindings as never));
    const { text, name } = nativeOf(sql, bindings);
    return withConnection((connection) =>
      announced(text, bindings, async () => ((await connection.query({ name, text, values: bindings })) as { rows: Row[] }).rows)
    );
  };
};

export type RawRowReader = ReturnType<typeof rawRowReader>;
