#!/usr/bin/env node
/**
 * `node bench/uncached-profile.js [--db sqlite|postgres] [--events 10000] [--seconds 5] [--prof DIR]`:
 * what one uncached `timeline?limit=25` costs (issue 19). Not a test. Builds nothing: run
 * `npm run build:plugin && npx tsc -p tsconfig.json` first.
 *
 * Boots the instance as bench/run.js does (bench/lib.js) on a fresh database grown to
 * `--events` with the bulk generator, then:
 *  - counts the SQL statements of one uncached request of each measured route (knex's `query`
 *    events, from a preload in the instance) and prints them;
 *  - measures the uncached timeline and Strapi's stock `find` (the same query as bench/run.js)
 *    in one run, alternately, and prints their ratio;
 *  - with `--cpu N`, the instance's CPU time per request over N requests of each (from
 *    /proc/<pid>/stat: the load of other processes does not change it as it changes req/s);
 *  - with `--prof DIR`, the instance runs with `node --cpu-prof` and writes its profile there
 *    when it stops (open it in Chrome's DevTools);
 *  - with `--keep-db` the SQLite file (or PostgreSQL database) is kept, and `--reuse-db FILE|NAME`
 *    measures it again without growing it (each run is then a minute, not four).
 */
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { option, freshDatabase, startInstance, load, summary, loadAverage, root } = require('./lib');

const DB = option('db', 'sqlite');
const EVENTS = Number(option('events', '10000'));
const SECONDS = Number(option('seconds', '5'));
const CONNECTIONS = Number(option('connections', '16'));
const PROF = option('prof', '');
const ROUNDS = Number(option('rounds', '2'));
const REPEAT = Number(option('repeat', '15'));
const KEEP = process.argv.includes('--keep-db');
const CPU = Number(option('cpu', '0'));
/** `--reuse-db FILE|NAME`: an SQLite file (or, with --db postgres, a database on 127.0.0.1) kept by an earlier `--keep-db` run; nothing is grown and it is kept. */
const REUSE = option('reuse-db', '');

const TIMELINE = '/api/chronicle/timeline?limit=25';
const UNCACHED = { 'X-Chronicle-Bench-No-Cache': '1' };
const STOCK = `/api/chronicle/bench/stock?${encodeURI(
  [
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
  ].join('&')
)}`;

const get = (port, urlPath, headers = {}) =>
  new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, headers, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

/** Grow the archive to EVENTS in an instance of its own (the measured one then holds only the load). */
async function grow(database) {
  const grower = await startInstance(database);
  await grower.call('generate', { events: 1000, profiles: 100, statistics: 0, units: 100, seed: 1000 });
  if (EVENTS > 1000) await grower.call('generate', { events: EVENTS - 1000, profiles: Math.round((EVENTS - 1000) / 10), statistics: 0, units: 100, seed: EVENTS });
  await grower.call('analyze');
  await grower.stop();
}

async function main() {
  const log = path.join(root, '.tmp', `uncached-queries-${process.pid}.log`);
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const kept = DB === 'postgres' ? { DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: '5432', DATABASE_USERNAME: 'postgres', DATABASE_PASSWORD: '', DATABASE_NAME: REUSE } : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.resolve(REUSE) };
  const database = REUSE ? { env: kept, drop: async () => undefined } : await freshDatabase(DB, 'chronicle_uncached');
  let instance;
  try {
    // Grow the archive in one instance, measure in another: the profile holds only the load.
    if (!REUSE) await grow(database);
    const execArgv = ['--require', path.join(__dirname, 'query-log-preload.js')];
    if (PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(PROF)}`);
    instance = await startInstance(database, { CHRONICLE_QUERY_LOG: log }, execArgv);
    const { port } = instance;
    for (const [name, urlPath, headers] of [
      ['timeline (zh-Hans)', TIMELINE, UNCACHED],
      ['timeline (en)', `${TIMELINE}&locale=en`, UNCACHED],
      ['stock find', STOCK, {}],
    ]) {
      await get(port, urlPath, headers); // warm
      // Each statement's median time over REPEAT requests (one at a time: no queueing counted).
      const times = [];
      let res;
      let queries = [];
      for (let i = 0; i < REPEAT; i++) {
        fs.writeFileSync(log, '');
        res = await get(port, urlPath, headers);
        queries = fs.readFileSync(log, 'utf8').split('\n\u0000\n').filter(Boolean);
        queries.forEach((q, j) => (times[j] ??= []).push(Number.parseFloat(q)));
      }
      const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
      const total = times.reduce((sum, list) => sum + median(list), 0);
      console.log(`${name}: ${res.status}, ${res.body.length} B, ${queries.length} SQL statements, ${total.toFixed(2)} ms in SQL (medians of ${REPEAT})${res.body.length < 200 ? `: ${res.body}` : ''}`);
      if (process.argv.includes('--sql')) queries.forEach((q, j) => console.log(`   ${median(times[j]).toFixed(2)} ms  ${q.replace(/^[\d.]+ ms\s+/, '').slice(0, 300)}`));
    }
    fs.rmSync(log, { force: true });
    if (KEEP) {
      console.log('database kept:', JSON.stringify(database.env));
      database.drop = async () => undefined;
    }
    // CPU time of the instance per request (utime + stime from /proc, SQLite included as it
    // runs in the process): what the machine's load does not change, unlike requests/s.
    if (CPU) {
      const pid = Number(fs.readFileSync(`${log}.pid`, 'utf8'));
      const ticks = () => {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return Number(fields[11]) + Number(fields[12]);
      };
      const perRequest = async (urlPath, headers) => {
        await load({ port, path: urlPath, headers, connections: 4, amount: 20 });
        const before = ticks();
        const result = await load({ port, path: urlPath, headers, connections: 4, amount: CPU });
        return ((ticks() - before) * 10) / result.requests.total; // 100 ticks a second
      };
      for (let i = 0; i < ROUNDS; i++) {
        const timeline = await perRequest(TIMELINE, UNCACHED);
        const stock = await perRequest(STOCK, {});
        const constant = await perRequest('/api/chronicle/bench/constant', {});
        console.log(`cpu round ${i + 1}: timeline uncached ${timeline.toFixed(2)} ms CPU/request, stock find ${stock.toFixed(2)}, constant route ${constant.toFixed(2)}: stock / timeline ${(stock / timeline).toFixed(2)} ×`);
      }
    }
    if (process.argv.includes('--only-timeline')) {
      console.log(summary(await load({ port, path: TIMELINE, headers: UNCACHED, connections: CONNECTIONS, seconds: SECONDS })));
      return;
    }
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) {
      const timeline = summary(await load({ port, path: TIMELINE, headers: UNCACHED, connections: CONNECTIONS, seconds: SECONDS }));
      await new Promise((r) => setTimeout(r, 1000));
      const stock = summary(await load({ port, path: STOCK, connections: CONNECTIONS, seconds: SECONDS }));
      await new Promise((r) => setTimeout(r, 1000));
      runs.push({ timeline, stock, ratio: Number((timeline.rps / stock.rps).toFixed(2)) });
      console.log(`round ${i + 1}: timeline uncached ${timeline.rps} rps (p50 ${timeline.p50_ms} ms), stock find ${stock.rps} rps (p50 ${stock.p50_ms} ms): ${(timeline.rps / stock.rps).toFixed(2)} ×`);
    }
    console.log(`${new Date().toISOString()} ${DB} ${EVENTS} events, load average ${loadAverage().join(' / ')}`);
  } finally {
    await instance?.stop();
    await database.drop();
    fs.rmSync(log, { force: true });
    fs.rmSync(`${log}.pid`, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
