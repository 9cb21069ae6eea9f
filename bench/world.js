/**
 * What bench/run.js measures Chronicle against (issue 19), each in a child process of its own:
 *
 * - `startBare(file)`: a bare Node `http` server answering every GET with the bytes of `file`
 *   (application/json, Content-Length, keep-alive): the limit of this machine and Node.
 * - `startStock(file)`: a stock Strapi 5 app, written to a temporary directory under `.tmp/`
 *   (so it resolves the installed `@strapi/*` packages) and started from them: the default
 *   project's middlewares and the users-permissions plugin, one API `bench` whose route
 *   `GET /api/bench/constant` answers the same bytes from a constant Buffer (and
 *   `/api/bench/page` the site page's bytes, as the bare server's `/page`), granted to the
 *   Public role as a stock project's editor would grant it (so Strapi's authentication and
 *   permission check run, as they do for Chronicle's public routes); SQLite in the temp
 *   directory, no admin panel. Nothing of Chronicle is loaded.
 *
 * Both resolve to `{ port, stop() }`.
 */
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { fork } = require('node:child_process');
const { root } = require('./lib');

function child(args, env = {}) {
  const proc = fork(__filename, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${args[0]} exited with code ${code}`)));
    proc.on('message', (m) => {
      if (!m.ready) return;
      resolve({
        port: m.port,
        stop: () =>
          new Promise((done) => {
            proc.removeAllListeners('exit');
            proc.once('exit', done);
            proc.kill('SIGTERM');
          }),
      });
    });
  });
}

/** `file` at every path, `pageFile` (if given) at `/page`. */
const startBare = (file, pageFile = file) => child(['--bare', file, pageFile]);

/** The stock app's files: a minimal Strapi 5 project in JavaScript. */
function writeStockApp(dir, file, pageFile) {
  const w = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w('package.json', JSON.stringify({ name: 'stock-bench', private: true, version: '0.0.0', dependencies: { '@strapi/strapi': '5.54.0', '@strapi/plugin-users-permissions': '5.54.0' }, strapi: { uuid: 'bench-stock', telemetryDisabled: true } }, null, 2));
  w('config/server.js', "module.exports = ({ env }) => ({ host: '127.0.0.1', port: 0, app: { keys: ['k1', 'k2'] }, logger: { updates: { enabled: false } }, cron: { enabled: false } });\n");
  w('config/admin.js', "module.exports = () => ({ auth: { secret: 'bench-admin' }, apiToken: { salt: 'bench-salt' }, transfer: { token: { salt: 'bench-transfer' } }, secrets: { encryptionKey: 'bench-encryption-key' }, serveAdminPanel: false });\n");
  w('config/database.js', `module.exports = () => ({ connection: { client: 'sqlite', connection: { filename: ${JSON.stringify(path.join(dir, 'data.db'))} }, useNullAsDefault: true } });\n`);
  // The default project's list (create-strapi-app 5).
  w('config/middlewares.js', "module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n");
  w('config/plugins.js', "module.exports = { 'users-permissions': { config: { jwtSecret: 'bench-jwt-secret' } } };\n");
  w('config/api.js', "module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };\n");
  w('src/api/bench/routes/bench.js', "module.exports = { routes: [{ method: 'GET', path: '/bench/constant', handler: 'bench.constant', config: { policies: [] } }, { method: 'GET', path: '/bench/page', handler: 'bench.page', config: { policies: [] } }] };\n");
  w(
    'src/api/bench/controllers/bench.js',
    `const fs = require('node:fs');\nconst body = fs.readFileSync(${JSON.stringify(file)});\nconst page = fs.readFileSync(${JSON.stringify(pageFile)});\nmodule.exports = {\n  constant(ctx) { ctx.type = 'application/json; charset=utf-8'; ctx.body = body; },\n  page(ctx) { ctx.type = 'text/html; charset=utf-8'; ctx.body = page; },\n};\n`
  );
  w(
    'src/index.js',
    `module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    for (const action of ['api::bench.bench.constant', 'api::bench.bench.page']) {
      const have = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { role: role.id, action } });
      if (!have) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  },
};\n`
  );
  w('favicon.png', '');
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
}

async function startStock(file, pageFile = file) {
  const dir = path.join(root, '.tmp', `bench-stock-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  writeStockApp(dir, file, pageFile);
  const server = await child(['--stock', dir], { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', HOST: '127.0.0.1', PORT: '0', BROWSER: 'false' });
  return {
    port: server.port,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startBare, startStock };

if (require.main === module && process.argv[2] === '--bare') {
  const json = fs.readFileSync(process.argv[3]);
  const page = fs.readFileSync(process.argv[4] ?? process.argv[3]);
  const server = http.createServer((req, res) => {
    const [body, type] = req.url === '/page' ? [page, 'text/html; charset=utf-8'] : [json, 'application/json; charset=utf-8'];
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.byteLength });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.keepAliveTimeout = 30000;
  server.listen(0, '127.0.0.1', () => process.send({ ready: true, port: server.address().port }));
}

if (require.main === module && process.argv[2] === '--stock') {
  (async () => {
    const dir = process.argv[3];
    const { createStrapi } = require('@strapi/strapi');
    const strapi = await createStrapi({ appDir: dir, distDir: dir }).load();
    strapi.log.level = 'warn';
    for (const t of strapi.log.transports ?? []) t.level = 'warn';
    await strapi.listen();
    process.on('SIGTERM', async () => {
      await strapi.destroy();
      process.exit(0);
    });
    process.send({ ready: true, port: strapi.server.httpServer.address().port });
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
