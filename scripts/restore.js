#!/usr/bin/env node
/**
 * `npm run restore -- FILE`: replaces this database's newsroom (documents, relations, media
 * library and files, configuration) by a backup made with `npm run backup`. Destructive: the
 * current content is deleted first. Stop the server that uses the database before restoring.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root, loadEnv } = require('./lib/env');
const { buildPlugin, buildServer } = require('./lib/build');

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length) {
  console.error('Usage: npm run restore -- FILE.tar.gz');
  process.exit(2);
}
const full = path.resolve(process.cwd(), file);
if (!fs.existsSync(full) || !fs.statSync(full).isFile()) {
  console.error(`restore: ${full} is not a backup file`);
  process.exit(2);
}

loadEnv();
// Tests build once up front and set CHRONICLE_SKIP_BUILD.
if (!process.env.CHRONICLE_SKIP_BUILD) {
  buildPlugin();
  buildServer();
}
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
const result = spawnSync(process.execPath, [strapiBin, 'import', '-f', full, '--force'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (result.status !== 0) {
  console.error('restore: the import failed');
  process.exit(result.status || 1);
}
console.log(`restore: ${full} restored`);
