#!/usr/bin/env node
/**
 * Compiles the chronicle plugin to plugins/chronicle/dist (server as CommonJS, admin as ES
 * modules for the admin bundler). Strapi reads only the compiled server entry: a missing
 * or TypeScript entry would silently load an empty plugin. Then checks the demo newsroom's
 * JSON files (server/src/demo/data) against their schema: a malformed file fails the build,
 * naming the file and the path of each bad value.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const plugin = path.join(root, 'plugins', 'chronicle');
const tsc = require.resolve('typescript/bin/tsc');

fs.rmSync(path.join(plugin, 'dist'), { recursive: true, force: true });
for (const part of ['server', 'admin']) {
  execFileSync(process.execPath, [tsc, '-p', path.join(plugin, part, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
}
const entry = path.join(plugin, 'dist', 'server', 'index.js');
if (!fs.existsSync(entry)) {
  console.error(`build-plugin: ${entry} was not produced`);
  process.exit(1);
}
const { checkDemoDataDir } = require(path.join(plugin, 'dist', 'server', 'demo', 'check.js'));
try {
  checkDemoDataDir(path.join(plugin, 'server', 'src', 'demo', 'data'));
} catch (error) {
  console.error(`build-plugin: ${error.message}`);
  process.exit(1);
}
console.log('chronicle plugin built: dist/server and dist/admin; demo data checked');
