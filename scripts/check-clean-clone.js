#!/usr/bin/env node
/**
 * Proves that the unit tests need nothing outside the repository: clones the current commit
 * into an empty temporary folder (nothing beside it: no ../shared), links this checkout's
 * installed node_modules, runs the unit tests there and exits with their status. Run by CI.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim();
if (dirty) process.stderr.write('check:clean-clone: uncommitted changes are not part of the clone; testing HEAD\n');

const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-clone-'));
const clone = path.join(outer, 'chronicle');
let status = 1;
try {
  execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone], { stdio: 'inherit' });
  execFileSync('git', ['checkout', '--quiet', head], { cwd: clone, stdio: 'inherit' });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  const beside = fs.readdirSync(outer);
  if (beside.length !== 1) throw new Error(`the clone's folder is not alone: ${beside.join(', ')}`);
  process.stdout.write(`check:clean-clone: ${head.slice(0, 12)} in ${clone} (nothing beside it)\n`);
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest', { paths: [root] }), '--selectProjects', 'unit', '--ci'], {
    cwd: clone,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test', CHRONICLE_SEEDS: '' },
  });
  status = result.status ?? 1;
} finally {
  fs.rmSync(outer, { recursive: true, force: true });
}
process.exit(status);
