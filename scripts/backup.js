#!/usr/bin/env node
/**
 * `npm run backup [-- --out DIR]`: everything a newsroom would miss — its documents in every
 * locale and state, their relations, the media library with its files, and the configuration
 * (layouts, settings) — in one file, using Strapi's own export (backups/chronicle-<time>.tar.gz).
 * Admin accounts are not part of Strapi's export: note them separately.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root, loadEnv } = require('./lib/env');
const { buildPlugin, buildServer } = require('./lib/build');

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
if (args.some((a, i) => a.startsWith('-') && a !== '--out') || (outIndex !== -1 && !args[outIndex + 1])) {
  console.error('Usage: npm run backup [-- --out DIR]');
  process.exit(2);
}
const dir = path.resolve(root, outIndex === -1 ? 'backups' : args[outIndex + 1]);
fs.mkdirSync(dir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const base = path.join(dir, `chronicle-${stamp}`);

loadEnv();
// Tests build once up front and set CHRONICLE_SKIP_BUILD.
if (!process.env.CHRONICLE_SKIP_BUILD) {
  buildPlugin();
  buildServer();
}
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
const result = spawnSync(process.execPath, [strapiBin, 'export', '--no-encrypt', '-f', base], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
if (result.status !== 0) {
  console.error('backup: the export failed; nothing was written');
  process.exit(result.status || 1);
}
console.log(`backup: ${base}.tar.gz`);
