/**
 * Runtime apart from tooling, read from the source: nothing the plugin's entry (index.ts)
 * reaches through its imports is in tooling/ or demo/, so a production server cannot load them
 * however it is started. tests/api/tooling.test.ts checks the same on a booted server.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');

const resolveLocal = (from: string, spec: string): string | undefined => {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}.json`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => {
    try {
      return statSync(c).isFile() && /\.(tsx?|json)$/.test(c);
    } catch {
      return false;
    }
  });
};

/** Every source module reached from `entry` (ids relative to src/), type-only imports included. */
const reachedFrom = (entry: string): Set<string> => {
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop() as string;
    const id = relative(ROOT, file).split(sep).join('/');
    if (seen.has(id)) continue;
    seen.add(id);
    if (file.endsWith('.json')) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveLocal(file, fileName);
      if (target) queue.push(target);
    }
  }
  return seen;
};

const isTooling = (id: string) => id.startsWith('tooling/') || id.startsWith('demo/');

describe('runtime apart from tooling', () => {
  it('the plugin entry reaches the runtime modules and none of tooling/ or demo/', () => {
    const runtime = reachedFrom('index.ts');
    expect(runtime.size).toBeGreaterThan(100);
    expect([...runtime]).toEqual(expect.arrayContaining(['services/workflow.ts', 'controllers/public-api.ts', 'text/dates/index.ts']));
    expect([...runtime].filter(isTooling)).toEqual([]);
  });

  it('the tooling entry reaches the demo loader, its data, the generator and the bench controller', () => {
    const tooling = reachedFrom('tooling/index.ts');
    expect([...tooling]).toEqual(
      expect.arrayContaining([
        'tooling/demo.ts',
        'tooling/generator.ts',
        'tooling/bench.ts',
        'demo/data.ts',
        'demo/data/units.json',
        'demo/synthetic.ts',
      ]),
    );
  });
});
