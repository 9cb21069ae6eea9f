/**
 * The admin extraction routes (issue 6): POST /chronicle/extract proposes events and figures
 * from a text, POST /chronicle/extract/accept turns the accepted ones into drafts linked to
 * the report and owned by the user, and remembers rejections so they are not proposed again.
 * Only users who may submit work reach them, and a reporter only for their own reports.
 * Issue 15: each proposal's text is the expression, with its offsets, sentence and rule; the
 * output is capped (truncated); above 1 MB the route answers 413; extraction runs in a worker
 * thread, so a public request is answered while a long text is read.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import type { AcceptedEvent, AcceptedStatistic, EventProposal, ExtractAnswer, StatisticProposal } from '../../plugins/chronicle/server/src/contracts/admin';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const EVENT = 'plugin::chronicle.timeline-event';
const STATISTIC = 'plugin::chronicle.grid-statistic';

// Facts of the seed's police chronicle, in sentences of our own.
const TEXT = [
  '2月23日，尖草坪区启动疫情防控应急响应。',
  '24日中午12时左右，六十六中1144名师生全部转运到隔离点。',
  '2月23日至3月6日，分局累计投入警力4800余人次、警车900余辆次。',
  '南寨街道网格员与居民视频通话10万余次。',
].join('\n');

let app: TestStrapi;
let reporter: ReturnType<typeof adminApi>;
let reporter2: ReturnType<typeof adminApi>;
let editor: ReturnType<typeof adminApi>;
let author: ReturnType<typeof adminApi>;
let reporterId: number;
let reportId: string;

beforeAll(async () => {
  app = await startStrapi();
  reporterId = (await createAdminUser(app.strapi, 'reporter@test.local', 'chronicle-reporter')).id;
  await createAdminUser(app.strapi, 'reporter2@test.local', 'chronicle-reporter');
  await createAdminUser(app.strapi, 'editor@test.local', 'strapi-editor');
  await createAdminUser(app.strapi, 'author@test.local', 'strapi-author');
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@test.local'));
  reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@test.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@test.local'));
  author = adminApi(app.strapi, await login(app.strapi, 'author@test.local'));
  const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '尖草坪战疫纪实', body: TEXT });
  expect(created.status).toBe(201);
  reportId = created.body.data.documentId;
});
afterAll(async () => {
  await app?.stop();
});

const badRequest = (res: request.Response, message: RegExp) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'BadRequestError' } });
  expect(res.body.error.message).toMatch(message);
};

describe('POST /chronicle/extract', () => {
  test('401 without an admin token', async () => {
    const res = await request(app.strapi.server.httpServer).post('/chronicle/extract').send({ text: TEXT });
    expect(res.status).toBe(401);
  });

  test('a malformed body is refused in the language asked for, one at a time', async () => {
    const res = await reporter.post('/chronicle/extract', { text: '', dateline: 'x' }).set('Accept-Language', 'zh-Hans');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'BadRequestError', details: { code: 'request.invalid' } });
    expect(res.body.error.message).toBe('须填写文本；电头日期须为实际存在的日期，格式为 YYYY-MM-DD');
  });

  test('403 for a user who may not submit work (Author role)', async () => {
    const res = await author.post('/chronicle/extract', { text: TEXT, dateline: '2022-03-06' });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('PolicyError');
  });

  test.each<[string, object, RegExp]>([
    ['no text', { dateline: '2022-03-06' }, /^text: is required and must be a string$/],
    ['text not a string', { text: 42 }, /^text: is required and must be a string$/],
    ['empty text', { text: '  \n ' }, /^text: is empty$/],
    ['binary text', { text: 'PK\u0003\u0004\u0000\u0000' }, /^text: contains NUL characters/],
    ['a day that does not exist', { text: TEXT, dateline: '2022-02-30' }, /^dateline: must be a real date in the form YYYY-MM-DD$/],
    ['a dateline in another form', { text: TEXT, dateline: '2022/3/6' }, /^dateline: must be a real date/],
    ['unknown fields', { text: TEXT, populate: '*' }, /^unknown field: populate$/],
    ['two problems at once', { text: '', dateline: 'x' }, /^text: is empty; dateline: must be a real date/],
  ])('400 for %s', async (_name, body, message) => {
    badRequest(await reporter.post('/chronicle/extract', body), message);
  });

  test('413 for a text over 1 MB, with the sizes, in the language asked for (one at a time)', async () => {
    const text = '网'.repeat(Math.ceil((1024 * 1024) / 3) + 10);
    const res = await reporter.post('/chronicle/extract', { text, dateline: '2022-03-06' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError', details: { code: 'extract.too-large' } } });
    expect(res.body.error.message).toBe('The text is 1 MB, more than the 1 MB allowed: split it into several reports.');
    const chinese = await reporter.post('/chronicle/extract', { text, dateline: '2022-03-06' }).set('Accept-Language', 'zh-Hans');
    expect(chinese.status).toBe(413);
    expect(chinese.body.error.message).toBe('文本为 1 MB，超过 1 MB 的上限，请分成几篇再提取。');
    // Just under the limit is read.
    const under = await reporter.post('/chronicle/extract', { text: text.slice(0, 349000), dateline: '2022-03-06' });
    expect(under.status).toBe(200);
  });

  test('each proposal: the expression as text, its offsets in the text sent, its sentence and rule', async () => {
    const res = await reporter.post('/chronicle/extract', { text: TEXT, dateline: '2022-03-06' });
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(res.body.events.map((e: any) => [e.text, e.rule])).toEqual([
      ['2月23日', 'date'],
      ['24日中午12时左右', 'day-of-month'],
      ['2月23日至3月6日', 'date'],
    ]);
    expect(res.body.statistics.map((s: any) => [s.text, s.rule])).toEqual([
      ['1144名', 'count'],
      ['4800余人次', 'count'],
      ['900余辆次', 'count'],
      ['10万余次', 'count'],
    ]);
    for (const p of [...res.body.events, ...res.body.statistics]) {
      expect(TEXT.slice(p.offset, p.endOffset)).toBe(p.text);
      expect(p.sentence).toContain(p.text);
    }
    expect(res.body.statistics[0].sentence).toBe('24日中午12时左右，六十六中1144名师生全部转运到隔离点。');
  });

  test('at most 1000 proposals (chronicle.extraction.maxProposals), then truncated: true', async () => {
    const text = Array.from({ length: 1500 }, (_, i) => `出动民警${i + 2}名、`).join('');
    const res = await reporter.post('/chronicle/extract', { text, dateline: '2022-03-06' });
    expect(res.status).toBe(200);
    expect(res.body.statistics).toHaveLength(1000);
    expect(res.body.truncated).toBe(true);
  });

  test('a public GET sent during a long extraction is answered before the extraction finishes', async () => {
    const text = '1二2三3四'.repeat(Math.floor(1_000_000 / 12)); // about 1 MB, under the limit; a second or more to read
    const http = request(app.strapi.server.httpServer);
    let extractedAt = 0;
    let answeredAt = 0;
    const extraction = reporter.post('/chronicle/extract', { text, dateline: '2022-03-06' }).then((res) => {
      extractedAt = performance.now();
      return res;
    });
    await new Promise((r) => setTimeout(r, 150)); // the text is in the worker by now
    const status = await http.get('/api/chronicle/status').then((res) => {
      answeredAt = performance.now();
      return res;
    });
    const extracted = await extraction;
    expect(status.status).toBe(200);
    expect(extracted.status).toBe(200);
    expect(answeredAt).toBeGreaterThan(0);
    expect(answeredAt).toBeLessThan(extractedAt);
  });

  test('200 with events and figures, each with a fingerprint, a title or a metric', async () => {
    const res = await reporter.post('/chronicle/extract', { text: TEXT, dateline: '2022-03-06' });
    expect(res.status).toBe(200);
    expect(res.body.dateline).toBe('2022-03-06');
    expect(res.body.events.map((e: any) => [e.start, e.precision, e.approximate])).toEqual([
      ['2022-02-23T00:00:00+08:00', 'day', false],
      ['2022-02-24T12:00:00+08:00', 'hour', true],
      ['2022-02-23T00:00:00+08:00', 'day', false],
    ]);
    expect(res.body.events[0]).toMatchObject({ title: '尖草坪区启动疫情防控应急响应', text: '2月23日', sentence: '2月23日，尖草坪区启动疫情防控应急响应。' });
    expect(res.body.events[2].end).toBe('2022-03-06T00:00:00+08:00');
    expect(res.body.statistics.map((s: any) => [s.value, s.qualifier, s.unit, s.label, s.metric])).toEqual([
      [1144, 'exact', '名', '师生', 'shi-sheng'],
      [4800, 'more-than', '人次', '警力', 'police-deployments'],
      [900, 'more-than', '辆次', '警车', 'police-vehicle-trips'],
      [100000, 'more-than', '次', '视频通话', 'video-calls'],
    ]);
    for (const p of [...res.body.events, ...res.body.statistics]) expect(p.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  test('an editor may extract too; the dateline defaults to today', async () => {
    const res = await editor.post('/chronicle/extract', { text: '投入警力300余人次。' });
    expect(res.status).toBe(200);
    expect(res.body.dateline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.statistics).toHaveLength(1);
  });

  test("for a report: 404 when it does not exist, 403 when it is another reporter's", async () => {
    const missing = await reporter.post('/chronicle/extract', { text: TEXT, reportDocumentId: 'nosuchdocument' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('no field report nosuchdocument');
    const other = await reporter2.post('/chronicle/extract', { text: TEXT, reportDocumentId: reportId });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(`you may not read field report ${reportId}`);
    const otherZh = await reporter2.post('/chronicle/extract', { text: TEXT, reportDocumentId: reportId }).set('Accept-Language', 'zh-Hans');
    expect(otherZh.status).toBe(403);
    expect(otherZh.body.error).toMatchObject({ message: `您无权读取此稿件（${reportId}）`, details: { code: 'extract.report-forbidden' } });
  });
});

describe('POST /chronicle/extract/accept', () => {
  let proposals: ExtractAnswer;

  beforeAll(async () => {
    const res = await reporter.post('/chronicle/extract', { text: TEXT, dateline: '2022-03-06', reportDocumentId: reportId });
    expect(res.status).toBe(200);
    proposals = res.body;
  });

  const eventInput = (e: EventProposal, edits: object = {}): AcceptedEvent => ({
    fingerprint: e.fingerprint,
    title: e.title,
    start: e.start,
    end: e.end ?? null,
    precision: e.precision,
    approximate: e.approximate,
    text: e.sentence,
    ...edits,
  });
  const statisticInput = (s: StatisticProposal, edits: object = {}): AcceptedStatistic => ({
    fingerprint: s.fingerprint,
    label: s.label,
    value: s.value,
    qualifier: s.qualifier,
    unit: s.unit,
    metric: s.metric,
    ...edits,
  });

  test('401 without a token, 403 for an Author', async () => {
    const body = { reportDocumentId: reportId, locale: 'zh-Hans', rejected: [proposals.events[0].fingerprint] };
    expect((await request(app.strapi.server.httpServer).post('/chronicle/extract/accept').send(body)).status).toBe(401);
    expect((await author.post('/chronicle/extract/accept', body)).status).toBe(403);
  });

  test.each<[string, (p: typeof proposals) => object, RegExp]>([
    ['no report', () => ({ locale: 'zh-Hans', rejected: [] }), /reportDocumentId: /],
    ['an unknown locale', (p) => ({ reportDocumentId: 'x', locale: 'fr', rejected: [p.events[0].fingerprint] }), /^locale: /],
    ['nothing to do', () => ({ reportDocumentId: 'x', locale: 'zh-Hans' }), /^nothing to accept or reject/],
    ['a made-up fingerprint', () => ({ reportDocumentId: 'x', locale: 'zh-Hans', rejected: ['abc'] }), /^rejected\.0: must be a fingerprint/],
    ['an unknown precision', (p) => ({ reportDocumentId: 'x', locale: 'zh-Hans', events: [eventInput(p.events[0], { precision: 'week' })] }), /^events\.0\.precision: /],
    ['a start without offset', (p) => ({ reportDocumentId: 'x', locale: 'zh-Hans', events: [eventInput(p.events[0], { start: '2022-02-23' })] }), /^events\.0\.start: must be an ISO 8601 date-time/],
    ['an empty title', (p) => ({ reportDocumentId: 'x', locale: 'zh-Hans', events: [eventInput(p.events[0], { title: ' ' })] }), /^events\.0\.title: must not be empty$/],
    ['a negative value', (p) => ({ reportDocumentId: 'x', locale: 'zh-Hans', statistics: [statisticInput(p.statistics[0], { value: -1 })] }), /^statistics\.0\.value: must be zero or more$/],
    ['a metric with spaces', (p) => ({ reportDocumentId: 'x', locale: 'zh-Hans', statistics: [statisticInput(p.statistics[0], { metric: 'Video calls' })] }), /^statistics\.0\.metric: must be a kebab-case key/],
  ])('400 for %s', async (_name, body, message) => {
    badRequest(await reporter.post('/chronicle/extract/accept', body(proposals)), message);
  });

  test('an event start without an offset, in Chinese: the item and the field named in Chinese', async () => {
    const body = { reportDocumentId: 'x', locale: 'zh-Hans', events: [eventInput(proposals.events[0], { start: '2022-02-23' })] };
    const res = await reporter.post('/chronicle/extract/accept', body).set('Accept-Language', 'zh-Hans');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('第 1 个事件的开始时间须为带时区的 ISO 8601 日期时间，如 2022-03-08T08:00:00+08:00');
  });

  test("403 into another reporter's report, and nothing is written", async () => {
    const res = await reporter2.post('/chronicle/extract/accept', {
      reportDocumentId: reportId,
      locale: 'zh-Hans',
      events: [eventInput(proposals.events[0])],
    });
    expect(res.status).toBe(403);
    expect(await app.strapi.documents(EVENT as never).count({} as never)).toBe(0);
  });

  test('creates the accepted ones as drafts linked to the report, owned by the user; rejected ones are not proposed again', async () => {
    const [event] = proposals.events;
    const [, police, , calls] = proposals.statistics;
    const res = await reporter.post('/chronicle/extract/accept', {
      reportDocumentId: reportId,
      locale: 'zh-Hans',
      events: [eventInput(event, { title: '尖草坪区启动应急响应' })],
      statistics: [statisticInput(calls, { label: '网格员视频通话' })],
      rejected: [police.fingerprint],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      events: [{ title: '尖草坪区启动应急响应' }],
      statistics: [{ label: '网格员视频通话' }],
      rejected: 1,
      alreadyDecided: [],
    });

    const report = (await app.strapi.documents(REPORT as never).findOne({
      documentId: reportId,
      locale: 'zh-Hans',
      populate: ['events', 'statistics'],
    } as never)) as any;
    expect(report.events.map((e: any) => e.title)).toEqual(['尖草坪区启动应急响应']);
    expect(report.statistics.map((s: any) => s.label)).toEqual(['网格员视频通话']);

    const eventRow = (await app.strapi.db.query(EVENT as never).findOne({
      where: { documentId: res.body.events[0].documentId },
      populate: ['createdBy', 'updatedBy'],
    })) as any;
    expect(eventRow).toMatchObject({
      publishedAt: null,
      locale: 'zh-Hans',
      precision: 'day',
      approximate: false,
      description: event.sentence,
      createdBy: { id: reporterId },
      updatedBy: { id: reporterId },
    });
    expect(new Date(eventRow.occurredAt).toISOString()).toBe('2022-02-22T16:00:00.000Z');
    const statRow = (await app.strapi.db.query(STATISTIC as never).findOne({
      where: { documentId: res.body.statistics[0].documentId },
      populate: ['createdBy'],
    })) as any;
    expect(statRow).toMatchObject({ publishedAt: null, metric: 'video-calls', qualifier: 'more-than', countUnit: '次', createdBy: { id: reporterId } });
    expect(Number(statRow.value)).toBe(100000);

    // The reporter can open their new drafts in the Content Manager (update is own-only).
    const edit = await reporter.put(`${CM}/${STATISTIC}/${res.body.statistics[0].documentId}?locale=zh-Hans`, { label: '视频通话' });
    expect(edit.status).toBe(200);

    const again = await reporter.post('/chronicle/extract', { text: TEXT, dateline: '2022-03-06', reportDocumentId: reportId });
    expect(again.status).toBe(200);
    const fingerprints = [...again.body.events, ...again.body.statistics].map((p: any) => p.fingerprint);
    expect(fingerprints).not.toContain(event.fingerprint);
    expect(fingerprints).not.toContain(calls.fingerprint);
    expect(fingerprints).not.toContain(police.fingerprint);
    expect(again.body.events).toHaveLength(proposals.events.length - 1);
    expect(again.body.statistics).toHaveLength(proposals.statistics.length - 2);

    // Without the report, the same text is proposed in full (decisions are per report).
    const fresh = await reporter.post('/chronicle/extract', { text: TEXT, dateline: '2022-03-06' });
    expect(fresh.body.statistics).toHaveLength(proposals.statistics.length);
  });

  test('accepting the same proposal twice makes no second draft', async () => {
    const res = await reporter.post('/chronicle/extract/accept', {
      reportDocumentId: reportId,
      locale: 'zh-Hans',
      events: [eventInput(proposals.events[0])],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ events: [], alreadyDecided: [proposals.events[0].fingerprint] });
    expect(await app.strapi.documents(EVENT as never).count({} as never)).toBe(1);
  });

  test('404 for a report that has no version in that locale', async () => {
    const res = await reporter.post('/chronicle/extract/accept', {
      reportDocumentId: reportId,
      locale: 'en',
      events: [eventInput(proposals.events[1])],
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`no field report ${reportId} in en`);
  });
});

describe('issue 18: decisions survive an edit of their sentence; the suggested unit is applied', () => {
  const BEFORE = ['南寨街道网格员与居民视频通话10万余次。', '2月25日，300名志愿者上岗。'].join('\n');
  const AFTER = ['据统计，南寨街道网格员与居民累计视频通话10万余次。', '2月25日清晨，300名志愿者陆续上岗。'].join('\n');
  let report: string;

  beforeAll(async () => {
    await app.strapi.documents('plugin::chronicle.unit' as never).create({ data: { name: '南寨街道', kind: 'subdistrict' } } as never);
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '南寨街道', body: BEFORE });
    expect(created.status).toBe(201);
    report = created.body.data.documentId;
  });

  test('an accepted figure and a rejected one are not proposed again after the body is edited; the figure gets its unit', async () => {
    const first = await reporter.post('/chronicle/extract', { text: BEFORE, dateline: '2022-03-06', reportDocumentId: report });
    expect(first.status).toBe(200);
    const calls = first.body.statistics.find((s: any) => s.text === '10万余次');
    const people = first.body.statistics.find((s: any) => s.text === '300名');
    expect(calls).toMatchObject({ unitName: '南寨街道' });
    expect(people).toBeDefined();

    const res = await reporter.post('/chronicle/extract/accept', {
      reportDocumentId: report,
      locale: 'zh-Hans',
      statistics: [{ fingerprint: calls.fingerprint, label: calls.label, value: calls.value, qualifier: calls.qualifier, unit: calls.unit, metric: calls.metric, unitName: calls.unitName }],
      rejected: [people.fingerprint],
      sources: { [calls.fingerprint]: { kind: 'statistic', text: calls.text }, [people.fingerprint]: { kind: 'statistic', text: people.text } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rejected: 1, alreadyDecided: [] });
    const stat = (await app.strapi.db.query(STATISTIC as never).findOne({
      where: { documentId: res.body.statistics[0].documentId },
      populate: ['scopeUnit'],
    })) as any;
    expect(stat.scopeUnit).toMatchObject({ name: '南寨街道' });

    const again = await reporter.post('/chronicle/extract', { text: AFTER, dateline: '2022-03-06', reportDocumentId: report });
    expect(again.status).toBe(200);
    const texts = again.body.statistics.map((s: any) => s.text);
    expect(texts).not.toContain('10万余次');
    expect(texts).not.toContain('300名');
    // The event in the edited sentence was never decided: it is still proposed.
    expect(again.body.events.map((e: any) => e.text)).toContain('2月25日清晨');
  });

  test('400 for a source that names no expression', async () => {
    const res = await reporter.post('/chronicle/extract/accept', {
      reportDocumentId: report,
      locale: 'zh-Hans',
      rejected: ['0'.repeat(32)],
      sources: { ['0'.repeat(32)]: { kind: 'statistic', text: '' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^sources\./);
  });
});
