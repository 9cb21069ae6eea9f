/**
 * The public read API is safe by construction: hostile query parameters are refused with a
 * clean 400, drafts and embargoed reports never show, a withdrawn person appears nowhere
 * (their name's URL reads as never published; their anonymous address answers 410), and a canary stored in every private field, in drafts, in an
 * admin e-mail and in the embargoed report never appears in any public response.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument } from '../helpers/workflow';
import { createAdminUser, PASSWORD } from '../helpers/admin';
import { anonymousSlug } from '../../plugins/chronicle/server/src/domain/public-person';

const CANARY = 'CANARY7f3q';
const WITHDRAWN_NAME = '撤回者';

let app: TestStrapi;
const api = () => request(app.strapi.server.httpServer);
const get = (path: string) => api().get(`/api/chronicle/${path}`);
const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;
const bySlug = async (type: string, slug: string) =>
  (await docs(type).findFirst({ filters: { slug }, locale: 'zh-Hans' })) as { documentId: string };

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  const peng = await bySlug('frontline-profile', 'peng-lei');
  const transfer = await bySlug('timeline-event', '2022-02-24-school-transfer');

  // private fields of published records
  for (const locale of ['zh-Hans', 'en']) {
    await docs('frontline-profile').update({ documentId: peng.documentId, locale, data: { privateNotes: `${CANARY} private note` } });
    await publishDocument(app.strapi, 'frontline-profile', peng.documentId, locale);
  }
  // a contributor linked to an admin account whose e-mail holds the canary
  const admin = await createAdminUser(app.strapi, `${CANARY.toLowerCase()}@admin.local`, 'strapi-editor');
  const contributor = await docs('contributor').create({ locale: 'zh-Hans', data: { name: '测试记者', kind: 'reporter', adminUser: admin.id } });

  // drafts: never published, and a published event whose draft was edited afterwards
  await docs('timeline-event').create({ locale: 'zh-Hans', data: { title: `${CANARY} 草稿事件`, occurredAt: '2022-02-25T01:00:00.000Z', precision: 'day', slug: 'draft-only-event' } });
  await docs('field-report').create({ locale: 'zh-Hans', data: { title: `${CANARY} 草稿报道`, slug: 'draft-only-report', body: CANARY } });
  await docs('frontline-profile').create({ locale: 'zh-Hans', data: { fullName: `${CANARY}草稿人`, kind: 'other', slug: 'draft-only-person' } });
  await docs('grid-statistic').create({ locale: 'zh-Hans', data: { metric: 'video-calls', label: `${CANARY} 草稿数字`, value: 999999, qualifier: 'exact', additive: true, slug: 'draft-only-figure' } });
  await docs('timeline-event').update({ documentId: transfer.documentId, locale: 'zh-Hans', data: { title: `${CANARY} edited draft`, description: CANARY } });

  // a published report under embargo
  const embargoed = await docs('field-report').create({
    locale: 'zh-Hans',
    data: { title: `${CANARY} 禁发报道`, slug: 'embargoed-report', body: CANARY, bylines: [{ contributor: contributor.documentId, role: 'reporter' }] },
  });
  await publishDocument(app.strapi, 'field-report', embargoed.documentId, 'zh-Hans');
  // The workflow never publishes under embargo; the public API must hold it even if the data says so.
  await app.strapi.db.query('plugin::chronicle.field-report' as never).updateMany({
    where: { documentId: embargoed.documentId },
    data: { embargoUntil: '2099-01-01T00:00:00.000Z' },
  });

  // a withdrawn person: published, an actor of a published event, featured in a published report
  const withdrawn = await docs('frontline-profile').create({
    locale: 'zh-Hans',
    data: { fullName: WITHDRAWN_NAME, kind: 'volunteer', consent: 'withdrawn', slug: 'withdrawn-person', citation: WITHDRAWN_NAME, privateNotes: CANARY },
  });
  await publishDocument(app.strapi, 'frontline-profile', withdrawn.documentId, 'zh-Hans');
  const event = await docs('timeline-event').create({
    locale: 'zh-Hans',
    data: { title: '志愿者送菜', occurredAt: '2022-03-02T02:00:00.000Z', precision: 'day', slug: 'withdrawn-actor-event', actors: [withdrawn.documentId, peng.documentId] },
  });
  await publishDocument(app.strapi, 'timeline-event', event.documentId, 'zh-Hans');
  const report = await docs('field-report').create({
    locale: 'zh-Hans',
    data: { title: '社区志愿者', slug: 'withdrawn-featured-report', body: '正文', profiles: [withdrawn.documentId], dateline: { place: '太原', date: '2022-03-03' }, bylines: [{ contributor: contributor.documentId, role: 'reporter' }] },
  });
  await publishDocument(app.strapi, 'field-report', report.documentId, 'zh-Hans');
});
afterAll(async () => {
  await app?.stop();
});

/** Every public response reachable from the lists, in both locales. */
const crawl = async (): Promise<Array<{ path: string; status: number; text: string }>> => {
  const paths = new Set<string>(['openapi.json']);
  for (const locale of ['zh-Hans', 'en']) {
    const q = `locale=${locale}`;
    for (const p of ['timeline?limit=100', 'timeline/timelinejs?limit=100', 'reports?limit=100', 'profiles?limit=100', 'statistics?limit=100', 'units', 'feed.xml', 'feed.json', 'corrections?limit=100', 'corrections/feed.xml']) {
      paths.add(`${p}${p.includes('?') ? '&' : '?'}${q}`);
    }
    const timeline = (await get(`timeline?limit=100&${q}`)).body.data;
    for (const e of timeline) if (e.chronicle) paths.add(`chronicles/${e.chronicle.slug}?${q}`);
    for (const r of (await get(`reports?limit=100&${q}`)).body.data) paths.add(`reports/${r.slug}?${q}`);
    for (const p of (await get(`profiles?limit=100&${q}`)).body.data) paths.add(`profiles/${p.slug}?${q}`);
    for (const s of ['draft-only-event', 'draft-only-report', 'embargoed-report', 'withdrawn-featured-report']) paths.add(`reports/${s}?${q}`);
    for (const s of ['draft-only-person', 'withdrawn-person']) paths.add(`profiles/${s}?${q}`);
  }
  const out = [];
  for (const path of paths) {
    const res = await get(path);
    out.push({ path, status: res.status, text: res.text });
  }
  return out;
};

describe('nothing private or unpublished leaks', () => {
  test('no canary, no withdrawn name, no private or admin field in any public response', async () => {
    const responses = await crawl();
    expect(responses.length).toBeGreaterThan(40);
    for (const { path, status, text } of responses) {
      expect([path, status < 500]).toEqual([path, true]);
      expect([path, text.includes(CANARY) || text.toLowerCase().includes(CANARY.toLowerCase())]).toEqual([path, false]);
      expect([path, text.includes(WITHDRAWN_NAME)]).toEqual([path, false]);
      for (const key of ['"createdBy"', '"updatedBy"', '"privateNotes"', '"adminUser"', '"email"', '"workflowState"', '"documentId"', '"password"']) {
        expect([path, key, text.includes(key)]).toEqual([path, key, false]);
      }
      // no internal row ids (JSON Feed's item id is the report's URL, which is fine)
      expect([path, /"id":\s*\d/.test(text)]).toEqual([path, false]);
    }
  });

  test('drafts and embargoed reports answer 404; the published version is served, not the edited draft', async () => {
    expect((await get('reports/draft-only-report')).status).toBe(404);
    expect((await get('reports/embargoed-report')).status).toBe(404);
    expect((await get('profiles/draft-only-person')).status).toBe(404);
    const timeline = (await get('timeline?limit=100')).body.data;
    const transfer = timeline.find((e: any) => e.slug === '2022-02-24-school-transfer');
    expect(transfer.title).toBe('1144名师生转入隔离酒店');
    expect(timeline.map((e: any) => e.slug)).not.toContain('draft-only-event');
  });

  test('a withdrawn person: their name\'s slug reads as never published, their anonymous address answers 410; absent from lists, events, reports and filters', async () => {
    const res = await get('profiles/withdrawn-person');
    const never = await get('profiles/never-published-person');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ data: null, error: { status: 404, name: 'NotFoundError', message: 'no published profile has this address', details: {} } });
    expect(res.body).toEqual(never.body);
    const person = await bySlug('frontline-profile', 'withdrawn-person');
    const gone = await get(`profiles/${anonymousSlug(person.documentId)}`);
    expect(gone.status).toBe(410);
    expect(gone.body).toEqual({ data: null, error: { status: 410, name: 'GoneError', message: 'this profile has been withdrawn', details: {} } });
    const event = (await get('timeline?limit=100')).body.data.find((e: any) => e.slug === 'withdrawn-actor-event');
    expect(event.actors.map((a: any) => a.slug)).toEqual(['peng-lei']);
    const report = await get('reports/withdrawn-featured-report');
    expect(report.status).toBe(200);
    expect(report.body.data.profiles).toEqual([]);
    const filtered = await get('timeline?profile=withdrawn-person');
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.message).toBe('profile: no public profile has the slug "withdrawn-person"');
  });
});

describe('consent changes', () => {
  test('withdrawing consent in the admin removes the person from the public API at once, before any review', async () => {
    const before = await request(app.strapi.server.httpServer).get('/api/chronicle/profiles/sun-lihua');
    expect(before.status).toBe(200);
    const person = await bySlug('frontline-profile', 'sun-lihua');
    await createAdminUser(app.strapi, 'editor@consent.local', 'strapi-editor');
    const token = (await request(app.strapi.server.httpServer).post('/admin/login').send({ email: 'editor@consent.local', password: PASSWORD })).body.data.token;
    const res = await request(app.strapi.server.httpServer)
      .put(`/content-manager/collection-types/plugin::chronicle.frontline-profile/${person.documentId}?locale=zh-Hans`)
      .set('Authorization', `Bearer ${token}`)
      .send({ consent: 'withdrawn' });
    expect(res.status).toBe(200);
    // The edit sent the draft back to review, but the published version already says withdrawn.
    expect(await app.strapi.plugin('chronicle').service('workflow').stateOf('plugin::chronicle.frontline-profile', person.documentId, 'zh-Hans')).toBe('in_review');
    for (const locale of ['zh-Hans', 'en']) {
      // The name's slug now reads like one never published; the anonymous address says "withdrawn".
      const page = await request(app.strapi.server.httpServer).get(`/api/chronicle/profiles/sun-lihua?locale=${locale}`);
      expect(page.status).toBe(404);
      expect(page.body.error.message).toBe('no published profile has this address');
      const gone = await request(app.strapi.server.httpServer).get(`/api/chronicle/profiles/${anonymousSlug(person.documentId)}?locale=${locale}`);
      expect(gone.status).toBe(410);
      const list = await request(app.strapi.server.httpServer).get(`/api/chronicle/profiles?locale=${locale}&limit=100`);
      expect(JSON.stringify(list.body)).not.toMatch(/sun-lihua|孙丽花|Sun Lihua/);
    }
  });
});

describe('hostile query parameters', () => {
  const refused: Array<[string, RegExp]> = [
    ['timeline?filters[title][$contains]=x', /unknown query parameter: filters/],
    ['timeline?where[publishedAt][$null]=true', /unknown query parameter: where/],
    ['timeline?status=draft', /unknown query parameter: status/],
    ['timeline?publicationState=preview', /unknown query parameter: publicationState/],
    ['timeline?populate=*', /unknown query parameter: populate/],
    ['timeline?populate[actors][populate]=*', /unknown query parameter: populate/],
    ['timeline?fields[0]=privateNotes', /unknown query parameter: fields/],
    ['timeline?lookup[x]=1', /unknown query parameter: lookup/],
    ['timeline?sort=createdAt', /sort: can only be occurredAt or -occurredAt/],
    ['timeline?sort[0]=title', /sort/],
    ['timeline?sort=t1.occurred_at', /sort: can only be occurredAt or -occurredAt/],
    ['timeline?filters[t1.published_at][$null]=true', /unknown query parameter: filters/],
    [`timeline?${Array.from({ length: 101 }, (_, i) => `populate[k${i}]=true`).join('&')}`, /unknown query parameter: populate/],
    ['profiles?filters[$or][0][createdBy][email][$startsWith]=a', /unknown query parameter: filters/],
    ['profiles?sort=createdBy.password', /unknown query parameter: sort/],
    ['statistics?limit=100000', /limit|unknown query parameter/],
    ['timeline?limit=101', /limit: must be a whole number from 1 to 100/],
    ['timeline?limit=0', /limit/],
    ['timeline?limit=-1', /limit/],
    ['timeline?limit=1e3', /limit/],
    ['timeline?limit=5&limit=6', /limit/],
    ['timeline?locale=fr', /locale: must be one of zh-Hans, en/],
    ['timeline?locale=all', /locale/],
    ['timeline?from=2022-02-30', /from: is not a real calendar day/],
    ['timeline?from=yesterday', /from: must be a calendar day/],
    ['timeline?from=2022-03-02&to=2022-03-01', /from must not be after to/],
    ['timeline?cursor=not-a-cursor', /cursor: not a cursor returned by this API/],
    ['timeline?cursor=%27%20OR%201%3D1--', /cursor/],
    [`timeline?cursor=${Buffer.from(JSON.stringify([1, 'reports', 'desc', '', 'x'])).toString('base64url')}`, /cursor: this cursor belongs to another list/],
    [`timeline?cursor=${Buffer.from(JSON.stringify([1, 'timeline', 'asc', 'not a date', 'x'])).toString('base64url')}`, /cursor/],
    ['timeline?unit=..%2F..%2Fetc', /unit: must be a slug/],
    ['timeline?unit=no-such-unit', /unit: no unit has the slug "no-such-unit"/],
    [`timeline?q=${'x'.repeat(101)}`, /q: must be 1 to 100 characters/],
    ['timeline?q=', /q/],
    ['timeline/timelinejs?status=draft', /unknown query parameter: status/],
    ['reports?status=draft', /unknown query parameter: status/],
    ['reports?sort=title', /unknown query parameter: sort/],
    ['reports/markdown?populate=*', /unknown query parameter: populate/],
    ['profiles?kind=alien', /kind: must be one of/],
    ['profiles?filters[consent]=withdrawn', /unknown query parameter: filters/],
    ['profiles/peng-lei?status=draft', /unknown query parameter: status/],
    ['statistics?metric=Video Calls', /metric/],
    ['units?populate=children', /unknown query parameter: populate/],
    ['feed.xml?limit=1000', /unknown query parameter: limit/],
    ['feed.json?locale=xx', /locale/],
    ['openapi.json?x=1', /unknown query parameter: x/],
  ];

  test.each(refused)('GET %s → 400 with a clear message', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(res.text).not.toMatch(/at .*\.js:\d+|stack/i);
  });

  test('write methods are not routed', async () => {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const res = await api()[method]('/api/chronicle/timeline').send({ data: { title: 'x' } });
      expect([method, res.status]).toEqual([method, expect.any(Number)]);
      expect(res.status === 404 || res.status === 405).toBe(true);
    }
  });

  test('SQL-looking text is a search like any other', async () => {
    const res = await get(`timeline?q=${encodeURIComponent("%' OR 1=1 --")}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    const wildcard = await get(`timeline?q=${encodeURIComponent('%')}`);
    expect(wildcard.status).toBe(200);
    expect(wildcard.body.data).toEqual([]);
  });
});
