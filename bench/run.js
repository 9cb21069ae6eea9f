#!/usr/bin/env node
/**
 * `npm run bench -- --events N --db sqlite|postgres --out FILE`: the public API benchmark
 * (issue 4, item 10). Not a test; CI does not run it.
 *
 * One run, one fresh database: boot the built app with CHRONICLE_BENCH=1 (which routes a
 * constant-body action and Strapi's stock REST find), seed 1,000 published events and
 * measure the uncached timeline; seed up to N and measure the ceiling, the stock find, and
 * the timeline cached and uncached. Load comes from this process with a keep-alive
 * http.Agent (autocannon is not installed), a fixed number of connections, for a bounded
 * time per route. Writes results JSON and prints the ratios the issue sets goals for.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const EVENTS = Number(option('events', '10000'));
const DB = option('db', 'sqlite');
const OUT = path.resolve(option('out', path.join(__dirname, 'results.json')));
const SECONDS = Number(option('seconds', '6'));
const CONNECTIONS = Number(option('connections', '16'));
const SMALL = 1000;
if (!Number.isInteger(EVENTS) || EVENTS < SMALL) throw new Error(`--events must be an integer ≥ ${SMALL}`);
if (!['sqlite', 'postgres'].includes(DB)) throw new Error('--db must be sqlite or postgres');

const UID = 'plugin::chronicle.timeline-event';

async function freshDatabase() {
  const name = `chronicle_bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  if (DB === 'postgres') {
    const { Client } = require('pg');
    const admin = { host: process.env.DATABASE_HOST || '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: process.env.DATABASE_USERNAME || 'postgres', password: process.env.DATABASE_PASSWORD || '', database: 'postgres' };
    const run = async (sql) => {
      const c = new Client(admin);
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE "${name}"`);
    return { env: { DATABASE_CLIENT: 'postgres', DATABASE_HOST: admin.host, DATABASE_PORT: String(admin.port), DATABASE_USERNAME: admin.user, DATABASE_PASSWORD: admin.password, DATABASE_NAME: name }, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const file = path.join(root, '.tmp', `${name}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return { env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file }, drop: async () => ['', '-wal', '-shm'].forEach((s) => fs.rmSync(file + s, { force: true })) };
}

/** Published events as real Strapi documents: a draft row and a published row per document, bulk-inserted. */
async function seed(strapi, from, to, units) {
  const query = strapi.db.query(UID);
  const base = Date.parse('2020-01-01T00:00:00Z');
  const BATCH = 500;
  for (let start = from; start < to; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const documentId = `bench${String(i).padStart(8, '0')}${crypto.randomBytes(6).toString('hex')}`.slice(0, 24);
      // spread over ~3 years in random order, so inserts do not arrive pre-sorted
      const occurredAt = new Date(base + Math.floor(Math.random() * 3 * 365 * 86400) * 1000);
      const common = { documentId, locale: 'zh-Hans', title: `基准事件 ${i}`, description: `第${i}个合成事件，用于性能测试。`, occurredAt, precision: 'day', approximate: false, timeZone: 'Asia/Shanghai', place: '尖草坪区', importance: 3, slug: `bench-event-${i}`, workflowState: 'published', createdAt: new Date(), updatedAt: new Date() };
      rows.push({ ...common, publishedAt: null }, { ...common, publishedAt: new Date() });
    }
    await query.createMany({ data: rows });
  }
  // a unit on every published event, like real ones (one link row each, bulk-inserted)
  if (units.length) {
    const meta = strapi.db.metadata.get(UID);
    const join = meta.attributes.units.joinTable;
    const published = await strapi.db.connection(meta.tableName).select('id').whereNotNull('published_at').where('slug', 'like', 'bench-event-%').whereNotIn('id', strapi.db.connection(join.name).select(join.joinColumn.name));
    const links = published.map((r, i) => ({ [join.joinColumn.name]: r.id, [join.inverseJoinColumn.name]: units[i % units.length] }));
    for (let i = 0; i < links.length; i += BATCH) await strapi.db.connection(join.name).insert(links.slice(i, i + BATCH));
  }
}

/** Closed-loop load: CONNECTIONS workers for SECONDS seconds on one keep-alive agent. */
async function load(port, urlPath, headers = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  let errors = 0;
  const until = Date.now() + SECONDS * 1000;
  const once = () =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors += 1;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        resolve();
      });
    });
  const worker = async () => {
    while (Date.now() < until) await once();
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => Number((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(2));
  if (errors) console.warn(`  ${urlPath}: ${errors} errors`);
  return { rps: Math.round(latencies.length / elapsed), p50_ms: pct(50), p99_ms: pct(99), requests: latencies.length, errors };
}

async function main() {
  const database = await freshDatabase();
  Object.assign(process.env, database.env, {
    NODE_ENV: 'production',
    CHRONICLE_BENCH: '1',
    // The load comes from one address: the per-address public limit would measure itself.
    PUBLIC_RATE_LIMIT: '0',
    HOST: '127.0.0.1',
    PORT: '0',
    SERVE_ADMIN_PANEL: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    APP_KEYS: process.env.APP_KEYS || 'benchKeyOne,benchKeyTwo',
    API_TOKEN_SALT: process.env.API_TOKEN_SALT || 'bench-salt',
    ADMIN_JWT_SECRET: process.env.ADMIN_JWT_SECRET || 'bench-admin-secret',
    TRANSFER_TOKEN_SALT: process.env.TRANSFER_TOKEN_SALT || 'bench-transfer-salt',
    JWT_SECRET: process.env.JWT_SECRET || 'bench-jwt-secret',
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY || 'bench-encryption-key',
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  strapi.log.level = 'warn';
  for (const t of strapi.log.transports ?? []) t.level = 'warn';
  await strapi.listen();
  const port = strapi.server.httpServer.address().port;
  try {
    const unitRows = await strapi.db.query('plugin::chronicle.unit').createMany({
      data: ['district', 'subdistrict', 'community'].map((kind, i) => ({ documentId: `benchunit${i}`, locale: 'zh-Hans', name: `单位${i}`, kind, slug: `bench-unit-${i}`, createdAt: new Date(), updatedAt: new Date() })),
    });
    const units = unitRows.ids ?? [];
    const timeline = '/api/chronicle/timeline?limit=25';
    const uncached = { 'X-Chronicle-Bench-No-Cache': '1' };
    const bump = () => strapi.plugin('chronicle').service('public-cache').bump();

    let t = Date.now();
    await seed(strapi, 0, SMALL, units);
    await bump();
    console.log(`seeded ${SMALL} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const small = await load(port, timeline, uncached);
    console.log(`timeline uncached at ${SMALL}: p50 ${small.p50_ms} ms`);

    t = Date.now();
    await seed(strapi, SMALL, EVENTS, units);
    await bump();
    console.log(`seeded up to ${EVENTS} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const stockQuery = [
      'locale=zh-Hans',
      'sort[0]=occurredAt:asc',
      'pagination[pageSize]=25',
      ...['title', 'description', 'occurredAt', 'endAt', 'precision', 'approximate', 'timeZone', 'place', 'importance', 'slug'].map((f, i) => `fields[${i}]=${f}`),
      'populate[units][fields][0]=slug',
      'populate[units][fields][1]=name',
      'populate[actors][fields][0]=slug',
      'populate[actors][fields][1]=fullName',
      'populate[chronicle][fields][0]=slug',
      'populate[sourceReport][fields][0]=slug',
    ].join('&');
    const routes = {};
    routes.ceiling = await load(port, '/api/chronicle/bench/constant');
    routes.stock = await load(port, `/api/chronicle/bench/stock?${encodeURI(stockQuery)}`);
    routes.timeline_cached = await load(port, timeline);
    routes.timeline_uncached = await load(port, timeline, uncached);
    const large = routes.timeline_uncached;
    const results = {
      db: DB,
      events: EVENTS,
      routes: Object.fromEntries(Object.entries(routes).map(([k, v]) => [k, { rps: v.rps, p50_ms: v.p50_ms, p99_ms: v.p99_ms }])),
      growth: { small_events: SMALL, small_p50_ms: small.p50_ms, large_events: EVENTS, large_p50_ms: large.p50_ms },
      settings: { seconds_per_route: SECONDS, connections: CONNECTIONS, node: process.version, load: 'node http.Agent keep-alive (autocannon not installed)' },
    };
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    const ratio = (a, b) => (b ? (a / b).toFixed(2) : 'n/a');
    console.log(JSON.stringify(results.routes, null, 2));
    console.log(`cached / ceiling rps     ${ratio(routes.timeline_cached.rps, routes.ceiling.rps)}  (goal ≥ 0.8)`);
    console.log(`uncached / stock rps     ${ratio(routes.timeline_uncached.rps, routes.stock.rps)}  (goal ≥ 3)`);
    console.log(`large / small p50        ${ratio(large.p50_ms, small.p50_ms)}  (goal ≤ 1.5; ${EVENTS} vs ${SMALL} events)`);
    console.log(`results written to ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await strapi.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
