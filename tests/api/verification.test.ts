/**
 * Fact-check sign-off per figure (issue #17, docs/workflow.md#fact-checking-figures): an editor
 * who did not write a figure verifies or disputes it through the verification action; nobody
 * sets the state with a Content Manager save; a changed value goes back to unverified (audited);
 * nothing is approved while a figure it cites is not verified (409 naming them); roll-ups sum
 * verified figures only and say how many were left out; readers get "how we know" and never
 * the checker, and disputed figures are not shown as fact.
 */
import request from 'supertest';
import { statisticsAnswer, reportAnswer } from '../../plugins/chronicle/server/src/contracts/public';
import { verificationInfo } from '../../plugins/chronicle/server/src/contracts/admin';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { publishDocument } from '../helpers/workflow';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const STATISTIC = 'plugin::chronicle.grid-statistic';
const UNIT = 'plugin::chronicle.unit';
const TRANSITIONS = 'plugin::chronicle.workflow-transition';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let reporter: Api;
let editor: Api;
let editor2: Api;
let district: string;
let street: string;

const pub = (path: string) => request(app.strapi.server.httpServer).get(`/api/chronicle/${path}`);
const verifyUrl = (id: string) => `/chronicle/figures/${id}/verification`;

beforeAll(async () => {
  app = await startStrapi();
  for (const [email, role] of [
    ['reporter@verify.local', 'chronicle-reporter'],
    ['editor@verify.local', 'strapi-editor'],
    ['editor2@verify.local', 'strapi-editor'],
  ]) {
    await createAdminUser(app.strapi, email, role);
  }
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@verify.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@verify.local'));
  editor2 = adminApi(app.strapi, await login(app.strapi, 'editor2@verify.local'));
  const unit = async (name: string, slug: string, parent?: string) => {
    const res = await editor.post(`${CM}/${UNIT}?locale=zh-Hans`, { name, slug, kind: 'district', ...(parent ? { parent: { connect: [{ documentId: parent, locale: 'zh-Hans' }] } } : {}) });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };
  district = await unit('核实区', 'verify-district');
  street = await unit('核实街道', 'verify-street', district);
});
afterAll(async () => {
  await app?.stop();
});

const newReport = async (api: Api, title: string) => {
  const res = await api.post(`${CM}/${REPORT}?locale=zh-Hans`, { title, body: '正文' });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

const newFigure = async (api: Api, label: string, extra: Record<string, unknown> = {}) => {
  const res = await api.post(`${CM}/${STATISTIC}?locale=zh-Hans`, {
    metric: 'verify-calls',
    label,
    value: 100,
    qualifier: 'exact',
    countUnit: '次',
    additive: true,
    scopeUnit: { connect: [{ documentId: street, locale: 'zh-Hans' }] },
    sourceKind: 'document',
    sourceTitle: '太原日报',
    sourcePage: '3',
    verificationMethod: '与原文核对',
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};

const stored = async (documentId: string) =>
  (await app.strapi.db.query(STATISTIC as never).findMany({ where: { documentId }, orderBy: { id: 'asc' } })) as any[];
const move = (api: Api, uid: string, documentId: string, to: string) =>
  api.post('/chronicle/workflow/transition', { uid, documentId, locale: 'zh-Hans', to });

describe('who may verify', () => {
  let figure: string;
  beforeAll(async () => {
    figure = await newFigure(reporter, '视频通话·谁核实');
  });

  test('a new figure is unverified, and the reporter sees the state but may not check it (403)', async () => {
    const info = await reporter.get(verifyUrl(figure));
    expect(info.status).toBe(200);
    expect(verificationInfo.safeParse(info.body).success).toBe(true);
    expect(info.body).toMatchObject({ state: 'unverified', mayCheck: false, source: { kind: 'document', title: '太原日报', page: '3' } });
    const res = await reporter.post(verifyUrl(figure), { action: 'verify' });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('figure.verify.not-editor');
    expect((await stored(figure)).every((r) => r.verificationState === 'unverified')).toBe(true);
  });

  test('bad input is a 400 naming the field; an unknown figure a 404', async () => {
    const bad = await editor.post(verifyUrl(figure), { action: 'approve' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/action/);
    expect((await editor.post(verifyUrl(figure), { action: 'verify', extra: 1 })).status).toBe(400);
    const chinese = await editor.post(verifyUrl(figure), { action: 'verify', extra: 1 }).set('Accept-Language', 'zh-Hans');
    expect(chinese.body.error).toMatchObject({ details: { code: 'request.invalid' }, message: '未知字段：extra' });
    const address = await editor.get(verifyUrl('not-an-id!')).set('Accept-Language', 'zh-Hans');
    expect(address.status).toBe(400);
    expect(address.body.error.details.code).toBe('request.invalid');
    expect((await editor.post(verifyUrl('nosuchfigure1'), { action: 'verify' })).status).toBe(404);
    expect((await editor.post(verifyUrl(figure), { action: 'dispute' })).body.error.details.code).toBe('figure.verify.note-required');
  });

  test('its author may not check it, even as an editor (409 own-figure)', async () => {
    const own = await newFigure(editor, '编辑自己录入的数字');
    const res = await editor.post(verifyUrl(own), { action: 'verify' });
    expect(res.status).toBe(409);
    expect(res.body.error.details.code).toBe('figure.verify.own-figure');
    expect(res.body.error.message).toBe('you cannot check a figure you wrote yourself; another editor must check it');
    // In the admin's language, one language at a time (the admin sends it as Accept-Language).
    const zh = await editor.post(verifyUrl(own), { action: 'verify' }).set('Accept-Language', 'zh-Hans');
    expect([zh.status, zh.body.error.message]).toEqual([409, '不能核实自己录入的数字，请由另一位编辑核实']);
    expect((await editor.get(verifyUrl(own))).body.mayCheck).toBe(false);
  });

  test('an editor who did not write it verifies it: state, checker and date recorded, and the step audited', async () => {
    expect((await editor.get(verifyUrl(figure))).body.mayCheck).toBe(true);
    const res = await editor.post(verifyUrl(figure), { action: 'verify', method: '电话核对区统计局' });
    expect(res.status).toBe(200);
    expect(verificationInfo.safeParse(res.body).success).toBe(true);
    expect(res.body).toMatchObject({ state: 'verified', checker: 'editor Test', method: '电话核对区统计局' });
    expect(Date.parse(res.body.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    const audit = (await app.strapi.db.query(TRANSITIONS as never).findMany({ where: { subjectDocumentId: figure } })) as any[];
    expect(audit).toEqual([expect.objectContaining({ from: 'fact-check', to: 'verified', actorName: 'editor Test', note: expect.stringMatching(/^核实：已核实 \/ fact check: verified — 太原日报, p\. 3/) })]);
    expect((await editor.post(verifyUrl(figure), { action: 'verify' })).status).toBe(409);
  });

  test('a Content Manager save cannot set the state or the checker', async () => {
    const before = (await stored(figure))[0];
    const res = await editor2.put(`${CM}/${STATISTIC}/${figure}?locale=zh-Hans`, {
      label: '视频通话·谁核实',
      verificationState: 'disputed',
      verifiedByName: 'someone',
      verifiedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(res.status).toBe(200);
    const after = (await stored(figure))[0];
    expect(after.verificationState).toBe('verified');
    expect(after.verifiedByName).toBe('editor Test');
    expect(new Date(after.verifiedAt).toISOString()).toBe(new Date(before.verifiedAt).toISOString());
    // Nor can a new figure start verified.
    const created = await newFigure(reporter, '想直接标为已核实', { verificationState: 'verified', verifiedByName: 'me' });
    expect((await stored(created))[0]).toMatchObject({ verificationState: 'unverified', verifiedByName: null });
  });

  test('changing the value, qualifier or unit sends it back to unverified, recorded in the audit trail', async () => {
    const res = await reporter.put(`${CM}/${STATISTIC}/${figure}?locale=zh-Hans`, { value: 120 });
    expect(res.status).toBe(200);
    expect((await stored(figure))[0]).toMatchObject({ verificationState: 'unverified', verifiedByName: null, verifiedAt: null });
    const audit = (await app.strapi.db.query(TRANSITIONS as never).findMany({ where: { subjectDocumentId: figure }, orderBy: { id: 'asc' } })) as any[];
    expect(audit[audit.length - 1]).toMatchObject({ from: 'fact-check', to: 'unverified', actorName: 'reporter Test', note: expect.stringMatching(/核实状态退回“未核实”/) });
    // A label change leaves a verified figure verified.
    expect((await editor.post(verifyUrl(figure), { action: 'verify' })).status).toBe(200);
    expect((await reporter.put(`${CM}/${STATISTIC}/${figure}?locale=zh-Hans`, { label: '视频通话·改标题' })).status).toBe(200);
    expect((await stored(figure))[0].verificationState).toBe('verified');
    expect((await reporter.put(`${CM}/${STATISTIC}/${figure}?locale=zh-Hans`, { qualifier: 'more-than' })).status).toBe(200);
    expect((await stored(figure))[0].verificationState).toBe('unverified');
  });
});

describe('approval needs verified figures', () => {
  test('a report citing an unverified and a disputed figure is refused (409) naming both; verified, it goes through', async () => {
    const report = await newReport(reporter, '核实稿件');
    const link = { sourceReport: { connect: [{ documentId: report, locale: 'zh-Hans' }] } };
    const a = await newFigure(reporter, '入户人次', { ...link, value: 4800, qualifier: 'more-than', countUnit: '人次' });
    const b = await newFigure(reporter, '核酸检测', { ...link, value: 500000, qualifier: 'nearly', countUnit: '人' });
    expect((await editor.post(verifyUrl(b), { action: 'dispute', note: '区卫健委称数字不同' })).status).toBe(200);
    expect((await move(reporter, REPORT, report, 'in_review')).status).toBe(200);
    const refused = await move(editor, REPORT, report, 'approved');
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.code).toBe('figure.verify.unverified');
    expect(refused.body.error.details.items).toEqual([
      expect.objectContaining({ documentId: a, label: '入户人次', display: '4800余人次', verification: 'unverified' }),
      expect.objectContaining({ documentId: b, label: '核酸检测', display: '近50万人', verification: 'disputed' }),
    ]);
    expect(refused.body.error.message).toContain('"入户人次" 4800余人次 (unverified)');
    expect(refused.body.error.message).not.toContain('未核实');
    expect(await app.strapi.plugin('chronicle').service('workflow').stateOf(REPORT, report, 'zh-Hans')).toBe('in_review');
    // A figure by itself is not approved either.
    const alone = await move(editor, STATISTIC, a, 'approved');
    expect(alone.status).toBe(409);
    expect(alone.body.error.details.items.map((i: any) => i.documentId)).toEqual([a]);

    expect((await editor.post(verifyUrl(a), { action: 'verify' })).status).toBe(200);
    expect((await editor.post(verifyUrl(b), { action: 'verify' })).status).toBe(200);
    const approved = await move(editor, REPORT, report, 'approved');
    expect([approved.status, approved.body.error?.message]).toEqual([200, undefined]);
    expect(approved.body.state).toBe('approved');
  });
});

describe('readers', () => {
  let verified: string;
  let unverified: string;
  let disputed: string;
  let report: string;

  beforeAll(async () => {
    report = await newReport(reporter, '读者看到的核实');
    const link = { sourceReport: { connect: [{ documentId: report, locale: 'zh-Hans' }] } };
    verified = await newFigure(reporter, '已核实的数字', { ...link, value: 52, sourceKind: 'statement', sourceName: '王某', sourceOffice: '街道主任', sourceTitle: null, sourcePage: null });
    unverified = await newFigure(reporter, '未核实的数字', { value: 149, scopeUnit: { connect: [{ documentId: district, locale: 'zh-Hans' }] } });
    disputed = await newFigure(reporter, '有争议的数字', { ...link, value: 1000 });
    await publishDocument(app.strapi, 'field-report', report);
    // A published figure checked before this feature existed: the row has no state (the migration's case).
    await publishDocument(app.strapi, 'grid-statistic', unverified);
    await app.strapi.db.query(STATISTIC as never).updateMany({ where: { documentId: unverified }, data: { verificationState: null, verifiedAt: null, verifiedByName: null } });
    expect((await editor.post(verifyUrl(disputed), { action: 'dispute', note: '原始记录不一致' })).status).toBe(200);
  });

  test('each figure carries how we know it; never the checker or the note; disputed ones are not listed', async () => {
    const res = await pub('statistics?metric=verify-calls&locale=zh-Hans');
    expect(res.status).toBe(200);
    expect(statisticsAnswer.safeParse(res.body).success).toBe(true);
    const bySlug = new Map(res.body.data.figures.map((f: any) => [f.label, f]));
    expect(bySlug.get('已核实的数字')).toMatchObject({
      value: 52,
      verification: { state: 'verified', source: { kind: 'statement', name: '王某', office: '街道主任', title: null, url: null }, checkedAt: expect.any(String) },
    });
    expect(bySlug.get('未核实的数字')).toMatchObject({ value: 149, verification: { state: 'unverified', checkedAt: null } });
    expect(bySlug.has('有争议的数字')).toBe(false);
    const text = JSON.stringify(res.body);
    for (const secret of ['editor Test', 'editor2', '原始记录不一致', 'verifiedBy', 'verificationNote']) expect(text).not.toContain(secret);
  });

  test('roll-ups sum verified figures only and say how many were left out', async () => {
    const res = await pub('statistics?metric=verify-calls&locale=zh-Hans');
    // District: the verified 52 below it is summed; the unverified 149 reported for it and the disputed 1000 are left out.
    const rollup = res.body.data.rollups.find((r: any) => r.unit.slug === 'verify-district');
    expect(rollup).toMatchObject({ value: 52, count: 1, excluded: { unverified: 1, disputed: 1 } });
    expect(res.body.data.excluded).toEqual({ unverified: 1, disputed: 1 });
    // The statistics page says so.
    const page = await request(app.strapi.server.httpServer).get('/statistics').buffer(true);
    expect(page.status).toBe(200);
    expect(page.text).toContain('汇总只计入已核实的数据；未计入未核实数据1条、有争议数据1条。');
    expect(page.text).toMatch(/来源：街道主任王某介绍，核实于\d{4}年\d{1,2}月\d{1,2}日/);
    expect(page.text).toContain('未核实');
    const en = await request(app.strapi.server.httpServer).get('/statistics?lang=en').buffer(true);
    expect(en.text).toContain('Totals count verified figures only; left out: 1 unverified, 1 disputed.');
  });

  test('a published report names its disputed figure apart, without its number', async () => {
    const slug = (await app.strapi.db.query(REPORT as never).findOne({ where: { documentId: report }, select: ['slug'] })) as any;
    const res = await pub(`reports/${slug.slug}?locale=zh-Hans`);
    expect(res.status).toBe(200);
    expect(reportAnswer.safeParse(res.body).success).toBe(true);
    expect(res.body.data.statistics.map((f: any) => f.label)).toEqual(['已核实的数字']);
    expect(res.body.data.disputedFigures).toEqual([{ slug: expect.any(String), label: '有争议的数字' }]);
    expect(JSON.stringify(res.body)).not.toContain('1000');
  });
});
