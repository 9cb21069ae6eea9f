#!/usr/bin/env node
/**
 * `npm run eval:extract [-- --seeds DIR] [--verbose]`: precision and recall of the
 * extractor's dates and figures on
 *  - the project's own corpus (plugins/chronicle/server/src/text/__fixtures__/corpus):
 *    the development part and the held-out part reported separately, with the errors
 *    sorted by class (quotation, comma, day-only, inherited time, duration, distance …);
 *  - the seed page (in-sample: the first rules were written with it in view), when the
 *    seed folder exists (default ../shared/seeds next to the project).
 * A measurement, not a test: it exits 0 whatever the scores (1 only when a corpus file or
 * the seed annotations named by --seeds are missing).
 */
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./lib/env');
const { loadTextTools } = require('./lib/text-tools');

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');
const seedsArg = flag('--seeds');
const seeds = path.resolve(seedsArg ?? path.join(root, '..', 'shared', 'seeds'));
const fixtures = path.join(root, 'plugins', 'chronicle', 'server', 'src', 'text', '__fixtures__');
const annotationsFile = path.join(fixtures, 'seed-annotations.json');

function fail(message) {
  process.stderr.write(`eval:extract: ${message}\n`);
  process.exit(1);
}

const tools = loadTextTools();
const { scoreCorpus } = require(path.join(root, 'plugins', 'chronicle', 'dist', 'server', 'text', 'corpus'));

const pct = (x) => x.toFixed(3);
const found = (pr) => `(${pr.truePositives}/${pr.truePositives + pr.falseNegatives}, ${pr.falsePositives} wrong)`.padEnd(20);
const line = (name, s) =>
  `${name.padEnd(22)} dates P ${pct(s.dates.precision)} R ${pct(s.dates.recall)} ${found(s.dates)}` +
  `figures P ${pct(s.figures.precision)} R ${pct(s.figures.recall)} ${found(s.figures)}` +
  `labels ${pct(s.figures.labelAccuracy)}`;
const out = [];
const list = (label, items) => out.push(`  ${label}: ${items.length ? items.join('; ') : 'none'}`);

for (const part of ['development', 'heldout']) {
  const file = path.join(fixtures, 'corpus', `${part}.json`);
  if (!fs.existsSync(file)) fail(`corpus file not found at ${file}`);
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8'));
  const report = scoreCorpus(corpus.passages, (p) => tools.extract(p.text, { dateline: p.dateline }));
  out.push(`Own corpus, ${corpus.part} (${corpus.passages.length} passages)`);
  if (verbose) report.perPassage.forEach((x) => out.push(line(`  ${x.id}`, x.score)));
  out.push(line('  total', report.score));
  out.push('  by class (errors / items; for not:* the negatives proposed):');
  for (const key of Object.keys(report.classes).sort()) {
    const c = report.classes[key];
    const head = `    ${key.padEnd(22)} ${String(c.errors.length).padStart(2)} / ${c.total}`;
    out.push(c.errors.length ? `${head}  ${c.errors.join('; ')}` : head);
  }
  out.push('');
}

if (fs.existsSync(seeds)) {
  if (!fs.existsSync(annotationsFile)) fail(`annotations not found at ${annotationsFile}`);
  const annotations = JSON.parse(fs.readFileSync(annotationsFile, 'utf8'));
  const seedFile = path.join(seeds, annotations.seed);
  if (!fs.existsSync(seedFile)) fail(`seed file ${annotations.seed} not found in ${seeds}`);
  const texts = tools.splitStories(fs.readFileSync(seedFile, 'utf8'));
  if (texts.length !== annotations.stories.length) {
    fail(`the seed splits into ${texts.length} stories but ${annotations.stories.length} are annotated`);
  }
  const scores = annotations.stories.map((story, i) =>
    tools.score({ dates: story.dates, figures: story.figures }, tools.extract(texts[i], { dateline: story.dateline })),
  );
  const total = tools.combineScores(scores);
  out.push(`Seed page ${annotations.seed} (in-sample: ${annotations.stories.length} stories)`);
  annotations.stories.forEach((story, i) => out.push(line(`  ${story.id}`, scores[i])));
  out.push(line('  total', total));
  list('missed dates', total.dates.missed);
  list('spurious dates', total.dates.spurious);
  list('missed figures', total.figures.missed);
  list('spurious figures', total.figures.spurious);
} else if (seedsArg) {
  fail(`seed folder not found at ${seeds}`);
} else {
  out.push(`Seed page: skipped (no seed folder at ${seeds}; pass --seeds DIR)`);
}
process.stdout.write(`${out.join('\n')}\n`);
