/**
 * Issue #14, as a hostile reporter and an anonymous reader would try it: each numbered case is
 * a regression test here.
 *  1. private markup variants never reach the report API, the site page or the feeds, and
 *     markup that cannot be read blocks approval with its line;
 *  2. an event with an extreme date cannot be written, and one already stored does not take
 *     the timeline down;
 *  4. a real-name slug of an anonymised or withdrawn person reads exactly like a slug never
 *     published; the withdrawn person's anonymous address answers 410;
 *  5. CORS: the public API for any site without credentials, the admin only for PUBLIC_URL's
 *     origin; absolute links from PUBLIC_URL, never the Host header, and one cache entry per page;
 *  6. `id` in a create body, hostile slugs and figure values are 400s naming the field.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument } from '../helpers/workflow';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { anonymousSlug } from '../../plugins/chronicle/server/src/domain/public-person';

const PUBLIC = 'https://news.example';
const EVIL = 'https://evil.example';
const CANARY = 'zqxCANARY7';
const CM = '/content-manager/collection-types';
const uid = (type: string) => `plugin::chronicle.${type}`;

let app: TestStrapi;
let editor: ReturnType<typeof adminApi>;
let savedPublicUrl: string | undefined;
const http = () => request(app.strapi.server.httpServer);
const docs = (type: string) => app.strapi.documents(uid(type) as never) as any;
const create = (type: string, data: object, locale = 'zh-Hans') => editor.post(`${CM}/${uid(type)}?locale=${locale}`, data);

/** Variants of the private forms that leaked on main (issue #14, case 1). */
const VARIANTS = [
  `:::\u3000private\n${CANARY} 一\n:::`,
  `> 引述开头\n>\n> ::: private\n> ${CANARY} 二\n> :::`,
  `甲{{private: 病历 } ${CANARY} 三}}乙`,
  `:::\u00a0private\n${CANARY} 四\n:::`,
  `:::: private\n${CANARY} 五\n::::`,
  `- 列表\n- ::: private\n  ${CANARY} 六\n  :::`,
  `{{\u3000PRIVATE：${CANARY} 七}}`,
];

let anonymisedId: string;

beforeAll(async () => {
  savedPublicUrl = process.env.PUBLIC_URL;
  process.env.PUBLIC_URL = `${PUBLIC}/`;
  app = await startStrapi();
  await createAdminUser(app.strapi, 'editor-edge@test.local', 'strapi-editor');
  editor = adminApi(app.strapi, await login(app.strapi, 'editor-edge@test.local'));

  const report = await docs('field-report').create({
    locale: 'zh-Hans',
    data: { title: '变体测试', slug: 'variant-report', dek: '公开摘要', body: `开头公开。\n\n${VARIANTS.join('\n\n')}\n\n结尾公开。`, dateline: { place: '太原', date: '2022-03-03' } },
  });
  await publishDocument(app.strapi, 'field-report', report.documentId);
  // A plain field holding private markup from before it was refused at save: redacted on the way out.
  await app.strapi.db.query(uid('field-report') as never).updateMany({ where: { documentId: report.documentId }, data: { dek: `公开摘要{{private: ${CANARY} 八}}` } });

  const event = await docs('timeline-event').create({ locale: 'zh-Hans', data: { title: '远期事件', occurredAt: '2022-03-01T02:00:00.000Z', precision: 'day', slug: 'far-event' } });
  await publishDocument(app.strapi, 'timeline-event', event.documentId);
  const normal = await docs('timeline-event').create({ locale: 'zh-Hans', data: { title: '普通事件', occurredAt: '2022-03-02T02:00:00.000Z', precision: 'day', slug: 'normal-event' } });
  await publishDocument(app.strapi, 'timeline-event', normal.documentId);
  // Stored before the range rule existed: straight into the table, both versions.
  await app.strapi.db.query(uid('timeline-event') as never).updateMany({ where: { documentId: event.documentId }, data: { occurredAt: new Date(8.64e15) } });

  const person = await docs('frontline-profile').create({ locale: 'zh-Hans', data: { fullName: '章真名', kind: 'volunteer', slug: 'zhang-zhenming', consent: 'consented' } });
  await publishDocument(app.strapi, 'frontline-profile', person.documentId);
  anonymisedId = person.documentId;
});
afterAll(async () => {
  await app?.stop();
  if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = savedPublicUrl;
});

describe('1. private markup variants', () => {
  test('none reaches the report API, the site page or either feed; the public text around them does', async () => {
    const surfaces = [
      '/api/chronicle/reports/variant-report',
      '/reports/variant-report',
      '/api/chronicle/feed.xml',
      '/api/chronicle/feed.json',
      '/api/chronicle/reports?limit=100',
    ];
    for (const path of surfaces) {
      const res = await http().get(path).buffer(true);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text.includes(CANARY)]).toEqual([path, false]);
      if (!path.includes('reports?')) expect([path, res.text.includes('结尾公开')]).toEqual([path, true]);
    }
  });

  test('markup that cannot be read blocks approval, naming the field and line; nothing is published', async () => {
    const report = await docs('field-report').create({
      locale: 'zh-Hans',
      data: { title: '坏标记', slug: 'broken-markup', body: `公开。\n\n> ::: private\n> ${CANARY}\n\n后文` },
    });
    await expect(publishDocument(app.strapi, 'field-report', report.documentId)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/body, line 3, column 1: a private block \(line 3\) is never closed/),
    });
    const state = await app.strapi.plugin('chronicle').service('workflow').stateOf(uid('field-report'), report.documentId, 'zh-Hans');
    expect(state).toBe('in_review');
    expect((await http().get('/api/chronicle/reports/broken-markup')).status).toBe(404);
  });

  test('private markup in a plain field is refused at save, naming the field', async () => {
    const res = await create('field-report', { title: '摘要带标记', dek: `摘要{{private: ${CANARY}}}` });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['dek']);
    expect(await app.strapi.db.query(uid('field-report') as never).count({ where: { title: '摘要带标记' } })).toBe(0);
  });
});

describe('2. extreme dates', () => {
  test.each(['/api/chronicle/timeline', '/api/chronicle/timeline?sort=-occurredAt', '/api/chronicle/timeline?locale=en', '/api/chronicle/timeline?locale=en&sort=-occurredAt'])(
    'a stored event in the year 275760 does not take %s down',
    async (path) => {
      const res = await http().get(path);
      expect(res.status).toBe(200);
      const far = res.body.data.find((e: any) => e.slug === 'far-event');
      expect(far.displayDate).toBe('+275760-09-13');
      expect(res.body.data.map((e: any) => e.slug)).toContain('normal-event');
    }
  );

  test('TimelineJS leaves it out; the home and timeline pages render', async () => {
    const tl = await http().get('/api/chronicle/timeline/timelinejs');
    expect(tl.status).toBe(200);
    expect(tl.body.events.map((e: any) => e.unique_id)).toEqual(['normal-event']);
    for (const path of ['/', '/timeline', '/timeline?lang=en']) {
      const page = await http().get(path);
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.text).toContain('普通事件');
    }
  });

  test.each([
    ['+275760-09-13T00:00:00Z'],
    ['1066-10-14T00:00:00Z'],
  ])('writing occurredAt %s is a 400 naming occurredAt, and nothing is saved', async (occurredAt) => {
    const before = await app.strapi.db.query(uid('timeline-event') as never).count({});
    const res = await create('timeline-event', { title: '越界', occurredAt, precision: 'day' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('occurredAt');
    expect(res.body.error.message).toMatch(/occurredAt/);
    expect(await app.strapi.db.query(uid('timeline-event') as never).count({})).toBe(before);
  });
});

describe('4. one answer for "not here"', () => {
  const answer = async (slug: string) => {
    const api = await http().get(`/api/chronicle/profiles/${slug}`);
    const page = await http().get(`/honours/${slug}`);
    return { api: { status: api.status, body: api.body }, page: { status: page.status, text: page.text.split(slug).join('SLUG') } };
  };

  test('anonymised, then withdrawn: the real-name slug answers exactly like one never published; the anon- address 200, then 410', async () => {
    const never = await answer('never-published-name');
    expect(never.api.status).toBe(404);

    await docs('frontline-profile').update({ documentId: anonymisedId, locale: 'zh-Hans', data: { consent: 'anonymised' } });
    expect(await answer('zhang-zhenming')).toEqual(never);
    const token = anonymousSlug(anonymisedId);
    const anon = await http().get(`/api/chronicle/profiles/${token}`);
    expect(anon.status).toBe(200);
    expect(anon.body.data.name).toBe('章某');

    await docs('frontline-profile').update({ documentId: anonymisedId, locale: 'zh-Hans', data: { consent: 'withdrawn' } });
    expect(await answer('zhang-zhenming')).toEqual(never);
    const gone = await http().get(`/api/chronicle/profiles/${token}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toEqual({ status: 410, name: 'GoneError', message: 'this profile has been withdrawn', details: {} });
    const gonePage = await http().get(`/honours/${token}`);
    expect(gonePage.status).toBe(410);
    expect(gonePage.text).not.toContain('章');
    // A token nobody has: 404.
    expect((await http().get('/api/chronicle/profiles/anon-000000000000')).status).toBe(404);
  });
});

describe('5. CORS and Host', () => {
  test('the public API and feeds: Access-Control-Allow-Origin * without credentials, for any site', async () => {
    for (const path of ['/api/chronicle/timeline', '/api/chronicle/feed.xml', '/api/chronicle/feed.json']) {
      const res = await http().get(path).set('Origin', EVIL);
      expect([path, res.status, res.headers['access-control-allow-origin']]).toEqual([path, 200, '*']);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const preflight = await http().options('/api/chronicle/timeline').set('Origin', EVIL).set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  test('the admin: a foreign origin gets no CORS headers (so no token for its page); PUBLIC_URL\'s origin does', async () => {
    const token = await http().post('/admin/access-token').set('Origin', EVIL).send({});
    expect(token.headers['access-control-allow-origin']).toBeUndefined();
    expect(token.headers['access-control-allow-credentials']).toBeUndefined();
    const loginFromEvil = await http().post('/admin/login').set('Origin', EVIL).send({ email: 'editor-edge@test.local', password: 'wrong' });
    expect(loginFromEvil.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await http().options('/admin/access-token').set('Origin', EVIL).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    // A write to the public API's path is not public either.
    const write = await http().options('/api/chronicle/timeline').set('Origin', EVIL).set('Access-Control-Request-Method', 'POST');
    expect(write.headers['access-control-allow-origin']).toBeUndefined();

    const own = await http().options('/admin/access-token').set('Origin', PUBLIC).set('Access-Control-Request-Method', 'POST');
    expect(own.status).toBe(204);
    expect(own.headers['access-control-allow-origin']).toBe(PUBLIC);
    expect(own.headers.vary).toMatch(/Origin/);
  });

  test('absolute links come from PUBLIC_URL, never the Host header; a new Host is a cache hit, not a new entry', async () => {
    const first = await http().get('/timeline').set('Host', 'attacker.example');
    expect(first.status).toBe(200);
    expect(first.text).toContain(`<link rel="canonical" href="${PUBLIC}/timeline"/>`);
    expect(first.text).toContain(`content="${PUBLIC}/timeline"`);
    expect(first.text).not.toContain('attacker.example');
    const second = await http().get('/timeline').set('Host', 'other-attacker.example');
    expect(second.headers['x-chronicle-cache']).toBe('hit');
    expect(second.text).toBe(first.text);

    for (const path of ['/api/chronicle/feed.xml', '/api/chronicle/feed.json', '/sitemap.xml', '/reports/variant-report', '/robots.txt']) {
      const res = await http().get(path).set('Host', 'attacker.example').buffer(true);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text.includes('attacker.example')]).toEqual([path, false]);
      expect([path, res.text.includes(PUBLIC)]).toEqual([path, true]);
    }
  });
});

describe('6. smaller things', () => {
  test('a create body containing id is a 400 naming id, and nothing is saved', async () => {
    const before = await app.strapi.db.query(uid('field-report') as never).count({});
    const res = await create('field-report', { title: '带编号', id: 424242 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['id']);
    expect(await app.strapi.db.query(uid('field-report') as never).count({})).toBe(before);
  });

  test.each(['zero\u200bwidth', 'rtl\u202eevil', 'fire-🔥', 'UpperCase', 'anon-123456789abc'])('slug %p is a 400 naming slug', async (slug) => {
    const res = await create('frontline-profile', { fullName: '某人', kind: 'other', slug });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('slug');
    expect(await app.strapi.db.query(uid('frontline-profile') as never).count({ where: { fullName: '某人' } })).toBe(0);
  });

  test.each([[1e308], ['0x10'], [[1]]])('figure value %p is a 400 naming value', async (value) => {
    const res = await create('grid-statistic', { metric: 'calls', label: '电话', value, qualifier: 'exact' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('value');
    expect(await app.strapi.db.query(uid('grid-statistic') as never).count({ where: { label: '电话' } })).toBe(0);
  });
});
