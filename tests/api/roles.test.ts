/**
 * Roles (docs/editors.md#who-may-do-what): a reporter drafts but cannot publish, sees only their own field
 * reports; an editor publishes; the Public role reaches only the plugin's public routes; and
 * bootstrapping again on the same database changes nothing.
 */
import request from 'supertest';
import { createTestDatabase, startStrapi, type TestDatabase, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

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

describe('public role', () => {
  test("is granted exactly the plugin's content-api actions", async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = role.permissions.map((p: any) => p.action).sort();
    const publicApi = ['chronicle', 'feedAtom', 'feedJson', 'openapi', 'profile', 'profiles', 'report', 'reports', 'statistics', 'timeline', 'timelinejs', 'units'];
    expect(actions).toEqual([...publicApi.map((a) => `plugin::chronicle.public-api.${a}`), 'plugin::chronicle.status.show']);
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
