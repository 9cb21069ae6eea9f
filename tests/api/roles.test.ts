/**
 * Roles (docs/editors.md#who-may-do-what): a reporter drafts but cannot publish, sees only their own field
 * reports; an editor publishes; the Public role reaches only the plugin's public routes; and
 * bootstrapping again on the same database changes nothing.
 */
import request from 'supertest';
import { createTestDatabase, startStrapi, type TestDatabase, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { publishDocument } from '../helpers/workflow';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';

let database: TestDatabase;
let app: TestStrapi;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startStrapi(database);
});
afterAll(async () => {
  await app?.stop();
});

/** Everything bootstrap writes, in a comparable form. */
async function bootstrapState(strapi: TestStrapi['strapi']) {
  const roles = await strapi.db.query('admin::role').findMany({ orderBy: { id: 'asc' } });
  const permissions = await strapi.db.query('admin::permission').findMany({ populate: ['role'], orderBy: { id: 'asc' } });
  const publicPermissions = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { action: { $startsWith: 'plugin::chronicle.' } }, orderBy: { id: 'asc' } });
  const locales = await strapi.db.query('plugin::i18n.locale').findMany({ orderBy: { id: 'asc' } });
  const layout = await strapi.plugin('content-manager').service('content-types').findConfiguration({ uid: REPORT });
  return {
    roles: roles.map((r: any) => [r.id, r.code, r.name]),
    permissions: permissions.map((p: any) => [p.id, p.role?.code, p.action, p.subject, JSON.stringify(p.properties), JSON.stringify(p.conditions)]),
    publicPermissions: publicPermissions.map((p: any) => [p.id, p.action]),
    locales: locales.map((l: any) => [l.id, l.code]),
    layout: JSON.stringify(layout),
  };
}

describe('reporter', () => {
  let reporter: ReturnType<typeof adminApi>;
  let reporter2: ReturnType<typeof adminApi>;
  let editor: ReturnType<typeof adminApi>;
  let reportId: string;

  beforeAll(async () => {
    await createAdminUser(app.strapi, 'reporter@test.local', 'chronicle-reporter');
    await createAdminUser(app.strapi, 'reporter2@test.local', 'chronicle-reporter');
    await createAdminUser(app.strapi, 'editor@test.local', 'strapi-editor');
    reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@test.local'));
    reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@test.local'));
    editor = adminApi(app.strapi, await login(app.strapi, 'editor@test.local'));
  });

  test('can create a field report as a draft', async () => {
    const res = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '网格员入户服务', body: '记者手记' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ title: '网格员入户服务', publishedAt: null, workflowState: 'draft' });
    reportId = res.body.data.documentId;
  });

  test('cannot publish it through the Content Manager', async () => {
    const res = await reporter.post(`${CM}/${REPORT}/${reportId}/actions/publish?locale=zh-Hans`, {});
    expect(res.status).toBe(403);
    const published = await app.strapi.documents(REPORT as never).findOne({ documentId: reportId, locale: 'zh-Hans', status: 'published' } as never);
    expect(published).toBeNull();
  });

  test('cannot create-and-publish in one call either', async () => {
    const res = await reporter.post(`${CM}/${REPORT}/actions/publish?locale=zh-Hans`, { title: '直接发布' });
    expect(res.status).toBe(403);
    expect(await app.strapi.documents(REPORT as never).count({ status: 'published' } as never)).toBe(0);
  });

  test("does not see another reporter's field reports", async () => {
    const mine = await reporter2.get(`${CM}/${REPORT}?locale=zh-Hans`);
    expect(mine.status).toBe(200);
    expect(mine.body.results).toEqual([]);
    const direct = await reporter2.get(`${CM}/${REPORT}/${reportId}?locale=zh-Hans`);
    expect(direct.status).toBe(403);
  });

  test('can read units so the report can be linked to them', async () => {
    const res = await reporter.get(`${CM}/plugin::chronicle.unit?locale=zh-Hans`);
    expect(res.status).toBe(200);
  });

  test('cannot delete or edit units', async () => {
    const unit = await editor.post(`${CM}/plugin::chronicle.unit?locale=zh-Hans`, { name: '尖草坪区', kind: 'district' });
    expect(unit.status).toBe(201);
    const res = await reporter.put(`${CM}/plugin::chronicle.unit/${unit.body.data.documentId}?locale=zh-Hans`, { name: '改名' });
    expect(res.status).toBe(403);
  });

  test('the editor can publish the report only once it is submitted and approved', async () => {
    const early = await editor.post(`${CM}/${REPORT}/${reportId}/actions/publish?locale=zh-Hans`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/cannot go from draft to published/);

    const transition = (api: ReturnType<typeof adminApi>, to: string) =>
      api.post('/chronicle/workflow/transition', { uid: REPORT, documentId: reportId, locale: 'zh-Hans', to });
    expect((await transition(reporter, 'in_review')).status).toBe(200);
    expect((await transition(editor, 'approved')).status).toBe(200);

    const res = await editor.post(`${CM}/${REPORT}/${reportId}/actions/publish?locale=zh-Hans`, {});
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).not.toBeNull();
    expect(res.body.data.workflowState).toBe('published');
  });
});

describe("reporters read others' published items and their own drafts only (issue 18, item 3)", () => {
  const EVENT = 'plugin::chronicle.timeline-event';
  const PROFILE = 'plugin::chronicle.frontline-profile';
  let author: ReturnType<typeof adminApi>;
  let colleague: ReturnType<typeof adminApi>;
  let draftId: string;
  let publishedId: string;
  let profileId: string;

  beforeAll(async () => {
    await createAdminUser(app.strapi, 'author3@test.local', 'chronicle-reporter');
    await createAdminUser(app.strapi, 'colleague3@test.local', 'chronicle-reporter');
    author = adminApi(app.strapi, await login(app.strapi, 'author3@test.local'));
    colleague = adminApi(app.strapi, await login(app.strapi, 'colleague3@test.local'));
    const draft = await author.post(`${CM}/${EVENT}?locale=zh-Hans`, {
      title: '未发表的事件',
      description: '一句尚未发表的报道原文',
      occurredAt: '2022-03-05T07:00:00.000Z',
      precision: 'day',
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.data.documentId;
    const done = await author.post(`${CM}/${EVENT}?locale=zh-Hans`, {
      title: '已发表的事件',
      occurredAt: '2022-03-06T07:00:00.000Z',
      precision: 'day',
    });
    expect(done.status).toBe(201);
    publishedId = done.body.data.documentId;
    await publishDocument(app.strapi, EVENT, publishedId);
    const profile = await colleague.post(`${CM}/${PROFILE}?locale=zh-Hans`, { fullName: '王芳', kind: 'grid-worker' });
    expect(profile.status).toBe(201);
    profileId = profile.body.data.documentId;
  });

  test("a colleague's draft is in no list and no form; a published item is in both", async () => {
    const list = await colleague.get(`${CM}/${EVENT}?locale=zh-Hans&pageSize=100`);
    expect(list.status).toBe(200);
    const ids = list.body.results.map((r: any) => r.documentId);
    expect(ids).toContain(publishedId);
    expect(ids).not.toContain(draftId);
    expect(JSON.stringify(list.body)).not.toContain('一句尚未发表的报道原文');

    const form = await colleague.get(`${CM}/${EVENT}/${draftId}?locale=zh-Hans`);
    expect(form.status).toBe(403);
    expect(JSON.stringify(form.body)).not.toContain('一句尚未发表的报道原文');
    const published = await colleague.get(`${CM}/${EVENT}/${publishedId}?locale=zh-Hans&status=published`);
    expect(published.status).toBe(200);
    expect(published.body.data.title).toBe('已发表的事件');

    // The author still reads and lists their own draft.
    const own = await author.get(`${CM}/${EVENT}/${draftId}?locale=zh-Hans`);
    expect(own.status).toBe(200);
    expect(own.body.data.description).toBe('一句尚未发表的报道原文');
  });

  test('the relation picker offers published items and own drafts, never a colleague\'s draft', async () => {
    // The colleague links their profile's events: the picker lists what they may read.
    const picker = await colleague.get(`/content-manager/relations/${PROFILE}/events?id=${profileId}&locale=zh-Hans&pageSize=100`);
    expect(picker.status).toBe(200);
    const offered = picker.body.results.map((r: any) => r.documentId);
    expect(offered).toContain(publishedId);
    expect(offered).not.toContain(draftId);
  });

  test("the workflow history of a colleague's draft is refused; a published item's is shown", async () => {
    const hidden = await colleague.get(`/chronicle/workflow/history?uid=${EVENT}&documentId=${draftId}&locale=zh-Hans`);
    expect(hidden.status).toBe(404);
    const shown = await colleague.get(`/chronicle/workflow/history?uid=${EVENT}&documentId=${publishedId}&locale=zh-Hans`);
    expect(shown.status).toBe(200);
  });

  test('once its author edits a published item, the pending draft is private again; the published version is not', async () => {
    const edit = await author.put(`${CM}/${EVENT}/${publishedId}?locale=zh-Hans`, { title: '已发表的事件（待审修改）' });
    expect(edit.status).toBe(200);
    const draft = await colleague.get(`${CM}/${EVENT}/${publishedId}?locale=zh-Hans`);
    expect(draft.status).toBe(403);
    const published = await colleague.get(`${CM}/${EVENT}/${publishedId}?locale=zh-Hans&status=published`);
    expect(published.status).toBe(200);
    expect(published.body.data.title).toBe('已发表的事件');
  });
});

describe('public role', () => {
  test("is granted exactly the plugin's content-api actions", async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: any) => p.action).sort();
    const publicApi = ['chronicle', 'corrections', 'correctionsFeed', 'feedAtom', 'feedJson', 'oembed', 'openapi', 'profile', 'profiles', 'report', 'reports', 'search', 'statistics', 'timeline', 'timelinejs', 'units'];
    // The live timeline has a controller of its own (controllers/live.ts).
    expect(actions).toEqual(['plugin::chronicle.live.timeline', ...publicApi.map((a) => `plugin::chronicle.public-api.${a}`), 'plugin::chronicle.status.show']);
  });

  test("cannot read chronicle content through Strapi's generic routes", async () => {
    const res = await request(app.strapi.server.httpServer).get(`/content-manager/collection-types/${REPORT}`);
    expect(res.status).toBe(401);
  });
});

describe('bootstrap', () => {
  test('is idempotent: restarting twice on the same database changes nothing', async () => {
    const first = await bootstrapState(app.strapi);
    expect(first.roles.map((r) => r[1])).toEqual(
      expect.arrayContaining(['strapi-super-admin', 'strapi-editor', 'strapi-author', 'chronicle-reporter'])
    );
    await app.stop({ keepDatabase: true });
    app = await startStrapi(database);
    const second = await bootstrapState(app.strapi);
    await app.stop({ keepDatabase: true });
    app = await startStrapi(database);
    const third = await bootstrapState(app.strapi);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });
});
