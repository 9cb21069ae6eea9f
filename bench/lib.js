/**
 * What bench/run.js and bench/memory.js share: their command-line options, a fresh database
 * per run, one Chronicle instance in a child process, and the load, sent with autocannon from
 * the parent. Strapi and the load generator never share an event loop: the instance runs in
 * its own process (`node bench/lib.js --serve`, started by `startInstance`), which also keeps
 * the load generator's memory out of the instance's RSS.
 *
 * The parent drives the instance over IPC: `generate` (the bulk generator, tooling/generator.ts),
 * `analyze` (statistics for the planner after a load), `stats` (RSS, heap and the response
 * cache's figures) and `stop`.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { fork } = require('node:child_process');

const root = path.resolve(__dirname, '..');

/** `--name value` from the command line, or `fallback`. */
const option = (name, fallback) => {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

/** A database of its own for one run: a `.tmp/` SQLite file, or a PostgreSQL database dropped afterwards. */
async function freshDatabase(db, prefix) {
  if (!['sqlite', 'postgres'].includes(db)) throw new Error('--db must be sqlite or postgres');
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
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

/**
 * Boot the built app in a child process on `database` with the plugin's tooling (the bulk
 * generator and the two bench routes, plugins/chronicle/server/src/tooling) and CHRONICLE_BENCH=1
 * (the cache-skipping header) and answer its commands. Resolves when it listens.
 */
async function startInstance(database, extraEnv = {}, execArgv = []) {
  const child = fork(__filename, ['--serve'], {
    cwd: root,
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...database.env,
      NODE_ENV: 'production',
      CHRONICLE_BENCH: '1',
      // The load comes from one address: the per-address public limit would measure itself.
      PUBLIC_RATE_LIMIT: '0',
      HOST: '127.0.0.1',
      PORT: '0',
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      CRON_ENABLED: 'false',
      APP_KEYS: 'benchKeyOne,benchKeyTwo',
      API_TOKEN_SALT: 'bench-salt',
      ADMIN_JWT_SECRET: 'bench-admin-secret',
      TRANSFER_TOKEN_SALT: 'bench-transfer-salt',
      JWT_SECRET: 'bench-jwt-secret',
      ENCRYPTION_KEY: 'bench-encryption-key',
      ...extraEnv,
    },
  });
  const waiting = new Map();
  let nextId = 0;
  let exited = null;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (m) => {
      if (m.ready) return resolve(m.port);
      const pending = waiting.get(m.id);
      if (!pending) return undefined;
      waiting.delete(m.id);
      return m.error ? pending.reject(new Error(m.error)) : pending.resolve(m.result);
    });
    child.on('exit', (code) => {
      exited = code;
      const error = new Error(`bench instance exited with code ${code}`);
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
    });
  });
  const port = await ready;
  /** Run a command in the instance: generate, analyze, stats, stop. */
  const call = (command, args) =>
    new Promise((resolve, reject) => {
      if (exited !== null) return reject(new Error('bench instance is gone'));
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      child.send({ id, command, args });
      return undefined;
    });
  return {
    port,
    call,
    async stop() {
      if (exited !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ command: 'stop' });
      await gone;
    },
  };
}

/** The child: boot, listen, report the port, then serve the parent's commands. */
async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const { loadWithTooling } = require(path.join(root, 'plugins', 'chronicle', 'dist', 'server', 'tooling'));
  const strapi = await loadWithTooling(createStrapi({ appDir: root, distDir: path.join(root, 'dist') }), { bench: true });
  let profiler = null;
  strapi.log.level = 'warn';
  for (const t of strapi.log.transports ?? []) t.level = 'warn';
  await strapi.listen();
  const commands = {
    generate: (options) => strapi.plugin('chronicle').service('generator').generate(options),
    // What autovacuum does after a load, at once, so each size is measured with fresh statistics.
    analyze: () => strapi.db.connection.raw(strapi.db.dialect.client === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').then(() => null),
    // A CPU profile of the instance between two commands (bench/run.js --profile DIR).
    profileStart: async () => {
      const inspector = require('node:inspector');
      profiler = new inspector.Session();
      profiler.connect();
      const post = (method, params) => new Promise((resolve, reject) => profiler.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return null;
    },
    profileStop: async (file) => {
      const { profile } = await new Promise((resolve, reject) => profiler.post('Profiler.stop', (error, result) => (error ? reject(error) : resolve(result))));
      profiler.disconnect();
      profiler = null;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      return topFunctions(profile);
    },
    stats: () => {
      const { rss, heapUsed } = process.memoryUsage();
      return { rss, heapUsed, cache: strapi.plugin('chronicle').service('public-cache').stats() };
    },
  };
  process.on('message', async ({ id, command, args }) => {
    if (command === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
    try {
      process.send({ id, result: await commands[command](args) });
    } catch (error) {
      process.send({ id, error: error instanceof Error ? error.stack : String(error) });
    }
  });
  process.send({ ready: true, port: strapi.server.httpServer.address().port });
}

/**
 * The functions a CPU profile spent its samples in (self time), as percentages of all samples,
 * the largest first: `{ name, file, percent }` (idle and GC kept, so the rest is in proportion).
 */
function topFunctions(profile, count = 25) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = profile.samples.length || 1;
  for (const id of profile.samples) {
    const { callFrame } = byId.get(id);
    const file = callFrame.url ? callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/plugins\//, 'plugins/') : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, n]) => ({ name, percent: Number(((100 * n) / total).toFixed(1)) }));
}

/**
 * Load from this process with autocannon: `connections` keep-alive connections for `seconds`
 * (or until `amount` requests), each request's path from `paths()` (or one fixed `path`).
 * Resolves to autocannon's result; `onResponse(status)` sees every answer as it comes.
 */
function load({ port, path: fixedPath, paths, headers = {}, connections, seconds, amount, onResponse }) {
  const autocannon = require('autocannon');
  const request = paths ? { method: 'GET', headers, setupRequest: (req) => ({ ...req, path: paths() }) } : { method: 'GET', path: fixedPath, headers };
  const instance = autocannon({ url: `http://127.0.0.1:${port}`, connections, ...(amount ? { amount } : { duration: seconds }), requests: [request], timeout: 30 });
  if (onResponse) instance.on('response', (_client, status) => onResponse(status));
  return instance;
}

/** The one-line summary both benchmarks record for a load. */
const summary = (result) => ({
  rps: Math.round(result.requests.total / result.duration),
  p50_ms: result.latency.p50,
  p99_ms: result.latency.p99,
  requests: result.requests.total,
  errors: result.errors + result.timeouts + result.non2xx,
});

const loadAverage = () => require('node:os').loadavg().map((l) => Number(l.toFixed(2)));

module.exports = { root, option, freshDatabase, startInstance, load, summary, loadAverage };

if (require.main === module && process.argv.includes('--serve')) {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
