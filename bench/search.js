/**
 * Search benchmark (issue 19; not a test, not run by CI): does a search cost the same at
 * 100,000 events as at 1,000? `npm run bench:search -- --db sqlite|postgres [--sizes 1000,100000]`
 *
 * One fresh database and one instance (bench/lib.js). At each size the bulk generator writes
 * the events (and rebuilds the search index, as it does), then the words to search are chosen
 * from the index itself: two-character and three-character words that match between 5 and 40
 * records at that size (the postings' and the trigram index's own counts), so each size is
 * measured on searches of the same result size, which is what a reader looking for a name or
 * a street sends. Each word is searched uncached (the bench-only header) with autocannon for
 * --seconds; p50 per kind of word is compared with the smallest size's. Then, for the record,
 * a common word (matching a growing share of the archive) — its cost grows with its matches,
 * which the goal does not cover (docs/api.md, "Search").
 *
 * Writes bench/search-results.json (or --out) under the database's name.
 */
const fs = require('node:fs');
const path = require('node:path');
const { option, freshDatabase, startInstance, load: autocannon, summary, loadAverage } = require('./lib');

const SIZES = option('sizes', '1000,100000').split(',').map(Number);
const DB = option('db', 'sqlite');
const OUT = path.resolve(option('out', path.join(__dirname, 'search-results.json')));
const SECONDS = Number(option('seconds', '4'));
const CONNECTIONS = Number(option('connections', '8'));
const WORDS = 4;

/** Read the index from this process (SQLite file or PostgreSQL), never through the instance's event loop. */
function indexReader(database) {
  if (database.env.DATABASE_CLIENT === 'postgres') {
    const { Client } = require('pg');
    const client = new Client({
      host: database.env.DATABASE_HOST,
      port: Number(database.env.DATABASE_PORT),
      user: database.env.DATABASE_USERNAME,
      password: database.env.DATABASE_PASSWORD,
      database: database.env.DATABASE_NAME,
    });
    let connected = null;
    const query = async (sql, params) => {
      connected = connected ?? client.connect();
      await connected;
      return (await client.query(sql, params)).rows;
    };
    return {
      bigrams: () => query(`SELECT gram FROM chronicle_search_grams WHERE gram !~ ' ' GROUP BY gram HAVING COUNT(*) BETWEEN 5 AND 40 ORDER BY md5(gram) LIMIT 200`),
      countTrigram: async (word) => Number((await query(`SELECT COUNT(*) AS n FROM chronicle_search_docs WHERE norm LIKE $1`, [`%${word}%`]))[0].n),
      sample: () => query(`SELECT norm FROM chronicle_search_docs WHERE locale = 'zh-Hans' ORDER BY md5(document_id) LIMIT 300`),
      close: () => client.end(),
    };
  }
  const Database = require('better-sqlite3');
  const db = new Database(database.env.DATABASE_FILENAME, { readonly: true, fileMustExist: true });
  return {
    bigrams: async () => db.prepare(`SELECT gram FROM chronicle_search_grams WHERE gram NOT LIKE '% %' GROUP BY gram HAVING COUNT(*) BETWEEN 5 AND 40 ORDER BY hex(gram) LIMIT 200`).all(),
    countTrigram: async (word) => db.prepare(`SELECT COUNT(*) AS n FROM chronicle_search_fts WHERE chronicle_search_fts MATCH ?`).get(`"${word}"`).n,
    sample: async () => db.prepare(`SELECT norm FROM chronicle_search_docs WHERE locale = 'zh-Hans' ORDER BY id DESC LIMIT 300`).all(),
    close: async () => db.close(),
  };
}

const isHan = (s) => /^[\u4e00-\u9fff]+$/.test(s);

/** Words of two and of three characters matching 5 to 40 records at this size. */
async function chooseWords(reader) {
  const two = (await reader.bigrams()).map((r) => r.gram).filter(isHan).slice(0, WORDS);
  const three = [];
  const seen = new Set();
  for (const { norm } of await reader.sample()) {
    const chars = [...norm];
    for (let i = 0; i + 3 <= chars.length && three.length < WORDS; i += 1) {
      const word = chars.slice(i, i + 3).join('');
      if (!isHan(word) || seen.has(word)) continue;
      seen.add(word);
      const n = await reader.countTrigram(word);
      if (n >= 5 && n <= 40) three.push(word);
    }
    if (three.length >= WORDS) break;
  }
  return { two, three };
}

async function measure(port, words) {
  const uncached = { 'X-Chronicle-Bench-No-Cache': '1' };
  let i = 0;
  const paths = () => `/api/chronicle/search?q=${encodeURIComponent(words[i++ % words.length])}&limit=25`;
  let bad = 0;
  const result = summary(await autocannon({ port, paths, headers: uncached, connections: CONNECTIONS, seconds: SECONDS, onResponse: (status) => { if (status !== 200) bad += 1; } }));
  return { ...result, non200: bad };
}

async function main() {
  const database = await freshDatabase(DB, 'chronicle_bench_search');
  const instance = await startInstance(database);
  const reader = indexReader(database);
  const growth = [];
  try {
    let have = 0;
    for (const size of SIZES) {
      const t = Date.now();
      const generated = await instance.call('generate', { events: size - have, profiles: Math.max(10, Math.round((size - have) / 10)), statistics: 0, units: 100, seed: size });
      have = size;
      await instance.call('analyze');
      const seeded = (Date.now() - t) / 1000;
      const words = await chooseWords(reader);
      const two = words.two.length ? await measure(instance.port, words.two) : null;
      const three = words.three.length ? await measure(instance.port, words.three) : null;
      const common = await measure(instance.port, ['社区']);
      growth.push({ events: size, seed_seconds: Number(seeded.toFixed(1)), index_seconds: generated.phases['search index'] ?? null, words, two_char: two, three_char: three, common_word: common });
      console.log(
        `${size} events (seeded and indexed in ${seeded.toFixed(1)} s, index ${generated.phases['search index']} s): ` +
          `2-char p50 ${two?.p50_ms} ms (${two?.rps} rps), 3-char p50 ${three?.p50_ms} ms (${three?.rps} rps), common word 社区 p50 ${common.p50_ms} ms`
      );
    }
    const small = growth[0];
    const large = growth[growth.length - 1];
    const ratio = (a, b) => (a && b && b.p50_ms ? Number((a.p50_ms / b.p50_ms).toFixed(2)) : null);
    const result = {
      date: new Date().toISOString(),
      sizes: SIZES,
      growth,
      ratios: {
        two_char_p50_large_vs_small: ratio(large.two_char, small.two_char),
        three_char_p50_large_vs_small: ratio(large.three_char, small.three_char),
        common_word_p50_large_vs_small: ratio(large.common_word, small.common_word),
        goal: 'two_char and three_char ≤ 1.5',
      },
      load_average: loadAverage(),
      settings: { seconds: SECONDS, connections: CONNECTIONS },
    };
    const all = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, 'utf8')) : {};
    all[DB] = result;
    fs.writeFileSync(OUT, `${JSON.stringify(all, null, 2)}\n`);
    console.log(JSON.stringify(result.ratios), 'load average', result.load_average.join(' '));
  } finally {
    await reader.close();
    await instance.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
