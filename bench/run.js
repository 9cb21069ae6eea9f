#!/usr/bin/env node
/**
 * `npm run bench -- --db sqlite|postgres [--sizes 1000,10000,100000] [--out FILE]`: the public
 * API benchmark (issue 4, item 10; growth sizes from issue 8). Not a test; CI does not run it.
 *
 * One run, one fresh database: boot the built app with CHRONICLE_BENCH=1 (which routes a
 * constant-body action and Strapi's stock REST find), grow the archive size by size with
 * the bulk generator (services/generator.ts: published events in both locales with units
 * and people) and measure the uncached timeline at each size; at the largest, measure the
 * ceiling, the stock find, and the timeline cached and uncached. Load comes from this
 * process with a keep-alive http.Agent, a fixed number of connections, for a bounded time
 * per route. Merges its results under the database's name into the results JSON and prints
 * the ratios the issues set goals for.
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
const SIZES = option('sizes', option('events') ? `1000,${option('events')}` : '1000,10000,100000').split(',').map(Number);
const EVENTS = SIZES[SIZES.length - 1];
const DB = option('db', 'sqlite');
const OUT = path.resolve(option('out', path.join(__dirname, 'results.json')));
const SECONDS = Number(option('seconds', '6'));
const CONNECTIONS = Number(option('connections', '16'));
const SMALL = 1000;
if (!SIZES.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n > SIZES[i - 1]))) throw new Error('--sizes must be increasing whole numbers, e.g. 1000,10000,100000');
if (SIZES[0] !== SMALL) throw new Error(`--sizes must start at ${SMALL} (the growth ratios compare with it)`);
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

/** Grow the archive to `to` events with the bulk generator (real documents, both locales, units and people). */
async function seed(strapi, from, to) {
  await strapi.plugin('chronicle').service('generator').generate({ events: to - from, profiles: Math.max(10, Math.round((to - from) / 10)), statistics: 0, units: 100, seed: to });
  if (DB === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
  else await strapi.db.connection.raw('ANALYZE');
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
    const timeline = '/api/chronicle/timeline?limit=25';
    const uncached = { 'X-Chronicle-Bench-No-Cache': '1' };
    const growth = [];
    let have = 0;
    for (const size of SIZES) {
      const t = Date.now();
      await seed(strapi, have, size);
      have = size;
      const seeded = (Date.now() - t) / 1000;
      const measured = await load(port, timeline, uncached);
      growth.push({ events: size, seed_seconds: Number(seeded.toFixed(1)), p50_ms: measured.p50_ms, p99_ms: measured.p99_ms, rps: measured.rps });
      console.log(`${size} events (seeded in ${seeded.toFixed(1)} s): timeline uncached p50 ${measured.p50_ms} ms, p99 ${measured.p99_ms} ms, ${measured.rps} rps`);
    }
    const small = growth[0];

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
    const ratio = (a, b) => (b ? Number((a / b).toFixed(2)) : null);
    const results = {
      db: DB,
      events: EVENTS,
      measured_at: new Date().toISOString(),
      load_average: require('node:os').loadavg().map((l) => Number(l.toFixed(2))),
      routes: Object.fromEntries(Object.entries(routes).map(([k, v]) => [k, { rps: v.rps, p50_ms: v.p50_ms, p99_ms: v.p99_ms }])),
      growth: growth.map((g) => ({ ...g, p50_vs_small: ratio(g.p50_ms, small.p50_ms) })),
      ratios: {
        cached_vs_ceiling_rps: ratio(routes.timeline_cached.rps, routes.ceiling.rps),
        uncached_vs_stock_rps: ratio(routes.timeline_uncached.rps, routes.stock.rps),
        largest_vs_small_uncached_p50: ratio(growth[growth.length - 1].p50_ms, small.p50_ms),
      },
      settings: { seconds_per_route: SECONDS, connections: CONNECTIONS, node: process.version, load: 'node http.Agent keep-alive, same process tree as Strapi' },
    };
    // One file for both databases: each run replaces its own database's entry.
    let all = {};
    try {
      all = JSON.parse(fs.readFileSync(OUT, 'utf8'));
    } catch {
      all = {};
    }
    if (all.db) all = {}; // the single-database format written before issue 8
    all[DB] = results;
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, `${JSON.stringify(all, null, 2)}\n`);
    console.log(JSON.stringify(results.routes, null, 2));
    console.log(`cached / ceiling rps     ${results.ratios.cached_vs_ceiling_rps}  (goal ≥ 0.8)`);
    console.log(`uncached / stock rps     ${results.ratios.uncached_vs_stock_rps}  (goal ≥ 3)`);
    for (const g of results.growth) console.log(`p50 at ${String(g.events).padStart(6)} / at ${SMALL}   ${g.p50_vs_small}  (goal ≤ 1.5)`);
    console.log(`results written to ${path.relative(process.cwd(), OUT)} under "${DB}"`);
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
