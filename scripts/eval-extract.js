#!/usr/bin/env node
/**
 * `npm run eval:extract`: precision and recall of the extractor's dates and figures on the
 * hand-annotated seed page (../shared/seeds, annotations in the plugin's text/__fixtures__),
 * per story and in total, with what was missed or proposed wrongly. A measurement, not a
 * test: it exits 0 whatever the scores (1 only when the seed or annotations are missing).
 */
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./lib/env');
const { loadTextTools } = require('./lib/text-tools');

const seeds = path.resolve(root, '..', 'shared', 'seeds');
const annotationsFile = path.join(root, 'plugins', 'chronicle', 'server', 'src', 'text', '__fixtures__', 'seed-annotations.json');

function fail(message) {
  process.stderr.write(`eval:extract: ${message}\n`);
  process.exit(1);
}

if (!fs.existsSync(annotationsFile)) fail(`annotations not found at ${annotationsFile}`);
const annotations = JSON.parse(fs.readFileSync(annotationsFile, 'utf8'));
if (!fs.existsSync(seeds)) fail(`seed folder not found at ${seeds}: the evaluation needs shared/seeds next to the project`);
const seedFile = path.join(seeds, annotations.seed);
if (!fs.existsSync(seedFile)) fail(`seed file ${annotations.seed} not found in ${seeds}`);

const tools = loadTextTools();
const texts = tools.splitStories(fs.readFileSync(seedFile, 'utf8'));
if (texts.length !== annotations.stories.length) {
  fail(`the seed splits into ${texts.length} stories but ${annotations.stories.length} are annotated`);
}

const pct = (x) => x.toFixed(3);
const found = (pr) => `(${pr.truePositives}/${pr.truePositives + pr.falseNegatives})`.padEnd(10);
const line = (name, s) =>
  `${name.padEnd(18)} dates P ${pct(s.dates.precision)} R ${pct(s.dates.recall)} ${found(s.dates)}` +
  `figures P ${pct(s.figures.precision)} R ${pct(s.figures.recall)} ${found(s.figures)}` +
  `labels ${pct(s.figures.labelAccuracy)}`;

const scores = annotations.stories.map((story, i) => {
  const result = tools.extract(texts[i], { dateline: story.dateline });
  return tools.score({ dates: story.dates, figures: story.figures }, result);
});
const total = tools.combineScores(scores);

const out = [`Extraction on ${annotations.seed} (${annotations.stories.length} stories, annotated by hand)`, ''];
annotations.stories.forEach((story, i) => out.push(line(story.id, scores[i])));
out.push(line('total', total), '');
const list = (label, items) => out.push(`${label}: ${items.length ? items.join('; ') : 'none'}`);
list('missed dates', total.dates.missed);
list('spurious dates', total.dates.spurious);
list('missed figures', total.figures.missed);
list('spurious figures', total.figures.spurious);
process.stdout.write(`${out.join('\n')}\n`);
