/**
 * Abuse and data-safety promises (docs/security.md): per-address rate limits on the public API and on
 * admin sign-in that rotating e-mails or forged X-Forwarded-For headers cannot bypass; Strapi's
 * own Content API closed to anonymous callers and strict about parameters; units and
 * contributors that others reference cannot be deleted out from under them.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login, PASSWORD } from '../helpers/admin';
import { publishDocument } from '../helpers/workflow';

let app: TestStrapi;
const server = () => app.strapi.server.httpServer;
const DEFAULT_LIMITS = {
  publicApi: { max: 600, windowSeconds: 60 },
  signIn: { maxFailures: 10, windowSeconds: 900 },
  site: { max: 300, windowSeconds: 60 },
  store: 'auto',
};
const setLimits = (limits: typeof DEFAULT_LIMITS) => app.strapi.config.set('plugin::chronicle.rateLimit', limits);

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});
afterEach(() => setLimits(DEFAULT_LIMITS));

describe('rate limits', () => {
  test('the public API answers 429 with Retry-After past the limit, whatever X-Forwarded-For says', async () => {
    setLimits({ ...DEFAULT_LIMITS, publicApi: { max: 5, windowSeconds: 60 } });
    for (let i = 0; i < 5; i += 1) {
      const res = await request(server()).get('/api/chronicle/status').set('X-Forwarded-For', `10.0.0.${i}`);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-remaining']).toBe(String(4 - i));
    }
    const refused = await request(server()).get('/api/chronicle/status').set('X-Forwarded-For', '10.9.9.9');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError', message: expect.stringMatching(/too many requests/) });
    // Other routes are not counted against the public API's budget.
    expect((await request(server()).get('/_health')).status).toBe(204);
  });

  test('failed sign-ins are limited per address: rotating e-mails and headers do not reset it', async () => {
    setLimits({ ...DEFAULT_LIMITS, signIn: { maxFailures: 3, windowSeconds: 900 } });
    await createAdminUser(app.strapi, 'editor@security.local', 'strapi-editor');
    for (let i = 0; i < 3; i += 1) {
      const res = await request(server())
        .post('/admin/login')
        .set('X-Forwarded-For', `192.0.2.${i}`)
        .send({ email: `nobody${i}@security.local`, password: 'wrong-Password-1' });
      expect(res.status).toBe(400);
    }
    const blocked = await request(server())
      .post('/admin/login')
      .set('X-Forwarded-For', '198.51.100.7')
      .send({ email: 'editor@security.local', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/too many failed sign-in attempts/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    setLimits(DEFAULT_LIMITS);
    const ok = await request(server()).post('/admin/login').send({ email: 'editor@security.local', password: PASSWORD });
    expect(ok.status).toBe(200);
  });

  test('successful sign-ins are not counted', async () => {
    setLimits({ ...DEFAULT_LIMITS, signIn: { maxFailures: 2, windowSeconds: 900 } });
    await createAdminUser(app.strapi, 'reporter@security.local', 'chronicle-reporter');
    for (let i = 0; i < 4; i += 1) {
      const res = await request(server()).post('/admin/login').send({ email: 'reporter@security.local', password: PASSWORD });
      expect(res.status).toBe(200);
    }
  });
});

describe('guards apply to the route Strapi runs, whatever the case of the path or a trailing slash (issue 13, item 5)', () => {
  const SIGN_IN = ['/admin/login', '/Admin/login', '/ADMIN/LOGIN', '/admin/login/', '/aDmIn/LoGiN/'];

  test('failed sign-ins on every spelling of /admin/login count together, and the throttle holds on all of them', async () => {
    setLimits({ ...DEFAULT_LIMITS, signIn: { maxFailures: 4, windowSeconds: 900 } });
    await createAdminUser(app.strapi, 'editor@case.local', 'strapi-editor');
    for (const path of SIGN_IN.slice(0, 4)) {
      const res = await request(server()).post(path).send({ email: `nobody-${path.length}@case.local`, password: 'wrong-Password-1' });
      expect([path, res.status]).toEqual([path, 400]);
    }
    for (const path of SIGN_IN) {
      const res = await request(server()).post(path).send({ email: 'editor@case.local', password: PASSWORD });
      expect([path, res.status]).toEqual([path, 429]);
      expect(res.body.error.message).toMatch(/too many failed sign-in attempts/);
      expect(res.body.data).toBeNull();
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  test('the public API limit counts /API/chronicle/…, /Api/Chronicle/… and a trailing slash as the same route', async () => {
    setLimits({ ...DEFAULT_LIMITS, publicApi: { max: 4, windowSeconds: 60 } });
    const spellings = ['/api/chronicle/units', '/API/chronicle/units', '/api/chronicle/units/', '/Api/Chronicle/Units'];
    for (const [i, path] of spellings.entries()) {
      const res = await request(server()).get(path);
      expect([path, res.status, res.headers['ratelimit-remaining']]).toEqual([path, 200, String(3 - i)]);
    }
    for (const path of [...spellings, '/API/CHRONICLE/UNITS/']) {
      const res = await request(server()).get(path);
      expect([path, res.status]).toEqual([path, 429]);
      expect(res.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
      expect(res.body.data).toBeNull();
    }
  });

  test('site pages and share cards rendered for an address are limited; answers from the cache are free', async () => {
    setLimits({ ...DEFAULT_LIMITS, site: { max: 2, windowSeconds: 60 } });
    // One Host: until PUBLIC_URL is the only origin (issue 14), the site's cache is keyed by it.
    const page = (path: string) => request(server()).get(path).set('Host', 'chronicle.test');
    const first = await page('/timeline');
    expect([first.status, first.headers['x-chronicle-cache']]).toEqual([200, 'miss']);
    for (let i = 0; i < 5; i += 1) {
      const cached = await page('/timeline');
      expect([cached.status, cached.headers['x-chronicle-cache']]).toEqual([200, 'hit']);
    }
    const second = await page('/honours');
    expect([second.status, second.headers['x-chronicle-cache']]).toEqual([200, 'miss']);
    // Over the limit: a new page, a share card and even a cached page wait for the window.
    for (const path of ['/statistics', '/', '/cards/nobody-here.png', '/timeline']) {
      const refused = await page(path);
      expect([path, refused.status]).toEqual([path, 429]);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['content-type']).toMatch(/^text\/plain/);
      expect(refused.text).toMatch(/Too many requests from this address; try again in \d+ s/);
      expect(refused.text).toMatch(/请求过于频繁/);
    }
    // The public API has its own budget.
    expect((await request(server()).get('/api/chronicle/status')).status).toBe(200);
  });
});

describe("Strapi's own Content API", () => {
  test.each([
    '/api/users',
    '/api/users?filters[password][$startsWith]=a',
    '/api/users/1',
    '/api/upload/files',
    '/api/upload/files?filters[createdBy][email][$contains]=a',
    '/api/users-permissions/roles',
  ])('%s is closed to anonymous callers', async (url) => {
    const res = await request(server()).get(url);
    expect(res.status).toBe(403);
    expect(res.body.data).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/email|password/i);
  });

  test('self-registration of reader accounts is closed', async () => {
    const res = await request(server()).post('/api/auth/local/register').send({ username: 'x', email: 'x@x.local', password: 'Password-123' });
    expect(res.status).toBe(403);
  });

  test('the Document Service drops unknown parameters and refuses invalid ones (strictParams)', async () => {
    const units = app.strapi.documents('plugin::chronicle.unit' as never) as any;
    await units.create({ locale: 'zh-Hans', data: { name: '尖草坪区', kind: 'district' } });
    // A raw `where` never reaches the query: the same rows come back as without it.
    const all = await units.findMany({ locale: 'zh-Hans' });
    const probed = await units.findMany({ locale: 'zh-Hans', where: { id: { $lt: 0 } } });
    expect(all.length).toBeGreaterThan(0);
    expect(probed.map((u: any) => u.documentId)).toEqual(all.map((u: any) => u.documentId));
    await expect(units.findMany({ status: 'everything' })).rejects.toThrow(/status/i);
  });
});

describe('query probes on the Content Manager and the Media Library (the oracle test)', () => {
  const LIST = '/content-manager/collection-types/plugin::chronicle.field-report?locale=zh-Hans';
  type Api = ReturnType<typeof adminApi>;
  let reporter: Api;
  let editor: Api;
  let editorId: number;
  const titles = async (api: Api, query = '') => {
    const res = await api.get(`${LIST}${query ? `&${query}` : ''}`);
    return { status: res.status, message: res.body.error?.message as string | undefined, titles: (res.body.results ?? []).map((r: any) => r.title).sort() };
  };

  beforeAll(async () => {
    await createAdminUser(app.strapi, 'reporter@probe.local', 'chronicle-reporter');
    editorId = (await createAdminUser(app.strapi, 'editor@probe.local', 'strapi-editor')).id;
    reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@probe.local'));
    editor = adminApi(app.strapi, await login(app.strapi, 'editor@probe.local'));
    expect((await reporter.post(`${LIST.split('?')[0]}?locale=zh-Hans`, { title: '记者的稿件', body: '正文' })).status).toBe(201);
    expect((await editor.post(`${LIST.split('?')[0]}?locale=zh-Hans`, { title: '编辑的稿件', body: '正文' })).status).toBe(201);
  });

  // Each pair would match all rows / no rows if the filter ran: both must be refused.
  const refusedPairs: Array<[string, string, RegExp]> = [
    ['filters[createdBy][email][$startsWith]=e', 'filters[createdBy][email][$startsWith]=zz', /cannot filter or sort by createdBy\.email/],
    ['filters[createdBy][password][$startsWith]=$', 'filters[createdBy][password][$startsWith]=zz', /createdBy\.password/],
    ['filters[$or][0][updatedBy][email][$contains]=@', 'filters[$or][0][updatedBy][email][$contains]=%23', /updatedBy\.email/],
    ['filters[$not][createdBy][resetPasswordToken][$null]=true', 'filters[$not][createdBy][resetPasswordToken][$notNull]=true', /createdBy\.resetPasswordToken/],
    ['filters[$and][0][createdBy][roles][code][$eq]=strapi-editor', 'filters[$and][0][createdBy][roles][code][$eq]=nobody', /createdBy\.roles/],
    ['sort=createdBy.password:asc', 'sort=createdBy.password:desc', /createdBy\.password/],
    ['sort=updatedBy.email:asc', 'sort=updatedBy.email:desc', /updatedBy\.email/],
    ['filters[t1.password][$startsWith]=$', 'filters[t1.password][$startsWith]=zz', /Invalid key t1\.password/],
    ['sort=t1.password:asc', 'sort=t1.password:desc', /Invalid key t1/],
    ['lookup[createdBy][email]=editor@probe.local', 'lookup[createdBy][email]=nobody@probe.local', /Invalid params: 'lookup'/],
  ];
  test.each(refusedPairs)('%s and %s are both a 400 naming the path', async (all, none, message) => {
    for (const api of [reporter, editor]) {
      for (const probe of [all, none]) {
        const res = await titles(api, probe);
        expect([probe, res.status]).toEqual([probe, 400]);
        expect(res.message).toMatch(message);
      }
    }
  });

  // Parameters the Content Manager ignores: the answer is the unfiltered list, byte for byte in ids.
  const ignored = [
    'where[createdBy][password][$startsWith]=$',
    'where[id][$lt]=0',
    Array.from({ length: 101 }, (_, i) => `populate[k${i}]=true`).join('&'),
  ];
  test.each(ignored)('%s returns exactly the unfiltered list', async (probe) => {
    for (const api of [reporter, editor]) {
      const plain = await titles(api);
      expect(plain.status).toBe(200);
      expect(await titles(api, probe)).toEqual(plain);
    }
  });

  test('filtering by who created a document (by id) still works, as the list view offers it', async () => {
    const mine = await titles(editor, `filters[$and][0][createdBy][id][$eq]=${editorId}`);
    expect(mine).toEqual({ status: 200, message: undefined, titles: ['编辑的稿件'] });
    const reporterSees = await titles(reporter);
    expect(reporterSees.titles).toEqual(['记者的稿件']);
  });

  test('the same probes on /CONTENT-MANAGER/…, with a trailing slash or mixed case, are the same 400', async () => {
    const spellings = [
      '/CONTENT-MANAGER/collection-types/plugin::chronicle.field-report',
      '/content-manager/collection-types/plugin::chronicle.field-report/',
      '/Content-Manager/Collection-Types/plugin::chronicle.field-report/',
    ];
    for (const path of spellings) {
      for (const probe of ['filters[createdBy][email][$startsWith]=e', 'filters[createdBy][email][$startsWith]=zz']) {
        const res = await reporter.get(`${path}?locale=zh-Hans&${probe}`);
        expect([path, probe, res.status]).toEqual([path, probe, 400]);
        expect(res.body.error.message).toMatch(/cannot filter or sort by createdBy\.email/);
        expect(res.body.results).toBeUndefined();
      }
    }
  });

  test("the relation pickers (/content-manager/relations/…) are held to the rule on the relation's target", async () => {
    const profile = await editor.post('/content-manager/collection-types/plugin::chronicle.frontline-profile?locale=zh-Hans', {
      fullName: '探针',
      kind: 'grid-worker',
    });
    expect(profile.status).toBe(201);
    // Published, so a reporter may read it (a colleague's draft is in no picker: roles.test.ts).
    await publishDocument(app.strapi, 'frontline-profile', profile.body.data.documentId);
    const RELATIONS = '/content-manager/relations/plugin::chronicle.field-report/profiles';
    // Unfiltered, the reporter sees the editor's profile: the filter below would narrow it letter by letter.
    const plain = await reporter.get(`${RELATIONS}?locale=zh-Hans`);
    expect(plain.status).toBe(200);
    expect(plain.body.results.map((r: any) => r.documentId)).toContain(profile.body.data.documentId);
    for (const path of [RELATIONS, RELATIONS.toUpperCase().replace('PLUGIN::CHRONICLE.FIELD-REPORT', 'plugin::chronicle.field-report').replace('PROFILES', 'profiles'), `${RELATIONS}/`]) {
      for (const probe of ['filters[createdBy][email][$startsWith]=e', 'filters[createdBy][email][$startsWith]=zz', 'sort=updatedBy.email:asc', 'filters[$or][0][unit][createdBy][password][$null]=false']) {
        const res = await reporter.get(`${path}?locale=zh-Hans&${probe}`);
        expect([path, probe, res.status]).toEqual([path, probe, 400]);
        expect(res.body.error.message).toMatch(/cannot filter or sort by (createdBy\.email|updatedBy\.email|unit\.createdBy\.password)/);
      }
    }
    // Filtering the picker by names still works.
    const named = await reporter.get(`${RELATIONS}?locale=zh-Hans&filters[createdBy][firstname][$eq]=editor`);
    expect(named.status).toBe(200);
  });

  test("the Media Library's list is held to the same rule", async () => {
    const res = await editor.get('/upload/files?filters[createdBy][email][$startsWith]=e');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/createdBy\.email/);
    expect((await editor.get('/upload/files?filters[createdBy][id][$eq]=1')).status).toBe(200);
  });
});

describe('deleting what others reference', () => {
  test('a unit with profiles, or a contributor in a byline, cannot be deleted; a free one can', async () => {
    await createAdminUser(app.strapi, 'editor2@security.local', 'strapi-editor');
    const editor = adminApi(app.strapi, await login(app.strapi, 'editor2@security.local'));
    const CM = '/content-manager/collection-types';
    const unit = (await editor.post(`${CM}/plugin::chronicle.unit?locale=zh-Hans`, { name: '南寨街道', kind: 'subdistrict' })).body.data;
    const spare = (await editor.post(`${CM}/plugin::chronicle.unit?locale=zh-Hans`, { name: '空单位', kind: 'other' })).body.data;
    const contributor = (await editor.post(`${CM}/plugin::chronicle.contributor?locale=zh-Hans`, { name: '王勇', kind: 'reporter' })).body.data;
    const profile = await editor.post(`${CM}/plugin::chronicle.frontline-profile?locale=zh-Hans`, {
      fullName: '孙丽花',
      kind: 'grid-worker',
      unit: { connect: [{ documentId: unit.documentId, locale: 'zh-Hans' }] },
    });
    expect(profile.status).toBe(201);
    const report = await editor.post(`${CM}/plugin::chronicle.field-report?locale=zh-Hans`, {
      title: '网格员',
      bylines: [{ role: 'reporter', contributor: { connect: [{ documentId: contributor.documentId, locale: 'zh-Hans' }] } }],
    });
    expect(report.status).toBe(201);

    const refusedUnit = await editor.del(`${CM}/plugin::chronicle.unit/${unit.documentId}?locale=zh-Hans`);
    expect(refusedUnit.status).toBe(409);
    expect(refusedUnit.body.error.message).toBe('this unit is still referenced by 1 profiles; reassign or remove those first');
    const refusedContributor = await editor.del(`${CM}/plugin::chronicle.contributor/${contributor.documentId}?locale=zh-Hans`);
    expect(refusedContributor.status).toBe(409);
    expect(refusedContributor.body.error.message).toMatch(/1 bylines/);
    expect(await app.strapi.db.query('plugin::chronicle.unit' as never).count({ where: { documentId: unit.documentId } })).toBe(1);
    expect(await app.strapi.db.query('plugin::chronicle.contributor' as never).count({ where: { documentId: contributor.documentId } })).toBe(1);

    const freed = await editor.del(`${CM}/plugin::chronicle.unit/${spare.documentId}?locale=zh-Hans`);
    expect(freed.status).toBe(200);
    expect(await app.strapi.db.query('plugin::chronicle.unit' as never).count({ where: { documentId: spare.documentId } })).toBe(0);
  });
});
