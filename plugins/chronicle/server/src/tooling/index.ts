/**
 * Tooling: what the command-line tool, `npm run demo`, the tests and the benchmark add to a
 * Chronicle server, and the production server never loads. The plugin's entry (../index.ts)
 * imports nothing from this folder; a production boot (`strapi start`) therefore has no demo
 * loader, no bulk generator and no benchmark routes (tests/api/tooling.test.ts checks it).
 *
 *  - services `demo` (./demo.ts: the demo newsroom, ../demo/data) and `generator`
 *    (./generator.ts: synthetic newsrooms in bulk), reached as
 *    `strapi.plugin('chronicle').service('demo' | 'generator')`;
 *  - with `bench`, the benchmark's two content-api routes and their controller (./bench.ts),
 *    granted to the Public role like every public route.
 *
 * Users: scripts/chronicle.js (demo), scripts/lib/generate.js (generate), bench/lib.js, and
 * tests/helpers/strapi.ts. Each boots Strapi with `loadWithTooling(createStrapi(…))` instead
 * of `.load()`. Routes must be in the plugin's route table before Strapi's bootstrap
 * registers it, so the tooling is added between the register and bootstrap phases.
 */
import type { Core } from '@strapi/strapi';
import bench from './bench';
import demo from './demo';
import generator from './generator';

const PLUGIN = 'plugin::chronicle';

export interface ToolingOptions {
  /** Add the benchmark routes (GET /api/chronicle/bench/constant and /bench/stock). */
  bench?: boolean;
}

/** The benchmark routes, as bench/run.js calls them. Policies as every public route has them. */
export const BENCH_ROUTES = [
  { method: 'GET', path: '/bench/constant', handler: 'bench.constant', config: { policies: [] as string[] } },
  { method: 'GET', path: '/bench/stock', handler: 'bench.stock', config: { policies: [] as string[] } },
];

/** Services the tooling adds, by name. */
export const TOOLING_SERVICES = { demo, generator };

/**
 * Add the tooling to a Strapi whose register phase has run and whose bootstrap has not (the
 * services could come later; the routes could not). Adding it twice is an error, as it is for
 * any Strapi service.
 */
export function registerTooling(strapi: Core.Strapi, options: ToolingOptions = {}): void {
  strapi.get('services').add(PLUGIN, TOOLING_SERVICES);
  if (options.bench) {
    strapi.get('controllers').add(PLUGIN, { bench });
    const contentApi = (strapi.plugin('chronicle').routes as Record<string, { routes: unknown[] }>)['content-api'];
    contentApi.routes.push(...BENCH_ROUTES.map((route) => ({ ...route, config: { ...route.config } })));
  }
}

/** `app.load()` with the tooling added between its two phases: what `strapi.load()` does, plus the tooling. */
export async function loadWithTooling(app: Core.Strapi, options: ToolingOptions = {}): Promise<Core.Strapi> {
  await app.register();
  registerTooling(app, options);
  await app.bootstrap();
  // What load() sets, so that start() does not load a second time.
  (app as unknown as { isLoaded: boolean }).isLoaded = true;
  return app;
}
