#!/usr/bin/env node
/**
 * `npm run bench:memory [-- --requests 100000 --events 10000 --db sqlite|postgres]`: does one
 * instance's memory stay flat under sustained load, with the response cache full and evicting?
 * Not a test; CI does not run it.
 *
 * The instance runs in a child process (bench/lib.js), so the load generator's own memory is
 * not counted: a fresh database, a generated newsroom, the default cache bound unless
 * CHRONICLE_PUBLIC_CACHE_BYTES says otherwise. This process sends the requests with autocannon
 * over keep-alive connections, from a mix of a few hot public URLs (cache hits) and thousands
 * of distinct ones (timeline pages at every cursor with many page sizes, unit filters, searches
 * and honour-roll pages in both locales: misses that fill the cache past its byte bound), and
 * samples the child's RSS and the cache's figures every second.
 *
 * The pass rule is declared in bench/README.md ("Pass rule") before any run is recorded:
 * warm-up = the first WARMUP_SHARE of requests; the rest cut into WINDOWS windows by request
 * count; every window's median RSS within ±LIMIT of the first window's median, every window's
 * peak within +LIMIT of the first window's peak; the cache never above its bound and evicting
 * by the end; no failed request.
 * The result (without samples) is merged into bench/results.json (or `--results FILE`) under
 * `memory.<db>`; `--out FILE` also saves every sample. `--from FILE` re-judges the samples a
 * previous run saved (and records that judgement only with `--record`).
 */
const fs = require('node:fs');
const path = require('node:path');
const { option, freshDatabase, startInstance, load, loadAverage } = require('./lib');

const WARMUP_SHARE = 0.2;
const WINDOWS = 8;
const LIMIT = 0.1;
const mib = (b) => Number((b / 2 ** 20).toFixed(1));

/** The declared rule, applied to RSS samples taken with the count of requests answered so far. */
function judge(samples, requests, errors) {
  const warmUpEnds = Math.round(requests * WARMUP_SHARE);
  const span = (requests - warmUpEnds) / WINDOWS;
  const windows = Array.from({ length: WINDOWS }, (_, k) => {
    const from = Math.round(warmUpEnds + k * span);
    const to = Math.round(warmUpEnds + (k + 1) * span);
    const rss = samples.filter((s) => s.requests >= from && (s.requests < to || (k === WINDOWS - 1 && s.requests <= to))).map((s) => s.rss).sort((a, b) => a - b);
    return { from_request: from, samples: rss.length, median: rss[Math.floor(rss.length / 2)], max: rss[rss.length - 1], min: rss[0] };
  });
  const [first] = windows;
  const complete = windows.every((w) => w.samples >= 3);
  const medianDrift = complete ? Math.max(...windows.map((w) => Math.abs(w.median / first.median - 1))) : null;
  const peakGrowth = complete ? Math.max(...windows.map((w) => w.max / first.max - 1)) : null;
  const last = samples[samples.length - 1];
  const cacheBound = last?.cacheMaxBytes ?? null;
  const cacheOverBound = samples.some((s) => s.cacheBytes > s.cacheMaxBytes);
  const evictions = last?.cacheEvictions ?? 0;
  const checks = {
    enough_samples_per_window: complete,
    median_within_10_percent: complete && medianDrift <= LIMIT,
    peak_within_10_percent: complete && peakGrowth <= LIMIT,
    cache_within_bound: !cacheOverBound,
    cache_evicted: evictions > 0,
    no_errors: errors === 0,
  };
  return {
    rule: `warm-up ${WARMUP_SHARE * 100}% of requests; ${WINDOWS} windows; medians within ±${LIMIT * 100}% and peaks within +${LIMIT * 100}% of the first window's; cache within its bound and evicting; no errors`,
    windows: windows.map((w) => ({ from_request: w.from_request, samples: w.samples, median_mib: w.median && mib(w.median), max_mib: w.max && mib(w.max), min_mib: w.min && mib(w.min) })),
    median_drift: medianDrift === null ? null : Number(medianDrift.toFixed(3)),
    peak_growth: peakGrowth === null ? null : Number(peakGrowth.toFixed(3)),
    cache: {
      bound_mib: cacheBound && mib(cacheBound),
      largest_mib: mib(Math.max(0, ...samples.map((s) => s.cacheBytes))),
      final_mib: last ? mib(last.cacheBytes) : 0,
      final_entries: last?.cacheEntries ?? 0,
      evictions,
    },
    checks,
    pass: Object.values(checks).every(Boolean),
  };
}

/** A small seeded generator, so every run asks for the same URLs in the same order. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The URL mix, built from what the instance serves: cursors from walking the timeline, unit
 * slugs, words from event titles. 40% of requests go to 40 hot URLs; the rest spread over the
 * long tail, which holds far more bytes than the cache's bound.
 */
async function urlMix(port) {
  const get = async (p) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/chronicle/${p}`);
    if (res.status !== 200) throw new Error(`bench:memory: GET ${p} answered ${res.status}`);
    return res.json();
  };
  const locales = ['zh-Hans', 'en'];
  const cursors = { 'zh-Hans': [], en: [] };
  const words = { 'zh-Hans': new Set(), en: new Set() };
  for (const locale of locales) {
    let cursor = null;
    do {
      const page = await get(`timeline?limit=100&locale=${locale}${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = page.meta.nextCursor;
      if (cursor) cursors[locale].push(cursor);
      for (const e of page.data.slice(0, 3)) {
        if (locale === 'en') for (const w of e.title.split(/\W+/)) w.length >= 5 && words.en.add(w.toLowerCase());
        else words['zh-Hans'].add(e.title.slice(0, 2));
      }
    } while (cursor);
  }
  const units = (await get('units')).data;
  const unitSlugs = [];
  const walk = (nodes) => nodes.forEach((u) => (unitSlugs.push(u.slug), walk(u.children ?? [])));
  walk(Array.isArray(units) ? units : [units]);

  const hot = [];
  for (const locale of locales) {
    hot.push(`timeline?limit=25&locale=${locale}`, `profiles?limit=25&locale=${locale}`);
    for (const c of cursors[locale].slice(0, 18)) hot.push(`timeline?limit=25&locale=${locale}&cursor=${c}`);
  }
  const tail = [];
  for (const locale of locales) {
    for (const c of cursors[locale]) for (let limit = 10; limit <= 100; limit += 10) tail.push(`timeline?limit=${limit}&locale=${locale}&cursor=${c}`);
    for (const slug of unitSlugs) for (const limit of [25, 50]) tail.push(`timeline?limit=${limit}&locale=${locale}&unit=${slug}`);
    for (const w of words[locale]) tail.push(`timeline?limit=50&locale=${locale}&q=${encodeURIComponent(w)}`);
    for (let limit = 1; limit <= 100; limit += 1) tail.push(`profiles?limit=${limit}&locale=${locale}`);
  }
  const random = seeded(8);
  const next = () => `/api/chronicle/${random() < 0.4 ? hot[Math.floor(random() * hot.length)] : tail[Math.floor(random() * tail.length)]}`;
  return { next, hot: hot.length, tail: tail.length, cursors: cursors['zh-Hans'].length + cursors.en.length, units: unitSlugs.length, words: words['zh-Hans'].size + words.en.size };
}

async function main() {
  const REQUESTS = Number(option('requests', '100000'));
  const EVENTS = Number(option('events', '10000'));
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
  const database = await freshDatabase(DB, 'chronicle_mem');
  const instance = await startInstance(database);
  const samples = [];
  let done = 0;
  let mix;
  const started = Date.now();
  let result;
  try {
    await instance.call('generate', { events: EVENTS, profiles: 500, statistics: 0, units: 100, seed: 5 });
    await instance.call('analyze');
    mix = await urlMix(instance.port);
    console.log(`URL mix: ${mix.hot} hot URLs (40% of requests), ${mix.tail} in the long tail (${mix.cursors} cursors, ${mix.units} units, ${mix.words} search words)`);

    let running = true;
    const sampler = (async () => {
      while (running) {
        const s = await instance.call('stats');
        samples.push({ at: Date.now() - started, requests: done, rss: s.rss, heapUsed: s.heapUsed, cacheBytes: s.cache.bytes, cacheMaxBytes: s.cache.maxBytes, cacheEntries: s.cache.entries, cacheEvictions: s.cache.evictions });
        if (samples.length % 30 === 0) console.log(`${String(done).padStart(7)} requests  RSS ${mib(s.rss)} MiB  heap ${mib(s.heapUsed)} MiB  cache ${s.cache.entries} entries, ${mib(s.cache.bytes)} / ${mib(s.cache.maxBytes)} MiB, ${s.cache.evictions} evicted`);
        await new Promise((res) => setTimeout(res, 1000));
      }
    })();
    const loaded = await load({ port: instance.port, paths: mix.next, connections: CONNECTIONS, amount: REQUESTS, onResponse: () => (done += 1) });
    running = false;
    await sampler;
    const errors = loaded.errors + loaded.timeouts + loaded.non2xx;
    const seconds = (Date.now() - started) / 1000;
    result = {
      db: DB,
      events: EVENTS,
      requests: done,
      errors,
      seconds: Number(seconds.toFixed(1)),
      rps: Math.round(loaded.requests.total / loaded.duration),
      connections: CONNECTIONS,
      url_mix: { hot: mix.hot, tail: mix.tail, hot_share: 0.4 },
      // The instance inherits NODE_OPTIONS (a heap bound changes how RSS behaves).
      node_options: process.env.NODE_OPTIONS || null,
      ...judge(samples, done, errors),
      load_average: loadAverage(),
      measured_at: new Date().toISOString(),
    };
  } finally {
    await instance.stop();
    await database.drop();
  }
  report(result);
  record(result);
  const out = option('out');
  if (out) fs.writeFileSync(path.resolve(out), `${JSON.stringify({ ...result, samples }, null, 2)}\n`);
  process.exit(result.pass ? 0 : 1);
}

/** Merge a run's result into the results file under memory.<db>, next to bench/run.js's entries. */
function record(result) {
  const file = path.resolve(option('results', path.join(__dirname, 'results.json')));
  let all = {};
  try {
    all = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    all = {};
  }
  all.memory = { ...all.memory, [result.db]: result };
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`result written to ${path.relative(process.cwd(), file)} under memory.${result.db}`);
}

function report(result) {
  console.log(JSON.stringify(result, null, 2));
  const failed = Object.entries(result.checks).filter(([, ok]) => !ok).map(([name]) => name);
  console.log(result.pass ? 'PASS: memory stayed flat by the declared rule' : `FAIL: ${failed.join(', ')}`);
}

if (option('from')) {
  const saved = JSON.parse(fs.readFileSync(path.resolve(option('from')), 'utf8'));
  const { samples, ...rest } = saved;
  const result = { ...rest, ...judge(samples, saved.requests, saved.errors) };
  report(result);
  if (process.argv.includes('--record')) record(result);
  process.exit(result.pass ? 0 : 1);
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
