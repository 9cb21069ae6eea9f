/**
 * `chronicle extract FILE --dateline YYYY-MM-DD [--json] [--max N]`: proposals read from a
 * report's text, without Strapi. `--json` prints the JSON of docs/extraction.md (each `text` the expression
 * itself, then offset/endOffset, sentence and rule); without it, two tables. At most N
 * proposals (default 1000): past that the JSON says "truncated": true and stderr says so.
 */
const { readReportText } = require('./input');
const { loadTextTools } = require('./text-tools');
const { formatTable, truncate } = require('./table');

const TEXT_COLUMNS = 40;

function formatReadable(result, tools) {
  const events = result.events.map((e, i) => [
    String(i + 1),
    e.text,
    tools.formatDisplayDate(e.start, e.precision, e.approximate, 'zh-Hans'),
    e.start,
    e.precision,
    e.rule,
    truncate(e.sentence.replace(/\s+/g, ' '), TEXT_COLUMNS),
  ]);
  const statistics = result.statistics.map((s, i) => [
    String(i + 1),
    s.text,
    String(s.value),
    s.qualifier,
    s.unit,
    s.label,
    s.rule,
    truncate(s.sentence.replace(/\s+/g, ' '), TEXT_COLUMNS),
  ]);
  return [
    `Events (${events.length})`,
    events.length ? formatTable(['#', 'as written', 'date', 'start', 'precision', 'rule', 'sentence'], events) : '  none',
    '',
    `Figures (${statistics.length})`,
    statistics.length
      ? formatTable(['#', 'as written', 'value', 'qualifier', 'unit', 'label', 'rule', 'sentence'], statistics)
      : '  none',
    '',
  ].join('\n');
}

/** Runs the command; `options` are parsed and checked by the caller. */
function runExtract({ file, dateline, json, max }) {
  const tools = loadTextTools();
  const text = readReportText(file, tools);
  const result = tools.extract(text, { dateline, maxProposals: max ?? tools.DEFAULT_MAX_PROPOSALS });
  if (json) process.stdout.write(`${JSON.stringify(tools.toCliJson(result))}\n`);
  else process.stdout.write(formatReadable(result, tools));
  if (result.truncated) {
    const n = result.events.length + result.statistics.length;
    process.stderr.write(`chronicle extract: only the first ${n} proposals are listed (--max ${n}); raise --max to see more\n`);
  }
}

module.exports = { runExtract, formatReadable };
