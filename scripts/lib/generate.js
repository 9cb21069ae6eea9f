/**
 * `chronicle generate --events N --profiles N --statistics N [--units N] [--seed S]`: boots
 * Strapi in this process on the database that .env (or the environment) names, writes a
 * synthetic newsroom in bulk (plugins/chronicle/server/src/tooling/generator.ts) and stops.
 * On SQLite, stop any server using the same file first (like `import`).
 */
const path = require('node:path');
const { root, ensureEnvFile, loadEnv } = require('./env');

class GenerateUsageError extends Error {}

const LIMIT = 5_000_000;
const DEFAULTS = { events: 100000, profiles: 10000, statistics: 50000, units: 300, seed: 1 };

/** Counts from the command line: whole numbers only, with a clear message otherwise. */
function parseGenerateOptions(values) {
  const out = {};
  for (const [name, fallback] of Object.entries(DEFAULTS)) {
    const raw = values[name];
    if (raw === undefined) {
      out[name] = fallback;
      continue;
    }
    const min = name === 'units' ? 1 : 0;
    if (!/^\d+$/.test(String(raw).trim()) || !Number.isSafeInteger(Number(raw)) || Number(raw) < min) {
      throw new GenerateUsageError(`generate: --${name} must be a whole number ≥ ${min} (got "${raw}")`);
    }
    if (Number(raw) > LIMIT) throw new GenerateUsageError(`generate: --${name} must be at most ${LIMIT.toLocaleString('en')}`);
    out[name] = Number(raw);
  }
  return out;
}

async function runGenerate(options, log = (line) => process.stderr.write(`${line}\n`)) {
  ensureEnvFile();
  loadEnv();
  process.env.DATABASE_CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
  // This process only writes. Scheduled publishing belongs to the serving instances, and here its
  // minute tick would wait on the tables a PostgreSQL bulk load locks, then race the shutdown
  // (the process used to linger a minute on the pool's acquire timeout).
  process.env.CRON_ENABLED = 'false';
  require('./text-tools').ensurePluginBuilt();
  require('./import').ensureServerBuilt();
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  // The generator is tooling: the production server does not load it.
  await require('./tooling').loadWithTooling(app);
  try {
    return await app.plugin('chronicle').service('generator').generate({
      ...options,
      onProgress: (phase, count, seconds) => log(`chronicle: ${phase}: ${count.toLocaleString('en')} (${seconds} s)`),
    });
  } finally {
    await app.destroy();
  }
}

module.exports = { parseGenerateOptions, runGenerate, GenerateUsageError, DEFAULTS };
