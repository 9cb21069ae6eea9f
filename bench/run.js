#!/usr/bin/env node
/**
 * `npm run bench -- --db sqlite|postgres [--sizes 1000,10000,100000] [--out FILE]`: the public
 * API benchmark (issue 4, item 10; growth sizes from issue 8). Not a test; CI does not run it.
 *
 * One run, one fresh database: boot the built app in a child process with the plugin's tooling
 * (which routes a constant-body action and Strapi's stock REST find; bench/lib.js), grow the
 * archive size by size with the bulk generator (tooling/generator.ts: published events in
 * both locales with units and people) and measure the uncached timeline at each size; at the
 * largest, measure the ceiling, the stock find, and the timeline cached and uncached. Load
 * comes from this process with autocannon, a fixed number of keep-alive connections, for a
 * bounded time per route, so it never shares Strapi's event loop. Merges its results under
 * the database's name into the results JSON and prints the ratios the issues set goals for.
 */
const fs = require('node:fs');
const path = require('node:path');
const { option, freshDatabase, startInstance, load: autocannon, summary, loadAverage } = require('./lib');
const { startBare, startStock } = require('./world');

const SIZES = option('sizes', option('events') ? `1000,${option('events')}` : '1000,10000,100000').split(',').map(Number);
const EVENTS = SIZES[SIZES.length - 1];
const DB = option('db', 'sqlite');
const OUT = path.resolve(option('out', path.join(__dirname, 'results.json')));
const SECONDS = Number(option('seconds', '6'));
const CONNECTIONS = Number(option('connections', '16'));
/** `--profile DIR`: CPU profiles of the instance while it serves the constant route and the cache hits. */
const PROFILE = option('profile');
const SMALL = 1000;
if (!SIZES.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n > SIZES[i - 1]))) throw new Error('--sizes must be increasing whole numbers, e.g. 1000,10000,100000');
if (SIZES[0] !== SMALL) throw new Error(`--sizes must start at ${SMALL} (the growth ratios compare with it)`);
if (!['sqlite', 'postgres'].includes(DB)) throw new Error('--db must be sqlite or postgres');

/** Grow the archive to `to` events with the bulk generator (real documents, both locales, units and people). */
async function seed(instance, from, to) {
  const result = await instance.call('generate', { events: to - from, profiles: Math.max(10, Math.round((to - from) / 10)), statistics: 0, units: 100, seed: to });
  await instance.call('analyze');
  return result;
}

/**
 * Closed-loop load: CONNECTIONS keep-alive connections for SECONDS seconds, from this process.
 * autocannon hangs up on the requests still in flight when the time is up, and the server
 * finishes them anyway: wait for that before the next measurement (or the shutdown) starts.
 */
async function load(port, urlPath, headers = {}, { instance, name } = {}) {
  if (PROFILE && instance) await instance.call('profileStart');
  const measured = summary(await autocannon({ port, path: urlPath, headers, connections: CONNECTIONS, seconds: SECONDS }));
  if (measured.errors) console.warn(`  ${urlPath}: ${measured.errors} errors`);
  if (PROFILE && instance) {
    const top = await instance.call('profileStop', path.resolve(PROFILE, `${name}.cpuprofile`));
    console.log(`profile ${name} (${urlPath}): ${top.slice(0, 15).map((t) => `${t.percent}% ${t.name}`).join('\n  ')}`);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 500 + 2 * measured.p99_ms)));
  return measured;
}

/** One request's status and raw bytes (no decompression). */
function fetchBytes(port, urlPath, headers) {
  return new Promise((resolve, reject) => {
    require('node:http')
      .get({ host: '127.0.0.1', port, path: urlPath, headers, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

async function main() {
  const database = await freshDatabase(DB, 'chronicle_bench');
  const instance = await startInstance(database);
  const { port } = instance;
  try {
    const timeline = '/api/chronicle/timeline?limit=25';
    const uncached = { 'X-Chronicle-Bench-No-Cache': '1' };
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
    const growth = [];
    let have = 0;
    for (const size of SIZES) {
      const t = Date.now();
      const generated = await seed(instance, have, size);
      have = size;
      const seeded = (Date.now() - t) / 1000;
      const measured = await load(port, timeline, uncached);
      const stockFind = await load(port, `/api/chronicle/bench/stock?${encodeURI(stockQuery)}`);
      growth.push({ events: size, seed_seconds: Number(seeded.toFixed(1)), generator_phases: generated.phases, p50_ms: measured.p50_ms, p99_ms: measured.p99_ms, rps: measured.rps, stock_find_rps: stockFind.rps, uncached_vs_stock_find_rps: stockFind.rps ? Number((measured.rps / stockFind.rps).toFixed(2)) : null });
      console.log(`${size} events (seeded in ${seeded.toFixed(1)} s): timeline uncached p50 ${measured.p50_ms} ms, p99 ${measured.p99_ms} ms, ${measured.rps} rps; stock find ${stockFind.rps} rps`);
    }
    const small = growth[0];

    const routes = {};
    // The world (issue 19): the same bytes as the cached timeline from a bare Node server and
    // from a stock Strapi app's constant route, measured in this run beside ours.
    const identity = await fetchBytes(port, timeline, {});
    const compressed = { br: (await fetchBytes(port, timeline, { 'Accept-Encoding': 'br' })).body.byteLength, gzip: (await fetchBytes(port, timeline, { 'Accept-Encoding': 'gzip' })).body.byteLength };
    const bodyFile = path.join(path.dirname(OUT), `.bench-body-${process.pid}.json`);
    fs.writeFileSync(bodyFile, identity.body);
    // The site page measured (a cache hit of the site) is larger: the world serves its bytes too.
    const pageBytes = await fetchBytes(port, '/timeline', {});
    const pageFile = path.join(path.dirname(OUT), `.bench-page-${process.pid}.html`);
    fs.writeFileSync(pageFile, pageBytes.body);
    let bare;
    let stock;
    try {
      bare = await startBare(bodyFile, pageFile);
      stock = await startStock(bodyFile, pageFile);
      const sample = await fetchBytes(stock.port, '/api/bench/constant', {});
      if (sample.status !== 200 || !sample.body.equals(identity.body)) throw new Error(`the stock app answered ${sample.status} with other bytes`);
      // Warm every server once before measuring (JIT, caches).
      for (const [p, u] of [[bare.port, '/'], [stock.port, '/api/bench/constant'], [port, timeline], [port, '/timeline']]) await autocannon({ port: p, path: u, connections: CONNECTIONS, seconds: 1 });
      routes.bare_node = await load(bare.port, '/');
      routes.stock_constant = await load(stock.port, '/api/bench/constant');
      routes.bare_node_page = await load(bare.port, '/page');
      routes.stock_constant_page = await load(stock.port, '/api/bench/page');
      routes.ceiling = await load(port, '/api/chronicle/bench/constant', {}, { instance, name: 'ceiling' });
      routes.stock = await load(port, `/api/chronicle/bench/stock?${encodeURI(stockQuery)}`);
      routes.timeline_cached = await load(port, timeline, {}, { instance, name: 'timeline_cached' });
      routes.timeline_cached_br = await load(port, timeline, { 'Accept-Encoding': 'br' });
      // The same hit through koa (the fast path skipped: middlewares/public-hit.ts answers it).
      routes.timeline_cached_koa = await load(port, timeline, { 'X-Chronicle-Bench-No-Fast': '1' }, { instance, name: 'timeline_cached_koa' });
      routes.site_page_cached = await load(port, '/timeline', {}, { instance, name: 'site_page_cached' });
      routes.site_page_cached_koa = await load(port, '/timeline', { 'X-Chronicle-Bench-No-Fast': '1' });
      routes.timeline_uncached = await load(port, timeline, uncached);
    } finally {
      await bare?.stop();
      await stock?.stop();
      fs.rmSync(bodyFile, { force: true });
      fs.rmSync(pageFile, { force: true });
    }
    const ratio = (a, b) => (b ? Number((a / b).toFixed(2)) : null);
    const results = {
      db: DB,
      events: EVENTS,
      measured_at: new Date().toISOString(),
      load_average: loadAverage(),
      routes: Object.fromEntries(Object.entries(routes).map(([k, v]) => [k, { rps: v.rps, p50_ms: v.p50_ms, p99_ms: v.p99_ms }])),
      growth: growth.map((g) => ({ ...g, p50_vs_small: ratio(g.p50_ms, small.p50_ms) })),
      body_bytes: { site_page: pageBytes.body.byteLength, identity: identity.body.byteLength, ...compressed, br_vs_identity: ratio(compressed.br, identity.body.byteLength), gzip_vs_identity: ratio(compressed.gzip, identity.body.byteLength) },
      ratios: {
        api_hit_vs_stock_constant_rps: ratio(routes.timeline_cached.rps, routes.stock_constant.rps),
        api_hit_vs_bare_node_rps: ratio(routes.timeline_cached.rps, routes.bare_node.rps),
        site_hit_vs_stock_constant_rps: ratio(routes.site_page_cached.rps, routes.stock_constant_page.rps),
        site_hit_vs_bare_node_rps: ratio(routes.site_page_cached.rps, routes.bare_node_page.rps),
        our_constant_vs_stock_constant_rps: ratio(routes.ceiling.rps, routes.stock_constant.rps),
        cached_vs_ceiling_rps: ratio(routes.timeline_cached.rps, routes.ceiling.rps),
        api_hit_fast_vs_koa_rps: ratio(routes.timeline_cached.rps, routes.timeline_cached_koa.rps),
        site_hit_fast_vs_koa_rps: ratio(routes.site_page_cached.rps, routes.site_page_cached_koa.rps),
        uncached_vs_stock_rps: ratio(routes.timeline_uncached.rps, routes.stock.rps),
        largest_vs_small_uncached_p50: ratio(growth[growth.length - 1].p50_ms, small.p50_ms),
      },
      fast_path: process.env.CHRONICLE_FAST_PATH || 'http',
      settings: { seconds_per_route: SECONDS, connections: CONNECTIONS, node: process.version, load: 'autocannon in the parent process; Strapi in a child process' },
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
    const r = results.ratios;
    console.log(`timeline JSON ${identity.body.byteLength} B identity, br ${compressed.br} B (${results.body_bytes.br_vs_identity}), gzip ${compressed.gzip} B (${results.body_bytes.gzip_vs_identity})  (goal ≤ 0.25)`);
    console.log(`API hit / stock constant   ${r.api_hit_vs_stock_constant_rps}  (goal ≥ 1.5)`);
    console.log(`API hit / bare Node        ${r.api_hit_vs_bare_node_rps}  (goal ≥ 0.3)`);
    console.log(`site page /timeline: ${pageBytes.body.byteLength} B (stock and bare serve the same page bytes for the site ratios)`);
    console.log(`site hit / stock constant  ${r.site_hit_vs_stock_constant_rps}  (goal ≥ 1.5)`);
    console.log(`site hit / bare Node       ${r.site_hit_vs_bare_node_rps}  (goal ≥ 0.3)`);
    console.log(`our constant / stock's     ${r.our_constant_vs_stock_constant_rps}`);
    console.log(`cached / ceiling rps       ${r.cached_vs_ceiling_rps}`);
    console.log(`API hit fast / via koa     ${r.api_hit_fast_vs_koa_rps};  site hit fast / via koa ${r.site_hit_fast_vs_koa_rps}  (fast path: ${results.fast_path})`);
    console.log(`uncached / stock find rps  ${r.uncached_vs_stock_rps}  (goal ≥ 3)`);
    for (const g of results.growth) console.log(`uncached / stock find at ${String(g.events).padStart(6)}   ${g.uncached_vs_stock_find_rps}  (goal ≥ 3 from 10,000)`);
    for (const g of results.growth) console.log(`p50 at ${String(g.events).padStart(6)} / at ${SMALL}   ${g.p50_vs_small}  (goal ≤ 1.5)`);
    console.log(`results written to ${path.relative(process.cwd(), OUT)} under "${DB}"`);
  } finally {
    await instance.stop();
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
