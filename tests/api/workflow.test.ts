/**
 * The editorial workflow through the API, with real admin users logged in through
 * /admin/login: submission, review, approval, embargo, scheduling, corrections, withdrawal,
 * the audit trail, concurrency and stale writes, the queue and the webhook event.
 */
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const TRANSITIONS = 'plugin::chronicle.workflow-transition';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let reporter: Api;
let reporter2: Api;
let editor: Api;
let editor2: Api;
let superAdmin: Api;

beforeAll(async () => {
  app = await startStrapi();
  const users: Array<[string, string]> = [
    ['reporter@wf.local', 'chronicle-reporter'],
    ['reporter2@wf.local', 'chronicle-reporter'],
    ['editor@wf.local', 'strapi-editor'],
    ['editor2@wf.local', 'strapi-editor'],
    ['admin@wf.local', 'strapi-super-admin'],
  ];
  for (const [email, role] of users) await createAdminUser(app.strapi, email, role);
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@wf.local'));
  reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@wf.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@wf.local'));
  editor2 = adminApi(app.strapi, await login(app.strapi, 'editor2@wf.local'));
  superAdmin = adminApi(app.strapi, await login(app.strapi, 'admin@wf.local'));
});
afterAll(async () => {
  await app?.stop();
});

const newReport = async (title: string, extra: object = {}) => {
  const res = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title, body: '正文', ...extra });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const move = (api: Api, documentId: string, to: string, extra: object = {}) =>
  api.post('/chronicle/workflow/transition', { uid: REPORT, documentId, locale: 'zh-Hans', to, ...extra });
const stateOf = (documentId: string) => app.strapi.plugin('chronicle').service('workflow').stateOf(REPORT, documentId, 'zh-Hans');
const publishedVersion = (documentId: string) =>
  app.strapi.documents(REPORT as never).findOne({ documentId, locale: 'zh-Hans', status: 'published', populate: ['corrections'] } as never) as Promise<any>;
const auditRows = (documentId: string) =>
  app.strapi.db.query(TRANSITIONS as never).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } }) as Promise<any[]>;

describe('the newsroom loop', () => {
  let id: string;

  test('a reporter submits their draft for review', async () => {
    id = await newReport('网格员入户排查');
    const res = await move(reporter, id, 'in_review', { note: '请审阅' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('in_review');
    expect(res.body.history).toEqual([
      { from: 'draft', to: 'in_review', actor: 'reporter Test', note: '请审阅', at: expect.any(String) },
    ]);
  });

  test('the author cannot approve, another reporter cannot touch it', async () => {
    const own = await move(reporter, id, 'approved');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/workflow "approve" permission/);
    expect((await move(reporter2, id, 'draft')).status).toBe(403);
    expect(await stateOf(id)).toBe('in_review');
  });

  test('an invalid transition is a 409 that says where the document can go', async () => {
    const res = await move(editor, id, 'published');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    expect(res.body.error.message).toMatch(/cannot go from in_review to published/);
  });

  test('changes are requested with a note, and the author resubmits', async () => {
    const bare = await move(editor, id, 'changes_requested');
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/note/);
    expect((await move(editor, id, 'changes_requested', { note: '补充时间地点' })).status).toBe(200);
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
  });

  test('an editor approves; the reporter still cannot publish by any route', async () => {
    expect((await move(editor, id, 'approved')).status).toBe(200);
    expect((await move(reporter, id, 'published')).status).toBe(403);
    expect((await reporter.post(`${CM}/${REPORT}/${id}/actions/publish?locale=zh-Hans`, {})).status).toBe(403);
    expect(await publishedVersion(id)).toBeNull();
  });

  test('a script cannot publish without a named actor', async () => {
    await expect(app.strapi.documents(REPORT as never).publish({ documentId: id, locale: 'zh-Hans' } as never)).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/named system actor/),
    });
    expect(await publishedVersion(id)).toBeNull();
  });

  test('the editor publishes, and every step is in the audit trail', async () => {
    const res = await move(editor, id, 'published');
    expect(res.status).toBe(200);
    expect((await publishedVersion(id)).workflowState).toBe('published');
    const steps = (await auditRows(id)).map((r) => `${r.from}>${r.to}:${r.actorName}`);
    expect(steps).toEqual([
      'draft>in_review:reporter Test',
      'in_review>changes_requested:editor Test',
      'changes_requested>in_review:reporter Test',
      'in_review>approved:editor Test',
      'approved>published:editor Test',
    ]);
  });

  test('editing the published report sends it back to review; the published version stays live', async () => {
    const res = await reporter.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '网格员入户排查（更新）' });
    expect(res.status).toBe(200);
    expect(await stateOf(id)).toBe('in_review');
    expect((await publishedVersion(id)).title).toBe('网格员入户排查');
    const last = (await auditRows(id)).pop();
    expect(last).toMatchObject({ from: 'published', to: 'in_review', actorName: 'reporter Test' });
  });

  test('saving without changes does not send an approved report back to review', async () => {
    expect((await move(editor, id, 'approved')).status).toBe(200);
    const current = await app.strapi.documents(REPORT as never).findOne({ documentId: id, locale: 'zh-Hans' } as never) as any;
    const res = await editor.post(`${CM}/${REPORT}/${id}/actions/publish?locale=zh-Hans`, { title: current.title, body: current.body });
    expect(res.status).toBe(200);
    expect((await publishedVersion(id)).title).toBe('网格员入户排查（更新）');
    expect(await stateOf(id)).toBe('published');
  });

  test('a correction is appended to the published report without unpublishing it', async () => {
    const missing = await move(editor, id, 'corrected');
    expect(missing.status).toBe(400);
    const res = await move(editor, id, 'corrected', { correction: { kind: 'correction', text: '入户人数应为132支小分队' } });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('corrected');
    const live = await publishedVersion(id);
    expect(live.workflowState).toBe('corrected');
    expect(live.corrections).toEqual([expect.objectContaining({ kind: 'correction', text: '入户人数应为132支小分队' })]);
  });

  test('a withdrawal needs a public reason, unpublishes and keeps the notice', async () => {
    expect((await move(editor, id, 'withdrawn')).status).toBe(400);
    const res = await move(editor, id, 'withdrawn', { note: '当事人撤回授权' });
    expect(res.status).toBe(200);
    expect(await publishedVersion(id)).toBeNull();
    const draft = await app.strapi.documents(REPORT as never).findOne({ documentId: id, locale: 'zh-Hans', populate: ['withdrawalNotice'] } as never) as any;
    expect(draft.workflowState).toBe('withdrawn');
    expect(draft.withdrawalNotice).toMatchObject({ reason: '当事人撤回授权', date: expect.any(String) });

    // Its public address answers 410 with the notice, not a bare 404.
    const request = require('supertest');
    const page = await request(app.strapi.server.httpServer).get(`/api/chronicle/reports/${draft.slug}`);
    expect(page.status).toBe(410);
    expect(page.body.error).toMatchObject({
      status: 410,
      name: 'GoneError',
      message: 'this report has been withdrawn',
      details: { withdrawal: { reason: '当事人撤回授权', date: draft.withdrawalNotice.date } },
    });
    const unknown = await request(app.strapi.server.httpServer).get('/api/chronicle/reports/no-such-report');
    expect(unknown.status).toBe(404);
  });
});

describe('bad input changes nothing', () => {
  let id: string;
  beforeAll(async () => {
    id = await newReport('坏输入');
  });

  test.each([
    [{ to: 'nowhere' }, /to must be one of/],
    [{ documentId: undefined }, /documentId/],
    [{ uid: 'api::article.article' }, /uid must be one of/],
    [{ uid: 'plugin::chronicle.unit' }, /uid must be one of/],
    [{ locale: 'fr' }, /locale must be one of en, zh-Hans/],
    [{ to: 'scheduled', publishAt: 'tomorrow' }, /publishAt.*ISO 8601/],
    [{ surprise: 1 }, /unknown field: surprise/],
    [{ correction: { kind: 'erratum', text: 'x' } }, /correction.kind/],
  ])('%p is a 400', async (change, message) => {
    const body = { uid: REPORT, documentId: id, locale: 'zh-Hans', to: 'in_review', ...change };
    const res = await editor.post('/chronicle/workflow/transition', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await stateOf(id)).toBe('draft');
  });

  test('a malformed request is refused in the admin\'s language only, by code', async () => {
    const body = { uid: REPORT, documentId: id, locale: 'zh-Hans', to: 'nowhere', surprise: 1 };
    const res = await editor.post('/chronicle/workflow/transition', body).set('Accept-Language', 'zh-Hans');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, details: { code: 'request.invalid' } });
    expect(res.body.error.message).toContain('目标状态须为以下之一：“草稿”');
    expect(res.body.error.message).toContain('未知字段：surprise');
    expect(res.body.error.message).not.toMatch(/must be|unknown|in_review|draft|scheduled/);
    const english = await editor.post('/chronicle/workflow/transition', body);
    expect(english.body.error.message).toMatch(/to must be one of .*; unknown field: surprise/);
    const query = await editor.get('/chronicle/workflow/queue?state=limbo').set('Accept-Language', 'zh-Hans');
    expect(query.status).toBe(400);
    expect(query.body.error.message).toMatch(/^状态须为以下之一：/);
    expect(await stateOf(id)).toBe('draft');
  });

  test('a publishAt in the past is a 400', async () => {
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'approved')).status).toBe(200);
    const res = await move(editor, id, 'scheduled', { publishAt: '2020-01-01T00:00:00+08:00' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/publishAt must be in the future/);
    expect(await stateOf(id)).toBe('approved');
  });

  test('an unknown document is a 404', async () => {
    const res = await move(editor, 'nosuchdocument000000000', 'in_review');
    expect(res.status).toBe(404);
  });

  test('without a token the routes answer 401', async () => {
    const request = require('supertest');
    const res = await request(app.strapi.server.httpServer).post('/chronicle/workflow/transition').send({});
    expect(res.status).toBe(401);
  });
});

describe('embargo and scheduled publishing', () => {
  test('an embargo holds on every path; the scheduler publishes when due, once', async () => {
    const embargo = new Date(Date.now() + 3600_000);
    const id = await newReport('解禁稿件', { embargoUntil: embargo.toISOString() });
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'approved')).status).toBe(200);

    const now = await move(editor, id, 'published');
    expect(now.status).toBe(409);
    expect(now.body.error.message).toMatch(/embargoed until/);
    const viaCm = await editor.post(`${CM}/${REPORT}/${id}/actions/publish?locale=zh-Hans`, {});
    expect(viaCm.status).toBe(409);
    expect(await publishedVersion(id)).toBeNull();

    const early = await move(editor, id, 'scheduled', { publishAt: new Date(embargo.getTime() - 60_000).toISOString() });
    expect(early.status).toBe(400);
    const publishAt = new Date(embargo.getTime() + 60_000);
    const scheduled = await move(editor, id, 'scheduled', { publishAt: publishAt.toISOString() });
    expect(scheduled.status).toBe(200);

    const workflow = app.strapi.plugin('chronicle').service('workflow');
    expect(await workflow.publishDue(new Date())).toEqual([]);
    expect(await publishedVersion(id)).toBeNull();

    const later = new Date(publishAt.getTime() + 1000);
    // The scheduler runs at `later`; the embargo check uses the real clock, so move the embargo back first.
    await app.strapi.db.query(REPORT as never).updateMany({ where: { documentId: id }, data: { embargoUntil: new Date(Date.now() - 1000).toISOString(), scheduledFor: new Date(Date.now() - 500).toISOString() } });
    const done = await workflow.publishDue(later);
    expect(done).toEqual([{ uid: REPORT, documentId: id, locale: 'zh-Hans' }]);
    expect((await publishedVersion(id)).workflowState).toBe('published');
    expect(await workflow.publishDue(later)).toEqual([]);
    const last = (await auditRows(id)).pop();
    expect(last).toMatchObject({ from: 'scheduled', to: 'published', actorName: 'system:scheduler' });
  });
});

describe('concurrency and stale requests', () => {
  test('two editors approving at once record one transition', async () => {
    const id = await newReport('并发审批');
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    const [a, b] = await Promise.all([move(editor, id, 'approved'), move(editor2, id, 'approved')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const approvals = (await auditRows(id)).filter((r) => r.to === 'approved');
    expect(approvals).toHaveLength(1);
  });

  test('a request carrying an old updatedAt is a 409, not a silent overwrite', async () => {
    const id = await newReport('过期请求');
    const first = await app.strapi.documents(REPORT as never).findOne({ documentId: id, locale: 'zh-Hans' } as never) as any;
    await new Promise((r) => setTimeout(r, 20));
    expect((await reporter.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { body: '改过了' })).status).toBe(200);
    const stale = await move(reporter, id, 'in_review', { updatedAt: first.updatedAt });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed since you read it/);
    const fresh = await app.strapi.documents(REPORT as never).findOne({ documentId: id, locale: 'zh-Hans' } as never) as any;
    const viaHeader = await reporter
      .post('/chronicle/workflow/transition', { uid: REPORT, documentId: id, locale: 'zh-Hans', to: 'in_review' })
      .set('If-Match', `"${first.updatedAt}"`);
    expect(viaHeader.status).toBe(409);
    expect((await move(reporter, id, 'in_review', { updatedAt: fresh.updatedAt })).status).toBe(200);
  });
});

describe('stale writes from the Content Manager', () => {
  const url = (id: string, locale = 'zh-Hans') => `${CM}/${REPORT}/${id}?locale=${locale}`;
  /** What the Content Manager's form loads: the draft with its save counter. */
  const open = async (api: Api, id: string, locale = 'zh-Hans') => {
    const res = await api.get(url(id, locale));
    expect(res.status).toBe(200);
    expect(typeof res.body.data.revision).toBe('number');
    return res.body.data as { title: string; body: string; revision: number };
  };
  const draftOf = (id: string, locale = 'zh-Hans') =>
    app.strapi.documents(REPORT as never).findOne({ documentId: id, locale, status: 'draft' } as never) as Promise<any>;

  test('the second of two saves made on the same copy is a 409 that says what to do; the first is kept', async () => {
    const id = await newReport('两人同时编辑');
    const tabA = await open(reporter, id);
    const tabB = await open(superAdmin, id);
    expect(tabB.revision).toBe(tabA.revision);

    const first = await reporter.put(url(id), { ...tabA, title: '甲的标题', body: '甲的正文' });
    expect(first.status).toBe(200);
    expect(first.body.data.revision).toBe(tabA.revision + 1);

    const second = await superAdmin.put(url(id), { ...tabB, title: '乙的标题' });
    expect(second.status).toBe(409);
    expect(second.body.data).toBeNull();
    expect(second.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    expect(second.body.error.message).toMatch(/Someone else saved this document after you opened it/);
    expect(second.body.error.message).not.toMatch(/他人已保存此文档/);
    expect(second.body.error.message).toContain(`you opened revision ${tabA.revision}; it is now at revision ${tabA.revision + 1}`);
    expect(second.body.error.details).toMatchObject({ code: 'document.stale-revision', params: { sent: tabA.revision, stored: tabA.revision + 1 } });
    // The admin in Chinese asks in Chinese (Accept-Language) and gets Chinese only.
    const inChinese = await superAdmin.put(url(id), { ...tabB, title: '乙的标题' }).set('Accept-Language', 'zh-Hans');
    expect(inChinese.status).toBe(409);
    expect(inChinese.body.error.message).toMatch(/^在您打开之后，他人已保存此文档（您打开的是第 \d+ 版，现为第 \d+ 版）。本次未保存任何内容。/);
    expect(inChinese.body.error.message).not.toMatch(/[A-Za-z]/);

    const stored = await draftOf(id);
    expect(stored).toMatchObject({ title: '甲的标题', body: '甲的正文', revision: tabA.revision + 1 });

    // Reloaded, the second editor saves normally; and a form saved twice in a row stays current.
    const reloaded = await open(superAdmin, id);
    const again = await superAdmin.put(url(id), { ...reloaded, title: '乙的标题' });
    expect(again.status).toBe(200);
    const twice = await superAdmin.put(url(id), { ...again.body.data, body: '乙又改了正文' });
    expect(twice.status).toBe(200);
    expect(await draftOf(id)).toMatchObject({ title: '乙的标题', body: '乙又改了正文', revision: tabA.revision + 3 });
  });

  test('two saves racing on the same copy: one 200, one 409, whichever wins', async () => {
    const id = await newReport('并发保存');
    const tab = await open(reporter, id);
    const [a, b] = await Promise.all([
      reporter.put(url(id), { ...tab, title: '并发保存甲' }),
      superAdmin.put(url(id), { ...tab, title: '并发保存乙' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.message).toContain(`you opened revision ${tab.revision}; it is now at revision ${tab.revision + 1}`);
    const winner = a.status === 200 ? '并发保存甲' : '并发保存乙';
    expect(await draftOf(id)).toMatchObject({ title: winner, revision: tab.revision + 1 });
  });

  test('Publish with changes on an approved document says why it is refused; nothing is saved', async () => {
    const id = await newReport('批准后又改');
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'approved')).status).toBe(200);
    const form = await open(editor, id);
    const res = await editor.post(`${CM}/${REPORT}/${id}/actions/publish?locale=zh-Hans`, { ...form, body: '发布前又改了' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Not published, and nothing was saved: this document was approved as it stood/);
    expect(res.body.error.details.code).toBe('document.publish-after-edit');
    const inChinese = await editor.post(`${CM}/${REPORT}/${id}/actions/publish?locale=zh-Hans`, { ...form, body: '发布前又改了' }).set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(inChinese.status).toBe(409);
    expect(inChinese.body.error.message).toMatch(/请先保存修改/);
    expect(inChinese.body.error.message).not.toMatch(/Not published/);
    expect(await publishedVersion(id)).toBeNull();
    expect(await stateOf(id)).toBe('approved');
    expect(await draftOf(id)).toMatchObject({ body: '正文', revision: form.revision });
  });

  test('Publish with a stale form publishes nothing', async () => {
    const id = await newReport('过期发布');
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'approved')).status).toBe(200);
    const stale = await open(editor, id);
    const reloadedByOther = await open(editor2, id);
    expect((await editor2.put(url(id), { ...reloadedByOther, body: '二审改了正文' })).status).toBe(200);

    const res = await editor.post(`${CM}/${REPORT}/${id}/actions/publish?locale=zh-Hans`, stale);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Someone else saved this document/);
    expect(await publishedVersion(id)).toBeNull();
    expect((await draftOf(id)).body).toBe('二审改了正文');
  });

  test('workflow steps do not make an open form stale; saves without a counter (scripts) still count', async () => {
    const id = await newReport('审批不影响表单');
    const tab = await open(reporter, id);
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'changes_requested', { note: '补充细节' })).status).toBe(200);
    const saved = await reporter.put(url(id), { ...tab, body: '补充了细节' });
    expect(saved.status).toBe(200);

    const script = await reporter.put(url(id), { body: '脚本改的' });
    expect(script.status).toBe(200);
    expect(script.body.data.revision).toBe(tab.revision + 2);
    const late = await reporter.put(url(id), { ...saved.body.data, body: '晚了一步' });
    expect(late.status).toBe(409);
    expect((await draftOf(id)).body).toBe('脚本改的');
  });

  test('the counter is shared by the locales: a save of one locale makes the other\'s open form stale', async () => {
    const id = await newReport('跨语言编辑');
    const created = await reporter.put(url(id, 'en'), { title: 'Editing across locales', body: 'Body' });
    expect(created.status).toBe(200);
    const zh = await open(reporter, id, 'zh-Hans');
    const en = await open(reporter, id, 'en');
    expect(en.revision).toBe(zh.revision);
    expect((await reporter.put(url(id, 'zh-Hans'), { ...zh, body: '中文正文改了' })).status).toBe(200);
    const stale = await reporter.put(url(id, 'en'), { ...en, body: 'English body changed' });
    expect(stale.status).toBe(409);
    expect((await draftOf(id, 'en')).body).toBe('Body');
  });

  test('a form behind the newest locale is stale even where an older locale row still has its counter', async () => {
    const id = await newReport('版本号不一致');
    expect((await reporter.put(url(id, 'en'), { title: 'Diverged counters', body: 'Body' })).status).toBe(200);
    const zh = await open(reporter, id, 'zh-Hans');
    // Counters that drifted apart (data from before the counter, a partial restore): en is ahead.
    await app.strapi.db.query(REPORT as never).updateMany({ where: { documentId: id, locale: 'en', publishedAt: null }, data: { revision: zh.revision + 3 } });
    const res = await reporter.put(url(id, 'zh-Hans'), { ...zh, body: '按旧版本号保存' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`it is now at revision ${zh.revision + 3}`);
    expect((await draftOf(id)).body).toBe('正文');
  });

  test.each([
    ['text', 'abc'],
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['an object', { $gt: 0 }],
  ])('a revision that is %s is a 400 naming the field, and changes nothing', async (_label, revision) => {
    const id = await newReport('坏的版本号');
    const res = await reporter.put(url(id), { title: '不该保存', revision });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(JSON.stringify(res.body.error)).toMatch(/revision/);
    expect((await draftOf(id)).title).toBe('坏的版本号');
  });
});

describe('bulk publishing from the Content Manager', () => {
  test('publishes approved documents only: one unapproved document stops the whole batch', async () => {
    const approved = await newReport('批量一');
    const draft = await newReport('批量二');
    expect((await move(reporter, approved, 'in_review')).status).toBe(200);
    expect((await move(editor, approved, 'approved')).status).toBe(200);

    const mixed = await editor.post(`${CM}/${REPORT}/actions/bulkPublish?locale=zh-Hans`, { documentIds: [approved, draft] });
    expect(mixed.status).toBe(409);
    expect(await publishedVersion(approved)).toBeNull();
    expect(await publishedVersion(draft)).toBeNull();
    expect(await stateOf(approved)).toBe('approved');

    const clean = await editor.post(`${CM}/${REPORT}/actions/bulkPublish?locale=zh-Hans`, { documentIds: [approved] });
    expect(clean.status).toBe(200);
    expect((await publishedVersion(approved)).workflowState).toBe('published');
  });
});

describe('the audit trail', () => {
  test('cannot be edited or deleted, even by a super admin', async () => {
    const [row] = await app.strapi.db.query(TRANSITIONS as never).findMany({ limit: 1 }) as any[];
    expect(row).toBeDefined();
    const put = await superAdmin.put(`${CM}/${TRANSITIONS}/${row.documentId}`, { note: 'rewritten' });
    expect(put.status).toBe(403);
    const del = await superAdmin.del(`${CM}/${TRANSITIONS}/${row.documentId}`);
    expect(del.status).toBe(403);
    const create = await superAdmin.post(`${CM}/${TRANSITIONS}`, { contentUid: REPORT, subjectDocumentId: 'x', subjectLocale: 'zh-Hans', from: 'a', to: 'b', at: new Date().toISOString() });
    expect(create.status).toBe(403);
    const after = await app.strapi.db.query(TRANSITIONS as never).findOne({ where: { id: row.id } }) as any;
    expect(after.note).toBe(row.note);
  });
});

describe('queue, history and webhook', () => {
  test('each user sees what waits for them, and only what they may read', async () => {
    const id = await newReport('排队稿件');
    expect((await move(reporter, id, 'in_review')).status).toBe(200);

    const editorQueue = await editor.get('/chronicle/workflow/queue');
    expect(editorQueue.status).toBe(200);
    expect(editorQueue.body.sections.awaitingReview.map((i: any) => i.documentId)).toContain(id);
    expect(editorQueue.body.counts.in_review).toBeGreaterThanOrEqual(1);

    const mine = await reporter.get('/chronicle/workflow/queue');
    expect(mine.body.sections.mine.map((i: any) => i.documentId)).toContain(id);
    const other = await reporter2.get('/chronicle/workflow/queue');
    expect(other.body.items.map((i: any) => i.documentId)).not.toContain(id);

    const onlyReview = await editor.get('/chronicle/workflow/queue?state=in_review');
    expect(onlyReview.body.items.every((i: any) => i.state === 'in_review')).toBe(true);
    expect((await editor.get('/chronicle/workflow/queue?state=limbo')).status).toBe(400);
    expect((await editor.get('/chronicle/workflow/queue?filters[x]=1')).status).toBe(400);
  });

  test('history is readable by those who may read the document', async () => {
    const id = await newReport('历史记录');
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    const url = `/chronicle/workflow/history?uid=${encodeURIComponent(REPORT)}&documentId=${id}&locale=zh-Hans`;
    const res = await editor.get(url);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      state: 'in_review',
      available: ['draft', 'changes_requested', 'approved'],
      history: [expect.objectContaining({ from: 'draft', to: 'in_review' })],
      // A field report's package: nothing was accepted from this one (tests/api/package.test.ts).
      package: [],
    });
    const own = await reporter.get(url);
    expect(own.body.available).toEqual(['draft']);
    expect((await reporter2.get(url)).status).toBe(404);
    expect((await editor.get(`/chronicle/workflow/history?uid=${encodeURIComponent(REPORT)}&locale=zh-Hans`)).status).toBe(400);
  });

  test('every transition emits chronicle.workflow.transition after commit', async () => {
    const heard: any[] = [];
    const listener = async (payload: any) => {
      heard.push(payload);
    };
    app.strapi.eventHub.on('chronicle.workflow.transition', listener);
    try {
      const id = await newReport('通知稿件');
      expect((await move(reporter, id, 'in_review', { note: '请审' })).status).toBe(200);
      expect(heard).toEqual([
        expect.objectContaining({ uid: REPORT, documentId: id, locale: 'zh-Hans', title: '通知稿件', from: 'draft', to: 'in_review', actor: 'reporter Test', note: '请审' }),
      ]);
      expect((await move(editor, id, 'published')).status).toBe(409);
      expect(heard).toHaveLength(1);
    } finally {
      app.strapi.eventHub.off('chronicle.workflow.transition', listener);
    }
  });

  test('the event can be chosen for a webhook', () => {
    const allowed = [...app.strapi.get('webhookStore').allowedEvents.values()];
    expect(allowed).toContain('chronicle.workflow.transition');
  });
});
