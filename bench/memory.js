#!/usr/bin/env node
/**
 * `npm run bench:memory [-- --requests 100000 --events 10000 --db sqlite|postgres]`: does one
 * instance's memory stay flat under sustained load? Not a test; CI does not run it.
 *
 * The instance runs in a child process (so the load generator's own memory is not counted):
 * a fresh database, a generated newsroom, CHRONICLE_BENCH=1 for the cache-skipping header.
 * This process sends the requests over keep-alive connections, alternating cached and
 * uncached timeline pages across many distinct URLs (so the response cache fills to its byte
 * bound and keeps evicting), and samples the child's RSS every second. After a warm-up
 * (the first 20% of requests) RSS must stay flat within 10%: the run after warm-up is cut
 * into five windows, and each window's median and peak RSS must be within 10% of the first
 * window's. Windows, not single samples: V8's collector makes RSS a sawtooth (±20% between
 * two collections on this app), so one sample against another measures where the tooth was;
 * a leak shows as windows that climb.
 * `--from FILE` re-analyses the samples a previous run saved with `--out FILE`.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

/** Flatness of RSS after warm-up, by windows (see above). */
function flatness(samples, requests) {
  const warm = samples.filter((s) => s.requests >= requests * 0.2);
  const size = Math.max(1, Math.floor(warm.length / 5));
  const windows = [];
  for (let i = 0; i + size <= warm.length && windows.length < 5; i += size) {
    const rss = warm.slice(i, i + size).map((s) => s.rss).sort((a, b) => a - b);
    windows.push({ from_request: warm[i].requests, median: rss[Math.floor(rss.length / 2)], max: rss[rss.length - 1], min: rss[0] });
  }
  const [first] = windows;
  const growth = Math.max(...windows.map((w) => Math.max(w.median / first.median, w.max / first.max))) - 1;
  const mib = (b) => Number((b / 2 ** 20).toFixed(1));
  return {
    windows: windows.map((w) => ({ from_request: w.from_request, median_mib: mib(w.median), max_mib: mib(w.max), min_mib: mib(w.min) })),
    growth_after_warmup: Number(growth.toFixed(3)),
    flat_within_10_percent: growth <= 0.1,
  };
}

if (args.includes('--serve')) serve();
else if (option('from')) {
  const saved = JSON.parse(fs.readFileSync(path.resolve(option('from')), 'utf8'));
  const result = { ...saved, samples: undefined, ...flatness(saved.samples, saved.requests) };
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.flat_within_10_percent ? 0 : 1);
} else main();

/** Child: boot, generate, listen, answer RSS requests. */
async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  strapi.log.level = 'warn';
  await strapi.plugin('chronicle').service('generator').generate({ events: Number(option('events', '10000')), profiles: 500, statistics: 0, units: 100, seed: 5 });
  await strapi.listen();
  process.on('message', async (m) => {
    if (m === 'rss') process.send({ rss: process.memoryUsage().rss, cache: strapi.plugin('chronicle').service('public-cache').stats() });
    if (m === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
  process.send({ port: strapi.server.httpServer.address().port });
}

async function freshDatabase(db) {
  const name = `chronicle_mem_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  if (db === 'postgres') {
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

async function main() {
  const REQUESTS = Number(option('requests', '100000'));
  const DB = option('db', 'sqlite');
  const CONNECTIONS = Number(option('connections', '8'));
  if (!Number.isInteger(REQUESTS) || REQUESTS < 1000) {
    console.error('bench:memory: --requests must be a whole number ≥ 1000');
    process.exit(2);
  }
  if (!['sqlite', 'postgres'].includes(DB)) {
    console.error('bench:memory: --db must be sqlite or postgres');
    process.exit(2);
  }
  const database = await freshDatabase(DB);
  const child = fork(__filename, ['--serve', '--events', option('events', '10000')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...database.env,
      NODE_ENV: 'production',
      CHRONICLE_BENCH: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      CRON_ENABLED: 'false',
      APP_KEYS: 'memKeyOne,memKeyTwo',
      API_TOKEN_SALT: 'mem-salt',
      ADMIN_JWT_SECRET: 'mem-admin-secret',
      TRANSFER_TOKEN_SALT: 'mem-transfer-salt',
      JWT_SECRET: 'mem-jwt-secret',
      ENCRYPTION_KEY: 'mem-encryption-key',
    },
  });
  const replies = [];
  child.on('message', (m) => replies.push(m));
  const nextReply = () =>
    new Promise((resolve) => {
      const poll = () => (replies.length ? resolve(replies.shift()) : setTimeout(poll, 10));
      poll();
    });
  const { port } = await nextReply();
  const rss = async () => {
    child.send('rss');
    return nextReply();
  };

  // Many distinct URLs: limits 1–100 in two locales, so the cache holds hundreds of entries.
  const url = (i) => `/api/chronicle/timeline?limit=${1 + (i % 100)}&locale=${i % 200 < 100 ? 'zh-Hans' : 'en'}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let sent = 0;
  let done = 0;
  let errors = 0;
  const once = (i) =>
    new Promise((resolve) => {
      const headers = i % 2 ? { 'X-Chronicle-Bench-No-Cache': '1' } : {};
      const req = http.get({ host: '127.0.0.1', port, path: url(Math.floor(i / 2)), agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors += 1;
          done += 1;
          resolve();
        });
      });
      req.on('error', () => {
        errors += 1;
        done += 1;
        resolve();
      });
    });
  const worker = async () => {
    while (sent < REQUESTS) await once(sent++);
  };
  const samples = [];
  const started = Date.now();
  let running = true;
  const sampler = (async () => {
    while (running) {
      const r = await rss();
      samples.push({ at: Date.now() - started, requests: done, rss: r.rss, cacheBytes: r.cache.bytes, cacheEntries: r.cache.entries });
      if (samples.length % 15 === 0) console.log(`${String(done).padStart(7)} requests  RSS ${(r.rss / 2 ** 20).toFixed(1)} MiB  cache ${r.cache.entries} entries, ${(r.cache.bytes / 2 ** 20).toFixed(1)} MiB`);
      await new Promise((res) => setTimeout(res, 1000));
    }
  })();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  running = false;
  await sampler;
  agent.destroy();
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  await database.drop();

  const seconds = (Date.now() - started) / 1000;
  const flat = flatness(samples, REQUESTS);
  const result = {
    db: DB,
    requests: done,
    errors,
    seconds: Number(seconds.toFixed(1)),
    rps: Math.round(done / seconds),
    ...flat,
    load_average: require('node:os').loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(JSON.stringify(result, null, 2));
  const pct = (result.growth_after_warmup * 100).toFixed(1);
  console.log(result.flat_within_10_percent ? `RSS stayed flat after warm-up: windows within +${pct}% of the first (limit 10%)` : `RSS grew ${pct}% after warm-up (limit 10%)`);
  const out = option('out');
  if (out) fs.writeFileSync(path.resolve(out), `${JSON.stringify({ ...result, samples }, null, 2)}\n`);
  process.exit(result.flat_within_10_percent && !errors ? 0 : 1);
}
