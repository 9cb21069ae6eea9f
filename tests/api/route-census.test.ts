/**
 * The route census (issue 13): at boot, every route the server registered (admin, Content
 * API, every plugin) must be classified in tests/api/route-census.json, and the
 * classification must be what the code says: who may call the route (its auth setting, its
 * permission policies and which roles hold those actions) and which of Chronicle's guards
 * cover it. A Strapi upgrade that adds a route, drops one, opens one to more people or loses a
 * guard fails here. docs/routes.md is the same table for people.
 *
 * To record a change after reviewing it: CENSUS_WRITE=1 node scripts/test.js --api-only
 * tests/api/route-census.test.ts, then read the diff of the JSON before committing it.
 */
import fs from 'node:fs';
import { SIGN_IN_ROUTES } from '../../plugins/chronicle/server/src/domain/rate-limiter';
import { ROUTE_GUARDS } from '../../plugins/chronicle/server/src/route-guards';
import {
  CENSUS_DOC,
  CENSUS_FILE,
  declaredRoutes,
  describeRoute,
  heldActions,
  key,
  readCensus,
  registeredRoutes,
  renderCensus,
  type Census,
} from '../helpers/routes';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
let live: Census;

beforeAll(async () => {
  app = await startStrapi();
  const declared = declaredRoutes(app.strapi);
  const held = await heldActions(app.strapi);
  const apiPrefix = app.strapi.config.get('api.rest.prefix', '/api') as string;
  live = {};
  for (const route of registeredRoutes(app.strapi)) {
    const [method, path] = route.split(' ');
    live[route] = describeRoute(method, path, declared.get(route), held, { signIn: SIGN_IN_ROUTES, apiPrefix });
  }
  if (process.env.CENSUS_WRITE === '1') {
    const notes = readCensus();
    const written: Census = {};
    for (const [route, entry] of Object.entries(live)) written[route] = { ...entry, ...(notes[route]?.note ? { note: notes[route].note } : {}) };
    fs.writeFileSync(CENSUS_FILE, `${JSON.stringify(written, null, 2)}\n`);
    fs.writeFileSync(CENSUS_DOC, renderCensus(written));
  }
});
afterAll(async () => {
  await app?.stop();
});

const HOW = 'Review the route in its plugin (who can call it, can it reach another person\'s document or file?), guard it in plugins/chronicle/server/src/route-guards.ts if needed, then record it with CENSUS_WRITE=1 (see the top of tests/api/route-census.test.ts).';

describe('route census', () => {
  test('every route the server registered is classified, and every classified route still exists', () => {
    const census = readCensus();
    const unclassified = Object.keys(live).filter((route) => !census[route]);
    const gone = Object.keys(census).filter((route) => !live[route]);
    const problems = [
      ...unclassified.map((route) => `new route not in tests/api/route-census.json: ${route} — what the code says: ${JSON.stringify(live[route])}`),
      ...gone.map((route) => `route in tests/api/route-census.json that the server no longer registers: ${route} — remove it`),
    ];
    expect(problems.length === 0 ? 'ok' : `${problems.join('\n')}\n${HOW}`).toBe('ok');
    // Not an empty table passing an empty server: the census covers Strapi's and our routes.
    expect(Object.keys(live).length).toBeGreaterThan(150);
    for (const route of ['POST /admin/login', 'GET /content-manager/collection-types/:model', 'POST /upload/actions/bulk-delete', 'GET /api/chronicle/timeline']) {
      expect(Object.keys(live)).toContain(route);
    }
  });

  test('each route is what the census says: who may call it, and which guards cover it', () => {
    const census = readCensus();
    const differing = Object.entries(live)
      .filter(([route]) => census[route])
      .filter(([route, entry]) => {
        const { note: _note, ...recorded } = census[route];
        return JSON.stringify({ ...recorded, actions: recorded.actions ?? undefined }) !== JSON.stringify({ ...entry, actions: entry.actions ?? undefined });
      })
      .map(([route, entry]) => `${route}: the census says ${JSON.stringify(census[route])}, the code says ${JSON.stringify(entry)}`);
    expect(differing.length === 0 ? 'ok' : `${differing.join('\n')}\n${HOW}`).toBe('ok');
  });

  test('every guard Chronicle attaches and every sign-in route it throttles is on a registered route', () => {
    for (const route of SIGN_IN_ROUTES) expect([route, Boolean(live[route])]).toEqual([route, true]);
    for (const guard of ROUTE_GUARDS) {
      const full = Object.keys(live).find((route) => route === key(guard.method, `/${guard.plugin}${guard.path === '/' ? '' : guard.path}`));
      expect([guard.method, guard.path, full && live[full].guards.includes(guard.policy.name.replace('plugin::chronicle.', ''))]).toEqual([
        guard.method,
        guard.path,
        true,
      ]);
    }
  });

  test('no route lets an anonymous caller write except sign-in and registration, which are throttled', () => {
    const anonymousWrites = Object.entries(live).filter(([route, entry]) => entry.who === 'anonymous' && !route.startsWith('GET '));
    const unthrottled = anonymousWrites.filter(([route, entry]) => !entry.guards.includes('sign-in-throttle') && !readCensus()[route]?.note);
    expect(unthrottled.map(([route]) => route)).toEqual([]);
  });

  test('docs/routes.md is rendered from the census', () => {
    expect(fs.readFileSync(CENSUS_DOC, 'utf8')).toBe(renderCensus(readCensus()));
  });
});
