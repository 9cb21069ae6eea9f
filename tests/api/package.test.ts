/**
 * A report is a package (issue #18, docs/workflow.md): the events and figures accepted from a
 * field report travel with it through the workflow, each step in the audit trail; a report
 * whose items cannot go with it is refused (409, naming them) and nothing moves; an item stays
 * refusable by itself; the history and the queue list the package.
 */
import { queueAnswer, transitionAnswer, workflowInfo } from '../../plugins/chronicle/server/src/contracts';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { publishDocument, verifyFigures } from '../helpers/workflow';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const EVENT = 'plugin::chronicle.timeline-event';
const STATISTIC = 'plugin::chronicle.grid-statistic';
const TRANSITIONS = 'plugin::chronicle.workflow-transition';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let reporter: Api;
let reporter2: Api;
let editor: Api;

beforeAll(async () => {
  app = await startStrapi();
  const users: Array<[string, string]> = [
    ['reporter@pkg.local', 'chronicle-reporter'],
    ['reporter2@pkg.local', 'chronicle-reporter'],
    ['editor@pkg.local', 'strapi-editor'],
  ];
  for (const [email, role] of users) await createAdminUser(app.strapi, email, role);
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@pkg.local'));
  reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@pkg.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@pkg.local'));
});
afterAll(async () => {
  await app?.stop();
});

const linkTo = (reportId: string) => ({ sourceReport: { connect: [{ documentId: reportId, locale: 'zh-Hans' }] } });

const newReport = async (title: string) => {
  const res = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title, body: '正文' });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const newEvent = async (reportId: string, title: string) => {
  const res = await reporter.post(`${CM}/${EVENT}?locale=zh-Hans`, {
    title,
    occurredAt: '2022-03-06T02:00:00.000Z',
    precision: 'day',
    ...linkTo(reportId),
  });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const newFigure = async (reportId: string, label: string) => {
  const res = await reporter.post(`${CM}/${STATISTIC}?locale=zh-Hans`, {
    metric: 'video-calls',
    label,
    value: 100000,
    qualifier: 'more-than',
    countUnit: '次',
    ...linkTo(reportId),
  });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

const move = (api: Api, uid: string, documentId: string, to: string, extra: object = {}) =>
  api.post('/chronicle/workflow/transition', { uid, documentId, locale: 'zh-Hans', to, ...extra });
const stateOf = (uid: string, documentId: string) =>
  app.strapi.plugin('chronicle').service('workflow').stateOf(uid, documentId, 'zh-Hans');
const isPublished = async (uid: string, documentId: string) =>
  (await app.strapi.db.query(uid as never).count({ where: { documentId, locale: 'zh-Hans', publishedAt: { $notNull: true } } })) === 1;
/** Workflow steps only: a figure's fact-check steps (from 'fact-check') are tested in verification.test.ts. */
const auditRows = (documentId: string) =>
  app.strapi.db.query(TRANSITIONS as never).findMany({ where: { subjectDocumentId: documentId, from: { $ne: 'fact-check' } }, orderBy: { id: 'asc' } }) as Promise<any[]>;

interface Package {
  report: string;
  events: string[];
  figure: string;
}

const newPackage = async (title: string): Promise<Package> => {
  const report = await newReport(title);
  const events = [await newEvent(report, `${title}·事件一`), await newEvent(report, `${title}·事件二`)];
  const figure = await newFigure(report, `${title}·视频通话`);
  // Approval needs verified figures (issue #17; tests/api/verification.test.ts): checked up front here.
  await verifyFigures(app.strapi, 'field-report', report);
  return { report, events, figure };
};
const itemsOf = (p: Package): Array<[string, string]> => [...p.events.map((e): [string, string] => [EVENT, e]), [STATISTIC, p.figure]];
const statesOf = async (p: Package) => Promise.all(itemsOf(p).map(([uid, id]) => stateOf(uid, id)));

describe('a report and the items accepted from it move together', () => {
  let p: Package;

  beforeAll(async () => {
    p = await newPackage('网格员入户排查');
  });

  test('submitting the report submits its events and figure, each step in the audit trail', async () => {
    const res = await move(reporter, REPORT, p.report, 'in_review', { note: '请审阅' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('in_review');
    expect(await statesOf(p)).toEqual(['in_review', 'in_review', 'in_review']);
    for (const [uid, id] of itemsOf(p)) {
      const rows = await auditRows(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ contentUid: uid, from: 'draft', to: 'in_review', actorName: 'reporter Test' });
      expect(rows[0].note).toBe('随稿件《网格员入户排查》一并流转 / moved with report "网格员入户排查": 请审阅');
    }
    // The admin contract holds the package field (strict objects: an unknown field would fail).
    expect(transitionAnswer.safeParse(res.body).success).toBe(true);
    expect(res.body.package).toEqual([
      { type: 'timeline-event', documentId: p.events[0], title: '网格员入户排查·事件一', state: 'in_review' },
      { type: 'timeline-event', documentId: p.events[1], title: '网格员入户排查·事件二', state: 'in_review' },
      { type: 'grid-statistic', documentId: p.figure, title: '网格员入户排查·视频通话', state: 'in_review' },
    ]);
  });

  test('the history and the queue list the package; another reporter sees none of it', async () => {
    const url = `/chronicle/workflow/history?uid=${encodeURIComponent(REPORT)}&documentId=${p.report}&locale=zh-Hans`;
    const res = await editor.get(url);
    expect(res.status).toBe(200);
    expect(workflowInfo.safeParse(res.body).success).toBe(true);
    expect(res.body.package.map((i: any) => [i.type, i.title, i.state])).toEqual([
      ['timeline-event', '网格员入户排查·事件一', 'in_review'],
      ['timeline-event', '网格员入户排查·事件二', 'in_review'],
      ['grid-statistic', '网格员入户排查·视频通话', 'in_review'],
    ]);
    // An event's own history has no package.
    const eventHistory = await editor.get(`/chronicle/workflow/history?uid=${encodeURIComponent(EVENT)}&documentId=${p.events[0]}&locale=zh-Hans`);
    expect(eventHistory.status).toBe(200);
    expect(eventHistory.body).not.toHaveProperty('package');

    const queue = await editor.get('/chronicle/workflow/queue?state=in_review');
    expect(queue.status).toBe(200);
    expect(queueAnswer.safeParse(queue.body).success).toBe(true);
    const entry = queue.body.items.find((i: any) => i.documentId === p.report);
    expect(entry.package.map((i: any) => i.documentId)).toEqual([...p.events, p.figure]);
    const eventEntry = queue.body.items.find((i: any) => i.documentId === p.events[0]);
    expect(eventEntry).not.toHaveProperty('package');

    expect((await reporter2.get('/chronicle/workflow/queue')).body.items.map((i: any) => i.documentId)).not.toContain(p.report);
  });

  test('approving and publishing the report approves and publishes all three', async () => {
    expect((await move(editor, REPORT, p.report, 'approved')).status).toBe(200);
    expect(await statesOf(p)).toEqual(['approved', 'approved', 'approved']);
    const res = await move(editor, REPORT, p.report, 'published');
    expect(res.status).toBe(200);
    expect(await statesOf(p)).toEqual(['published', 'published', 'published']);
    expect(await isPublished(REPORT, p.report)).toBe(true);
    for (const [uid, id] of itemsOf(p)) {
      expect(await isPublished(uid, id)).toBe(true);
      expect((await auditRows(id)).map((r) => `${r.from}>${r.to}`)).toEqual(['draft>in_review', 'in_review>approved', 'approved>published']);
    }
    expect(res.body.package.map((i: any) => i.state)).toEqual(['published', 'published', 'published']);
  });
});

describe('an item stays refusable by itself', () => {
  let p: Package;

  beforeAll(async () => {
    p = await newPackage('封控区调整');
    expect((await move(reporter, REPORT, p.report, 'in_review')).status).toBe(200);
  });

  test('changes requested on one event: approving the report is refused, naming it, and nothing moves', async () => {
    const sent = await move(editor, EVENT, p.events[1], 'changes_requested', { note: '时间不对' });
    expect(sent.status).toBe(200);
    const before = await Promise.all([p.report, ...p.events, p.figure].map(async (id) => (await auditRows(id)).length));

    // The history answer says which item holds up which of the report's next steps (the Workflow panel shows it).
    const info = await editor.get(`/chronicle/workflow/history?uid=${encodeURIComponent(REPORT)}&documentId=${p.report}&locale=zh-Hans`);
    expect(workflowInfo.safeParse(info.body).success).toBe(true);
    expect(info.body.package.map((i: any) => i.blocks ?? null)).toEqual([null, ['approved'], null]);

    const res = await move(editor, REPORT, p.report, 'approved');
    expect(res.status).toBe(409);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    // English for a client that asks for no language; the code and the items for any client.
    expect(res.body.error.message).toBe('the report cannot be approved until its linked items can go with it: "封控区调整·事件二" (changes requested)');
    const items = [{ type: 'timeline-event', documentId: p.events[1], title: '封控区调整·事件二', state: 'changes_requested' }];
    expect(res.body.error.details).toEqual({ items, code: 'package.blocked', params: { to: 'approved', items } });
    expect(JSON.stringify(res.body)).not.toMatch(/stack|at .*\.js/);

    expect(await stateOf(REPORT, p.report)).toBe('in_review');
    expect(await statesOf(p)).toEqual(['in_review', 'changes_requested', 'in_review']);
    const after = await Promise.all([p.report, ...p.events, p.figure].map(async (id) => (await auditRows(id)).length));
    expect(after).toEqual(before);
  });

  test('once resolved the report goes on; publishing it is refused while an item has changes requested, and nothing moves', async () => {
    expect((await move(reporter, EVENT, p.events[1], 'in_review')).status).toBe(200);
    expect((await move(editor, REPORT, p.report, 'approved')).status).toBe(200);
    expect(await statesOf(p)).toEqual(['approved', 'approved', 'approved']);

    // The editor sends the figure back after approval.
    expect((await move(editor, STATISTIC, p.figure, 'changes_requested', { note: '单位不对' })).status).toBe(200);
    // The admin asks in its language (Accept-Language): the refusal is in Chinese only.
    const res = await move(editor, REPORT, p.report, 'published').set('Accept-Language', 'zh-Hans');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('稿件的关联条目尚不能一并发布，请先处理：《封控区调整·视频通话》（退回修改）');
    expect(res.body.error.details.code).toBe('package.blocked');
    const english = await move(editor, REPORT, p.report, 'published').set('Accept-Language', 'en-US,en;q=0.9');
    expect(english.body.error.message).toBe('the report cannot be published until its linked items can go with it: "封控区调整·视频通话" (changes requested)');
    expect(await stateOf(REPORT, p.report)).toBe('approved');
    expect(await isPublished(REPORT, p.report)).toBe(false);
    expect(await statesOf(p)).toEqual(['approved', 'approved', 'changes_requested']);
    for (const id of p.events) expect(await isPublished(EVENT, id)).toBe(false);

    expect((await move(reporter, STATISTIC, p.figure, 'in_review')).status).toBe(200);
    expect((await move(editor, STATISTIC, p.figure, 'approved')).status).toBe(200);
    expect((await move(editor, REPORT, p.report, 'published')).status).toBe(200);
    expect(await statesOf(p)).toEqual(['published', 'published', 'published']);
  });
});

describe('what is already further along stays', () => {
  test('an item already published is not moved again, and does not stop the report', async () => {
    const p = await newPackage('新增病例');
    await publishDocument(app.strapi, 'timeline-event', p.events[0]);
    const published = (await auditRows(p.events[0])).length;

    expect((await move(reporter, REPORT, p.report, 'in_review')).status).toBe(200);
    expect(await statesOf(p)).toEqual(['published', 'in_review', 'in_review']);
    expect((await move(editor, REPORT, p.report, 'approved')).status).toBe(200);
    expect((await move(editor, REPORT, p.report, 'published')).status).toBe(200);
    expect(await statesOf(p)).toEqual(['published', 'published', 'published']);
    expect((await auditRows(p.events[0])).length).toBe(published);
  });

  test('scheduling the report schedules its items for the same time; unscheduling brings them back', async () => {
    const p = await newPackage('定时发布稿件');
    expect((await move(reporter, REPORT, p.report, 'in_review')).status).toBe(200);
    expect((await move(editor, REPORT, p.report, 'approved')).status).toBe(200);
    const publishAt = new Date(Date.now() + 86400_000).toISOString();
    expect((await move(editor, REPORT, p.report, 'scheduled', { publishAt })).status).toBe(200);
    expect(await statesOf(p)).toEqual(['scheduled', 'scheduled', 'scheduled']);
    for (const [uid, id] of itemsOf(p)) {
      const row = (await app.strapi.db.query(uid as never).findOne({ where: { documentId: id, publishedAt: null } })) as any;
      expect(new Date(row.scheduledFor).toISOString()).toBe(publishAt);
    }
    expect((await move(editor, REPORT, p.report, 'approved')).status).toBe(200);
    expect(await statesOf(p)).toEqual(['approved', 'approved', 'approved']);
  });

  test('a withdrawn item stops the report from being approved', async () => {
    const p = await newPackage('撤回条目');
    await publishDocument(app.strapi, 'grid-statistic', p.figure);
    expect((await move(editor, STATISTIC, p.figure, 'withdrawn', { note: '数据有误' })).status).toBe(200);
    expect((await move(reporter, REPORT, p.report, 'in_review')).status).toBe(200);
    const approve = await move(editor, REPORT, p.report, 'approved').set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(approve.status).toBe(409);
    expect(approve.body.error.message).toMatch(/《撤回条目·视频通话》（已撤回）/);
    expect(approve.body.error.message).not.toMatch(/withdrawn|\//);
    expect(approve.body.error.details.items).toEqual([expect.objectContaining({ title: '撤回条目·视频通话', state: 'withdrawn' })]);
    expect(await stateOf(REPORT, p.report)).toBe('in_review');
    expect(await statesOf(p)).toEqual(['in_review', 'in_review', 'withdrawn']);
  });
});
