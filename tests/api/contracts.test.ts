/**
 * Every answer of the public API parses with its contract (plugins/chronicle/server/src/
 * contracts), over the demo newsroom: every route, every list page and every detail, in
 * both locales, and the error answers (400, 404, 410). The contracts are strict, so a
 * serializer that leaks a field fails here; the last public test shows that it would. The
 * admin routes' answers (workflow history, transition, queue, extraction, accept) parse
 * with theirs too.
 */
import request from 'supertest';
import type { z } from 'zod';
import {
  acceptAnswer,
  apiError,
  chronicleAnswer,
  correctionsPage,
  extractAnswer,
  jsonFeed,
  oembedAnswer,
  profileAnswer,
  profilesPage,
  queueAnswer,
  reportAnswer,
  reportsPage,
  statisticsAnswer,
  timelineJs,
  timelinePage,
  transitionAnswer,
  unitsAnswer,
  workflowInfo,
  type AcceptRequest,
  type EventProposal,
} from '../../plugins/chronicle/server/src/contracts';
import { openApiDocument } from '../../plugins/chronicle/server/src/domain/openapi';
import { publicOrigin } from '../../plugins/chronicle/server/src/site/paths';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { withdrawDocument } from '../helpers/workflow';

let app: TestStrapi;
const LOCALES = ['zh-Hans', 'en'] as const;

const get = (path: string) => request(app.strapi.server.httpServer).get(`/api/chronicle/${path}`);
const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;

/** The answer at `path`, with `status`, parsed with `contract` (a failure names the path and the problem). */
const answer = async <S extends z.ZodType>(path: string, contract: S, status = 200): Promise<z.output<S>> => {
  const res = await get(path);
  expect([path, res.status]).toEqual([path, status]);
  const parsed = contract.safeParse(res.body);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data;
};

/** Every page of a list, following meta.nextCursor. */
const allPages = async <S extends z.ZodType>(path: string, contract: S, limit: number): Promise<Array<z.output<S>>> => {
  const pages: Array<z.output<S>> = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: any = await answer(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, contract);
    pages.push(page);
    cursor = page.meta.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
};

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
});
afterAll(async () => {
  await app?.stop();
});

describe.each(LOCALES)('every public answer parses with its contract (locale=%s)', (locale) => {
  test('timeline: every page, both sort orders, filtered; TimelineJS', async () => {
    const pages = await allPages(`timeline?locale=${locale}`, timelinePage, 7);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.data).length).toBeGreaterThanOrEqual(10);
    expect(pages.at(-1)?.meta.nextCursor).toBeNull();
    await allPages(`timeline?locale=${locale}&sort=-occurredAt`, timelinePage, 50);
    await answer(`timeline?locale=${locale}&unit=jiancaoping-qu&from=2022-02-24&to=2022-03-31`, timelinePage);
    for (const page of await allPages(`timeline/timelinejs?locale=${locale}`, timelineJs, 10)) expect(page.events.length).toBeGreaterThan(0);
  });

  test('reports: every page and every report', async () => {
    const summaries = (await allPages(`reports?locale=${locale}`, reportsPage, 4)).flatMap((p) => p.data);
    expect(summaries.length).toBeGreaterThan(1);
    for (const { slug } of summaries) {
      const { data } = await answer(`reports/${slug}?locale=${locale}`, reportAnswer);
      expect(data.slug).toBe(slug);
    }
  });

  test('profiles: every page and every commendation, anonymised ones included', async () => {
    const summaries = (await allPages(`profiles?locale=${locale}`, profilesPage, 5)).flatMap((p) => p.data);
    expect(summaries.length).toBeGreaterThan(1);
    expect(summaries.some((p) => p.anonymised)).toBe(true);
    for (const { slug } of summaries) {
      const { data } = await answer(`profiles/${slug}?locale=${locale}`, profileAnswer);
      expect(data.slug).toBe(slug);
    }
  });

  test('chronicles: every chronicle the timeline and the reports name', async () => {
    const events = (await allPages(`timeline?locale=${locale}`, timelinePage, 100)).flatMap((p) => p.data);
    const reports = (await allPages(`reports?locale=${locale}`, reportsPage, 100)).flatMap((p) => p.data);
    const slugs = new Set([...events, ...reports].flatMap((r) => (r.chronicle ? [r.chronicle.slug] : [])));
    expect(slugs.size).toBeGreaterThan(0);
    for (const slug of slugs) {
      const { data } = await answer(`chronicles/${slug}?locale=${locale}`, chronicleAnswer);
      expect(data.events.length + data.reports.length).toBeGreaterThan(0);
    }
  });

  test('statistics: every page (roll-ups on the first, null after), filtered by metric and unit', async () => {
    const pages = await allPages(`statistics?locale=${locale}`, statisticsAnswer, 5);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0].data.rollups?.length).toBeGreaterThan(0);
    for (const page of pages.slice(1)) expect(page.data.rollups).toBeNull();
    await answer(`statistics?locale=${locale}&metric=grid-workers&unit=jiancaoping-qu`, statisticsAnswer);
  });

  test('oEmbed: the timeline, every report and every commendation', async () => {
    const origin = publicOrigin(process.env.PUBLIC_URL, app.strapi.config.get('server.url') as string, app.strapi.config.get('server.port') as number);
    const at = (path: string) => `oembed?url=${encodeURIComponent(`${origin}${path}${locale === 'en' ? '?lang=en' : ''}`)}`;
    expect((await answer(at('/timeline'), oembedAnswer)).type).toBe('rich');
    for (const { slug } of (await allPages(`reports?locale=${locale}`, reportsPage, 100)).flatMap((p) => p.data)) await answer(at(`/reports/${slug}`), oembedAnswer);
    for (const { slug } of (await allPages(`profiles?locale=${locale}`, profilesPage, 100)).flatMap((p) => p.data)) await answer(at(`/honours/${slug}`), oembedAnswer);
  });

  test('units and the JSON Feed', async () => {
    const units = await answer(`units?locale=${locale}`, unitsAnswer);
    expect(units.data.length).toBeGreaterThan(0);
    expect(units.data.some((u) => u.children.length > 0)).toBe(true);
    const feed = await answer(`feed.json?locale=${locale}`, jsonFeed);
    expect(feed.items.length).toBeGreaterThan(0);
    await allPages(`corrections?locale=${locale}`, correctionsPage, 3);
  });
});

describe('error answers parse with the error contract', () => {
  test.each([
    ['timeline?populate=*', 400],
    ['timeline?cursor=not-a-cursor', 400],
    ['timeline?unit=no-such-unit', 400],
    ['statistics?limit=0', 400],
    ['openapi.json?x=1', 400],
    ['reports/no-such-report', 404],
    ['profiles/no-such-person', 404],
    ['chronicles/no-such-chronicle', 404],
    ['reports/Not_A_Slug', 400],
    ['oembed', 400],
    ['oembed?url=https%3A%2F%2Felsewhere.example%2Ftimeline', 404],
    ['oembed?url=x&format=xml', 501],
  ])('%s → %i', async (path, status) => {
    const body = await answer(path, apiError, status);
    expect(body.error.status).toBe(status);
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  test('410 with its withdrawal notice for a withdrawn report', async () => {
    const report = (await docs('field-report').findMany({ locale: 'zh-Hans', status: 'published', limit: 1 }))[0];
    await withdrawDocument(app.strapi, 'field-report', report.documentId, 'zh-Hans', 'contract test');
    const body = await answer(`reports/${report.slug}`, apiError, 410);
    expect(body.error.details).toMatchObject({ withdrawal: { reason: 'contract test' } });
  });
});

describe('the contracts are strict', () => {
  test('a field a serializer leaked, at any depth, fails the contract', async () => {
    const page = (await get('timeline?limit=2')).body;
    expect(timelinePage.safeParse(page).success).toBe(true);
    expect(timelinePage.safeParse({ ...page, debug: 1 }).success).toBe(false);
    expect(timelinePage.safeParse({ ...page, data: [{ ...page.data[0], documentId: 'x' }] }).success).toBe(false);
    const withActor = (await get('timeline?limit=100')).body.data.find((e: any) => e.actors.length > 0);
    expect(timelinePage.safeParse({ data: [{ ...withActor, actors: [{ ...withActor.actors[0], consent: 'anonymised' }] }], meta: page.meta }).success).toBe(false);
    const units = (await get('units')).body;
    const leaky = structuredClone(units);
    const parent = leaky.data.find((u: any) => u.children.length > 0);
    parent.children[0].id = 1;
    expect(unitsAnswer.safeParse(units).success).toBe(true);
    expect(unitsAnswer.safeParse(leaky).success).toBe(false);
  });

  test('the served OpenAPI document is the one built from the contracts', async () => {
    const res = await get('openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

describe('admin payloads parse with their contracts', () => {
  let admin: ReturnType<typeof adminApi>;
  let reportId: string;

  beforeAll(async () => {
    await createAdminUser(app.strapi, 'contracts@test.local', 'strapi-super-admin');
    admin = adminApi(app.strapi, await login(app.strapi, 'contracts@test.local'));
    const report = await docs('field-report').create({
      locale: 'zh-Hans',
      data: { title: '合同测试报道', slug: 'contract-test-report', body: '2022年2月24日中午12时左右，六十六中1144名师生全部转运到隔离点。', dateline: { place: '太原', date: '2022-02-24' } },
    });
    reportId = report.documentId;
  });

  test('workflow: history, a transition, the queue', async () => {
    const subject = `uid=plugin::chronicle.field-report&documentId=${reportId}&locale=zh-Hans`;
    const info = await admin.get(`/chronicle/workflow/history?${subject}`);
    expect(info.status).toBe(200);
    expect(workflowInfo.parse(info.body).available).toContain('in_review');
    const moved = await admin.post('/chronicle/workflow/transition', {
      uid: 'plugin::chronicle.field-report',
      documentId: reportId,
      locale: 'zh-Hans',
      to: 'in_review',
      note: 'ready',
    });
    expect(moved.status).toBe(200);
    const step = transitionAnswer.parse(moved.body);
    expect(step.state).toBe('in_review');
    expect(step.history.at(-1)).toMatchObject({ from: 'draft', to: 'in_review', note: 'ready' });
    const queue = await admin.get('/chronicle/workflow/queue');
    expect(queue.status).toBe(200);
    expect(queueAnswer.parse(queue.body).sections.awaitingReview.map((i) => i.documentId)).toContain(reportId);
  });

  test('extraction: proposals, then the accept payload built from them', async () => {
    const extracted = await admin.post('/chronicle/extract', {
      text: '2022年2月24日中午12时左右，六十六中1144名师生全部转运到隔离点。',
      dateline: '2022-02-24',
      reportDocumentId: reportId,
    });
    expect(extracted.status).toBe(200);
    const proposals = extractAnswer.parse(extracted.body);
    expect(proposals.events.length + proposals.statistics.length).toBeGreaterThan(0);
    const toAccepted = (e: EventProposal) => ({
      fingerprint: e.fingerprint,
      title: e.title,
      start: e.start,
      end: e.end ?? null,
      precision: e.precision,
      approximate: e.approximate,
      text: e.sentence,
    });
    const payload: AcceptRequest = {
      reportDocumentId: reportId,
      locale: 'zh-Hans',
      events: proposals.events.map(toAccepted),
      rejected: proposals.statistics.map((s) => s.fingerprint),
    };
    const accepted = await admin.post('/chronicle/extract/accept', payload);
    expect(accepted.status).toBe(200);
    const made = acceptAnswer.parse(accepted.body);
    expect(made.events.length).toBe(proposals.events.length);
    expect(made.rejected).toBe(proposals.statistics.length);
  });
});
