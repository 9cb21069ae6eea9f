/**
 * The public read API on the demo newsroom: every route answers with the published data in
 * the documented shape (checked against the served OpenAPI document's schemas), filters,
 * cursor paging, locales and fallback, roll-ups, TimelineJS, feeds, ETags and 304s, and
 * the cache being emptied after a publish.
 */
import request from 'supertest';
import Ajv2020 from 'ajv/dist/2020';
import { childText, parseXml } from '../helpers/xml';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument, withdrawDocument } from '../helpers/workflow';
import { openApiShape } from '../helpers/openapi-shape';
import { asReference, rollupsByLoadingEveryFigure } from '../helpers/rollup-reference';

let app: TestStrapi;
let openapi: any;
let ajv: Ajv2020;

const api = () => request(app.strapi.server.httpServer);
const get = (path: string) => api().get(`/api/chronicle/${path}`);
const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;

/** Validate a body against a component schema of the served OpenAPI document. */
const conforms = (schemaName: string, body: unknown) => {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  const ok = validate(body);
  if (!ok) throw new Error(`${schemaName}: ${ajv.errorsText(validate.errors)}`);
};

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  const res = await get('openapi.json');
  openapi = res.body;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addSchema({ $id: 'openapi', components: openapi.components });
});
afterAll(async () => {
  await app?.stop();
});

describe('openapi.json', () => {
  test('is a structurally valid OpenAPI 3.1 document describing every public route', async () => {
    const res = await get('openapi.json');
    expect(res.status).toBe(200);
    const parsed = openApiShape.safeParse(res.body);
    if (!parsed.success) throw new Error(parsed.error.message);
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/chronicles/{slug}',
        '/corrections',
        '/corrections/feed.xml',
        '/feed.json',
        '/feed.xml',
        '/oembed',
        '/openapi.json',
        '/profiles',
        '/profiles/{slug}',
        '/reports',
        '/reports/{slug}',
        '/search',
        '/statistics',
        '/timeline',
        '/timeline/live',
        '/timeline/timelinejs',
        '/units',
      ].sort()
    );
    // every $ref resolves, and every component schema compiles
    const refs = JSON.stringify(res.body).match(/"#\/components\/schemas\/[A-Za-z]+"/g) ?? [];
    for (const r of refs) expect(res.body.components.schemas[r.slice(22, -1)]).toBeDefined();
    for (const name of Object.keys(res.body.components.schemas)) expect(ajv.getSchema(`openapi#/components/schemas/${name}`)).toBeDefined();
  });

  test('passes @apidevtools/swagger-parser validation (OpenAPI 3.1 schema and references)', async () => {
    const SwaggerParser = require('@apidevtools/swagger-parser');
    const res = await get('openapi.json');
    const api = await SwaggerParser.validate(structuredClone(res.body));
    expect(api.openapi).toMatch(/^3\.1\./);
    const broken = structuredClone(res.body);
    broken.paths['/timeline'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/NoSuchSchema' };
    await expect(SwaggerParser.validate(broken)).rejects.toThrow(/NoSuchSchema/);
  });
});

describe('timeline', () => {
  test('lists published events in time order with display dates, units, actors and source', async () => {
    const res = await get('timeline?limit=100');
    expect(res.status).toBe(200);
    conforms('TimelinePage', res.body);
    const events = res.body.data;
    expect(events.length).toBeGreaterThanOrEqual(10);
    const times = events.map((e: any) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
    const transfer = events.find((e: any) => e.slug === '2022-02-24-school-transfer');
    expect(transfer).toMatchObject({
      title: '1144名师生转入隔离酒店',
      occurredAt: '2022-02-24T04:00:00.000Z',
      precision: 'hour',
      approximate: true,
      displayDate: '2022年2月24日中午12时左右',
      locale: 'zh-Hans',
      fallback: false,
      chronicle: { slug: expect.any(String), title: expect.any(String) },
      source: { slug: expect.any(String), title: '疫情当前 尖草坪民警坚守一线' },
    });
    expect(transfer.actors.map((a: any) => a.name)).toEqual(expect.arrayContaining(['彭磊']));
    expect(transfer.units.length).toBe(3);
    expect(res.body.meta).toEqual({ locale: 'zh-Hans', limit: 100, nextCursor: null });
  });

  test('speaks English with English display dates', async () => {
    const res = await get('timeline?locale=en&limit=100');
    expect(res.status).toBe(200);
    const transfer = res.body.data.find((e: any) => e.slug === '2022-02-24-school-transfer');
    expect(transfer.displayDate).toBe('around noon, 24 February 2022');
    expect(transfer.title).toBe('1,144 students and staff moved to quarantine hotels');
    expect(transfer.fallback).toBe(false);
  });

  test('pages with an opaque cursor: every event exactly once, in order', async () => {
    const all = (await get('timeline?limit=100')).body.data.map((e: any) => e.slug);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = await get(`timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.data.map((e: any) => e.slug));
      cursor = res.body.meta.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen).toEqual(all);
    // descending order is the reverse
    const desc = (await get('timeline?limit=100&sort=-occurredAt')).body.data.map((e: any) => e.slug);
    expect(desc.length).toBe(all.length);
    expect(desc[0]).toBe(all[all.length - 1]);
  });

  test('filters by calendar days in Asia/Shanghai, unit with sub-units, profile, chronicle and Chinese text', async () => {
    const day = await get('timeline?from=2022-02-24&to=2022-02-24&limit=100');
    expect(day.status).toBe(200);
    expect(day.body.data.length).toBeGreaterThan(0);
    for (const e of day.body.data) expect(e.displayDate.startsWith('2022年2月24日')).toBe(true);

    const root = await get('timeline?unit=jiancaoping-qu&limit=100');
    expect(root.status).toBe(200);
    // the district includes its sub-units: at least as many events as any unit below it
    const units = (await get('units')).body.data;
    const district = units.find((u: any) => u.slug === 'jiancaoping-qu');
    expect(district.children.length).toBeGreaterThan(0);
    const sub = await get(`timeline?unit=${district.children[0].slug}&limit=100`);
    expect(sub.status).toBe(200);
    expect(root.body.data.length).toBeGreaterThanOrEqual(sub.body.data.length);
    const subSlugs = new Set(sub.body.data.map((e: any) => e.slug));
    expect(root.body.data.filter((e: any) => subSlugs.has(e.slug)).length).toBe(subSlugs.size);

    const peng = await get('timeline?profile=peng-lei&limit=100');
    expect(peng.status).toBe(200);
    expect(peng.body.data.length).toBeGreaterThan(0);
    for (const e of peng.body.data) expect(e.actors.map((a: any) => a.slug)).toContain('peng-lei');

    const text = await get(`timeline?q=${encodeURIComponent('隔离酒店')}&limit=100`);
    expect(text.status).toBe(200);
    expect(text.body.data.map((e: any) => e.slug)).toContain('2022-02-24-school-transfer');
    for (const e of text.body.data) expect(`${e.title}${e.description}${e.place}`).toContain('隔离酒店');

    const chronicleSlug = day.body.data.find((e: any) => e.chronicle)?.chronicle.slug;
    const byChronicle = await get(`timeline?chronicle=${chronicleSlug}&limit=100`);
    expect(byChronicle.status).toBe(200);
    for (const e of byChronicle.body.data) expect(e.chronicle.slug).toBe(chronicleSlug);
  });

  test('falls back to zh-Hans, and says so, when an English translation is missing', async () => {
    const created = await docs('timeline-event').create({
      locale: 'zh-Hans',
      data: { title: '只有中文的事件', occurredAt: '2022-03-05T07:00:00.000Z', precision: 'day', slug: 'zh-only-event' },
    });
    await publishDocument(app.strapi, 'timeline-event', created.documentId, 'zh-Hans');
    const res = await get('timeline?locale=en&limit=100');
    expect(res.status).toBe(200);
    const item = res.body.data.find((e: any) => e.slug === 'zh-only-event');
    expect(item).toMatchObject({ title: '只有中文的事件', locale: 'zh-Hans', fallback: true, displayDate: '5 March 2022' });
    expect(res.body.data.filter((e: any) => e.fallback).map((e: any) => e.slug)).toEqual(['zh-only-event']);
  });
});

describe('timeline/timelinejs', () => {
  test('has the TimelineJS3 shape: title, events with start_date, text, group, unique_id, and eras', async () => {
    const res = await get('timeline/timelinejs?limit=100');
    expect(res.status).toBe(200);
    conforms('TimelineJs', res.body);
    expect(res.body.title.text.headline).toBe('纪实时间线');
    const transfer = res.body.events.find((e: any) => e.unique_id === '2022-02-24-school-transfer');
    expect(transfer.start_date).toEqual({ year: 2022, month: 2, day: 24, hour: 12, display_date: '2022年2月24日中午12时左右' });
    expect(transfer.text.headline).toBe('1144名师生转入隔离酒店');
    expect(typeof transfer.group).toBe('string');
    const ranged = res.body.events.find((e: any) => e.end_date);
    expect(ranged.end_date.year).toBe(2022);
    expect(res.body.eras.length).toBe(1);
    expect(res.body.eras[0]).toMatchObject({ start_date: { year: 2022, month: 2, day: 23 }, end_date: { year: 2022, month: 3, day: 6 } });
  });
});

describe('reports', () => {
  test('lists published reports with bylines and their roles, newest dateline first', async () => {
    const res = await get('reports');
    expect(res.status).toBe(200);
    conforms('ReportsPage', res.body);
    expect(res.body.data.length).toBe(3);
    const police = res.body.data.find((r: any) => r.title === '疫情当前 尖草坪民警坚守一线');
    expect(police.bylines.length).toBeGreaterThan(0);
    for (const b of police.bylines) expect(['记者', '通讯员', '文/摄', '摄', '编辑']).toContain(b.roleLabel);
    expect(police.dateline).toMatchObject({ place: '太原', date: '2022-03-07', displayDate: '2022年3月7日' });
    const page1 = await get('reports?limit=2');
    const page2 = await get(`reports?limit=2&cursor=${page1.body.meta.nextCursor}`);
    expect([...page1.body.data, ...page2.body.data].map((r: any) => r.slug)).toEqual(res.body.data.map((r: any) => r.slug));
    expect(page2.body.meta.nextCursor).toBeNull();
  });

  test('serves one report with its body as safe HTML, featured people, events and figures', async () => {
    const list = await get('reports?locale=en');
    const police = list.body.data.find((r: any) => r.title.startsWith('Jiancaoping police'));
    const res = await get(`reports/${police.slug}?locale=en`);
    expect(res.status).toBe(200);
    conforms('Report', res.body);
    expect(res.body.data.bodyHtml).toMatch(/^<p>On 6 March/);
    expect(res.body.data.profiles.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Peng Lei', 'Zhao (name withheld)']));
    expect(res.body.data.events.length).toBeGreaterThan(3);
    expect(res.body.data.statistics.map((s: any) => s.display.en)).toEqual(expect.arrayContaining(['more than 4,800 person-times']));
  });

  test('renders Markdown without raw HTML and with only http(s)/mailto links', async () => {
    const created = await docs('field-report').create({
      locale: 'zh-Hans',
      data: {
        title: '安全渲染测试',
        slug: 'markdown-safety',
        body: '<script>alert(1)</script>\n\n[ok](https://example.org) [mail](mailto:desk@example.org) [bad](javascript:alert(1)) [data](data:text/html,hi)\n\n<img src=x onerror=alert(1)>',
        dateline: { place: '太原', date: '2022-03-08' },
      },
    });
    await publishDocument(app.strapi, 'field-report', created.documentId, 'zh-Hans');
    const res = await get('reports/markdown-safety');
    expect(res.status).toBe(200);
    const html: string = res.body.data.bodyHtml;
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data/i);
    expect(html).toContain('[bad](javascript:alert(1))');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">ok</a>');
    expect(html).toContain('<a href="mailto:desk@example.org">mail</a>');
  });

  test('answers 404 for an unknown slug and 400 for a malformed one', async () => {
    const missing = await get('reports/no-such-report');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    const malformed = await get('reports/NOT_A_SLUG');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/slug/);
  });
});

describe('profiles', () => {
  test('the honour roll filters by unit (with sub-units) and kind', async () => {
    const all = await get('profiles?limit=100');
    expect(all.status).toBe(200);
    conforms('ProfilesPage', all.body);
    expect(all.body.data.length).toBeGreaterThanOrEqual(15);
    const police = await get('profiles?kind=police&limit=100');
    expect(police.body.data.length).toBeGreaterThan(0);
    for (const p of police.body.data) expect(p.kind).toBe('police');
    const bureauUnit = all.body.data.find((p: any) => p.slug === 'peng-lei').unit.slug;
    const inUnit = await get(`profiles?unit=${bureauUnit}&limit=100`);
    expect(inUnit.body.data.map((p: any) => p.slug)).toContain('peng-lei');
    const district = await get('profiles?unit=jiancaoping-qu&limit=100');
    expect(district.body.data.length).toBeGreaterThanOrEqual(inUnit.body.data.length);
  });

  test('one commendation; an anonymised person is surname + 某, without portrait or quotes, under a token slug', async () => {
    const peng = await get('profiles/peng-lei');
    expect(peng.status).toBe(200);
    conforms('Profile', peng.body);
    expect(peng.body.data).toMatchObject({ name: '彭磊', anonymised: false });
    expect(peng.body.data.citationHtml).toMatch(/^<p>/);

    const roll = await get('profiles?limit=100');
    const zhao = roll.body.data.find((p: any) => p.anonymised);
    expect(zhao).toMatchObject({ name: '赵某', portrait: null });
    expect(zhao.slug).toMatch(/^anon-[0-9a-f]{12}$/);
    const one = await get(`profiles/${zhao.slug}?locale=en`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ name: 'Zhao (name withheld)', quotes: [], portrait: null });
    expect(JSON.stringify(one.body)).not.toMatch(/Zhao Ning|赵宁|zhao-ning/);
    expect((await get('profiles/zhao-ning')).status).toBe(404);
  });
});

describe('chronicles, statistics, units', () => {
  test('a chronicle with its ordered events', async () => {
    const slug = (await get('timeline?limit=1')).body.data[0].chronicle?.slug ?? (await get('timeline?limit=100')).body.data.find((e: any) => e.chronicle).chronicle.slug;
    const res = await get(`chronicles/${slug}`);
    expect(res.status).toBe(200);
    conforms('Chronicle', res.body);
    expect(res.body.data).toMatchObject({ periodStart: '2022-02-23', periodEnd: '2022-03-06', displayPeriod: { start: '2022年2月23日', end: '2022年3月6日' } });
    const times = res.body.data.events.map((e: any) => e.occurredAt);
    expect(times.length).toBeGreaterThanOrEqual(10);
    expect([...times].sort()).toEqual(times);
    expect((await get('chronicles/no-such-chronicle')).status).toBe(404);
  });

  test('statistics: figures in both locales and roll-ups up the unit tree keeping the weakest qualifier', async () => {
    const res = await get('statistics?limit=100');
    expect(res.status).toBe(200);
    conforms('Statistics', res.body);
    expect(res.body.meta).toEqual({ locale: 'zh-Hans', limit: 100, nextCursor: null });
    const calls = res.body.data.figures.find((f: any) => f.slug === 'nanzhai-jiedao-video-calls');
    expect(calls).toMatchObject({ value: 100000, qualifier: 'more-than', display: { 'zh-Hans': '10万余次', en: 'more than 100,000 times' } });
    // grid workers of Xincheng (52, exact) + Huifeng (149, exact) roll up into the district
    const district = res.body.data.rollups.find((r: any) => r.metric === 'grid-workers' && r.unit.slug === 'jiancaoping-qu');
    expect(district).toEqual({
      metric: 'grid-workers',
      countUnit: '名',
      unit: { slug: 'jiancaoping-qu', name: '尖草坪区' },
      value: 201,
      qualifier: 'exact',
      display: { 'zh-Hans': '201名', en: '201 people' },
      count: 2,
      excluded: { unverified: 0, disputed: 0 },
    });
    // the non-additive district-wide figure is listed but never summed
    expect(res.body.data.figures.find((f: any) => f.slug === 'jiancaoping-qu-grid-workers')).toMatchObject({ additive: false });

    // a more-than part makes the sum more-than
    const extra = await docs('grid-statistic').create({
      locale: 'zh-Hans',
      data: { metric: 'grid-workers', label: '测试网格员', value: 30, qualifier: 'more-than', countUnit: '名', additive: true, slug: 'test-grid-workers-chaicun', scopeUnit: (await docs('unit').findFirst({ filters: { slug: 'chaicun-jiedao' }, locale: 'zh-Hans' })).documentId },
    });
    await publishDocument(app.strapi, 'grid-statistic', extra.documentId, 'zh-Hans');
    const after = await get('statistics?metric=grid-workers');
    expect(after.status).toBe(200);
    const sum = after.body.data.rollups.find((r: any) => r.unit.slug === 'jiancaoping-qu');
    expect(sum).toMatchObject({ value: 231, qualifier: 'more-than', count: 3, display: { 'zh-Hans': '231余名', en: 'more than 231 people' } });
    for (const f of after.body.data.figures) expect(f.metric).toBe('grid-workers');
    // An unknown metric is a 400 naming it, like an unknown unit (issue 18, item 10); a known metric
    // with no figure in the selected unit is an empty list.
    for (const query of ['statistics?metric=nope', 'statistics?metric=nope&unit=xincheng-jiedao&locale=en']) {
      const unknown = await get(query);
      expect([query, unknown.status, unknown.body.error?.message]).toEqual([query, 400, 'metric: no published figure has the metric "nope"']);
    }
    const none = await get('statistics?metric=grid-workers&unit=gongan-jiancaoping-fenju');
    expect([none.status, none.body.data.figures, none.body.data.rollups]).toEqual([200, [], []]);

    const scoped = await get('statistics?unit=xincheng-jiedao');
    expect(scoped.body.data.figures.map((f: any) => f.unit.slug)).toEqual(expect.arrayContaining(['xincheng-jiedao']));
    expect(scoped.body.data.figures.every((f: any) => f.unit.slug === 'xincheng-jiedao')).toBe(true);
  });

  describe('statistics on a tree of our own: district → subdistrict → community', () => {
    const METRIC = 'test-helpers';
    const unitIds: Record<string, string> = {};
    const figureIds: Record<string, string> = {};

    /** A unit in both locales, linked to its parent in both. */
    const unit = async (slug: string, zh: string, en: string, parent?: string) => {
      const shared = { slug, kind: 'other', ...(parent ? { parent: unitIds[parent] } : {}) };
      const created = await docs('unit').create({ locale: 'zh-Hans', data: { ...shared, name: zh } });
      await docs('unit').update({ documentId: created.documentId, locale: 'en', data: { ...shared, name: en } });
      unitIds[slug] = created.documentId;
    };
    /** A figure, published in the locales given (others left as drafts when listed in `drafts`). */
    const figure = async (slug: string, at: string, value: number, qualifier: string, opts: { additive?: boolean; published?: string[]; drafts?: string[] } = {}) => {
      const { additive = true, published = ['zh-Hans', 'en'], drafts = [] } = opts;
      const shared = { metric: METRIC, value, qualifier, countUnit: '名', additive, slug, scopeUnit: unitIds[at] };
      const created = await docs('grid-statistic').create({ locale: 'zh-Hans', data: { ...shared, label: `测试帮手 ${slug}` } });
      if ([...published, ...drafts].includes('en')) {
        await docs('grid-statistic').update({ documentId: created.documentId, locale: 'en', data: { ...shared, label: `Test helpers ${slug}` } });
      }
      for (const locale of published) await publishDocument(app.strapi, 'grid-statistic', created.documentId, locale);
      figureIds[slug] = created.documentId;
    };

    beforeAll(async () => {
      await unit('test-qu', '测试区', 'Test District');
      await unit('test-jiedao', '测试街道', 'Test Subdistrict', 'test-qu');
      await unit('test-jiedao-b', '测试二街道', 'Second Test Subdistrict', 'test-qu');
      await unit('test-shequ', '测试社区', 'Test Community', 'test-jiedao');
      await figure('th-community-exact', 'test-shequ', 10, 'exact');
      await figure('th-community-zh-only', 'test-shequ', 5, 'more-than', { published: ['zh-Hans'] });
      await figure('th-community-en-draft', 'test-shequ', 3, 'exact', { published: ['zh-Hans'], drafts: ['en'] });
      await figure('th-community-draft', 'test-shequ', 99, 'exact', { published: [] });
      await figure('th-subdistrict', 'test-jiedao', 20, 'exact');
      await figure('th-subdistrict-b', 'test-jiedao-b', 7, 'exact');
      await figure('th-district-total', 'test-qu', 1000, 'exact', { additive: false });
    });

    const rollupsOf = (body: any) =>
      Object.fromEntries(body.data.rollups.filter((r: any) => r.metric === METRIC).map((r: any) => [r.unit.slug, [r.value, r.qualifier, r.count, r.display.en]]));
    /** [value, qualifier, count, English display] per unit, the same in both locales. */
    const WHOLE_TREE = {
      // 10 + 5 (more than) + 3; the draft's 99 is not there
      'test-shequ': [18, 'more-than', 3, 'more than 18 people'],
      'test-jiedao': [38, 'more-than', 4, 'more than 38 people'],
      // 38 + 7, and not the district's own non-additive 1000
      'test-qu': [45, 'more-than', 5, 'more than 45 people'],
      // test-jiedao-b has only its own single figure: no roll-up
    };

    test('exact and more-than figures roll up three levels; drafts and non-additive figures are not summed', async () => {
      const res = await get(`statistics?metric=${METRIC}`);
      expect(res.status).toBe(200);
      conforms('Statistics', res.body);
      expect(rollupsOf(res.body)).toEqual(WHOLE_TREE);
      expect(res.body.data.figures.map((f: any) => f.slug)).toEqual(['th-community-en-draft', 'th-community-exact', 'th-community-zh-only', 'th-district-total', 'th-subdistrict', 'th-subdistrict-b']);
    });

    test('in English, a figure without a published English row is summed once from zh-Hans, the others once from English', async () => {
      const res = await get(`statistics?metric=${METRIC}&locale=en`);
      expect(res.status).toBe(200);
      conforms('Statistics', res.body);
      // no figure counted twice (both locales) nor left out (no English row)
      expect(rollupsOf(res.body)).toEqual(WHOLE_TREE);
      expect(res.body.data.rollups.find((r: any) => r.unit.slug === 'test-qu').unit.name).toBe('Test District');
      const figures = Object.fromEntries(res.body.data.figures.map((f: any) => [f.slug, [f.locale, f.fallback, f.label]]));
      expect(figures).toEqual({
        'th-community-exact': ['en', false, 'Test helpers th-community-exact'],
        'th-community-zh-only': ['zh-Hans', true, '测试帮手 th-community-zh-only'],
        // an English draft does not hide the published zh-Hans row
        'th-community-en-draft': ['zh-Hans', true, '测试帮手 th-community-en-draft'],
        'th-subdistrict': ['en', false, 'Test helpers th-subdistrict'],
        'th-subdistrict-b': ['en', false, 'Test helpers th-subdistrict-b'],
        'th-district-total': ['en', false, 'Test helpers th-district-total'],
      });
    });

    test('a unit filter keeps the unit and its sub-units, figures and roll-ups alike', async () => {
      const res = await get(`statistics?metric=${METRIC}&unit=test-jiedao&locale=en`);
      expect(res.status).toBe(200);
      expect(res.body.data.figures.map((f: any) => f.slug)).toEqual(['th-community-en-draft', 'th-community-exact', 'th-community-zh-only', 'th-subdistrict']);
      const { 'test-qu': _above, ...inScope } = WHOLE_TREE;
      expect(rollupsOf(res.body)).toEqual(inScope);
      const none = await get(`statistics?metric=${METRIC}&unit=test-jiedao-b`);
      expect(none.body.data.figures.map((f: any) => f.slug)).toEqual(['th-subdistrict-b']);
      expect(none.body.data.rollups).toEqual([]);
    });

    test('the roll-ups of every metric equal adding up every figure one by one, in both locales', async () => {
      for (const locale of ['zh-Hans', 'en']) {
        const res = await get(`statistics?locale=${locale}&limit=1`);
        const expected = await rollupsByLoadingEveryFigure(app.strapi, { locale });
        expect(expected.length).toBeGreaterThanOrEqual(5);
        expect(asReference(res.body.data.rollups)).toEqual(expected);
      }
    });

    test('unpublishing a figure takes it out of the sums', async () => {
      await withdrawDocument(app.strapi, 'grid-statistic', figureIds['th-subdistrict-b'], 'zh-Hans');
      const res = await get(`statistics?metric=${METRIC}`);
      expect(rollupsOf(res.body)['test-qu']).toEqual([38, 'more-than', 4, 'more than 38 people']); // 45 − 7, four figures
      expect(res.body.data.figures.map((f: any) => f.slug)).not.toContain('th-subdistrict-b');
      await publishDocument(app.strapi, 'grid-statistic', figureIds['th-subdistrict-b'], 'zh-Hans');
      expect(rollupsOf((await get(`statistics?metric=${METRIC}`)).body)).toEqual(WHOLE_TREE);
    });
  });

  test('statistics pages by slug: every figure exactly once, in order; roll-ups on the first page only', async () => {
    for (const query of ['locale=en', 'metric=grid-workers', 'unit=jiancaoping-qu&locale=en']) {
      const whole = await get(`statistics?${query}&limit=100`);
      expect(whole.body.meta.nextCursor).toBeNull();
      const all = whole.body.data.figures.map((f: any) => f.slug);
      expect(all.length).toBeGreaterThan(3);
      expect([...all].sort()).toEqual(all);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: any = await get(`statistics?${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        conforms('Statistics', res.body);
        expect(res.body.meta.limit).toBe(3);
        expect(res.body.data.figures.length).toBeLessThanOrEqual(3);
        if (pages === 0) expect(res.body.data.rollups).toEqual(whole.body.data.rollups);
        else expect(res.body.data.rollups).toBeNull();
        seen.push(...res.body.data.figures.map((f: any) => f.slug));
        cursor = res.body.meta.nextCursor;
        pages += 1;
      } while (cursor && pages < 50);
      expect([query, seen]).toEqual([query, all]);
      expect(pages).toBe(Math.ceil(all.length / 3));
    }
    const first = await get('statistics?limit=2');
    expect(first.body.data.figures).toHaveLength(2);
    // a figure published with a slug before the cursor is not served on the next pages, nor one twice
    const early = await docs('grid-statistic').create({ locale: 'zh-Hans', data: { metric: 'late-figures', label: '晚到的数字', value: 1, qualifier: 'exact', slug: 'aaa-late-figure' } });
    await publishDocument(app.strapi, 'grid-statistic', early.documentId, 'zh-Hans');
    const next = await get(`statistics?limit=100&cursor=${first.body.meta.nextCursor}`);
    const nextSlugs = next.body.data.figures.map((f: any) => f.slug);
    expect(nextSlugs).not.toContain('aaa-late-figure');
    expect(nextSlugs.filter((s: string) => first.body.data.figures.some((f: any) => f.slug === s))).toEqual([]);
    expect(nextSlugs[0] > first.body.data.figures[1].slug).toBe(true);
  });

  test('statistics refuses a bad limit or cursor with a 400 that names it', async () => {
    const timelineCursor = (await get('timeline?limit=1')).body.meta.nextCursor;
    for (const [query, message] of [
      ['limit=0', /^limit: must be a whole number from 1 to 100/],
      ['limit=101', /^limit: must be a whole number from 1 to 100/],
      ['limit=ten', /^limit: must be a whole number from 1 to 100/],
      ['cursor=!!', /^cursor: not a cursor returned by this API/],
      ['cursor=eyJub3QiOiJhIGN1cnNvciJ9', /^cursor: not a cursor returned by this API/],
      [`cursor=${timelineCursor}`, /^cursor: this cursor belongs to another list \(timeline\)/],
      ['page=2', /^unknown query parameter: page/],
    ] as const) {
      const res = await get(`statistics?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(res.body.error.message).toMatch(message);
    }
  });

  test('units: the tree, in both locales', async () => {
    const zh = await get('units');
    expect(zh.status).toBe(200);
    conforms('Units', zh.body);
    const district = zh.body.data.find((u: any) => u.slug === 'jiancaoping-qu');
    expect(district.name).toBe('尖草坪区');
    expect(district.children.map((c: any) => c.slug)).toEqual(expect.arrayContaining(['nanzhai-jiedao']));
    const en = await get('units?locale=en');
    expect(en.body.data.find((u: any) => u.slug === 'jiancaoping-qu').name).toBe('Jiancaoping District');
  });
});

describe('feeds', () => {
  test('feed.xml is well-formed Atom with the published reports', async () => {
    const res = await get('feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    // Well-formed by an independent validator too, not only by our own strict reader.
    expect(require('fast-xml-parser').XMLValidator.validate(res.text)).toBe(true);
    const feed = parseXml(res.text);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = feed.children.filter((c) => c.name === 'entry');
    expect(entries.length).toBe(4); // the three demo reports and the Markdown test report
    expect(entries.map((e) => childText(e, 'title'))).toEqual(expect.arrayContaining(['疫情当前 尖草坪民警坚守一线']));
    // Without PUBLIC_URL the links name localhost with the configured port, never the request's Host (issue #14).
    for (const e of entries) expect(childText(e, 'id')).toMatch(/^http:\/\/localhost\/reports\/[a-z0-9-]+$/);
    const safety = entries.find((e) => childText(e, 'title') === '安全渲染测试') as any;
    // the escaped HTML content reads back as the rendered body
    expect(childText(safety, 'content')).toContain('&lt;script&gt;');
  });

  test('feed.json is JSON Feed 1.1', async () => {
    const res = await get('feed.json?locale=en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/feed\+json/);
    const body = JSON.parse(res.text);
    conforms('JsonFeed', body);
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(body.items.map((i: any) => i.title)).toEqual(expect.arrayContaining(['Jiancaoping police hold the front line of the outbreak']));
    for (const item of body.items) expect(item.content_html).not.toMatch(/<script/);
  });
});

describe('share parameters (issue 18, item 1)', () => {
  test("the API ignores WeChat's and analytics' parameters, feeds included, and stays strict about the rest", async () => {
    const plain = await get('timeline?locale=en&limit=5');
    expect(plain.status).toBe(200);
    const shared = await get('timeline?locale=en&limit=5&from=2020-01-01');
    expect(shared.status).toBe(200);
    const wechat = await get('reports?locale=en&from=singlemessage&isappinstalled=0&utm_source=wechat&spm=a.b');
    expect(wechat.status).toBe(200);
    expect(wechat.body).toEqual((await get('reports?locale=en')).body);
    const atom = await get('feed.xml?utm_source=rss&utm_medium=feed&from=timeline');
    expect(atom.status).toBe(200);
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect((await get('feed.json?fbclid=x&gclid=y')).status).toBe(200);
    // A route that owns from= still validates it: WeChat's value is not a day.
    const own = await get('timeline?from=singlemessage');
    expect(own.status).toBe(400);
    expect(own.body.error.message).toMatch(/^from: /);
    // Anything else is still refused, naming it.
    const bogus = await get('reports?bogus=1&isappinstalled=0');
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.message).toBe('unknown query parameter: bogus');
  });

  test('zh-CN, zh_CN and en-US mean the two locales', async () => {
    const zh = await get('reports?locale=zh-CN');
    expect(zh.status).toBe(200);
    expect(zh.body).toEqual((await get('reports?locale=zh-Hans')).body);
    expect((await get('reports?locale=en-US')).body).toEqual((await get('reports?locale=en')).body);
    const fr = await get('reports?locale=fr');
    expect(fr.status).toBe(400);
    expect(fr.body.error.message).toMatch(/^locale: must be one of zh-Hans, en/);
  });
});

describe('HTTP caching', () => {
  test('ETag, Cache-Control and 304 on every route; HEAD answers without a body', async () => {
    const paths = ['timeline', 'timeline/timelinejs', 'reports', 'reports/markdown-safety', 'profiles', 'profiles/peng-lei', 'statistics', 'units', 'feed.xml', 'feed.json', 'openapi.json'];
    const chronicle = (await get('timeline?limit=100')).body.data.find((e: any) => e.chronicle).chronicle.slug;
    paths.push(`chronicles/${chronicle}`);
    // a fixed Host: feed links are absolute, and supertest's port changes per request
    const host = (path: string, method: 'get' | 'head' = 'get') => api()[method](`/api/chronicle/${path}`).set('Host', 'news.example');
    for (const path of paths) {
      const first = await host(path);
      expect([path, first.status]).toEqual([path, 200]);
      expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const again = await host(path).set('If-None-Match', first.headers.etag);
      expect([path, again.status]).toEqual([path, 304]);
      expect(again.text ?? '').toBe('');
      // Same Accept-Encoding as the GET (superagent sends none on HEAD): same representation, same ETag.
      const head = await host(path, 'head').set('Accept-Encoding', 'gzip, deflate');
      expect([path, head.status]).toEqual([path, 200]);
      expect(head.headers.etag).toBe(first.headers.etag);
    }
  });

  test('serves repeated requests from the cache, and a publish empties it', async () => {
    await get('timeline?limit=100');
    const cached = await get('timeline?limit=100');
    expect(cached.headers['x-chronicle-cache']).toBe('hit');
    const created = await docs('timeline-event').create({
      locale: 'zh-Hans',
      data: { title: '缓存失效测试', occurredAt: '2022-03-06T02:00:00.000Z', precision: 'day', slug: 'cache-invalidation-event' },
    });
    // a draft changes nothing a reader sees (but the cache is renewed anyway)
    const draftOnly = await get('timeline?limit=100');
    expect(draftOnly.body.data.map((e: any) => e.slug)).not.toContain('cache-invalidation-event');
    await publishDocument(app.strapi, 'timeline-event', created.documentId, 'zh-Hans');
    const fresh = await get('timeline?limit=100').set('If-None-Match', draftOnly.headers.etag);
    expect(fresh.status).toBe(200);
    expect(fresh.headers['x-chronicle-cache']).toBe('miss');
    expect(fresh.body.data.map((e: any) => e.slug)).toContain('cache-invalidation-event');
    await withdrawDocument(app.strapi, 'timeline-event', created.documentId, 'zh-Hans');
    const gone = await get('timeline?limit=100');
    expect(gone.body.data.map((e: any) => e.slug)).not.toContain('cache-invalidation-event');
  });

  test('another instance’s write (a new revision row) empties this instance’s cache', async () => {
    await get('units');
    expect((await get('units')).headers['x-chronicle-cache']).toBe('hit');
    await app.strapi.store.set({ type: 'plugin', name: 'chronicle', key: 'public-revision', value: { revision: 'written-by-another-instance' } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await get('units');
    expect(res.status).toBe(200);
    expect(res.headers['x-chronicle-cache']).toBe('miss');
    expect(app.strapi.plugin('chronicle').service('public-cache').stats().revision).toBe('written-by-another-instance');
  });
});
