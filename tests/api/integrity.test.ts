/**
 * Integrity by construction (issue #13): every write path on the newsroom's documents is
 * decided at the data, whatever route carried it. Each case below was an open path before:
 * a new locale of someone else's document, clone, an editor approving their own rewrite,
 * discard, and erasing a withdrawal notice by renaming or deleting. A refusal must change
 * nothing: the plugin's tables are compared before and after.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { databaseSnapshot } from '../helpers/snapshot';
import { publishDocument, verifyFigures, withdrawDocument } from '../helpers/workflow';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const PROFILE = 'plugin::chronicle.frontline-profile';
const FIGURE = 'plugin::chronicle.grid-statistic';
const TRANSITIONS = 'plugin::chronicle.workflow-transition';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let r1: Api;
let r2: Api;
let editor: Api;
let editor2: Api;

beforeAll(async () => {
  app = await startStrapi();
  const users: Array<[string, string]> = [
    ['r1@integrity.local', 'chronicle-reporter'],
    ['r2@integrity.local', 'chronicle-reporter'],
    ['editor@integrity.local', 'strapi-editor'],
    ['editor2@integrity.local', 'strapi-editor'],
  ];
  for (const [email, role] of users) await createAdminUser(app.strapi, email, role);
  r1 = adminApi(app.strapi, await login(app.strapi, 'r1@integrity.local'));
  r2 = adminApi(app.strapi, await login(app.strapi, 'r2@integrity.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@integrity.local'));
  editor2 = adminApi(app.strapi, await login(app.strapi, 'editor2@integrity.local'));
});
afterAll(async () => {
  await app?.stop();
});

const rows = (uid: string, documentId: string) =>
  app.strapi.db.query(uid as never).findMany({ where: { documentId }, orderBy: { id: 'asc' } }) as Promise<any[]>;
const audit = (documentId: string) =>
  app.strapi.db.query(TRANSITIONS as never).findMany({ where: { subjectDocumentId: documentId }, orderBy: { id: 'asc' } }) as Promise<any[]>;
const stateOf = (uid: string, documentId: string, locale = 'zh-Hans') =>
  app.strapi.plugin('chronicle').service('workflow').stateOf(uid, documentId, locale);
const move = (api: Api, uid: string, documentId: string, to: string, extra: object = {}) =>
  api.post('/chronicle/workflow/transition', { uid, documentId, locale: 'zh-Hans', to, ...extra });
const publicGet = (url: string) => request(app.strapi.server.httpServer).get(url);

/** Asserts the call was refused with `status` and that no table of the plugin changed. */
async function refusedAndUnchanged(call: () => Promise<request.Response>, status: number, message?: RegExp) {
  const before = await databaseSnapshot(app.strapi);
  const res = await call();
  expect({ status: res.status, message: res.body?.error?.message }).toEqual({ status, message: message ? expect.stringMatching(message) : expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/"stack"/);
  expect(await databaseSnapshot(app.strapi)).toEqual(before);
  return res;
}

describe('a new locale of someone else\'s document (case 1)', () => {
  let profileId: string;
  let draftReportId: string;

  beforeAll(async () => {
    const profile = await r1.post(`${CM}/${PROFILE}?locale=zh-Hans`, { fullName: '李某', kind: 'grid-worker', consent: 'anonymised' });
    expect(profile.status).toBe(201);
    profileId = profile.body.data.documentId;
    await publishDocument(app.strapi, 'frontline-profile', profileId);
    const report = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '未发表的稿件', body: '草稿正文' });
    expect(report.status).toBe(201);
    draftReportId = report.body.data.documentId;
  });

  test('POST create with an existing documentId is refused and changes nothing', async () => {
    await refusedAndUnchanged(
      () => r2.post(`${CM}/${PROFILE}?locale=en`, { documentId: profileId, fullName: 'x', kind: 'police', consent: 'consented', slug: 'new-slug' }),
      403,
      /belongs to someone else/
    );
    const stored = await rows(PROFILE, profileId);
    expect(stored.map((r) => [r.locale, r.consent, r.kind])).toEqual([
      ['zh-Hans', 'anonymised', 'grid-worker'],
      ['zh-Hans', 'anonymised', 'grid-worker'],
    ]);
  });

  test('PUT of a locale that does not exist yet (a new locale) is refused too', async () => {
    await refusedAndUnchanged(() => r2.put(`${CM}/${REPORT}/${draftReportId}?locale=en`, { title: 'hijack', body: 'x' }), 403, /belongs to someone else/);
    expect((await rows(REPORT, draftReportId)).map((r) => r.locale)).toEqual(['zh-Hans']);
  });

  test("the author's own new locale that changes a shared field is an edit: back to review, recorded", async () => {
    const res = await r1.post(`${CM}/${PROFILE}?locale=en`, { documentId: profileId, fullName: 'Li', kind: 'grid-worker', consent: 'consented' });
    expect(res.status).toBe(201);
    expect(await stateOf(PROFILE, profileId, 'zh-Hans')).toBe('in_review');
    expect(await stateOf(PROFILE, profileId, 'en')).toBe('draft');
    const steps = (await audit(profileId)).map((r) => [r.subjectLocale, r.from, r.to]);
    expect(steps.at(-1)).toEqual(['zh-Hans', 'published', 'in_review']);
    // What readers see is still the approved version: anonymised.
    const published = (await rows(PROFILE, profileId)).filter((r) => r.publishedAt);
    expect(published.map((r) => r.consent)).toEqual(['anonymised']);
  });

  test('a scheduled figure whose value changes through a new locale leaves the schedule', async () => {
    const created = await r1.post(`${CM}/${FIGURE}?locale=zh-Hans`, { metric: 'video-calls', label: '视频通话', value: 100, qualifier: 'exact' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await move(r1, FIGURE, id, 'in_review')).status).toBe(200);
    await verifyFigures(app.strapi, 'grid-statistic', id); // approval needs a verified figure (issue #17)
    expect((await move(editor, FIGURE, id, 'approved')).status).toBe(200);
    const at = new Date(Date.now() + 3600_000).toISOString();
    expect((await move(editor, FIGURE, id, 'scheduled', { publishAt: at })).status).toBe(200);
    const res = await r1.post(`${CM}/${FIGURE}?locale=en`, { documentId: id, label: 'Video calls', value: 999999, metric: 'video-calls', qualifier: 'exact' });
    expect(res.status).toBe(201);
    expect(await stateOf(FIGURE, id)).toBe('in_review');
    // The new value through the new locale is a new claim: every locale is unverified again.
    expect((await rows(FIGURE, id)).map((r: any) => r.verificationState)).toEqual(['unverified', 'unverified']);
    const published = await app.strapi.plugin('chronicle').service('workflow').publishDue(new Date(Date.now() + 7200_000));
    expect(published.filter((p: any) => p.documentId === id)).toEqual([]);
  });
});

describe('clone (case 2)', () => {
  test('a clone of an approved report is a new draft of the cloner, with a fresh slug and its source recorded', async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '复制测试稿', body: '原文' });
    const id = created.body.data.documentId;
    expect((await move(r1, REPORT, id, 'in_review')).status).toBe(200);
    expect((await move(editor, REPORT, id, 'approved')).status).toBe(200);
    const source = (await rows(REPORT, id))[0];

    const res = await editor.post(`${CM}/${REPORT}/clone/${id}?locale=zh-Hans`, { title: '复制测试稿', body: '改写后的正文' });
    expect(res.status).toBe(200);
    const cloneId = res.body.data.documentId;
    expect(cloneId).not.toBe(id);
    const [clone] = await rows(REPORT, cloneId);
    expect({ state: clone.workflowState, revision: clone.revision, scheduledFor: clone.scheduledFor }).toEqual({ state: 'draft', revision: 0, scheduledFor: null });
    expect(clone.slug).not.toBe(source.slug);
    const steps = await audit(cloneId);
    expect(steps.map((s) => [s.from, s.to, s.actorName])).toEqual([['draft', 'draft', 'editor Test']]);
    expect(steps[0].note).toContain(id);
    // Born a draft: publishing it needs a review.
    const publish = await editor.post(`${CM}/${REPORT}/${cloneId}/actions/publish?locale=zh-Hans`, {});
    expect(publish.status).toBe(409);
    expect(await stateOf(REPORT, cloneId)).toBe('draft');
  });

  test("a reporter cannot clone another reporter's draft, and sees nothing of it", async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '秘密草稿', body: '不可外泄的草稿正文' });
    const id = created.body.data.documentId;
    const res = await refusedAndUnchanged(() => r2.post(`${CM}/${REPORT}/clone/${id}?locale=zh-Hans`, {}), 403);
    expect(JSON.stringify(res.body)).not.toContain('不可外泄');
  });
});

describe('approval binds to what was written since the submission (case 3)', () => {
  test('an editor who edits a report under review cannot approve it; another editor can', async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '审核中改写', body: '原稿' });
    const id = created.body.data.documentId;
    expect((await move(r1, REPORT, id, 'in_review')).status).toBe(200);
    const edit = await editor.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '审核中改写', body: '编辑改写后的稿件' });
    expect(edit.status).toBe(200);
    expect(await stateOf(REPORT, id)).toBe('in_review');
    const steps = await audit(id);
    expect(steps.map((s) => [s.from, s.to, s.actorName])).toEqual([
      ['draft', 'in_review', 'r1 Test'],
      ['in_review', 'in_review', 'editor Test'],
    ]);
    expect(steps[1].revision).toBeGreaterThan(steps[0].revision);

    const own = await move(editor, REPORT, id, 'approved');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/changed this document since it was submitted/);
    expect(await stateOf(REPORT, id)).toBe('in_review');
    const other = await move(editor2, REPORT, id, 'approved');
    expect(other.status).toBe(200);
    expect((await audit(id)).at(-1)).toMatchObject({ from: 'in_review', to: 'approved', actorName: 'editor2 Test', revision: steps[1].revision });
  });

  test('discarding a pending edit is a recorded step back to the published version', async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '放弃修改', body: '已发布的正文' });
    const id = created.body.data.documentId;
    await publishDocument(app.strapi, 'field-report', id);
    const edit = await r1.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '放弃修改', body: '待审的修改' });
    expect(edit.status).toBe(200);
    expect(await stateOf(REPORT, id)).toBe('in_review');

    const discard = await r1.post(`${CM}/${REPORT}/${id}/actions/discard?locale=zh-Hans`, {});
    expect(discard.status).toBe(200);
    expect(await stateOf(REPORT, id)).toBe('published');
    const last = (await audit(id)).at(-1);
    expect(last).toMatchObject({ from: 'in_review', to: 'published', actorName: 'r1 Test' });
    expect(last.note).toMatch(/discarded/);
    const draft = (await rows(REPORT, id)).find((r) => !r.publishedAt);
    expect(draft.body).toBe('已发布的正文');
  });

  test("another reporter cannot discard someone's pending edit", async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '他人放弃', body: '正文' });
    const id = created.body.data.documentId;
    await publishDocument(app.strapi, 'field-report', id);
    await r1.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '他人放弃', body: '修改' });
    await refusedAndUnchanged(() => r2.post(`${CM}/${REPORT}/${id}/actions/discard?locale=zh-Hans`, {}), 403);
  });
});

describe('a published address is permanent (case 7)', () => {
  let id: string;
  let slug: string;

  beforeAll(async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '将被撤回的稿件', body: '正文' });
    id = created.body.data.documentId;
    slug = created.body.data.slug;
    await publishDocument(app.strapi, 'field-report', id);
    await withdrawDocument(app.strapi, 'field-report', id, 'zh-Hans', '事实有误，已撤稿');
    expect((await publicGet(`/api/chronicle/reports/${slug}`)).status).toBe(410);
  });

  test('the author cannot rename the slug of a withdrawn report', async () => {
    await refusedAndUnchanged(() => r1.put(`${CM}/${REPORT}/${id}?locale=zh-Hans`, { title: '将被撤回的稿件', slug: 'another-address' }), 400, /published address is permanent/);
    const res = await publicGet(`/api/chronicle/reports/${slug}`);
    expect(res.status).toBe(410);
    expect(JSON.stringify(res.body)).toContain('事实有误');
  });

  test('reworking it after the withdrawal keeps the notice at its address until it is published again', async () => {
    const res = await move(editor, REPORT, id, 'draft');
    expect(res.status).toBe(200);
    const gone = await publicGet(`/api/chronicle/reports/${slug}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.details.withdrawal.reason).toBe('事实有误，已撤稿');
  });

  test("another reporter cannot delete it; deleting it leaves a tombstone: the notice outlives the record", async () => {
    const noticesOf = async (query: string) => {
      const res = await publicGet(`/api/chronicle/corrections?type=report&${query}`);
      expect(res.status).toBe(200);
      return (res.body.data as any[]).filter((e) => e.record.slug === slug);
    };
    const before = await noticesOf('limit=100');
    expect(before).toEqual([expect.objectContaining({ id: expect.stringMatching(/^report-w\d+$/), kind: 'withdrawal', text: '事实有误，已撤稿' })]);
    await refusedAndUnchanged(() => r2.del(`${CM}/${REPORT}/${id}?locale=zh-Hans`), 403);
    const res = await editor.del(`${CM}/${REPORT}/${id}?locale=zh-Hans`);
    expect(res.status).toBe(200);
    expect(await rows(REPORT, id)).toEqual([]);
    const gone = await publicGet(`/api/chronicle/reports/${slug}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error.details.withdrawal.reason).toBe('事实有误，已撤稿');
    // The newsroom's corrections list keeps the notice too (from the tombstone), once, in
    // both languages (the English list falls back to the Chinese notice) and across pages.
    const notice = {
      id: expect.stringMatching(/^report-t\d+$/),
      kind: 'withdrawal',
      date: before[0].date,
      text: '事实有误，已撤稿',
      record: { type: 'report', slug, title: null, withdrawn: true, occurredOn: null },
    };
    expect(await noticesOf('limit=100')).toEqual([expect.objectContaining({ ...notice, locale: 'zh-Hans', fallback: false })]);
    expect(await noticesOf('limit=100&locale=en')).toEqual([expect.objectContaining({ ...notice, locale: 'zh-Hans', fallback: true })]);
    const walked: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await publicGet(`/api/chronicle/corrections?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      walked.push(...page.body.data);
      cursor = page.body.meta.nextCursor;
    } while (cursor && walked.length < 500);
    expect(walked.filter((e) => e.record.slug === slug)).toEqual([expect.objectContaining(notice)]);
    expect(new Set(walked.map((e) => e.id)).size).toBe(walked.length);
    const page = await publicGet('/corrections');
    expect(page.status).toBe(200);
    expect(page.text).toContain('事实有误，已撤稿');
    // The tombstone is append-only, like the audit trail.
    await expect(app.strapi.documents('plugin::chronicle.tombstone' as never).delete({ documentId: 'x' } as never)).rejects.toThrow(/append-only/);
  });

  test('a published record cannot be deleted: it must be withdrawn first', async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '仍在发布', body: '正文' });
    const liveId = created.body.data.documentId;
    await publishDocument(app.strapi, 'field-report', liveId);
    await refusedAndUnchanged(() => editor.del(`${CM}/${REPORT}/${liveId}?locale=zh-Hans`), 409, /withdraw it before deleting/);
  });

  test('a draft that was never public can still be renamed and deleted', async () => {
    const created = await r1.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '从未发表', body: '正文' });
    const draftId = created.body.data.documentId;
    const renamed = await r1.put(`${CM}/${REPORT}/${draftId}?locale=zh-Hans`, { title: '从未发表', slug: 'never-public' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.slug).toBe('never-public');
    expect((await r1.del(`${CM}/${REPORT}/${draftId}?locale=zh-Hans`)).status).toBe(200);
    expect(await rows(REPORT, draftId)).toEqual([]);
  });
});

describe('writes from outside the admin', () => {
  test('a write with no admin user in a request is refused at the data', async () => {
    const before = await databaseSnapshot(app.strapi);
    // Simulate a Content API caller: a request context without an admin user.
    const ctx: any = { state: {} };
    await expect(
      app.strapi.requestContext.run(ctx, async () => {
        await app.strapi.documents(REPORT as never).create({ data: { title: 'x', body: 'y' } } as never);
      })
    ).rejects.toThrow(/admin panel only/);
    expect(await databaseSnapshot(app.strapi)).toEqual(before);
  });
});

describe('units stay a tree (issue #14, case 3)', () => {
  const UNIT = 'plugin::chronicle.unit';
  const connect = (documentId: string) => ({ parent: { connect: [{ documentId, locale: 'zh-Hans' }], disconnect: [] } });

  test('a unit cannot be put under itself or under its own grandchild; a legal move still works', async () => {
    const make = async (name: string, parent?: string) => {
      const res = await editor.post(`${CM}/${UNIT}?locale=zh-Hans`, { name, kind: 'district', ...(parent ? connect(parent) : {}) });
      expect(res.status).toBe(201);
      return res.body.data.documentId as string;
    };
    const a = await make('甲区');
    const b = await make('乙街道', a);
    const c = await make('丙社区', b);
    const other = await make('丁区');

    const self = await refusedAndUnchanged(() => editor.put(`${CM}/${UNIT}/${a}?locale=zh-Hans`, { name: '甲区', ...connect(a) }), 400, /cycle/);
    expect(self.body.error.details.errors[0].path).toEqual(['parent']);
    const loop = await refusedAndUnchanged(() => editor.put(`${CM}/${UNIT}/${a}?locale=zh-Hans`, { name: '甲区', ...connect(c) }), 400, /甲区 → 丙社区 → 乙街道 → 甲区/);
    expect(loop.body.error.details.errors[0].path).toEqual(['parent']);

    const move = await editor.put(`${CM}/${UNIT}/${c}?locale=zh-Hans`, { name: '丙社区', ...connect(other) });
    expect(move.status).toBe(200);
    const [row] = (await app.strapi.db.query(UNIT as never).findMany({ where: { documentId: c }, populate: { parent: { select: ['documentId'] } } })) as any[];
    expect(row.parent.documentId).toBe(other);
  });
});
