/**
 * Revisions and what changed (issue #17): every change of an editorial record's content is
 * kept as an append-only revision (a save that changes nothing keeps none; no route can change
 * or delete one), the revisions route shows an editor what changed since the version last
 * approved, by character, to those who may read the record only; approval records the
 * revision it approves; an English translation is marked stale once the Chinese changes after
 * it, in the admin and the public API; bylines have a translator (译).
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { publishDocument } from '../helpers/workflow';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const REVISION = 'plugin::chronicle.revision';
const TRANSITIONS = 'plugin::chronicle.workflow-transition';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let reporter: Api;
let reporter2: Api;
let editor: Api;
let superAdmin: Api;

beforeAll(async () => {
  app = await startStrapi();
  const users: Array<[string, string]> = [
    ['reporter@rev.local', 'chronicle-reporter'],
    ['reporter2@rev.local', 'chronicle-reporter'],
    ['editor@rev.local', 'strapi-editor'],
    ['admin@rev.local', 'strapi-super-admin'],
  ];
  for (const [email, role] of users) await createAdminUser(app.strapi, email, role);
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@rev.local'));
  reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@rev.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@rev.local'));
  superAdmin = adminApi(app.strapi, await login(app.strapi, 'admin@rev.local'));
});
afterAll(async () => {
  await app?.stop();
});

const revisionRows = (documentId: string, locale = 'zh-Hans') =>
  app.strapi.db.query(REVISION as never).findMany({ where: { subjectDocumentId: documentId, subjectLocale: locale }, orderBy: { id: 'asc' } } as never) as Promise<any[]>;
const revisionsOf = (api: Api, documentId: string, query = 'locale=zh-Hans') => api.get(`/chronicle/revisions/${REPORT}/${documentId}?${query}`);
const move = (api: Api, documentId: string, to: string, locale = 'zh-Hans') =>
  api.post('/chronicle/workflow/transition', { uid: REPORT, documentId, locale, to });
const publicApi = (path: string) => request(app.strapi.server.httpServer).get(`/api/chronicle/${path}`);

describe('every saved revision is kept, append-only', () => {
  let id: string;

  test('a new report and each save that changes it append a revision numbered by the save counter', async () => {
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '网格员入户排查', body: '2月24日，网格员入户排查。' });
    expect(created.status).toBe(201);
    id = created.body.data.documentId;
    const edited = await reporter.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '网格员入户排查', body: '2月24日，网格员上门排查。' });
    expect(edited.status).toBe(200);
    const rows = await revisionRows(id);
    expect(rows.map((r) => [r.number, r.action, r.editorName])).toEqual([
      [0, 'create', 'reporter Test'],
      [1, 'update', 'reporter Test'],
    ]);
    const snapshot = typeof rows[1].snapshot === 'string' ? JSON.parse(rows[1].snapshot) : rows[1].snapshot;
    expect(snapshot).toMatchObject({ title: '网格员入户排查', body: '2月24日，网格员上门排查。' });
    // Bookkeeping stays out of the snapshot.
    for (const field of ['id', 'documentId', 'createdAt', 'updatedAt', 'revision', 'workflowState', 'createdBy']) expect(snapshot).not.toHaveProperty(field);
  });

  test('a save that changes nothing appends nothing', async () => {
    const same = await reporter.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '网格员入户排查', body: '2月24日，网格员上门排查。' });
    expect(same.status).toBe(200);
    expect(await revisionRows(id)).toHaveLength(2);
  });

  test('no route can write, change or delete a revision: the Content Manager with the uid is refused, and so is the Document Service', async () => {
    const [row] = await revisionRows(id);
    const before = await app.strapi.db.query(REVISION as never).count({} as never);
    const attempts = [
      superAdmin.post(`${CM}/${REVISION}`, { contentUid: REPORT, subjectDocumentId: id, subjectLocale: 'zh-Hans', number: 9, savedAt: new Date().toISOString(), snapshot: {} }),
      superAdmin.put(`${CM}/${REVISION}/${row.documentId}`, { snapshot: { title: 'forged' } }),
      superAdmin.del(`${CM}/${REVISION}/${row.documentId}`),
      superAdmin.post(`${CM}/${REVISION}/actions/bulkDelete`, { documentIds: [row.documentId] }),
      superAdmin.post(`${CM}/${REVISION}/clone/${row.documentId}`, {}),
      editor.put(`${CM}/${REVISION}/${row.documentId}`, { snapshot: { title: 'forged' } }),
      editor.del(`${CM}/${REVISION}/${row.documentId}`),
      reporter.del(`${CM}/${REVISION}/${row.documentId}`),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    // Editors and reporters cannot even read them through the Content Manager.
    expect((await editor.get(`${CM}/${REVISION}`)).status).toBe(403);
    expect((await reporter.get(`${CM}/${REVISION}`)).status).toBe(403);
    const docs = app.strapi.documents(REVISION as never) as any;
    await expect(docs.update({ documentId: row.documentId, data: { number: 99 } })).rejects.toThrow(/append-only/);
    await expect(docs.delete({ documentId: row.documentId })).rejects.toThrow(/append-only/);
    await expect(docs.create({ data: { contentUid: REPORT, subjectDocumentId: id, subjectLocale: 'zh-Hans', number: 5, savedAt: new Date(), snapshot: {} } })).rejects.toThrow(/append-only/);
    expect(await app.strapi.db.query(REVISION as never).count({} as never)).toBe(before);
    const [unchanged] = await revisionRows(id);
    expect(unchanged).toEqual(row);
  });
});

describe('what changed since the version last approved', () => {
  let id: string;

  test('approval records the revision it approves', async () => {
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '民警连续值守', body: '累计出动警力4800余人次，开展入户排查。' });
    id = created.body.data.documentId;
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'approved')).status).toBe(200);
    const approval = await app.strapi.db.query(TRANSITIONS as never).findOne({ where: { subjectDocumentId: id, to: 'approved' } } as never);
    const [latest] = (await revisionRows(id)).reverse();
    expect(approval.revision).toBe(latest.number);
  });

  test('after a reporter edit the editor sees the changed characters since the approval', async () => {
    const edit = await reporter.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '民警连续值守', body: '累计出动警力4900余人次，开展上门排查。' });
    expect(edit.status).toBe(200);
    const res = await revisionsOf(editor, id);
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body.base).toMatchObject({ reason: 'approved', number: 0, step: { actor: 'editor Test', revision: 0 } });
    expect(res.body.current).toMatchObject({ number: 1, action: 'update', editor: 'reporter Test' });
    expect(res.body.revisions.map((r: any) => r.number)).toEqual([1, 0]);
    expect(res.body.translationStale).toBeNull();
    expect(res.body.changes).toEqual([
      {
        field: 'body',
        kind: 'text',
        segments: [
          { op: 'equal', text: '累计出动警力4' },
          { op: 'delete', text: '8' },
          { op: 'insert', text: '9' },
          { op: 'equal', text: '00余人次，开展' },
          { op: 'delete', text: '入户' },
          { op: 'insert', text: '上门' },
          { op: 'equal', text: '排查。' },
        ],
      },
    ]);
    // The author reads their own record's revisions too; since a revision number, or the submission.
    expect((await revisionsOf(reporter, id, 'locale=zh-Hans&since=submitted')).body.base).toMatchObject({ reason: 'submitted', number: 0 });
    expect((await revisionsOf(reporter, id, 'locale=zh-Hans&since=1')).body.changes).toEqual([]);
  });

  test("another reporter cannot read a reporter's draft's revisions (404, like the record)", async () => {
    const res = await revisionsOf(reporter2, id);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain('4900');
  });

  test.each([
    [`/chronicle/revisions/${REVISION}/x?locale=zh-Hans`, /uid must be one of/],
    ['/chronicle/revisions/plugin::chronicle.field-report/x?locale=fr', /locale must be one of/],
    ['/chronicle/revisions/plugin::chronicle.field-report/x?locale=zh-Hans&since=yesterday', /since must be approved, submitted or a revision number/],
    ['/chronicle/revisions/plugin::chronicle.field-report/x?locale=zh-Hans&limit=5', /unknown query parameter: limit/],
    ['/chronicle/revisions/plugin::chronicle.field-report/x', /locale/],
  ])('%s is a 400 that says why', async (url, message) => {
    const res = await editor.get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test('the same refusals come in the admin\'s Chinese, by code', async () => {
    const locale = await editor.get('/chronicle/revisions/plugin::chronicle.field-report/x?locale=fr').set('Accept-Language', 'zh-Hans');
    expect(locale.status).toBe(400);
    expect(locale.body.error.details).toMatchObject({ code: 'request.unknown-locale' });
    expect(locale.body.error.message).toBe('语言版本须为以下之一：en、zh-Hans');
    const unknown = await editor.get('/chronicle/revisions/plugin::chronicle.field-report/x?locale=zh-Hans&limit=5').set('Accept-Language', 'zh-Hans');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ details: { code: 'request.invalid' }, message: '未知的查询参数：limit' });
  });

  test('an unknown record is a 404; without an admin token, a 401', async () => {
    expect((await editor.get(`/chronicle/revisions/${REPORT}/nosuchdocument?locale=zh-Hans`)).status).toBe(404);
    expect((await request(app.strapi.server.httpServer).get(`/chronicle/revisions/${REPORT}/${id}?locale=zh-Hans`)).status).toBe(401);
  });
});

describe('a translation made stale by a change of the Chinese', () => {
  let id: string;
  let slug: string;
  const publicReport = async (locale: string) => {
    const res = await publicApi(`reports/${slug}?locale=${locale}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  test('fresh after translating (with a translator on the byline)', async () => {
    const contributors = app.strapi.documents('plugin::chronicle.contributor' as never) as any;
    const translator = await contributors.create({ data: { name: '周译者', kind: 'editor' }, locale: 'zh-Hans' });
    await contributors.update({ documentId: translator.documentId, locale: 'en', data: { name: 'Zhou Yi' } });
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '核酸采样点', body: '社区设立核酸采样点。' });
    id = created.body.data.documentId;
    const translated = await reporter.put(`${CM}/${REPORT}/${id}?locale=en`, {
      title: 'Testing site',
      body: 'The community set up a testing site.',
      bylines: [{ role: 'translator', contributor: (translator as any).documentId }],
    });
    expect([translated.status, translated.body.error?.message]).toEqual([200, undefined]);
    await publishDocument(app.strapi, REPORT, id, 'zh-Hans');
    await publishDocument(app.strapi, REPORT, id, 'en');
    slug = (await app.strapi.db.query(REPORT as never).findOne({ where: { documentId: id, locale: 'en' } } as never)).slug;
    const en = await publicReport('en');
    expect(en.translationStale).toBe(false);
    expect(en.bylines).toEqual([{ name: 'Zhou Yi', slug: expect.any(String), role: 'translator', roleLabel: 'translated by' }]);
    expect((await publicReport('zh-Hans')).translationStale).toBe(false);
    expect((await revisionsOf(editor, id, 'locale=en')).body.translationStale).toBe(false);
  });

  test('stale once the Chinese changes: in the admin, the public API and on the English page', async () => {
    expect((await reporter.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '核酸采样点', body: '社区设立两个核酸采样点。' })).status).toBe(200);
    expect((await revisionsOf(editor, id, 'locale=en')).body.translationStale).toBe(true);
    expect((await publicReport('en')).translationStale).toBe(true);
    expect((await publicReport('zh-Hans')).translationStale).toBe(false);
    const list = await publicApi('reports?locale=en');
    expect(list.body.data.find((r: any) => r.slug === slug).translationStale).toBe(true);
    const page = await request(app.strapi.server.httpServer).get(`/reports/${slug}?lang=en`).buffer(true);
    expect(page.status).toBe(200);
    expect(page.text).toContain('The Chinese original has been changed since this translation was made');
    const zhPage = await request(app.strapi.server.httpServer).get(`/reports/${slug}`).buffer(true);
    expect(zhPage.status).toBe(200);
    expect(zhPage.text).not.toContain('translation-stale');
  });

  test('fresh again once the English is saved against the new Chinese', async () => {
    const resaved = await reporter.put(`${CM}/${REPORT}/${id}?locale=en`, { title: 'Testing site', body: 'The community set up two testing sites.' });
    expect(resaved.status).toBe(200);
    expect((await revisionsOf(editor, id, 'locale=en')).body.translationStale).toBe(false);
    await publishDocument(app.strapi, REPORT, id, 'en');
    expect((await publicReport('en')).translationStale).toBe(false);
  });

  test('every public answer that can be translated says translationStale', async () => {
    for (const path of ['reports?locale=en', 'profiles?locale=en', 'timeline?locale=en', 'reports', 'timeline']) {
      const res = await publicApi(path);
      expect(res.status).toBe(200);
      for (const item of res.body.data) expect(typeof item.translationStale).toBe('boolean');
    }
  });
});
