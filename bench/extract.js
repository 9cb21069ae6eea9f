#!/usr/bin/env node
/**
 * `npm run bench:extract [-- --max-seconds 2 --max-ratio 12]`: the extractor's time on
 * adversarial input, to show it is linear. For each pattern (repeated counts, long digit
 * runs, 万万万, brackets and quotes, dates and times without punctuation, a mix) it builds
 * 100 KB and 1 MB of text (UTF-8 bytes) and times `extract` (best of 3 runs each):
 *  - uncapped (no limit on proposals, so the cap cannot hide the growth): the ratio
 *    1 MB / 100 KB must be at most --max-ratio (10 times the text);
 *  - capped at the default maximum of proposals, as the admin route and the CLI run it:
 *    1 MB must take at most --max-seconds.
 * Prints a table and exits 1 when a limit is broken. Not a test and not run by CI.
 */
const { loadTextTools } = require('../scripts/lib/text-tools');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const maxSeconds = opt('max-seconds', 2);
const maxRatio = opt('max-ratio', 12);

const tools = loadTextTools();

/** `unit` repeated until the text is `bytes` bytes of UTF-8. */
function fill(unit, bytes) {
  const per = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.max(1, Math.floor(bytes / per)));
}

const PATTERNS = {
  'repeated counts (1名)': '1名',
  'counts and qualifiers': '近50万人10万余次4800余人次',
  'digits, no breaks': '1234567890',
  '万万万': '万',
  'Chinese numerals': '一二三四五六七八九十百千',
  'brackets and quotes': '（“「《1名》」”）',
  'unclosed quotes': '“1名',
  'dates and times': '2月23日晚11时许当日下午3时',
  'mixed, no punctuation': '3月13日凌晨4点30分网格员24小时值守1名一办十三组距离两米拨打119近20个小时',
};

function time(text, maxProposals) {
  let best = Number.POSITIVE_INFINITY;
  let proposals = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = process.hrtime.bigint();
    const r = tools.extract(text, { dateline: '2022-03-07', maxProposals });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    proposals = r.events.length + r.statistics.length;
  }
  return { ms: best, proposals };
}

// Warm up the JIT so the 100 KB run is not charged for compilation.
time(fill(Object.values(PATTERNS).join(''), 50_000), Infinity);

const rows = [];
let failed = false;
for (const [name, unit] of Object.entries(PATTERNS)) {
  const small = time(fill(unit, 100_000), Infinity);
  const large = time(fill(unit, 1_000_000), Infinity);
  const capped = time(fill(unit, 1_000_000), undefined);
  // Below 10 ms the clock and the collector decide; a ratio over such times says nothing.
  const ratio = large.ms / Math.max(small.ms, 10);
  const ok = capped.ms <= maxSeconds * 1000 && ratio <= maxRatio;
  if (!ok) failed = true;
  rows.push({
    pattern: name,
    '100 KB ms': small.ms.toFixed(0),
    '1 MB ms': large.ms.toFixed(0),
    ratio: ratio.toFixed(1),
    'proposals (1 MB)': large.proposals,
    '1 MB capped ms': capped.ms.toFixed(0),
    'capped proposals': capped.proposals,
    ok: ok ? 'yes' : 'NO',
  });
}
console.table(rows);
console.log(`limits: 1 MB (capped at ${tools.DEFAULT_MAX_PROPOSALS} proposals) under ${maxSeconds} s; uncapped growth 1 MB / 100 KB at most ${maxRatio}`);
process.exit(failed ? 1 : 0);
