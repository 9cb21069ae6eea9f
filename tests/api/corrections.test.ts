/**
 * Corrections everywhere (issue #17): a correction appended through the workflow on a profile,
 * a chronicle, an event and a figure shows in each one's API answer and page, in
 * /api/chronicle/corrections newest first with cursor paging, in its Atom feed and on
 * /corrections; a withdrawn record's correction leaves the list and its notice takes its
 * place; bad parameters are 400s with a message. One Strapi, the demo newsroom.
 */
import request from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import { childText, parseXml, type XmlElement } from '../helpers/xml';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { withdrawDocument } from '../helpers/workflow';

let app: TestStrapi;
let ajv: Ajv2020;
const api = () => request(app.strapi.server.httpServer);
const get = (path: string) => api().get(`/api/chronicle/${path}`);
const page = (path: string) => api().get(path);
const uid = (type: string) => `plugin::chronicle.${type}`;
const ACTOR = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };

const conforms = (schemaName: string, body: unknown) => {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  if (!validate(body)) throw new Error(`${schemaName}: ${ajv.errorsText(validate.errors)}`);
};

const correct = (type: string, documentId: string, text: string, kind = 'correction', locale = 'zh-Hans') =>
  app.strapi.plugin('chronicle').service('workflow').transition({ uid: uid(type), documentId, locale, to: 'corrected', correction: { kind, text } }, ACTOR);

/** A published zh-Hans row of a type (and a condition on it). */
const publishedRow = async (type: string, where: Record<string, unknown> = {}) =>
  app.strapi.db.query(uid(type) as never).findOne({ where: { publishedAt: { $notNull: true }, locale: 'zh-Hans', ...where }, orderBy: { id: 'asc' } } as never) as Promise<any>;

/** Every entry of the list, page by page (limit per page). */
const walk = async (query: string, limit: number) => {
  const seen: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i += 1) {
    const res: any = await get(`corrections?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.data);
    cursor = res.body.meta.nextCursor;
    if (!cursor) break;
  }
  return seen;
};

const T = {
  profile: '更正测试：人物所在网格名称有误，已改正。',
  chronicle: '更正测试：纪实的起始日期应为二月三日。',
  event: '说明测试：事件地点为社区服务站。',
  figure: '补充测试：数字截至当日下午五时。',
  chronicleEn: 'Correction in a test: the chronicle starts on 3 February.',
};
let profile: any;
let chronicle: any;
let event: any;
let figure: any;

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addSchema({ $id: 'openapi', components: (await get('openapi.json')).body.components });
  profile = await publishedRow('frontline-profile', { consent: 'consented' });
  // A chronicle with an English version: corrections are per language, like the text they correct.
  const english = await app.strapi.db.query(uid('chronicle') as never).findOne({ where: { publishedAt: { $notNull: true }, locale: 'en' } } as never) as any;
  expect(english).toBeTruthy();
  chronicle = await publishedRow('chronicle', { documentId: english.documentId });
  event = await publishedRow('timeline-event');
  figure = await publishedRow('grid-statistic');
  for (const r of [profile, chronicle, event, figure]) expect(r).toBeTruthy();
  // In this order, so the list's newest first is figure, event, chronicle, profile.
  await correct('frontline-profile', profile.documentId, T.profile);
  await correct('chronicle', chronicle.documentId, T.chronicleEn, 'correction', 'en');
  await correct('chronicle', chronicle.documentId, T.chronicle);
  await correct('timeline-event', event.documentId, T.event, 'clarification');
  await correct('grid-statistic', figure.documentId, T.figure, 'update');
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

const onlyPublicFields = (c: any) => expect(Object.keys(c).sort()).toEqual(['date', 'displayDate', 'kind', 'text']);

describe('on each record', () => {
  test('a profile, a chronicle, an event and a figure carry their corrections in the API', async () => {
    const p = await get(`profiles/${profile.slug}`);
    expect(p.status).toBe(200);
    conforms('Profile', p.body);
    expect(p.body.data.corrections).toEqual([expect.objectContaining({ kind: 'correction', text: T.profile })]);
    onlyPublicFields(p.body.data.corrections[0]);

    const c = await get(`chronicles/${chronicle.slug}`);
    expect(c.status).toBe(200);
    conforms('Chronicle', c.body);
    expect(c.body.data.corrections.map((x: any) => x.text)).toContain(T.chronicle);

    const day = new Date(new Date(event.occurredAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const tl = await get(`timeline?from=${day}&to=${day}&limit=100`);
    expect(tl.status).toBe(200);
    conforms('TimelinePage', tl.body);
    const e = tl.body.data.find((x: any) => x.slug === event.slug);
    expect(e.corrections).toEqual([expect.objectContaining({ kind: 'clarification', text: T.event })]);
    onlyPublicFields(e.corrections[0]);

    const st = await get(`statistics?metric=${figure.metric}&limit=100`);
    expect(st.status).toBe(200);
    conforms('Statistics', st.body);
    const f = st.body.data.figures.find((x: any) => x.slug === figure.slug);
    expect(f.corrections).toEqual([expect.objectContaining({ kind: 'update', text: T.figure })]);
  });

  test('and on their pages, in both languages', async () => {
    const day = new Date(new Date(event.occurredAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const [path, text] of [
      [`/honours/${profile.slug}`, T.profile],
      [`/chronicles/${chronicle.slug}`, T.chronicle],
      [`/timeline?from=${day}&to=${day}`, T.event],
      ['/statistics', T.figure],
    ]) {
      const zh = await page(path);
      expect(zh.status).toBe(200);
      expect(zh.text).toContain(text);
      expect(zh.text).toContain('更正与说明');
      const en = await page(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
      expect(en.status).toBe(200);
      // The English versions have corrections of their own: the Chinese ones are not theirs.
      expect(en.text).not.toContain(text);
    }
    const en = await page(`/chronicles/${chronicle.slug}?lang=en`);
    expect(en.text).toContain(T.chronicleEn);
    expect(en.text).toContain('Corrections and clarifications');
  });
});

describe('GET /api/chronicle/corrections', () => {
  test('lists them newest first, in the documented shape, with the record named and no private field', async () => {
    const res = await get('corrections');
    expect(res.status).toBe(200);
    conforms('CorrectionsPage', res.body);
    expect(res.headers['cache-control']).toMatch(/public/);
    expect(res.headers.etag).toBeTruthy();
    const first = res.body.data.slice(0, 4);
    expect(first.map((e: any) => [e.record.type, e.text])).toEqual([
      ['figure', T.figure],
      ['event', T.event],
      ['chronicle', T.chronicle],
      ['profile', T.profile],
    ]);
    expect(first[2].record).toEqual({ type: 'chronicle', slug: chronicle.slug, title: chronicle.title, withdrawn: false, occurredOn: null });
    expect(first[1].record.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dates = res.body.data.map((e: any) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(JSON.stringify(res.body)).not.toMatch(/createdBy|updatedBy|"note"|documentId/);
  });

  test('pages by cursor without repeating or skipping, and filters by type', async () => {
    const whole = await walk('', 100);
    const paged = await walk('', 1);
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
    expect(new Set(whole.map((e) => e.id)).size).toBe(whole.length);
    const events = await walk('&type=event', 2);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.record.type === 'event')).toBe(true);
    expect(events.map((e) => e.id)).toEqual(whole.filter((e) => e.record.type === 'event').map((e) => e.id));
  });

  test('English: the English versions carry their own corrections, with English dates', async () => {
    const res = await get('corrections?locale=en');
    expect(res.status).toBe(200);
    conforms('CorrectionsPage', res.body);
    const entry = res.body.data.find((e: any) => e.text === T.chronicleEn);
    expect(entry).toEqual(expect.objectContaining({ locale: 'en', fallback: false }));
    expect(entry.record.title).not.toBe(chronicle.title);
    expect(res.body.data.some((e: any) => e.text === T.chronicle)).toBe(false);
    const zh = (await get('corrections')).body.data;
    expect(zh.some((e: any) => e.text === T.chronicleEn)).toBe(false);
    const en = await get(`chronicles/${chronicle.slug}?locale=en`);
    expect(en.body.data.corrections).toEqual([expect.objectContaining({ text: T.chronicleEn })]);
    expect(en.body.data.corrections[0].displayDate).not.toMatch(/[年月日]/);
  });

  test('bad parameters are 400s naming them; share parameters are ignored', async () => {
    for (const [query, word] of [
      ['type=person', 'type'],
      ['locale=fr', 'locale'],
      ['limit=0', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['filters[kind]=x', 'filters'],
      ['type=event&type=figure', 'type'],
    ]) {
      const res = await get(`corrections?${query}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(word);
    }
    const timelineCursor = (await get('timeline?limit=1')).body.meta.nextCursor;
    expect((await get(`corrections?cursor=${timelineCursor}`)).status).toBe(400);
    expect((await get('corrections?utm_source=wechat&from=singlemessage&isappinstalled=0')).status).toBe(200);
  });
});

describe('Atom feed', () => {
  test('is well-formed Atom with one entry per correction, updated ≥ published', async () => {
    const res = await get('corrections/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/atom\+xml/);
    const feed = parseXml(res.text);
    expect(feed.name).toBe('feed');
    const entries = feed.children.filter((c: XmlElement) => c.name === 'entry');
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const ids = entries.map((e) => childText(e, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) expect((childText(e, 'updated') as string) >= (childText(e, 'published') as string)).toBe(true);
    expect(childText(entries[0], 'summary')).toBe(T.figure);
    expect(childText(entries[3], 'title')).toContain(profile.fullName);
    const en = await get('corrections/feed.xml?locale=en&type=chronicle');
    expect(en.status).toBe(200);
    const enEntries = parseXml(en.text).children.filter((c) => c.name === 'entry');
    expect(enEntries.every((e) => (childText(e, 'title') ?? '').length > 0)).toBe(true);
    expect(enEntries.map((e) => childText(e, 'summary'))).toContain(T.chronicleEn);
    expect((await get('corrections/feed.xml?type=nope')).status).toBe(400);
  });
});

describe('the /corrections page', () => {
  test('lists them in both languages with links, the feed autodiscovery link and paging', async () => {
    const zh = await page('/corrections');
    expect(zh.status).toBe(200);
    expect(zh.text).toContain(T.figure);
    expect(zh.text).toContain(`href="/chronicles/${chronicle.slug}"`);
    expect(zh.text).toContain(`href="/honours/${profile.slug}"`);
    expect(zh.text).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="\/api\/chronicle\/corrections\/feed.xml"/);
    const en = await page('/corrections?lang=en&type=chronicle');
    expect(en.status).toBe(200);
    expect(en.text).toContain('Corrections and clarifications');
    expect(en.text).toContain(T.chronicleEn);
    expect(en.text).not.toContain(T.figure);
    expect(en.text).toContain(`href="/chronicles/${chronicle.slug}?lang=en"`);
    expect((await page('/corrections?cursor=bad')).status).toBe(400);
    expect((await page('/corrections?type=person')).status).toBe(400);
    expect((await page('/')).text).toContain('href="/corrections"');
  });
});

describe('withdrawn and unpublished records', () => {
  test('a withdrawn chronicle leaves the list and its notice takes its place; a new correction shows at once (cache)', async () => {
    const before = await get('corrections?limit=100');
    expect((await get('corrections?limit=100')).headers['x-chronicle-cache']).toBe('hit');
    await withdrawDocument(app.strapi, 'chronicle', chronicle.documentId, 'zh-Hans', '撤回测试：来源无法核实。');
    const after = await get('corrections?limit=100');
    expect(after.headers['x-chronicle-cache']).toBe('miss');
    expect(before.body.data.some((e: any) => e.text === T.chronicle)).toBe(true);
    expect(after.body.data.some((e: any) => e.text === T.chronicle)).toBe(false);
    const notice = after.body.data[0];
    expect(notice).toEqual(
      expect.objectContaining({ kind: 'withdrawal', text: '撤回测试：来源无法核实。', record: { type: 'chronicle', slug: chronicle.slug, title: null, withdrawn: true, occurredOn: null } })
    );
    conforms('CorrectionsPage', after.body);
    expect((await get(`chronicles/${chronicle.slug}`)).status).toBe(410);
    const listed = await page('/corrections');
    expect(listed.text).toContain('撤回测试：来源无法核实。');
    expect(listed.text).not.toContain(chronicle.title);

    // An unpublished event (withdrawn): its correction is gone too, and it is named by type only.
    await withdrawDocument(app.strapi, 'timeline-event', event.documentId, 'zh-Hans', '撤回测试：事件重复。');
    const events = (await get('corrections?type=event&limit=100')).body.data;
    expect(events.some((e: any) => e.text === T.event)).toBe(false);
    expect(events[0].record).toEqual({ type: 'event', slug: null, title: null, withdrawn: true, occurredOn: null });

    // A further correction of a live record is listed at once: the write emptied the cache.
    await correct('frontline-profile', profile.documentId, '补充测试：第二次更正。', 'update');
    const latest = await get('corrections?limit=1');
    expect(latest.body.data[0].text).toBe('补充测试：第二次更正。');
    const p = await get(`profiles/${profile.slug}`);
    expect(p.body.data.corrections.map((c: any) => c.text)).toEqual([T.profile, '补充测试：第二次更正。']);
  });
});
