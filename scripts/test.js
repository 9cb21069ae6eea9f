#!/usr/bin/env node
/**
 * `npm test`: builds the plugin and the application's server code, then runs the unit tests
 * and the API tests (one real Strapi per file, one file at a time; the Redis test only with PostgreSQL,
 * where the services are expected). With DATABASE_CLIENT=postgres, or
 * --api-only, only the API tests run; with --e2e, only the browser tests (after building the
 * admin panel if its inputs changed). Extra arguments go to jest.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { buildAll, buildPlugin, buildServer } = require('./lib/build');

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const apiOnly = args.includes('--api-only') || process.env.DATABASE_CLIENT === 'postgres';
const jestArgs = args.filter((a) => a !== '--api-only' && a !== '--e2e');
const root = path.resolve(__dirname, '..');

if (e2e) buildAll({ admin: true });
else {
  buildPlugin();
  buildServer();
}

/**
 * Tests that need a service beyond the database (Redis at REDIS_URL or 127.0.0.1:6379) run in
 * the PostgreSQL pass only: `npm test` needs nothing but the repository and `npm ci`.
 */
const SERVICE_TESTS = ['tests/api/rate-limit-redis.test.ts'];
const API_WORKER_MEMORY = process.env.CHRONICLE_TEST_WORKER_MEMORY || '1GB';
const withServices = process.env.DATABASE_CLIENT === 'postgres';

// Array options (such as the ignore patterns) go last: jest would read the file arguments after them as more values.
const jest = (project, extra, last = []) => {
  const result = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--selectProjects', project, ...extra, ...jestArgs, ...last],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } }
  );
  return result.status ?? 1;
};

let status = 0;
if (e2e) status = jest('e2e', ['--runInBand']);
else {
  if (!apiOnly) status = jest('unit', []) || status;
  const ignore = withServices ? [] : SERVICE_TESTS.map((f) => `--testPathIgnorePatterns=${f.replace(/\./g, '\\.')}`);
  // One file at a time, in one worker that jest replaces once it holds more than API_WORKER_MEMORY
  // after a file: in band, every Strapi booted by the suite stayed in one heap (3.4 GB by the
  // end), and the last files ran two to three times slower than alone, in the garbage collector.
  status = jest('api', ['--maxWorkers=1', `--workerIdleMemoryLimit=${API_WORKER_MEMORY}`], ignore) || status;
}
process.exit(status);
