#!/usr/bin/env node
/**
 * The `chronicle` command-line tool.
 *   chronicle demo     build, start the newsroom on SQLite with demo data, print the accounts
 *   chronicle extract  propose events and figures from a report's text (no Strapi needed)
 *   chronicle import   file a report's text as a draft with its proposals, as an admin user
 *   chronicle generate write a large synthetic newsroom in bulk (scale tests, benchmarks)
 *   chronicle search-reindex  rebuild the search index from the published records
 * Exit codes: 0 done, 1 failed, 2 usage error (arguments), 3 the input is not usable text.
 */
const path = require('node:path');
const { parseArgs } = require('node:util');
const { root, ensureEnvFile, loadEnv, demoPassword } = require('./lib/env');

const USAGE = `Usage: chronicle <command> [options]

Commands:
  demo      Build, start Chronicle on SQLite with the demo newsroom, and print the demo accounts.
            Honours PORT, HOST, DATABASE_FILENAME and DEMO_PASSWORD.
  extract FILE --dateline YYYY-MM-DD [--json] [--max N]
            Propose timeline events and figures from a report's text (UTF-8; FILE - reads stdin).
            --json prints {"events":[…],"statistics":[…]}, each text the expression itself, with
            offset/endOffset, sentence and rule; without it, readable tables. At most N
            proposals (default 1000; then "truncated":true and a note on stderr).
  import FILE --dateline YYYY-MM-DD --as EMAIL [--title TITLE] [--locale zh-Hans|en] [--force]
            Create a draft field report owned by that admin user, with the text as its body and
            the proposals as draft events and figures linked to it. Boots Strapi in-process on
            the database .env names: stop a server using the same SQLite file first.
  generate [--events N] [--profiles N] [--statistics N] [--units N] [--seed S]
            Write a synthetic newsroom in bulk (defaults: 100000 events, 10000 profiles, 50000
            figures, 300 units, seed 1): Chinese and English text, a district → subdistrict →
            community → grid tree, all published in both locales. Boots Strapi in-process on
            the database .env names: stop a server using the same SQLite file first.
  search-reindex
            Rebuild the search index from the published records, in batches (the server does
            it by itself at boot when the index is empty or of an older version). Boots Strapi
            in-process on the database .env names: stop a server using the same SQLite file first.

Exit codes: 0 done, 1 failed, 2 usage error, 3 the input is not usable text.
`;

class UsageError extends Error {}

const ARGUMENTS = {
  extract: { dateline: { type: 'string' }, json: { type: 'boolean' }, max: { type: 'string' } },
  import: {
    dateline: { type: 'string' },
    as: { type: 'string' },
    title: { type: 'string' },
    locale: { type: 'string' },
    force: { type: 'boolean' },
  },
};

/** Options and the one FILE argument of `command`, checked; throws UsageError. */
function parseCommand(command, args) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: ARGUMENTS[command], allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`${command}: FILE is required`);
  if (positionals.length > 1) throw new UsageError(`${command}: one FILE only (got ${positionals.length})`);
  const { isValidDateline } = require('./lib/text-tools').loadTextTools();
  if (values.dateline === undefined) throw new UsageError(`${command}: --dateline YYYY-MM-DD is required (the report's date)`);
  if (!isValidDateline(values.dateline)) {
    throw new UsageError(`${command}: --dateline "${values.dateline}" is not a real date in the form YYYY-MM-DD`);
  }
  if (values.max !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(values.max)) throw new UsageError(`${command}: --max must be a whole number from 1 (got "${values.max}")`);
    values.max = Number(values.max);
  }
  if (command === 'import') {
    if (!values.as || !/^[^\s@]+@[^\s@]+$/.test(values.as)) {
      throw new UsageError('import: --as EMAIL is required (the admin user who will own the draft)');
    }
    if (values.locale !== undefined && !['zh-Hans', 'en'].includes(values.locale)) {
      throw new UsageError(`import: --locale must be zh-Hans or en (got "${values.locale}")`);
    }
    if (values.title !== undefined && !values.title.trim()) throw new UsageError('import: --title must not be empty');
  }
  return { file: positionals[0], ...values };
}

async function extractCommand(args) {
  const options = parseCommand('extract', args);
  require('./lib/extract').runExtract(options);
}

async function importCommand(args) {
  const options = parseCommand('import', args);
  const result = await require('./lib/import').runImport({
    file: options.file,
    dateline: options.dateline,
    email: options.as,
    title: options.title,
    locale: options.locale,
    force: Boolean(options.force),
  });
  console.log(
    [
      `chronicle: imported "${result.report.title}" as a draft for ${options.as}`,
      `  field report ${result.report.documentId} (${result.report.locale})`,
      `  ${result.events.length} draft timeline events, ${result.statistics.length} draft figures linked to it`,
    ].join('\n')
  );
}

async function generateCommand(args) {
  const { parseGenerateOptions, runGenerate, GenerateUsageError } = require('./lib/generate');
  const names = ['events', 'profiles', 'statistics', 'units', 'seed'];
  // `--events -5` would read as two options: keep it a value, so the message can name it.
  const joined = args.map((a, i) => (/^-\d/.test(a) && /^--\w/.test(args[i - 1] ?? '') ? null : /^--\w/.test(a) && /^-\d/.test(args[i + 1] ?? '') ? `${a}=${args[i + 1]}` : a)).filter((a) => a !== null);
  let options;
  try {
    const { values, positionals } = parseArgs({ args: joined, options: Object.fromEntries(names.map((n) => [n, { type: 'string' }])), allowPositionals: true, strict: true });
    if (positionals.length) throw new UsageError(`generate: unexpected argument "${positionals[0]}"`);
    options = parseGenerateOptions(values);
  } catch (error) {
    // parseArgs, our own checks and parseGenerateOptions all fail the same way: usage, exit 2.
    throw error instanceof UsageError ? error : new UsageError(error instanceof GenerateUsageError ? error.message : `generate: ${error.message}`);
  }
  const result = await runGenerate(options);
  const rate = result.seconds ? Math.round(result.events / result.seconds) : result.events;
  console.log(
    [
      `chronicle: generated newsroom ${result.tag} in ${result.seconds} s`,
      `  ${result.units} units, ${result.profiles} profiles, ${result.statistics} figures, ${result.events} events (${rate} events/s)`,
      `  ${result.rows} document rows and ${result.links} relation links, published in zh-Hans and en`,
      `  seconds by phase: ${Object.entries(result.phases).map(([phase, s]) => `${phase} ${s}`).join(', ')}`,
    ].join('\n')
  );
}

async function searchReindexCommand(args) {
  if (args.length) throw new UsageError(`search-reindex: takes no argument (got "${args[0]}")`);
  const { counts, seconds } = await require('./lib/search-reindex').runSearchReindex();
  console.log(
    `chronicle: search index rebuilt in ${seconds} s: ${Object.entries(counts)
      .map(([type, n]) => `${n} ${type}`)
      .join(', ')} entries (one per record and language)`
  );
}

async function demo() {
  const { created } = ensureEnvFile();
  if (created) console.log('chronicle: wrote .env with fresh secrets');
  loadEnv();
  process.env.DATABASE_CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
  const password = process.env.DEMO_PASSWORD || demoPassword();

  require('./lib/build').buildAll({ admin: true });

  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  // The demo loader is tooling: the production server (`npm start`) does not load it.
  await require('./lib/tooling').loadWithTooling(app);
  const service = app.plugin('chronicle').service('demo');
  const accounts = await service.ensureAccounts(password);
  const counts = await service.load();
  await app.listen();

  const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
  const url = `http://${host}:${app.config.get('server.port')}`;
  const siteBase = String(app.config.get('plugin::chronicle.sitePath') || '/');
  const lines = [
    '',
    'Chronicle demo newsroom is running.',
    `  Admin panel:   ${url}/admin`,
    `  Public site:   ${url}${siteBase}  (honour roll: ${url}${siteBase}${siteBase.endsWith('/') ? '' : '/'}honours)`,
    `  Health check:  ${url}/_health`,
    `  Demo data:     ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    '  Accounts (password for all: ' + password + '):',
    ...accounts.map((a) => `    ${a.email.padEnd(28)} ${a.role}`),
    '',
  ];
  console.log(lines.join('\n'));
}

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo':
      return demo();
    case 'extract':
      return extractCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'generate':
      return generateCommand(rest);
    case 'search-reindex':
      return searchReindexCommand(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return undefined;
    default:
      process.stderr.write(`chronicle: unknown command "${command}"\n\n${USAGE}`);
      process.exitCode = 2;
      return undefined;
  }
}

main(process.argv.slice(2)).catch((error) => {
  // A failed bulk insert's message carries the whole statement: the first line is the news.
  const full = error && error.message ? error.message : String(error);
  const message = full.length > 600 ? `${full.slice(0, 300)} … ${full.slice(-300)}` : full;
  if (error instanceof UsageError) {
    process.stderr.write(`chronicle: ${message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`chronicle: ${message}`);
  process.exit(error && error.constructor && error.constructor.name === 'InputError' ? 3 : 1);
});
