/**
 * `chronicle extract FILE --dateline YYYY-MM-DD [--json]`: proposals read from a report's
 * text, without Strapi. `--json` prints DESIGN §6's JSON exactly; without it, two tables.
 */
const { readReportText } = require('./input');
const { loadTextTools } = require('./text-tools');
const { formatTable, truncate } = require('./table');

const TEXT_COLUMNS = 48;

function formatReadable(result, tools) {
  const events = result.events.map((e, i) => [
    String(i + 1),
    tools.formatDisplayDate(e.start, e.precision, e.approximate, 'zh-Hans'),
    e.start,
    e.precision,
    truncate(e.text.replace(/\s+/g, ' '), TEXT_COLUMNS),
  ]);
  const statistics = result.statistics.map((s, i) => [
    String(i + 1),
    s.expression,
    String(s.value),
    s.qualifier,
    s.unit,
    s.label,
    truncate(s.text.replace(/\s+/g, ' '), TEXT_COLUMNS),
  ]);
  return [
    `Events (${events.length})`,
    events.length ? formatTable(['#', 'date', 'start', 'precision', 'sentence'], events) : '  none',
    '',
    `Figures (${statistics.length})`,
    statistics.length
      ? formatTable(['#', 'as written', 'value', 'qualifier', 'unit', 'label', 'sentence'], statistics)
      : '  none',
    '',
  ].join('\n');
}

/** Runs the command; `options` are parsed and checked by the caller. */
function runExtract({ file, dateline, json }) {
  const tools = loadTextTools();
  const text = readReportText(file, tools);
  const result = tools.extract(text, { dateline });
  if (json) process.stdout.write(`${JSON.stringify(tools.toCliJson(result))}\n`);
  else process.stdout.write(formatReadable(result, tools));
}

module.exports = { runExtract, formatReadable };
