/**
 * The Public role decided once for the plugin's public routes (auth/public-role.ts, issue 19):
 * an anonymous uncached read no longer reads the role's permissions from the database, and
 * everything Strapi decided before is still decided the same way: a withdrawn permission is a
 * 403 at once, an API token still reads a route the Public role lost, a bad token is a 401.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
const TIMELINE_ACTION = 'plugin::chronicle.public-api.timeline';

/** The SQL statements run while `run` runs. */
const statementsDuring = async (run: () => Promise<unknown>): Promise<string[]> => {
  const seen: string[] = [];
  const listener = (q: { sql: string }) => seen.push(q.sql);
  const knex = app.strapi.db.connection as any;
  knex.on('query', listener);
  try {
    await run();
  } finally {
    knex.off('query', listener);
  }
  return seen;
};

const setPublic = async (action: 'timeline' | 'units', enabled: boolean) => {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const service = app.strapi.plugin('users-permissions').service('role');
  const full = await service.findOne(role.id);
  full.permissions['plugin::chronicle'].controllers['public-api'][action] = { enabled, policy: '' };
  await service.updateRole(role.id, { permissions: full.permissions });
};

beforeAll(async () => {
  process.env.CHRONICLE_REVISION_CHECK_MS = '600000';
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
}, 120000);
afterAll(async () => {
  await app?.stop();
  delete process.env.CHRONICLE_REVISION_CHECK_MS;
});

test('an anonymous uncached read does not read the Public role from the database', async () => {
  const server = app.strapi.server.httpServer;
  await app.strapi.plugin('chronicle').service('public-cache').publicMay(TIMELINE_ACTION);
  let res: request.Response | undefined;
  // A limit never asked before: a cache miss, answered by the controller through the router.
  const sql = await statementsDuring(async () => {
    res = await request(server).get('/api/chronicle/timeline?limit=7');
  });
  expect(res?.status).toBe(200);
  expect(res?.headers['x-chronicle-cache']).toBe('miss');
  expect(res?.body.data).toHaveLength(7);
  expect(sql.length).toBeGreaterThan(0);
  expect(sql.filter((s) => /up_permissions|up_roles/.test(s))).toEqual([]);
});

test('a withdrawn Public permission is a 403 for an uncached read at once; restored, a 200', async () => {
  const server = app.strapi.server.httpServer;
  await setPublic('units', false);
  try {
    const refused = await request(server).get('/api/chronicle/units?locale=en');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
    // Another route the role still holds is unaffected.
    expect((await request(server).get('/api/chronicle/timeline?limit=3')).status).toBe(200);
  } finally {
    await setPublic('units', true);
  }
  const back = await request(server).get('/api/chronicle/units?locale=en');
  expect(back.status).toBe(200);
  expect(Array.isArray(back.body.data)).toBe(true);
});

test("a token is authenticated by Strapi's strategies: a full-access API token reads a route the Public role lost, a bad one is a 401", async () => {
  const server = app.strapi.server.httpServer;
  const token = await app.strapi.service('admin::api-token').create({
    name: `public-role-auth-${Date.now()}`,
    kind: 'content-api',
    type: 'full-access',
    lifespan: null,
  });
  await setPublic('timeline', false);
  try {
    expect((await request(server).get('/api/chronicle/timeline?limit=4')).status).toBe(403);
    const withToken = await request(server).get('/api/chronicle/timeline?limit=4').set('Authorization', `Bearer ${token.accessKey}`);
    expect(withToken.status).toBe(200);
    expect(withToken.body.data).toHaveLength(4);
    const bad = await request(server).get('/api/chronicle/timeline?limit=4').set('Authorization', 'Bearer not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ status: 401 });
  } finally {
    await setPublic('timeline', true);
  }
});

test('a permission change here bumps the revision once committed (the other instances take it from the channel or the row)', async () => {
  const cache = app.strapi.plugin('chronicle').service('public-cache');
  const before = cache.stats().revision || (await cache.revision());
  await setPublic('units', false);
  try {
    // Lifecycles are awaited: when the role's update resolves, the revision has moved.
    expect(cache.stats().revision).not.toBe(before);
    const stored = (await app.strapi.store.get({ type: 'plugin', name: 'chronicle', key: 'public-revision' })) as { revision: string };
    expect(stored.revision).toBe(cache.stats().revision);
  } finally {
    await setPublic('units', true);
  }
});

describe("another instance's permission change (written without this instance's lifecycles)", () => {
  const UNITS = 'plugin::chronicle.public-api.units';
  /** Rename the Public role's permission row in SQL, as another instance's write looks from here. */
  const renameElsewhere = async (from: string, to: string) => {
    const table = (app.strapi.db.metadata.get('plugin::users-permissions.permission' as never) as any).tableName;
    const changed = await app.strapi.db.connection(table).where({ action: from }).update({ action: to });
    expect(changed).toBe(1);
  };
  const get = (query: string) => request(app.strapi.server.httpServer).get(`/api/chronicle/units?${query}`);

  test('is in force here as soon as its revision arrives on the channel', async () => {
    const cache = app.strapi.plugin('chronicle').service('public-cache');
    expect((await get('locale=zh-Hans')).status).toBe(200);
    await renameElsewhere(UNITS, `${UNITS}-withdrawn`);
    try {
      // Not known here yet: the role was read before, and nothing told this instance.
      expect((await get('locale=en')).status).toBe(200);
      cache.adopt(`another-instance-${Date.now()}`);
      const refused = await get('locale=en');
      expect(refused.status).toBe(403);
    } finally {
      await renameElsewhere(`${UNITS}-withdrawn`, UNITS);
      cache.adopt(`another-instance-restored-${Date.now()}`);
    }
    expect((await get('locale=en')).status).toBe(200);
  });

  test('and when its revision is read from the row (no channel, or a missed notification)', async () => {
    const cache = app.strapi.plugin('chronicle').service('public-cache');
    expect((await get('locale=zh-Hans')).status).toBe(200);
    await renameElsewhere(UNITS, `${UNITS}-withdrawn`);
    try {
      await app.strapi.store.set({ type: 'plugin', name: 'chronicle', key: 'public-revision', value: { revision: `row-${Date.now()}` } });
      cache.resync();
      expect((await get('locale=zh-Hans')).status).toBe(403);
    } finally {
      await renameElsewhere(`${UNITS}-withdrawn`, UNITS);
      await app.strapi.store.set({ type: 'plugin', name: 'chronicle', key: 'public-revision', value: { revision: `row-restored-${Date.now()}` } });
      cache.resync();
    }
    expect((await get('locale=zh-Hans')).status).toBe(200);
  });
});
