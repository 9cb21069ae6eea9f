/**
 * `chronicle import` (issue 6) through its library function, the extraction service's
 * importReport, against a real Strapi: a draft field report owned by the named admin user,
 * its text as Markdown body, its proposals as draft events and figures linked to it; the
 * reporter finds it in the Content Manager, another reporter does not; an unknown e-mail
 * writes nothing. The CLI's argument handling is tested by spawning it in scripts/__tests__.
 */
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const EVENT = 'plugin::chronicle.timeline-event';
const STATISTIC = 'plugin::chronicle.grid-statistic';

const TEXT = [
  '\u3000\u3000南寨街道网格员战疫记',
  '',
  '2月25日清晨，尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护。',
  '当日下午3时许，新城街道的52名网格员完成入户排查。',
  '南寨街道网格员与居民视频通话10万余次。',
].join('\r\n');

let app: TestStrapi;
let reporterId: number;

const service = () => app.strapi.plugin('chronicle').service('extraction');
const counts = async () => ({
  reports: await app.strapi.db.query(REPORT as never).count({}),
  events: await app.strapi.db.query(EVENT as never).count({}),
  statistics: await app.strapi.db.query(STATISTIC as never).count({}),
  decisions: await app.strapi.db.query('plugin::chronicle.extraction-decision' as never).count({}),
});

beforeAll(async () => {
  app = await startStrapi();
  reporterId = (await createAdminUser(app.strapi, 'reporter@test.local', 'chronicle-reporter')).id;
  await createAdminUser(app.strapi, 'reporter2@test.local', 'chronicle-reporter');
});
afterAll(async () => {
  await app?.stop();
});

test('an unknown e-mail is refused with a clear message and nothing is written', async () => {
  const before = await counts();
  await expect(service().importReport({ text: TEXT, dateline: '2022-03-06', email: 'nobody@test.local' })).rejects.toThrow(
    'no admin user with the e-mail nobody@test.local: nothing was imported'
  );
  expect(await counts()).toEqual(before);
});

test('bad input is refused before anything is written', async () => {
  await expect(service().importReport({ text: ' ', dateline: '2022-03-06', email: 'reporter@test.local' })).rejects.toThrow('text is empty');
  await expect(service().importReport({ text: TEXT, dateline: '2022-02-30', email: 'reporter@test.local' })).rejects.toThrow(
    'dateline "2022-02-30" is not a real date'
  );
  expect((await counts()).reports).toBe(0);
});

test('creates a draft report owned by the user, with its proposals as linked drafts', async () => {
  const result = await service().importReport({ text: TEXT, dateline: '2022-03-06', email: 'Reporter@test.local' });
  expect(result.report).toMatchObject({ title: '南寨街道网格员战疫记', locale: 'zh-Hans' });
  expect(result.events.map((e: any) => e.title)).toEqual(['尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护', '新城街道的52名网格员完成入户排查']);
  expect(result.statistics.map((s: any) => s.label)).toEqual(['警力', '网格员', '视频通话']);

  const row = (await app.strapi.db.query(REPORT as never).findOne({
    where: { documentId: result.report.documentId },
    populate: ['createdBy', 'updatedBy', 'dateline', 'events', 'statistics'],
  })) as any;
  expect(row).toMatchObject({
    publishedAt: null,
    locale: 'zh-Hans',
    workflowState: 'draft',
    createdBy: { id: reporterId },
    updatedBy: { id: reporterId },
    dateline: { date: '2022-03-06' },
  });
  expect(row.body).toBe(
    '南寨街道网格员战疫记\n\n2月25日清晨，尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护。\n\n' +
      '当日下午3时许，新城街道的52名网格员完成入户排查。\n\n南寨街道网格员与居民视频通话10万余次。'
  );
  expect(row.slug).toMatch(/^nan-zhai/);
  expect(row.events).toHaveLength(2);
  expect(row.statistics).toHaveLength(3);

  const events = (await app.strapi.db.query(EVENT as never).findMany({
    where: { sourceReport: { documentId: result.report.documentId } },
    populate: ['createdBy'],
    orderBy: { occurredAt: 'asc' },
  })) as any[];
  expect(events.map((e) => [new Date(e.occurredAt).toISOString(), e.precision, e.approximate, e.publishedAt, e.createdBy?.id])).toEqual([
    ['2022-02-24T21:00:00.000Z', 'part-of-day', false, null, reporterId],
    ['2022-02-25T07:00:00.000Z', 'hour', true, null, reporterId],
  ]);
  const stats = (await app.strapi.db.query(STATISTIC as never).findMany({
    where: { sourceReport: { documentId: result.report.documentId } },
    populate: ['createdBy'],
    orderBy: { id: 'asc' },
  })) as any[];
  expect(stats.map((s) => [s.metric, Number(s.value), s.qualifier, s.countUnit, s.createdBy?.id])).toEqual([
    ['police-deployments', 300, 'exact', '名', reporterId],
    ['grid-workers', 52, 'exact', '名', reporterId],
    ['video-calls', 100000, 'more-than', '次', reporterId],
  ]);

  // The reporter sees it in the Content Manager list (own-only read); the other reporter does not.
  const mine = await adminApi(app.strapi, await login(app.strapi, 'reporter@test.local')).get(`${CM}/${REPORT}?locale=zh-Hans`);
  expect(mine.status).toBe(200);
  expect(mine.body.results.map((r: any) => r.documentId)).toEqual([result.report.documentId]);
  const theirs = await adminApi(app.strapi, await login(app.strapi, 'reporter2@test.local')).get(`${CM}/${REPORT}?locale=zh-Hans`);
  expect(theirs.body.results).toEqual([]);

  // Its proposals are decided: extracting for the report again proposes nothing.
  const again = await service().propose({ text: TEXT, dateline: '2022-03-06', reportDocumentId: result.report.documentId });
  expect([again.events.length, again.statistics.length]).toEqual([0, 0]);
});

test('honours --title and --locale', async () => {
  const result = await service().importReport({
    text: 'On 3月6日, all four rounds of tests were negative.',
    dateline: '2022-03-07',
    email: 'reporter@test.local',
    title: 'Tests negative',
    locale: 'en',
  });
  expect(result.report).toMatchObject({ title: 'Tests negative', locale: 'en' });
  expect(result.events).toHaveLength(1);
});

test('a failure part-way leaves nothing behind (one transaction)', async () => {
  const before = await counts();
  const documents = app.strapi.documents;
  // Make the figure writes fail after the report and its events were written.
  const spy = jest.spyOn(app.strapi, 'documents').mockImplementation(((uid: string) => {
    const real = (documents as any).call(app.strapi, uid);
    if (uid !== STATISTIC) return real;
    return { ...real, create: async () => { throw new Error('disk full'); } };
  }) as any);
  try {
    await expect(service().importReport({ text: TEXT, dateline: '2022-03-06', email: 'reporter@test.local' })).rejects.toThrow('disk full');
  } finally {
    spy.mockRestore();
  }
  expect(await counts()).toEqual(before);
});
