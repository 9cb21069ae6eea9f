#!/usr/bin/env node
/**
 * `npm run bench:live [-- --clients 1000 --rounds 5 --db sqlite|postgres]`: the live timeline
 * (GET /api/chronicle/timeline/live) under many readers. Not a test; CI does not run it.
 *
 * One instance runs in a child process (a fresh database, the built app, --expose-gc so memory
 * is read after a collection); this process opens `clients` Server-Sent Events streams with raw
 * HTTP requests (one socket each, no EventSource polyfill), waits until every stream has said
 * `ready`, then publishes an event `rounds` times through the editorial workflow and measures,
 * for every client, the time from the publish command being sent to the `publish` message
 * arriving. Prints p50/p99/max latency and the server's memory per client (RSS and heap after
 * a GC, with the streams open minus before, divided by the clients). Goal: p99 < 1 s.
 */
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');
const { root, option, freshDatabase, loadAverage } = require('./lib');

const SYSTEM = { kind: 'system', name: 'system:bench', permissions: new Set(['submit', 'approve', 'publish']) };
const EVENT = 'plugin::chronicle.timeline-event';

async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  strapi.log.level = 'warn';
  for (const t of strapi.log.transports ?? []) t.level = 'warn';
  await strapi.listen();
  const workflow = strapi.plugin('chronicle').service('workflow');
  const commands = {
    async stats() {
      global.gc?.();
      global.gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      return { rss, heapUsed, live: strapi.plugin('chronicle').service('live').stats() };
    },
    async draft({ slug, day }) {
      const created = await strapi.documents(EVENT).create({
        locale: 'zh-Hans',
        data: { title: `直播压测 ${slug}`, occurredAt: new Date(Date.UTC(2022, 5, day, 2)).toISOString(), precision: 'day', slug },
      });
      for (const to of ['in_review', 'approved']) await workflow.transition({ uid: EVENT, documentId: created.documentId, locale: 'zh-Hans', to }, SYSTEM);
      return created.documentId;
    },
    async publish({ documentId }) {
      await workflow.transition({ uid: EVENT, documentId, locale: 'zh-Hans', to: 'published' }, SYSTEM);
      return null;
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
      process.send({ id, error: String(error?.stack ?? error) });
    }
  });
  process.send({ ready: true, port: strapi.server.httpServer.address().port });
}

async function startServer(database) {
  const child = fork(__filename, ['--serve'], {
    cwd: root,
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...database.env,
      NODE_ENV: 'production',
      PUBLIC_RATE_LIMIT: '0',
      CHRONICLE_LIVE_MAX_PER_ADDRESS: '100000',
      CHRONICLE_LIVE_MAX_STREAMS: '100000',
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
    },
  });
  const waiting = new Map();
  let next = 0;
  const port = await new Promise((resolve, reject) => {
    child.on('message', (m) => {
      if (m.ready) return resolve(m.port);
      const p = waiting.get(m.id);
      if (!p) return undefined;
      waiting.delete(m.id);
      return m.error ? p.reject(new Error(m.error)) : p.resolve(m.result);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const call = (command, args) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ id, command, args });
    });
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.send({ command: 'stop' });
    });
  return { port, call, stop };
}

/** One raw SSE client: resolves when `ready` arrives; `waitFor(slug)` resolves at that event's publish. */
function openClient(port) {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let wanted = null;
    let onReady = null;
    const client = {
      waitFor(slug) {
        return new Promise((ok) => {
          wanted = { slug, ok };
          check();
        });
      },
      close: () => req.destroy(),
    };
    const check = () => {
      let at;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (block.startsWith('event: ready') && onReady) {
          onReady();
          onReady = null;
        } else if (wanted && block.startsWith('event: publish') && block.includes(`"slug":"${wanted.slug}"`)) {
          const { ok } = wanted;
          wanted = null;
          ok(Date.now());
        }
      }
    };
    const req = http.get({ host: '127.0.0.1', port, path: '/api/chronicle/timeline/live', agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      onReady = () => resolve(client);
      res.on('data', (chunk) => {
        buffer += chunk;
        check();
      });
      return undefined;
    });
    req.on('error', (error) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const clients = Number(option('clients', '1000'));
  const rounds = Number(option('rounds', '5'));
  const db = option('db', 'sqlite');
  const database = await freshDatabase(db, 'bench_live');
  const server = await startServer(database);
  const open = [];
  try {
    const before = await server.call('stats');
    const openedAt = Date.now();
    for (let i = 0; i < clients; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, clients - i) }, () => openClient(server.port)));
      open.push(...batch);
    }
    const openMs = Date.now() - openedAt;
    const during = await server.call('stats');
    const latencies = [];
    const perRound = [];
    for (let round = 0; round < rounds; round += 1) {
      const slug = `bench-live-${round}`;
      const documentId = await server.call('draft', { slug, day: 1 + round });
      const arrivals = open.map((c) => c.waitFor(slug));
      const sentAt = Date.now();
      await server.call('publish', { documentId });
      const times = await Promise.all(arrivals);
      const round_ = times.map((t) => t - sentAt);
      latencies.push(...round_);
      perRound.push(Math.max(...round_));
    }
    latencies.sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      db,
      clients,
      rounds,
      load_average: loadAverage(),
      open_all_ms: openMs,
      latency_ms: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1], last_client_per_round: perRound },
      server_memory_per_client_kib: {
        rss: Number(((during.rss - before.rss) / clients / 1024).toFixed(1)),
        heap: Number(((during.heapUsed - before.heapUsed) / clients / 1024).toFixed(1)),
      },
      server_streams: during.live.streams,
      goal_p99_under_1s: percentile(latencies, 99) < 1000,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    for (const c of open) c.close();
    await server.stop();
    await database.drop();
  }
}

if (process.argv.includes('--serve')) {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
