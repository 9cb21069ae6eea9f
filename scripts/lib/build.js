/**
 * Builds what Strapi runs: the plugin (always; seconds), the application's server code
 * (config/, src/ compiled to dist/) and, when asked, the admin panel. The admin bundle is
 * rebuilt only when its inputs changed since the last build, so a second `npm run demo`
 * starts in seconds.
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./env');

const run = (args, env = {}) =>
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

function buildPlugin() {
  run([path.join(root, 'scripts', 'build-plugin.js')]);
}

function buildServer() {
  run([require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')]);
}

const ADMIN_INPUTS = ['src/admin', 'plugins/chronicle/admin/src', 'package-lock.json', 'config/admin.ts'];

function hashInputs() {
  const hash = crypto.createHash('sha256');
  const walk = (p) => {
    const full = path.join(root, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      hash.update(p);
      hash.update(fs.readFileSync(full));
    }
  };
  ADMIN_INPUTS.forEach(walk);
  return hash.digest('hex');
}

/** Compile everything; rebuild the admin bundle only when `admin` and its inputs changed. */
function buildAll({ admin }) {
  buildPlugin();
  const marker = path.join(root, 'dist', '.admin-inputs');
  const hash = hashInputs();
  const adminIsCurrent =
    fs.existsSync(path.join(root, 'dist', 'build', 'index.html')) &&
    fs.existsSync(marker) &&
    fs.readFileSync(marker, 'utf8') === hash;
  if (admin && !adminIsCurrent) {
    run([path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js'), 'build', '--minify'], { NODE_ENV: 'production' });
    fs.writeFileSync(marker, hash);
  } else {
    buildServer();
  }
}

module.exports = { buildPlugin, buildServer, buildAll };
