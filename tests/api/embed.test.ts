/**
 * Embeds (issue 19) on the demo newsroom: the oEmbed endpoint's answers for a report, a
 * commendation and the timeline, field by field; its 404, 501 and 400 with their bodies; the
 * discovery link of the full pages; the /embed/* pages — published content only, their own
 * small 400/404/410 pages, tracking parameters ignored, corrections shown, no private field, no
 * script, no cookie, nothing fetched from elsewhere — and the framing policy: the embed pages
 * name EMBED_ORIGINS in frame-ancestors and send no X-Frame-Options, cached or not, while every
 * other page keeps 'self' and SAMEORIGIN; booted again without EMBED_ORIGINS the embeds are the
 * site's own only, and a malformed entry stops the boot with a message naming it.
 */
import request from 'supertest';
import { oembedAnswer } from '../../plugins/chronicle/server/src/contracts';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument, withdrawDocument } from '../helpers/workflow';

const HOST = 'news.example';
const ORIGIN = `http://${HOST}`;
const PARTNERS = 'https://partner.example, http://127.0.0.1:8081/';
const PARTNER_SOURCES = 'https://partner.example http://127.0.0.1:8081';
const CANARY = 'CANARY-embed-9q';
const CORRECTION = '更正：原文中的人数有误，已改正。';
const SANDBOX = 'allow-popups allow-popups-to-escape-sandbox allow-same-origin';

let app: TestStrapi;
const saved: Record<string, string | undefined> = {};
const agent = () => request(app.strapi.server.httpServer);
const page = (path: string) => agent().get(path).set('Host', HOST).buffer(true);
const oembed = (query: string) => agent().get(`/api/chronicle/oembed?${query}`).set('Host', HOST);
const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;
const ACTOR = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const iframe = (src: string, title: string, width: number, height: number) =>
  `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}" loading="lazy" sandbox="${SANDBOX}" ` +
  'referrerpolicy="strict-origin-when-cross-origin" style="border:0;max-width:100%"></iframe>';
const frameAncestors = (res: request.Response) =>
  String(res.headers['content-security-policy'] ?? '')
    .split('; ')
    .find((d) => d.startsWith('frame-ancestors'));

const expectEmbedFraming = (res: request.Response, sources = PARTNER_SOURCES) => {
  expect(frameAncestors(res)).toBe(`frame-ancestors 'self' ${sources}`.trim());
  expect(res.headers['x-frame-options']).toBeUndefined();
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  expect(res.headers['content-security-policy']).not.toContain('script-src');
};

let report: { slug: string; title: string; bylines: Array<{ name: string }> };
let correctedSlug: string;
let profileEn: { slug: string; name: string };
let profileZh: { slug: string; name: string };
let anonSlug: string;
let unit: { slug: string; name: string };

beforeAll(async () => {
  for (const key of ['PUBLIC_URL', 'EMBED_ORIGINS']) saved[key] = process.env[key];
  process.env.PUBLIC_URL = ORIGIN;
  process.env.EMBED_ORIGINS = PARTNERS;
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  const read = app.strapi.plugin('chronicle').service('public-read');
  const reports = (await read.reports({ limit: 100 })).data as any[];
  report = reports.find((r) => r.bylines.length > 0);
  expect(report).toBeTruthy();
  profileEn = (await read.profile('guo-yanju', { locale: 'en' })).data;
  profileZh = (await read.profile('guo-yanju', { locale: 'zh-Hans' })).data;
  anonSlug = ((await read.profiles({ limit: 100 })).data as any[]).find((p) => p.anonymised).slug;
  const event = ((await read.timeline({ limit: 100 })).data as any[]).find((e) => e.units.length > 0);
  unit = event.units[0];

  // Older events than the demo's, so the timeline has more than the embed's 20.
  for (let i = 1; i <= 4; i += 1) {
    const early = await docs('timeline-event').create({
      locale: 'zh-Hans',
      data: { title: `早先的事件 ${i}`, occurredAt: `2021-01-0${i}T02:00:00.000Z`, precision: 'day', slug: `embed-early-event-${i}` },
    });
    await publishDocument(app.strapi, 'timeline-event', early.documentId);
  }
  const contributor = (await docs('contributor').findMany({ locale: 'zh-Hans', limit: 1 }))[0];
  const byline = [{ contributor: contributor.documentId, role: 'reporter' }];
  await docs('field-report').create({ locale: 'zh-Hans', data: { title: `${CANARY} 草稿`, slug: 'embed-draft-report', body: CANARY } });
  const doomed = await docs('field-report').create({
    locale: 'zh-Hans',
    data: { title: '将被撤回的嵌入报道', slug: 'embed-withdrawn-report', body: '正文', dateline: { place: '太原', date: '2022-03-05' }, bylines: byline },
  });
  await publishDocument(app.strapi, 'field-report', doomed.documentId);
  await withdrawDocument(app.strapi, 'field-report', doomed.documentId, 'zh-Hans', '事实有误，编辑部撤回');
  const corrected = await docs('field-report').create({
    locale: 'zh-Hans',
    data: { title: '有更正的报道', slug: 'embed-corrected-report', body: '正文', dateline: { place: '太原', date: '2022-03-06' }, bylines: byline },
  });
  await publishDocument(app.strapi, 'field-report', corrected.documentId);
  await app.strapi
    .plugin('chronicle')
    .service('workflow')
    .transition({ uid: 'plugin::chronicle.field-report', documentId: corrected.documentId, locale: 'zh-Hans', to: 'corrected', correction: { kind: 'correction', text: CORRECTION } }, ACTOR);
  correctedSlug = 'embed-corrected-report';
  // A private note of a published commendation, and a person who withdrew consent.
  const guo = await docs('frontline-profile').findFirst({ filters: { slug: 'guo-yanju' }, locale: 'zh-Hans' });
  await docs('frontline-profile').update({ documentId: guo.documentId, locale: 'zh-Hans', data: { privateNotes: `${CANARY} 私人备注` } });
  await publishDocument(app.strapi, 'frontline-profile', guo.documentId);
  const gone = await docs('frontline-profile').create({
    locale: 'zh-Hans',
    data: { fullName: '撤回同意的人', kind: 'volunteer', consent: 'withdrawn', slug: 'embed-consent-withdrawn', citation: CANARY },
  });
  await publishDocument(app.strapi, 'frontline-profile', gone.documentId);
});
afterAll(async () => {
  await app?.stop();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('oEmbed', () => {
  test('a report: a rich embed of /embed/reports/:slug with its byline, parsed by its strict contract', async () => {
    const url = `${ORIGIN}/reports/${report.slug}`;
    const res = await oembed(`url=${encodeURIComponent(url)}&format=json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(res.headers.etag).toBeTruthy();
    expect(res.body).toEqual({
      type: 'rich',
      version: '1.0',
      title: report.title,
      author_name: report.bylines.map((b) => b.name).join('、'),
      provider_name: '纪实',
      provider_url: `${ORIGIN}/`,
      cache_age: 3600,
      html: iframe(`${ORIGIN}/embed/reports/${report.slug}`, report.title, 480, 360),
      width: 480,
      height: 360,
    });
    expect(oembedAnswer.safeParse(res.body).success).toBe(true);
    // Cached like every public answer, and answered before the router the second time.
    const again = await oembed(`url=${encodeURIComponent(url)}&format=json`);
    expect([again.status, again.headers['x-chronicle-cache'], again.body]).toEqual([200, 'hit', res.body]);
    // Any site may ask (CORS), without credentials.
    const cors = await oembed(`url=${encodeURIComponent(url)}`).set('Origin', 'https://partner.example');
    expect([cors.status, cors.headers['access-control-allow-origin']]).toEqual([200, '*']);
  });

  test('a commendation shared on WeChat, in English: the same person, its share card as thumbnail, within maxwidth', async () => {
    const shared = `${ORIGIN}/honours/guo-yanju?from=singlemessage&isappinstalled=0&lang=en`;
    const res = await oembed(`url=${encodeURIComponent(shared)}&from=singlemessage&isappinstalled=0`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      type: 'rich',
      version: '1.0',
      title: profileEn.name,
      provider_name: 'Chronicle',
      provider_url: `${ORIGIN}/?lang=en`,
      cache_age: 3600,
      html: iframe(`${ORIGIN}/embed/honours/guo-yanju?lang=en`, profileEn.name, 480, 420),
      width: 480,
      height: 420,
      thumbnail_url: `${ORIGIN}/cards/guo-yanju.png?lang=en`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(profileEn.name).not.toBe(profileZh.name);
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
    const card = await page('/cards/guo-yanju.png?lang=en');
    expect([card.status, card.headers['content-type']]).toEqual([200, 'image/png']);

    // maxwidth and maxheight are respected, by the frame and by the thumbnail (which then does not fit)
    const small = await oembed(`url=${encodeURIComponent(shared)}&maxwidth=300&maxheight=400`);
    expect(small.status).toBe(200);
    expect([small.body.width, small.body.height]).toEqual([300, 400]);
    expect(small.body.html).toBe(iframe(`${ORIGIN}/embed/honours/guo-yanju?lang=en`, profileEn.name, 300, 400));
    expect(Object.keys(small.body).filter((k) => k.startsWith('thumbnail'))).toEqual([]);

    // an anonymised person is embedded under the anonymised name only
    const anon = await oembed(`url=${encodeURIComponent(`${ORIGIN}/honours/${anonSlug}`)}`);
    expect(anon.status).toBe(200);
    expect(anon.body.title).toMatch(/某/);
  });

  test('the timeline with its filters: the filtered embed, titled with the unit and the period', async () => {
    const url = `${ORIGIN}/timeline?unit=${unit.slug}&from=2022-02-23&utm_source=wechat`;
    const res = await oembed(`url=${encodeURIComponent(url)}&maxheight=500`);
    expect(res.status).toBe(200);
    const title = `时间线 · ${unit.name}，2022-02-23 – …`;
    expect(res.body).toEqual({
      type: 'rich',
      version: '1.0',
      title,
      provider_name: '纪实',
      provider_url: `${ORIGIN}/`,
      cache_age: 3600,
      html: iframe(`${ORIGIN}/embed/timeline?unit=${unit.slug}&from=2022-02-23`, title, 480, 500),
      width: 480,
      height: 500,
    });
    const whole = await oembed(`url=${encodeURIComponent(`${ORIGIN}/timeline?lang=en`)}`);
    expect([whole.status, whole.body.title, whole.body.width, whole.body.height]).toEqual([200, 'Timeline', 480, 640]);
    expect(whole.body.html).toContain(`src="${ORIGIN}/embed/timeline?lang=en"`);
  });

  test.each([
    ['another site', `https://elsewhere.example/reports/x`, 'url: no page of this site that can be embedded has this address'],
    ['a page without an embed', `${ORIGIN}/statistics`, 'url: no page of this site that can be embedded has this address'],
    ['a draft', `${ORIGIN}/reports/embed-draft-report`, 'url: no published report has this address'],
    ['a withdrawn report', `${ORIGIN}/reports/embed-withdrawn-report`, 'url: no published report has this address'],
    ['a person who withdrew consent', `${ORIGIN}/honours/embed-consent-withdrawn`, 'url: no published commendation has this address'],
    ['an unknown slug', `${ORIGIN}/honours/no-such-person`, 'url: no published commendation has this address'],
    ['a unit that does not exist', `${ORIGIN}/timeline?unit=no-such-unit`, 'url: no timeline of this site has this address'],
  ])('404 for %s, with a message', async (_name, url, message) => {
    const res = await oembed(`url=${encodeURIComponent(url)}&format=json`);
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ data: null, error: { status: 404, name: 'NotFoundError', message, details: {} } });
    expect(JSON.stringify(res.body)).not.toContain(CANARY);
  });

  test('501 for format=xml (the specification’s answer for a format not offered)', async () => {
    const res = await oembed(`url=${encodeURIComponent(`${ORIGIN}/reports/${report.slug}`)}&format=xml`);
    expect(res.status).toBe(501);
    expect(res.body).toEqual({ data: null, error: { status: 501, name: 'NotImplementedError', message: 'format: xml is not offered; ask for format=json', details: {} } });
  });

  test.each([
    ['', 'url: is required: the address of a timeline, commendation or report page of this site'],
    ['url=', 'url: must not be empty'],
    ['url=not%20a%20url', 'url: must be an absolute address such as https://news.example/timeline'],
    [`url=${encodeURIComponent(`${ORIGIN}/timeline?from=2022-13-01`)}`, 'url: from: is not a real calendar day'],
    [`url=${encodeURIComponent(`${ORIGIN}/timeline`)}&maxwidth=wide`, 'maxwidth: must be a whole number of pixels from 1 to 10000'],
    [`url=${encodeURIComponent(`${ORIGIN}/timeline`)}&maxheight=0`, 'maxheight: must be a whole number of pixels from 1 to 10000'],
    [`url=${encodeURIComponent(`${ORIGIN}/timeline`)}&callback=x`, 'unknown query parameter: callback'],
    [`url=a&url=b`, 'url: must be given once, as text'],
  ])('400 naming the parameter: %s', async (query, message) => {
    const res = await oembed(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toEqual({ status: 400, name: 'ValidationError', message, details: {} });
  });
});

describe('oEmbed discovery', () => {
  const discovery = (html: string) => [...html.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]*)"\/>/g)].map((m) => ({ href: m[1].replace(/&amp;/g, '&'), title: m[2] }));

  test('the report, commendation and timeline pages name the endpoint for their canonical address, which answers', async () => {
    for (const [path, canonical] of [
      [`/reports/${report.slug}?from=singlemessage`, `${ORIGIN}/reports/${report.slug}`],
      ['/honours/guo-yanju?lang=en', `${ORIGIN}/honours/guo-yanju?lang=en`],
      [`/timeline?unit=${unit.slug}`, `${ORIGIN}/timeline?unit=${unit.slug}`],
    ]) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, 200]);
      const links = discovery(res.text);
      expect([path, links.map((l) => l.href)]).toEqual([path, [`${ORIGIN}/api/chronicle/oembed?url=${encodeURIComponent(canonical)}&format=json`]]);
      const answer = await agent().get(links[0].href.slice(ORIGIN.length)).set('Host', HOST);
      expect([path, answer.status, answer.body.type]).toEqual([path, 200, 'rich']);
      expect(links[0].title.length).toBeGreaterThan(0);
    }
  });

  test('pages without an embed, and error pages, have none', async () => {
    for (const path of ['/', '/honours', '/statistics', '/reports/no-such-report', '/reports/embed-withdrawn-report']) {
      const res = await page(path);
      expect([path, discovery(res.text)]).toEqual([path, []]);
      expect(res.text).not.toContain('json+oembed');
    }
  });
});

describe('the embed pages', () => {
  /** Every address the page makes the browser load or link to: ours only. */
  const addresses = (html: string) => [...html.matchAll(/\s(?:src|href|srcSet|action)="([^"]*)"/g)].map((m) => m[1]);

  const expectEmbed = (res: request.Response, lang: string) => {
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text.startsWith(`<!DOCTYPE html><html lang="${lang}">`)).toBe(true);
    expect((res.text.match(/<h1[\s>]/g) ?? []).length).toBe(1);
    expect(res.text).toContain('<link rel="stylesheet" href="/embed.css"/>');
    expect(res.text).toContain('<meta name="robots" content="noindex"/>');
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).not.toMatch(/\sstyle="/);
    expect(res.text).not.toContain(CANARY);
    expect(res.headers['set-cookie']).toBeUndefined();
    for (const address of addresses(res.text)) expect([address, address.startsWith('/') || address.startsWith(`${ORIGIN}/`)]).toEqual([address, true]);
    // every link opens the canonical page in a new tab
    const anchors = [...res.text.matchAll(/<a ([^>]*)>/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) expect([a, /target="_blank"/.test(a) && /rel="noopener"/.test(a)]).toEqual([a, true]);
    // attribution: the site's name, linking home
    expect(res.text).toMatch(new RegExp(`<footer class="embed-footer"><a href="${ORIGIN}/(\\?lang=en)?" target="_blank" rel="noopener" class="embed-source">`));
  };


  test('a commendation: its card, attribution, published only, tracking parameters ignored', async () => {
    const res = await page('/embed/honours/guo-yanju');
    expect(res.status).toBe(200);
    expectEmbed(res, 'zh-Hans');
    expectEmbedFraming(res);
    expect(res.text).toContain(`<a href="${ORIGIN}/honours/guo-yanju" target="_blank" rel="noopener">${profileZh.name}<span class="visually-hidden">（在新标签页打开）</span></a>`);
    expect(res.text).toContain('来源：纪实');
    const shared = await page('/embed/honours/guo-yanju?from=singlemessage&isappinstalled=0&utm_source=x');
    expect([shared.status, shared.text]).toEqual([200, res.text]);
    // links come from PUBLIC_URL, never the Host header
    const forged = await agent().get('/embed/honours/guo-yanju').set('Host', 'attacker.example').buffer(true);
    expect([forged.status, forged.text.includes('attacker.example'), forged.text]).toEqual([200, false, res.text]);

    const en = await page('/embed/honours/guo-yanju?lang=en');
    expect(en.status).toBe(200);
    expectEmbed(en, 'en');
    expect(en.text).toContain(profileEn.name);
    expect(en.text).toContain('From Chronicle');
  });

  test('a report: byline, published and corrected dates in Beijing time, its corrections as on the full page', async () => {
    const res = await page(`/embed/reports/${correctedSlug}`);
    expect(res.status).toBe(200);
    expectEmbed(res, 'zh-Hans');
    expectEmbedFraming(res);
    expect(res.text).toContain('有更正的报道');
    expect(res.text).toContain(CORRECTION);
    expect(res.text).toContain('本文有 1 条更正或说明');
    expect(res.text).toMatch(/发布于 <time dateTime="[^"]+">\d{4}年\d+月\d+日/);
    expect(res.text).toMatch(/最近更正于 <time dateTime="[^"]+">\d{4}年\d+月\d+日/);
    expect(res.text).toContain('时间为北京时间');
    const full = await page(`/reports/${correctedSlug}`);
    expect(full.text).toContain(CORRECTION);

    const plain = await page(`/embed/reports/${report.slug}`);
    expect(plain.status).toBe(200);
    for (const b of report.bylines) expect(plain.text).toContain(b.name);
    expect(plain.text).not.toContain('条更正或说明');
  });

  test('the timeline: newest first, at most 20, the page’s filters, a link to the whole timeline', async () => {
    const res = await page(`/embed/timeline?unit=${unit.slug}&isappinstalled=0`);
    expect(res.status).toBe(200);
    expectEmbed(res, 'zh-Hans');
    expectEmbedFraming(res);
    const api = await agent().get(`/api/chronicle/timeline?unit=${unit.slug}&sort=-occurredAt&limit=20`);
    const expected = api.body.data.map((e: any) => e.slug);
    expect(expected.length).toBeGreaterThan(0);
    const shown = [...res.text.matchAll(/href="[^"]*#event-([^"]+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(expected);
    const times = [...res.text.matchAll(/<time dateTime="([^"]+)" class="embed-date">/g)].map((m) => m[1]);
    expect(times).toEqual([...times].sort().reverse());
    expect(res.text).toContain(`<a href="${ORIGIN}/timeline?unit=${unit.slug}" target="_blank" rel="noopener">在纪实查看完整时间线`);

    const all = await page('/embed/timeline?lang=en');
    expect(all.status).toBe(200);
    expectEmbed(all, 'en');
    const newest = await agent().get('/api/chronicle/timeline?locale=en&sort=-occurredAt&limit=21');
    expect(newest.body.data.length).toBe(21);
    expect([...all.text.matchAll(/href="[^"]*#event-([^"]+)"/g)].map((m) => m[1])).toEqual(newest.body.data.slice(0, 20).map((e: any) => e.slug));
    expect(all.text).not.toContain('embed-early-event-1');
    expect(all.text).toContain('The newest 20 events');
    expect(all.text).toContain('More on Chronicle: the whole timeline');
  });

  test('drafts, withdrawn records and unknown slugs are small embed error pages; a bad parameter is a 400 one', async () => {
    const cases: Array<[string, number, string]> = [
      ['/embed/reports/embed-draft-report', 404, '页面不存在'],
      ['/embed/reports/embed-withdrawn-report', 410, '事实有误，编辑部撤回'],
      ['/embed/honours/embed-consent-withdrawn', 404, '页面不存在'],
      ['/embed/honours/no-such-person?lang=en', 404, 'Page not found'],
      ['/embed/reports/Not_A_Slug', 400, 'slug: must be a slug'],
      ['/embed/timeline?from=2022-13-01', 400, 'from: is not a real calendar day'],
      ['/embed/timeline?unit=no-such-unit', 400, 'no unit has the slug'],
    ];
    for (const [path, status, says] of cases) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.text).toContain(says);
      expect(res.text).toContain('class="embed-footer"');
      expect(res.text).not.toContain('role="banner"');
      expect(res.text).not.toContain(CANARY);
      expect(res.text).not.toContain('撤回同意的人');
      expect(res.headers['cache-control']).toBe('no-store');
      expectEmbedFraming(res);
    }
  });

  test('the embeds’ stylesheet is ours, light and dark', async () => {
    const res = await page('/embed.css');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.text).toContain('prefers-color-scheme: dark');
    expect(res.text).not.toMatch(/@import|url\(/);
  });
});

describe('the framing policy', () => {
  test('cached embeds keep theirs, cached pages keep theirs: no policy leaks from one to the other', async () => {
    for (let round = 0; round < 2; round += 1) {
      for (const path of ['/embed/timeline', '/timeline', '/embed/honours/guo-yanju', '/honours/guo-yanju', `/embed/reports/${report.slug}`, `/reports/${report.slug}`]) {
        const res = await page(path);
        expect([path, res.status]).toEqual([path, 200]);
        if (round === 1) expect([path, res.headers['x-chronicle-cache']]).toEqual([path, 'hit']);
        if (path.startsWith('/embed/')) expectEmbedFraming(res);
        else {
          expect([path, frameAncestors(res)]).toEqual([path, "frame-ancestors 'self'"]);
          expect([path, res.headers['x-frame-options']]).toEqual([path, 'SAMEORIGIN']);
        }
        // a 304 carries the same policy
        const again = await page(path).set('If-None-Match', String(res.headers.etag));
        expect([path, again.status, frameAncestors(again), again.headers['x-frame-options']]).toEqual([
          path,
          304,
          frameAncestors(res),
          res.headers['x-frame-options'],
        ]);
      }
    }
    // Strapi's own answers keep helmet's SAMEORIGIN
    const api = await agent().get('/api/chronicle/units');
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test('booted without EMBED_ORIGINS the embeds are framed by the site itself only; a malformed entry stops the boot', async () => {
    const database = app.database;
    await app.stop({ keepDatabase: true });
    delete process.env.EMBED_ORIGINS;
    app = await startStrapi(database);
    for (const path of ['/embed/timeline', '/embed/honours/guo-yanju', '/embed/reports/no-such-report']) {
      const res = await page(path);
      expect([path, frameAncestors(res), res.headers['x-frame-options']]).toEqual([path, "frame-ancestors 'self'", undefined]);
    }
    const site = await page('/timeline');
    expect([frameAncestors(site), site.headers['x-frame-options']]).toEqual(["frame-ancestors 'self'", 'SAMEORIGIN']);
    await app.stop({ keepDatabase: true });

    process.env.EMBED_ORIGINS = 'https://partner.example,partner.example/news';
    let failure: unknown;
    try {
      const booted = await startStrapi(database);
      await booted.stop({ keepDatabase: true });
    } catch (error) {
      failure = error;
    }
    expect(String((failure as Error)?.message)).toContain('chronicle.embedOrigins (EMBED_ORIGINS): "partner.example/news" is not an origin such as https://partner.example');
    // the good configuration boots again on the same data (afterAll stops it and drops the database)
    process.env.EMBED_ORIGINS = PARTNERS;
    app = await startStrapi(database);
    expectEmbedFraming(await page('/embed/timeline'));
  });
});
