/**
 * The plugin's Chinese text tools for command-line use, without booting Strapi: the
 * compiled modules in plugins/chronicle/dist/server/text. The plugin is (re)built first
 * when that output is missing or older than its TypeScript sources, so a fresh clone and an
 * edited rule both just work; the build's own output goes to stderr, keeping stdout for
 * the command's result (`--json` stays parseable).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./env');

const serverSrc = path.join(root, 'plugins', 'chronicle', 'server', 'src');
const serverDist = path.join(root, 'plugins', 'chronicle', 'dist', 'server');

/** Newest modification time of the .ts/.json sources under `dir` (tests excluded). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/server exists and is at least as new as every server source. */
function pluginIsCurrent() {
  const entry = path.join(serverDist, 'index.js');
  const text = path.join(serverDist, 'text', 'proposals.js');
  if (!fs.existsSync(entry) || !fs.existsSync(text)) return false;
  if (!fs.existsSync(serverSrc)) return true; // an installed copy without sources
  return fs.statSync(entry).mtimeMs >= newestSource(serverSrc);
}

function ensurePluginBuilt() {
  if (pluginIsCurrent()) return;
  process.stderr.write('chronicle: building the plugin (its compiled output is missing or older than its sources)\n');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-plugin.js')], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

function loadTextTools() {
  ensurePluginBuilt();
  return require(path.join(serverDist, 'text'));
}

module.exports = { loadTextTools, ensurePluginBuilt, pluginIsCurrent };
