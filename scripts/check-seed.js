#!/usr/bin/env node
/**
 * `npm run check:seed [-- DIR]`: the checks that need the source newspaper page (the seed
 * folder, default ../shared/seeds beside the project): the demo data takes its facts from the
 * seed and copies none of its sentences, and the extraction's in-sample score on the annotated
 * seed page. The seed is not in the repository, so these are not part of `npm test`.
 * Exits 1 with a clear message when the folder is missing.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const [dirArg, ...jestArgs] = process.argv.slice(2);
const seeds = path.resolve(dirArg && !dirArg.startsWith('-') ? dirArg : process.env.CHRONICLE_SEEDS || path.join(root, '..', 'shared', 'seeds'));
const rest = dirArg && dirArg.startsWith('-') ? [dirArg, ...jestArgs] : jestArgs;

if (!fs.existsSync(seeds) || !fs.statSync(seeds).isDirectory()) {
  process.stderr.write(
    `check:seed: seed folder not found at ${seeds}.\n` +
      'Give its path: npm run check:seed -- /path/to/seeds (the folder with the source page .txt files).\n'
  );
  process.exit(1);
}
if (!fs.readdirSync(seeds).some((f) => f.endsWith('.txt'))) {
  process.stderr.write(`check:seed: no .txt file in ${seeds}.\n`);
  process.exit(1);
}

const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--selectProjects', 'seed', ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', CHRONICLE_SEEDS: seeds },
});
process.exit(result.status ?? 1);
