/**
 * The plugin's server layers point one way (docs/architecture.md, "What may import what"):
 * no import cycle anywhere in the server source, and no import against the direction of the
 * layers. The import graph is read with the TypeScript compiler's own pre-processor, type-only
 * imports included (a type import still ties two modules together for the reader).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');

const isSource = (file: string) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts');
const isTest = (path: string) => path.split('/').some((part) => part === '__tests__' || part === '__fixtures__');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : isSource(name) ? [full] : [];
  });

/** Module id: the path under src/, with '/' separators. */
const idOf = (file: string) => relative(ROOT, file).split(sep).join('/');

const resolveLocal = (from: string, spec: string): string | undefined => {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((c) => {
    try {
      return statSync(c).isFile() && isSource(c);
    } catch {
      return false;
    }
  });
};

interface Graph {
  /** Local edges: module id → module ids it imports. */
  local: Map<string, string[]>;
  /** Package imports: module id → package specifiers. */
  packages: Map<string, string[]>;
}

export const importGraph = (root: string): Graph => {
  const local = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of walk(root)) {
    const id = idOf(file);
    if (isTest(id)) continue;
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const specs = info.importedFiles.map((f) => f.fileName);
    local.set(
      id,
      specs
        .filter((s) => s.startsWith('.'))
        .map((s) => resolveLocal(file, s))
        .filter((f): f is string => Boolean(f))
        .map(idOf),
    );
    packages.set(
      id,
      specs.filter((s) => !s.startsWith('.')),
    );
  }
  return { local, packages };
};

/** Every strongly connected group of more than one module (or a module importing itself). */
export const cyclesOf = (edges: Map<string, string[]>): string[][] => {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (edges.get(v) ?? []).includes(v)) groups.push(group.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!indices.has(v)) visit(v);
  return groups;
};

const layerOf = (id: string) => id.split('/')[0];

const GLUE = ['services', 'middlewares', 'controllers', 'policies', 'routes', 'site', 'repositories', 'request-context.ts', 'get-service.ts'];
/**
 * What each layer may not import (by first path segment under src/). Pure layers import no
 * glue; services import no request handling (middlewares, controllers, policies), and reach a
 * sibling service by its own type rather than through get-service.ts (which imports them all).
 */
const FORBIDDEN: Record<string, string[]> = {
  domain: GLUE,
  text: GLUE,
  validation: GLUE,
  contracts: [...GLUE, 'text', 'validation'],
  services: ['middlewares', 'controllers', 'policies', 'get-service.ts'],
  repositories: ['services', 'middlewares', 'controllers', 'policies', 'routes', 'get-service.ts'],
  site: ['middlewares', 'controllers', 'policies', 'routes', 'request-context.ts', 'get-service.ts'],
};
/** Layers whose modules import no Strapi package: pure logic, tested without booting it. */
const STRAPI_FREE = ['domain', 'text', 'validation', 'contracts'];

export const violationsOf = (graph: Graph): string[] => {
  const found: string[] = [];
  for (const [from, targets] of graph.local) {
    const forbidden = FORBIDDEN[layerOf(from)] ?? [];
    for (const to of targets) {
      if (forbidden.includes(layerOf(to))) found.push(`${from} imports ${to}`);
    }
  }
  for (const [from, specs] of graph.packages) {
    if (!STRAPI_FREE.includes(layerOf(from))) continue;
    for (const spec of specs) if (spec.startsWith('@strapi/')) found.push(`${from} imports ${spec}`);
  }
  return found.sort();
};

describe('server layers', () => {
  const graph = importGraph(ROOT);

  it('reads the whole server source', () => {
    expect(graph.local.size).toBeGreaterThan(100);
    expect(graph.local.get('index.ts')).toEqual(expect.arrayContaining(['register.ts', 'bootstrap.ts']));
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph.local)).toEqual([]);
  });

  it('imports only in the direction of the layers', () => {
    expect(violationsOf(graph)).toEqual([]);
  });

  it('sees a cycle and a wrong direction when there is one', () => {
    const edges = new Map([
      ['services/a.ts', ['services/b.ts']],
      ['services/b.ts', ['get-service.ts']],
      ['get-service.ts', ['services/a.ts']],
      ['domain/x.ts', []],
    ]);
    expect(cyclesOf(edges)).toEqual([['get-service.ts', 'services/a.ts', 'services/b.ts']]);
    expect(
      violationsOf({
        local: new Map([
          ['domain/x.ts', ['services/a.ts']],
          ['services/a.ts', ['middlewares/m.ts', 'domain/x.ts']],
          ['middlewares/m.ts', ['services/a.ts']],
        ]),
        packages: new Map([['text/t.ts', ['@strapi/utils', 'luxon']]]),
      }),
    ).toEqual(['domain/x.ts imports services/a.ts', 'services/a.ts imports middlewares/m.ts', 'text/t.ts imports @strapi/utils']);
  });
});
