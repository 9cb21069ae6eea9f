/**
 * `chronicle import FILE --dateline YYYY-MM-DD --as EMAIL [--title …] [--locale zh-Hans]`:
 * boots Strapi in this process on the database that .env (or the environment) names,
 * creates a draft field report owned by that admin user with the proposals as draft events
 * and figures linked to it, and stops. Nothing is listened on.
 *
 * It opens the database directly, so on SQLite it must not run while a server uses the
 * same file: two Strapi processes on one SQLite file race on schema sync and locks. When a
 * Chronicle server answers on PORT and the database is SQLite, the import refuses unless
 * `--force` is given (e.g. the server uses another file).
 */
const fs = require('node:fs');
const path = require('node:path');
const { root, loadEnv } = require('./env');
const { readReportText } = require('./input');
const { loadTextTools, ensurePluginBuilt } = require('./text-tools');
const { buildServer } = require('./build');

class ImportError extends Error {}

function newestMtime(dir, skip) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.includes(full)) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, skip));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The application's config and src compiled to dist/, rebuilt only when older than the sources. */
function ensureServerBuilt() {
  const marker = path.join(root, 'dist', 'config', 'database.js');
  const sources = Math.max(newestMtime(path.join(root, 'config'), []), newestMtime(path.join(root, 'src'), [path.join(root, 'src', 'admin')]));
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= sources) return;
  process.stderr.write('chronicle: compiling the application (config/, src/)\n');
  buildServer();
}

/** Whether a Strapi answers /_health on this machine's PORT. */
async function serverAnswers() {
  const port = process.env.PORT || '1337';
  try {
    const res = await fetch(`http://127.0.0.1:${port}/_health`, { signal: AbortSignal.timeout(1500) });
    return res.status === 204 ? `http://127.0.0.1:${port}` : null;
  } catch {
    return null;
  }
}

/**
 * Waits until the database pool is idle. Strapi emits each document's entry.create event
 * after the commit, without awaiting it, and that event reads the document back: destroying
 * Strapi at once aborts those reads ("Error: aborted" from the pool). Bounded, so a stuck
 * query cannot hang the command.
 */
async function settle(app, { timeoutMs = 10000 } = {}) {
  const pool = app.db && app.db.connection && app.db.connection.client && app.db.connection.client.pool;
  if (!pool || typeof pool.numUsed !== 'function') return;
  const deadline = Date.now() + timeoutMs;
  let quietTicks = 0;
  while (Date.now() < deadline && quietTicks < 3) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    quietTicks = busy === 0 ? quietTicks + 1 : 0;
  }
}

async function runImport({ file, dateline, email, title, locale, force }) {
  // Read and check the text before paying for a Strapi boot.
  const tools = loadTextTools();
  const text = readReportText(file, tools);

  loadEnv();
  process.env.DATABASE_CLIENT = process.env.DATABASE_CLIENT || 'sqlite';
  if (process.env.DATABASE_CLIENT === 'sqlite' && !force) {
    const running = await serverAnswers();
    if (running) {
      throw new ImportError(
        `a Chronicle server is running at ${running}; stop it before importing into its SQLite database ` +
          '(or pass --force if it uses another database file)'
      );
    }
  }
  ensurePluginBuilt();
  ensureServerBuilt();

  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  await app.load();
  try {
    return await app.plugin('chronicle').service('extraction').importReport({ text, dateline, email, title, locale });
  } finally {
    await settle(app);
    await app.destroy();
  }
}

module.exports = { runImport, ImportError, ensureServerBuilt };
