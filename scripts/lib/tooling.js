/**
 * The plugin's tooling (plugins/chronicle/server/src/tooling: the demo loader, the bulk
 * generator, the benchmark routes) for the scripts that need it. The production server
 * never loads it; a script boots with `loadWithTooling(createStrapi(…))` instead of `.load()`.
 * Reads the built plugin (dist), the same modules Strapi itself loads.
 */
const path = require('node:path');
const { root } = require('./env');

const TOOLING = path.join(root, 'plugins', 'chronicle', 'dist', 'server', 'tooling');

/** `app.load()` plus the tooling; `{ bench: true }` adds the benchmark routes too. */
function loadWithTooling(app, options = {}) {
  return require(TOOLING).loadWithTooling(app, options);
}

module.exports = { loadWithTooling, TOOLING };
