/**
 * The public read path's raw reads (repositories/raw-rows.ts): on SQLite a statement prepared
 * once per connection, taken from knex's pool as knex takes it; on PostgreSQL knex's raw; in a
 * transaction, the transaction's connection. What they must never do: see another
 * transaction's rows before it commits (a rolled-back publish would be served and cached), or
 * wait forever on the connection a transaction holds (SQLite has one).
 */
import path from 'node:path';
import { root, startStrapi, isPostgres, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
let rawRows: (sql: string, bindings: unknown[]) => Promise<Array<Record<string, any>>>;
let table: string;

const { rawRowReader } = require(path.join(root, 'plugins', 'chronicle', 'dist', 'server', 'repositories', 'raw-rows'));

beforeAll(async () => {
  app = await startStrapi(undefined, { tooling: false });
  rawRows = rawRowReader(app.strapi);
  table = (app.strapi.db.metadata.get('plugin::chronicle.unit' as never) as any).tableName;
}, 120000);
afterAll(async () => {
  await app?.stop();
});

const unitRow = (slug: string) => ({
  document_id: `raw${slug}`.slice(0, 24).padEnd(24, 'x'),
  slug,
  name: `单位 ${slug}`,
  kind: 'community',
  locale: 'zh-Hans',
  published_at: new Date('2026-01-02T03:04:05.000Z'),
});

const bySlug = (slug: string) => rawRows(`select slug, name, published_at from "${table}" where slug = ? and published_at <= ?`, [slug, new Date()]);

test('the rows knex would answer, with Date bindings as knex passes them, again and again on one prepared statement', async () => {
  await app.strapi.db.connection(table).insert(unitRow('raw-plain'));
  const viaKnex = await app.strapi.db.connection(table).select('slug', 'name', 'published_at').where({ slug: 'raw-plain' });
  for (let i = 0; i < 3; i++) {
    const rows = await bySlug('raw-plain');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({ ...viaKnex[0] });
    expect(rows[0].name).toBe('单位 raw-plain');
  }
  expect(await bySlug('raw-none')).toEqual([]);
});

test('inside a transaction it reads on the transaction (its own uncommitted row), and does not wait for itself', async () => {
  const seen = await app.strapi.db.transaction(async ({ trx }) => {
    await (trx as any)(table).insert(unitRow('raw-in-trx'));
    return bySlug('raw-in-trx');
  });
  expect(seen.map((r) => r.slug)).toEqual(['raw-in-trx']);
  expect((await bySlug('raw-in-trx')).map((r) => r.slug)).toEqual(['raw-in-trx']);
});

test("outside a transaction it never sees that transaction's rows; a rolled-back row is never read", async () => {
  let inserted!: () => void;
  const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const rollback = new Error('roll back');
  const writing = app.strapi.db
    .transaction(async ({ trx }) => {
      await (trx as any)(table).insert(unitRow('raw-rolled-back'));
      inserted();
      await gate;
      throw rollback;
    })
    .catch((error: unknown) => error);
  await insertedYet;
  // Started outside the transaction's context: SQLite's one connection is the transaction's,
  // so this read waits for it; PostgreSQL reads on another connection and sees nothing yet.
  let settled = false;
  const reading = bySlug('raw-rolled-back').then((rows) => {
    settled = true;
    return rows;
  });
  await new Promise((resolve) => setTimeout(resolve, 150));
  if (!isPostgres()) expect(settled).toBe(false);
  finish();
  expect(await writing).toBe(rollback);
  expect(await reading).toEqual([]);
  expect(await bySlug('raw-rolled-back')).toEqual([]);
});
