/**
 * Bad input gets a 400 naming the field, through the Content Manager's API (what the admin
 * panel calls) and the Document Service, and nothing is half-written.
 */
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

let app: TestStrapi;
let api: ReturnType<typeof adminApi>;
let districtId: string;

const CM = '/content-manager/collection-types';
const uid = (type: string) => `plugin::chronicle.${type}`;
const create = (type: string, data: object, locale = 'zh-Hans') => api.post(`${CM}/${uid(type)}?locale=${locale}`, data);
const count = (type: string) => app.strapi.db.query(uid(type) as never).count({});

beforeAll(async () => {
  app = await startStrapi();
  await createAdminUser(app.strapi, 'editor-validation@test.local', 'strapi-editor');
  api = adminApi(app.strapi, await login(app.strapi, 'editor-validation@test.local'));
  const district = await create('unit', { name: '尖草坪区', kind: 'district' });
  expect(district.status).toBe(201);
  districtId = district.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

/** The Strapi error envelope, with the faulted field named in details. */
const expectFieldError = (res: any, field: string, message: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeNull();
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.message).toMatch(message);
  const paths = (res.body.error.details?.errors ?? []).map((e: any) => e.path.join('.'));
  expect(paths).toContain(field);
};

describe('Content Manager writes', () => {
  test('a report dated after tomorrow (Asia/Shanghai) is refused naming dateline.date; tomorrow is accepted (issue 18, item 10)', async () => {
    const before = await count('field-report');
    const res = await create('field-report', { title: '未来的报道', dateline: { place: '太原', date: '2099-12-31' } });
    expectFieldError(res, 'dateline.date', /dateline\.date must not be in the future \(at most \d{4}-\d{2}-\d{2}, tomorrow in Asia\/Shanghai\)/);
    expect(await count('field-report')).toBe(before);
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
    const ok = await create('field-report', { title: '明天见报', dateline: { place: '太原', date: tomorrow } });
    expect(ok.status).toBe(201);
    const moved = await api.put(`${CM}/${uid('field-report')}/${ok.body.data.documentId}?locale=zh-Hans`, { dateline: { place: '太原', date: '2099-01-01' } });
    expectFieldError(moved, 'dateline.date', /must not be in the future/);
    // In the admin's language, one at a time: the message under the field and the toast (docs/workflow.md).
    const chinese = await api
      .put(`${CM}/${uid('field-report')}/${ok.body.data.documentId}?locale=zh-Hans`, { dateline: { place: '太原', date: '2099-01-01' } })
      .set('Accept-Language', 'zh-Hans');
    expectFieldError(chinese, 'dateline.date', /^电头日期不能晚于明天（北京时间），最晚为 \d{4}-\d{2}-\d{2}$/);
    expect(chinese.body.error.details).toMatchObject({ code: 'field.dateline-future', params: { latest: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(chinese.body.error.details.errors[0].message).toBe(chinese.body.error.message);
    for (const e of chinese.body.error.details.errors) expect(e.message).not.toMatch(/[A-Za-z]/);
    const stored = (await app.strapi.documents(uid('field-report') as never).findOne({ documentId: ok.body.data.documentId, locale: 'zh-Hans', populate: ['dateline'] } as never)) as any;
    expect(stored.dateline.date).toBe(tomorrow);
  });

  test('an event ending before it starts is refused with a message naming endAt', async () => {
    const before = await count('timeline-event');
    const res = await create('timeline-event', {
      title: '转运',
      occurredAt: '2022-02-24T04:00:00.000Z',
      endAt: '2022-02-23T04:00:00.000Z',
      precision: 'hour',
    });
    expectFieldError(res, 'endAt', /endAt must not be before occurredAt/);
    const chinese = await api
      .post(`${CM}/${uid('timeline-event')}?locale=zh-Hans`, {
        title: '转运',
        slug: 'Bad Slug',
        occurredAt: '2022-02-24T04:00:00.000Z',
        endAt: '2022-02-23T04:00:00.000Z',
        precision: 'hour',
      })
      .set('Accept-Language', 'zh-Hans');
    expectFieldError(chinese, 'endAt', /^网址标识只能包含小写字母.*；结束时间不能早于发生时间$/);
    expect(chinese.body.error.details.errors.map((e: any) => e.message)).toContain('结束时间不能早于发生时间');
    expect(await count('timeline-event')).toBe(before);
  });

  test('an update that moves endAt before the stored occurredAt is refused and changes nothing', async () => {
    const created = await create('timeline-event', { title: '集结', occurredAt: '2022-02-24T21:00:00.000Z', precision: 'part-of-day' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const res = await api.put(`${CM}/${uid('timeline-event')}/${id}?locale=zh-Hans`, { endAt: '2022-02-20T00:00:00.000Z' });
    expectFieldError(res, 'endAt', /endAt must not be before occurredAt/);
    const stored = await app.strapi.documents(uid('timeline-event') as never).findOne({ documentId: id, locale: 'zh-Hans' } as never) as any;
    expect(stored.endAt).toBeNull();
  });

  test('a negative figure is refused', async () => {
    const before = await count('grid-statistic');
    const res = await create('grid-statistic', { metric: 'video-calls', label: '视频通话', value: -5, qualifier: 'exact' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/value/);
    expect(await count('grid-statistic')).toBe(before);
  });

  test('an unknown qualifier is refused', async () => {
    const res = await create('grid-statistic', { metric: 'video-calls', label: '视频通话', value: 5, qualifier: 'roughly' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/qualifier|one of/);
  });

  test('an unknown unit kind is refused', async () => {
    const res = await create('unit', { name: '某单位', kind: 'galaxy' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/kind/);
  });

  test('a chronicle whose period ends before it starts is refused', async () => {
    const res = await create('chronicle', { title: '纪实', periodStart: '2022-03-06', periodEnd: '2022-02-23' });
    expectFieldError(res, 'periodEnd', /periodEnd must not be before periodStart/);
  });

  test('an empty title is refused even for a draft', async () => {
    const before = await count('field-report');
    const res = await create('field-report', { title: '   ', body: '正文' });
    expectFieldError(res, 'title', /title must not be empty/);
    expect(await count('field-report')).toBe(before);
  });

  test('a malformed slug is refused', async () => {
    const res = await create('unit', { name: '新城街道', kind: 'subdistrict', slug: 'Xin Cheng!' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/slug/);
  });

  test('a slug already used by another record of the type is refused', async () => {
    const first = await create('unit', { name: '汇丰街道', kind: 'subdistrict', slug: 'huifeng' });
    expect(first.status).toBe(201);
    const res = await create('unit', { name: '另一个汇丰', kind: 'subdistrict', slug: 'huifeng' });
    expectFieldError(res, 'slug', /already used/);
  });

  test('a relation to a missing record is refused and nothing is written', async () => {
    const before = await count('frontline-profile');
    const res = await create('frontline-profile', {
      fullName: '孙丽花',
      kind: 'grid-worker',
      unit: { connect: [{ documentId: 'doesnotexist000000000000', locale: 'zh-Hans' }] },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/doesnotexist/);
    expect(await count('frontline-profile')).toBe(before);
  });

  test('a valid record is accepted and gets a pinyin slug from its Chinese name', async () => {
    const res = await create('unit', { name: '南寨街道', kind: 'subdistrict', parent: { connect: [{ documentId: districtId, locale: 'zh-Hans' }] } });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('nan-zhai-jie-dao');
  });
});

describe('the audit trail', () => {
  test('cannot be written through the Content Manager', async () => {
    const before = await count('workflow-transition');
    const res = await create('workflow-transition', {
      contentUid: uid('field-report'),
      subjectDocumentId: 'x',
      subjectLocale: 'zh-Hans',
      from: 'draft',
      to: 'published',
      at: new Date().toISOString(),
    });
    expect(res.status).toBe(403);
    expect(await count('workflow-transition')).toBe(before);
  });

  test('cannot be written through the Document Service either', async () => {
    await expect(
      app.strapi.documents(uid('workflow-transition') as never).create({
        data: { contentUid: uid('unit'), subjectDocumentId: 'x', subjectLocale: 'en', from: 'a', to: 'b', at: new Date() },
      } as never)
    ).rejects.toThrow(/append-only/);
  });
});
