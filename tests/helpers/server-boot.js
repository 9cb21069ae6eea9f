/**
 * One Chronicle server in its own Node process, booted as `strapi start` boots it
 * (createStrapi({appDir, distDir}).load(), then listen) — or, with `--tooling` / `--bench`, as
 * `npm run demo` and bench/lib.js boot it (loadWithTooling). Says over IPC what it loaded:
 * the plugin's services and controllers, its routes, the Public role's chronicle grants, and
 * which of the tooling's compiled modules are in require.cache. Then waits for `stop`.
 * Used by tests/api/tooling.test.ts; the database and NODE_ENV come from the parent.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'plugins', 'chronicle', 'dist', 'server');
const TOOLING_DIRS = ['tooling', 'demo'].map((d) => path.join(dist, d) + path.sep);

async function main() {
  const mode = process.argv[2] ?? 'production';
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir: path.join(root, 'dist') });
  const strapi =
    mode === 'production' ? await app.load() : await require(path.join(dist, 'tooling')).loadWithTooling(app, { bench: mode === 'bench' });
  strapi.log.level = 'error';
  await strapi.listen();
  const plugin = strapi.plugin('chronicle');
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const grants = await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: publicRole.id } });
  process.send({
    ready: true,
    port: strapi.server.httpServer.address().port,
    services: Object.keys(plugin.services).sort(),
    controllers: Object.keys(plugin.controllers).sort(),
    routes: strapi.server
      .listRoutes()
      .map((layer) => `${layer.methods.filter((m) => m !== 'HEAD').join(',')} ${layer.path}`)
      .filter((r) => r.includes('/chronicle/'))
      .sort(),
    grants: grants.map((g) => g.action).filter((a) => a.startsWith('plugin::chronicle.')).sort(),
    loadedTooling: Object.keys(require.cache)
      .filter((file) => TOOLING_DIRS.some((dir) => file.startsWith(dir)))
      .map((file) => path.relative(dist, file))
      .sort(),
    nodeEnv: process.env.NODE_ENV,
  });
  process.on('message', async (message) => {
    if (message && message.command === 'stop') {
      await strapi.destroy();
      process.exit(0);
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
