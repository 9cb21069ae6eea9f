#!/usr/bin/env node
/**
 * The `chronicle` command-line tool.
 *   chronicle demo     build, start the newsroom on SQLite with demo data, print the accounts
 */
const path = require('node:path');
const { root, ensureEnvFile, loadEnv, demoPassword } = require('./lib/env');

const USAGE = `Usage: chronicle <command>

Commands:
  demo    Build, start Chronicle on SQLite with the demo newsroom, and print the demo accounts.
          Honours PORT, HOST, DATABASE_FILENAME and DEMO_PASSWORD.
`;

async function demo() {
  const { created } = ensureEnvFile();
  if (created) console.log('chronicle: wrote .env with fresh secrets');
  loadEnv();
  process.env.DATABASE_CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
  const password = process.env.DEMO_PASSWORD || demoPassword();

  require('./lib/build').buildAll({ admin: true });

  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  await app.load();
  const service = app.plugin('chronicle').service('demo');
  const accounts = await service.ensureAccounts(password);
  const counts = await service.load();
  await app.listen();

  const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
  const url = `http://${host}:${app.config.get('server.port')}`;
  const lines = [
    '',
    'Chronicle demo newsroom is running.',
    `  Admin panel:   ${url}/admin`,
    `  Health check:  ${url}/_health`,
    `  Demo data:     ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    '  Accounts (password for all: ' + password + '):',
    ...accounts.map((a) => `    ${a.email.padEnd(28)} ${a.role}`),
    '',
  ];
  console.log(lines.join('\n'));
}

async function main(argv) {
  const [command] = argv;
  switch (command) {
    case 'demo':
      return demo();
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
  console.error(`chronicle: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
