/**
 * Every write route a reporter can reach, aimed at someone else's document or file (issue 13):
 * each answer is a refusal (4xx) and the database is unchanged — the newsroom's tables, their
 * components and links, and the Media Library's files and folders, compared row by row before
 * and after. The routes come from the route census (tests/api/route-census.json): a new
 * reporter-reachable write route fails here until it has a case or a stated reason.
 *
 * Also the side routes that read documents (issue 13 item 6, issue 14 item 6): a reporter may
 * not learn another reporter's drafts through them.
 */
import sharp from 'sharp';
import request from 'supertest';
import { readCensus } from '../helpers/routes';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { publishDocument } from '../helpers/workflow';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let editor: Api;
let reporter1: Api;
let reporter2: Api;
let reporter2Token: string;
let editorToken: string;

const REPORT = 'plugin::chronicle.field-report';
const PROFILE = 'plugin::chronicle.frontline-profile';
const CM = '/content-manager/collection-types';
const FINGERPRINT = 'f'.repeat(32);

/** R1's draft report (R2 may not read it), the editor's published profile (R2 may read it), the editor's file and folder. */
const target = { report: '', reportRowId: 0, profile: '', file: 0, folder: 0 };

const SNAPSHOT_TABLES = /^(chronicle_(?!rate_limits)|components_chronicle_|files|upload_folders|i18n_locale$|strapi_history_versions$|strapi_release)/;

/** Every row of the newsroom's and the Media Library's tables, in a stable order. */
const snapshot = async () => {
  const knex = app.strapi.db.connection;
  const client = app.strapi.db.dialect.client;
  const tables: string[] =
    client === 'postgres'
      ? (await knex.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")).rows.map((r: any) => r.name)
      : (await knex.raw("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r: any) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const table of tables.filter((t) => SNAPSHOT_TABLES.test(t)).sort()) {
    const rows = await knex(table).select('*');
    out[table] = rows.map((r: any) => JSON.stringify(r)).sort();
  }
  return out;
};

beforeAll(async () => {
  app = await startStrapi();
  await createAdminUser(app.strapi, 'editor@sweep.local', 'strapi-editor');
  await createAdminUser(app.strapi, 'reporter1@sweep.local', 'chronicle-reporter');
  await createAdminUser(app.strapi, 'reporter2@sweep.local', 'chronicle-reporter');
  editorToken = await login(app.strapi, 'editor@sweep.local');
  editor = adminApi(app.strapi, editorToken);
  reporter1 = adminApi(app.strapi, await login(app.strapi, 'reporter1@sweep.local'));
  reporter2Token = await login(app.strapi, 'reporter2@sweep.local');
  reporter2 = adminApi(app.strapi, reporter2Token);

  const report = await reporter1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '记者一的草稿', body: '尚未发表的正文', embargoUntil: '2030-01-01T00:00:00.000Z' });
  expect(report.status).toBe(201);
  target.report = report.body.data.documentId;
  target.reportRowId = report.body.data.id;
  const profile = await editor.post(`${CM}/${PROFILE}?locale=zh-Hans`, { fullName: '郭艳菊', kind: 'grid-worker', consent: 'consented' });
  expect(profile.status).toBe(201);
  target.profile = profile.body.data.documentId;
  await publishDocument(app.strapi, PROFILE, target.profile);

  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#b3261e' } }).png().toBuffer();
  const file = await request(app.strapi.server.httpServer).post('/upload').set('Authorization', `Bearer ${editorToken}`).attach('files', png, { filename: 'editor.png', contentType: 'image/png' });
  expect(file.status).toBe(201);
  target.file = file.body[0].id;
  const folder = await editor.post('/upload/folders', { name: '编辑部', parent: null });
  expect(folder.status).toBe(201);
  target.folder = folder.body.data.id;
});
afterAll(async () => {
  await app?.stop();
});

interface Case {
  /** The census route it exercises. */
  route: string;
  what: string;
  send: () => request.Test;
}

const cm = (model: string, rest = '') => `${CM}/${model}${rest}`;
const CASES = (): Case[] => [
  // Content Manager: documents.
  { route: 'POST /content-manager/collection-types/:model', what: "a new English locale of the editor's published profile", send: () => reporter2.post(`${cm(PROFILE)}?locale=en`, { documentId: target.profile, fullName: 'x', kind: 'police', consent: 'consented', slug: 'new-slug' }) },
  { route: 'POST /content-manager/collection-types/:model', what: "a new English locale of R1's draft report", send: () => reporter2.post(`${cm(REPORT)}?locale=en`, { documentId: target.report, title: 'x', embargoUntil: null }) },
  { route: 'PUT /content-manager/collection-types/:model/:id', what: "the editor's profile in zh-Hans", send: () => reporter2.put(`${cm(PROFILE, `/${target.profile}`)}?locale=zh-Hans`, { fullName: '改名' }) },
  { route: 'PUT /content-manager/collection-types/:model/:id', what: "the editor's profile in English (a locale it does not have)", send: () => reporter2.put(`${cm(PROFILE, `/${target.profile}`)}?locale=en`, { fullName: 'Renamed', kind: 'police' }) },
  { route: 'PUT /content-manager/collection-types/:model/:id', what: "R1's report in English (a locale it does not have)", send: () => reporter2.put(`${cm(REPORT, `/${target.report}`)}?locale=en`, { title: 'added' }) },
  { route: 'PUT /content-manager/collection-types/:model/:id', what: "R1's report in zh-Hans", send: () => reporter2.put(`${cm(REPORT, `/${target.report}`)}?locale=zh-Hans`, { title: '改写' }) },
  { route: 'DELETE /content-manager/collection-types/:model/:id', what: "the editor's profile", send: () => reporter2.del(`${cm(PROFILE, `/${target.profile}`)}?locale=zh-Hans`) },
  { route: 'DELETE /content-manager/collection-types/:model/:id', what: "R1's report", send: () => reporter2.del(`${cm(REPORT, `/${target.report}`)}?locale=zh-Hans`) },
  { route: 'POST /content-manager/collection-types/:model/:id/actions/discard', what: "the editor's published profile's draft", send: () => reporter2.post(`${cm(PROFILE, `/${target.profile}/actions/discard`)}?locale=zh-Hans`) },
  { route: 'POST /content-manager/collection-types/:model/actions/bulkDelete', what: "the editor's profile and R1's report", send: () => reporter2.post(`${cm(PROFILE, '/actions/bulkDelete')}?locale=zh-Hans`, { documentIds: [target.profile] }) },
  { route: 'POST /content-manager/collection-types/:model/actions/bulkDelete', what: "R1's report", send: () => reporter2.post(`${cm(REPORT, '/actions/bulkDelete')}?locale=zh-Hans`, { documentIds: [target.report] }) },
  { route: 'POST /content-manager/collection-types/:model/clone/:sourceId', what: "R1's draft report (R2 may not read it)", send: () => reporter2.post(`${cm(REPORT, `/clone/${target.report}`)}?locale=zh-Hans`, { title: '克隆' }) },
  { route: 'POST /content-manager/collection-types/:model/auto-clone/:sourceId', what: "R1's draft report (R2 may not read it)", send: () => reporter2.post(`${cm(REPORT, `/auto-clone/${target.report}`)}?locale=zh-Hans`) },
  // Chronicle's own.
  { route: 'POST /chronicle/workflow/transition', what: "R1's report sent to review", send: () => reporter2.post('/chronicle/workflow/transition', { uid: REPORT, documentId: target.report, locale: 'zh-Hans', to: 'in_review' }) },
  { route: 'POST /chronicle/extract/accept', what: "events accepted onto R1's report", send: () => reporter2.post('/chronicle/extract/accept', { reportDocumentId: target.report, locale: 'zh-Hans', rejected: [FINGERPRINT] }) },
  // Media Library.
  { route: 'POST /upload', what: "the editor's file's details (POST /upload?id=)", send: () => reporter2.post(`/upload?id=${target.file}`, { fileInfo: { alternativeText: '改掉' } }) },
  { route: 'PUT /upload/files/:id', what: "the editor's file's details", send: () => reporter2.put(`/upload/files/${target.file}`, { fileInfo: { alternativeText: '改掉' } }) },
  { route: 'DELETE /upload/files/:id', what: "the editor's file", send: () => reporter2.del(`/upload/files/${target.file}`) },
  {
    route: 'POST /upload/files/:id/replace',
    what: "the editor's file's content",
    send: () =>
      request(app.strapi.server.httpServer)
        .post(`/upload/files/${target.file}/replace`)
        .set('Authorization', `Bearer ${reporter2Token}`)
        .attach('files', Buffer.from('%PDF-1.4\n%%EOF\n'), { filename: 'x.pdf', contentType: 'application/pdf' }),
  },
  { route: 'POST /upload/actions/bulk-delete', what: "the editor's file", send: () => reporter2.post('/upload/actions/bulk-delete', { fileIds: [target.file] }) },
  { route: 'POST /upload/actions/bulk-delete', what: "the editor's folder", send: () => reporter2.post('/upload/actions/bulk-delete', { folderIds: [target.folder] }) },
  { route: 'POST /upload/actions/bulk-move', what: "the editor's file", send: () => reporter2.post('/upload/actions/bulk-move', { fileIds: [target.file], destinationFolderId: null }) },
  { route: 'POST /upload/actions/bulk-move', what: "the editor's folder", send: () => reporter2.post('/upload/actions/bulk-move', { folderIds: [target.folder], destinationFolderId: null }) },
  { route: 'POST /upload/actions/bulk-update', what: "the editor's file", send: () => reporter2.post('/upload/actions/bulk-update', { updates: [{ id: target.file, fileInfo: { alternativeText: '改掉' } }] }) },
  { route: 'POST /upload/actions/generate-ai-metadata', what: "the editor's file", send: () => reporter2.post('/upload/actions/generate-ai-metadata', { fileIds: [target.file] }) },
  { route: 'POST /upload/ai-metadata-jobs', what: 'every file', send: () => reporter2.post('/upload/ai-metadata-jobs', {}) },
  { route: 'PUT /upload/folders/:id', what: "the editor's folder", send: () => reporter2.put(`/upload/folders/${target.folder}`, { name: '改名', parent: null }) },
];

/** Reporter-reachable write routes that take no document or file of anyone's, and why. */
const NOT_ANOTHERS = new Map<string, string>([
  ['DELETE /admin/users/me/sessions', "the caller's own sessions"],
  ['DELETE /admin/users/me/sessions/:sessionId', "the caller's own sessions (Strapi looks the session up under the caller)"],
  ['POST /admin/logout', "the caller's own session"],
  ['POST /admin/permissions/check', "answers about the caller's own permissions"],
  ['PUT /admin/homepage/layout', "the caller's own homepage layout"],
  ['PUT /admin/users/me', "the caller's own account"],
  ['POST /chronicle/notifications/read', "the caller's own notices; another's ids are ignored (tests/api/notifications.test.ts)"],
  ['POST /chronicle/extract', 'reads a text it is sent; with a reportDocumentId it checks read access (extraction controller)'],
  ['POST /content-manager/collection-types/:model/actions/bulkFindForValidation', 'a read: covered by the side-read tests below'],
  ['POST /i18n/content-manager/actions/get-non-localized-fields', 'a read: covered by the side-read tests below'],
  ['POST /content-manager/uid/check-availability', 'reads whether a slug is taken; writes nothing'],
  ['POST /content-manager/uid/generate', 'proposes a slug; writes nothing'],
  ['PUT /content-manager/components/:uid/configuration', 'edit-view layout, checked by the controller against configure-view (a reporter gets 403)'],
  ['PUT /content-manager/content-types/:uid/configuration', 'edit-view layout, checked by the controller against configure-view (a reporter gets 403)'],
  ['PUT /i18n/settings', 'i18n settings, no document or file'],
  ['POST /email', 'the e-mail test send; no document or file'],
  ['POST /upload/actions/upload-from-urls', 'creates new files owned by the caller'],
  ['POST /upload/files', 'creates a new file owned by the caller'],
  ['POST /upload/folders', 'creates a new folder owned by the caller'],
  ['DELETE /content-manager/single-types/:model', 'Chronicle has no single types (asserted below)'],
  ['POST /content-manager/single-types/:model/actions/discard', 'Chronicle has no single types (asserted below)'],
  ['PUT /content-manager/single-types/:model', 'Chronicle has no single types (asserted below)'],
]);

describe("every write route a reporter can reach, aimed at another person's document or file", () => {
  test('the sweep covers every reporter-reachable write route in the census', async () => {
    const held = new Set(
      (
        await app.strapi.db.query('admin::permission').findMany({ where: { role: { code: 'chronicle-reporter' } } })
      ).map((p: any) => p.action as string)
    );
    const census = readCensus();
    const reachable = Object.entries(census)
      .filter(([route]) => !route.startsWith('GET '))
      .filter(([, entry]) => entry.who === 'any admin' || (entry.who === 'permission' && (entry.actions ?? []).some((a) => held.has(a))))
      .map(([route]) => route);
    const swept = new Set(CASES().map((c) => c.route));
    const uncovered = reachable.filter((route) => !swept.has(route) && !NOT_ANOTHERS.has(route));
    expect(uncovered.length === 0 ? 'ok' : `reporter-reachable write routes with no sweep case in tests/api/route-sweep.test.ts: ${uncovered.join(', ')}`).toBe('ok');
    const stale = [...swept, ...NOT_ANOTHERS.keys()].filter((route) => !reachable.includes(route));
    expect(stale).toEqual([]);
    const singleTypes = Object.values(app.strapi.contentTypes).filter((ct: any) => ct.uid.startsWith('plugin::chronicle.') && ct.kind === 'singleType');
    expect(singleTypes).toEqual([]);
  });

  test.each(CASES().map((c) => [c.route, c.what, c] as const))('%s (%s): refused, database unchanged', async (_route, _what, sweepCase) => {
    const before = await snapshot();
    const res = await sweepCase.send();
    expect([sweepCase.route, sweepCase.what, res.status >= 400 && res.status < 500 ? 'refused' : res.status]).toEqual([sweepCase.route, sweepCase.what, 'refused']);
    expect(res.body?.error?.message ?? res.body?.error?.name).toBeTruthy();
    expect(JSON.stringify(res.body)).not.toContain('尚未发表的正文');
    expect(await snapshot()).toEqual(before);
  });
});

describe("side routes do not show a reporter another reporter's drafts (issue 13 item 6, issue 14 item 6)", () => {
  test('POST /i18n/content-manager/actions/get-non-localized-fields: 403 for R2, the fields for R1', async () => {
    const body = { model: REPORT, id: target.reportRowId, locale: 'en' };
    const refused = await reporter2.post('/i18n/content-manager/actions/get-non-localized-fields', body);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(`you may not read document ${target.report} / 你无权查看文档 ${target.report}`);
    expect(JSON.stringify(refused.body)).not.toMatch(/2030-01-01|slug/);
    const mixedCase = await reporter2.post('/I18N/Content-Manager/actions/get-non-localized-fields/', body);
    expect(mixedCase.status).toBe(403);
    const own = await reporter1.post('/i18n/content-manager/actions/get-non-localized-fields', body);
    expect(own.status).toBe(200);
    expect(own.body.nonLocalizedFields).toBeDefined();
  });

  test('GET …/actions/countManyEntriesDraftRelations: 403 for R2, an answer for R1 and the editor', async () => {
    const url = `${cm(REPORT, '/actions/countManyEntriesDraftRelations')}?locale=zh-Hans&documentIds[0]=${target.report}`;
    const refused = await reporter2.get(url);
    expect([refused.status, refused.body]).toEqual([403, expect.anything()]);
    expect(refused.body.error.message).toBe(`you may not read document ${target.report} / 你无权查看文档 ${target.report}`);
    expect(refused.body.data).toBeNull();
    for (const api of [reporter1, editor]) {
      const ok = await api.get(url);
      expect(ok.status).toBe(200);
      expect(typeof ok.body.data).toBe('number');
    }
  });

  test('POST …/actions/bulkFindForValidation: 403 for R2 (it returned the drafts whole), the documents for R1', async () => {
    const url = `${cm(REPORT, '/actions/bulkFindForValidation')}?locale=zh-Hans`;
    const refused = await reporter2.post(url, { documentIds: [target.report], locale: 'zh-Hans' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('尚未发表的正文');
    const own = await reporter1.post(url, { documentIds: [target.report], locale: 'zh-Hans' });
    expect(own.status).toBe(200);
    expect(own.body.results.map((r: any) => r.documentId)).toEqual([target.report]);
  });

  test('GET /i18n/content-manager/get-fill-from-locale/:model: 403 for R2', async () => {
    const url = `/i18n/content-manager/get-fill-from-locale/${REPORT}?documentId=${target.report}&sourceLocale=zh-Hans&targetLocale=en&collectionType=collection-types`;
    const refused = await reporter2.get(url);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('尚未发表的正文');
    const own = await reporter1.get(url);
    expect(own.status).toBe(200);
  });
});
