/**
 * `chronicle search-reindex`: boots Strapi in this process on the database that .env (or the
 * environment) names, rebuilds the search index from the published records in batches
 * (plugins/chronicle/server/src/services/search-index.ts) and stops. Needed after writing
 * rows past the Document Service (a restore, a hand-made SQL fix); the server rebuilds by
 * itself at boot when the index is empty or of an older version. On SQLite, stop any server
 * using the same file first (like `import`).
 */
const path = require('node:path');
const { root, ensureEnvFile, loadEnv } = require('./env');

async function runSearchReindex(log = (line) => process.stderr.write(`${line}\n`)) {
  ensureEnvFile();
  loadEnv();
  process.env.DATABASE_CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
  process.env.CRON_ENABLED = 'false';
  require('./text-tools').ensurePluginBuilt();
  require('./import').ensureServerBuilt();
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  await app.load();
  try {
    const started = Date.now();
    let last = 0;
    const counts = await app.plugin('chronicle').service('search-index').rebuild((type, count) => {
      if (Date.now() - last > 2000) {
        last = Date.now();
        log(`chronicle: search index: ${type} ${count.toLocaleString('en')}`);
      }
    });
    return { counts, seconds: Math.round((Date.now() - started) / 100) / 10 };
  } finally {
    await app.destroy();
  }
}

module.exports = { runSearchReindex };
