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
// The admin imports the types of the contracts from ../server/src/contracts (type-only), so
// its tsconfig's rootDir is the plugin folder and tsc writes admin/src/** (and the contract
// modules it read) under dist/admin-tsc. The bundle takes admin/src alone, as dist/admin.
const adminTsc = path.join(plugin, 'dist', 'admin-tsc');
fs.renameSync(path.join(adminTsc, 'admin', 'src'), path.join(plugin, 'dist', 'admin'));
fs.rmSync(adminTsc, { recursive: true, force: true });
const serverImport = /from\s+['"][^'"]*\/server\/src\//;
for (const file of fs.readdirSync(path.join(plugin, 'dist', 'admin'), { recursive: true })) {
  const full = path.join(plugin, 'dist', 'admin', String(file));
  if (full.endsWith('.js') && serverImport.test(fs.readFileSync(full, 'utf8'))) {
    console.error(`build-plugin: ${full} imports server code at run time (only \`import type\` may reach ../server/src)`);
    process.exit(1);
  }
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
