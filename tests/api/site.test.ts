/**
 * The public site on the demo newsroom: every page type answers HTML with landmarks, one h1,
 * lang and hreflang, canonical and OpenGraph; record text is escaped; JSON-LD parses; bad
 * input is a 400 page, unknown slugs 404, withdrawn records 410 with the editors' notice;
 * the sitemap lists published pages only; robots.txt; share cards; ETag and 304; the cache
 * is emptied by a publish; and Strapi's own routes still answer.
 */
import request from 'supertest';
import sharp from 'sharp';
import { anonymousSlug } from '../../plugins/chronicle/server/src/domain/public-person';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument, withdrawDocument } from '../helpers/workflow';

let app: TestStrapi;
const XSS_TITLE = '<script>alert(1)</script>网格员夜巡 & "引号"';

/**
 * Absolute links come from PUBLIC_URL (set for this file), never from the Host header; the
 * requests still send a Host, which must change nothing.
 */
const HOST = 'news.example';
let savedPublicUrl: string | undefined;
const api = () => {
  const agent = request(app.strapi.server.httpServer);
  return {
    get: (path: string) => agent.get(path).set('Host', HOST),
    head: (path: string) => agent.head(path).set('Host', HOST),
    post: (path: string) => agent.post(path).set('Host', HOST),
  };
};
const page = (path: string) => api().get(path).buffer(true);
const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;

const jsonLd = (html: string): any[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

/** Structure every HTML page shares. */
const expectPage = (html: string, lang: string) => {
  expect(html.startsWith('<!DOCTYPE html><html lang="' + lang + '">')).toBe(true);
  expect(count(html, /<h1[\s>]/g)).toBe(1);
  expect(html).toContain('role="banner"');
  expect(html).toContain('<main id="main"');
  expect(html).toContain('role="contentinfo"');
  expect(html).toMatch(/<a class="skip-link" href="#main">/);
  expect(html).not.toMatch(/\bat [\w.<>]+ \(.*:\d+:\d+\)/); // no stack trace
};

let xssSlug: string;
let withdrawnSlug: string;

beforeAll(async () => {
  savedPublicUrl = process.env.PUBLIC_URL;
  process.env.PUBLIC_URL = `http://${HOST}`;
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  const contributor = (await docs('contributor').findMany({ locale: 'zh-Hans', limit: 1 }))[0];

  const xss = await docs('field-report').create({
    locale: 'zh-Hans',
    data: {
      title: XSS_TITLE,
      slug: 'xss-report',
      dek: '</script><img src=x onerror=alert(2)>',
      body: '正文 <script>alert(3)</script> [link](javascript:alert(4))',
      dateline: { place: '太原', date: '2022-03-04' },
      bylines: [{ contributor: contributor.documentId, role: 'reporter' }],
    },
  });
  await publishDocument(app.strapi, 'field-report', xss.documentId, 'zh-Hans');
  xssSlug = 'xss-report';

  const doomed = await docs('field-report').create({
    locale: 'zh-Hans',
    data: { title: '将被撤回的报道', slug: 'doomed-report', body: '正文', dateline: { place: '太原', date: '2022-03-05' }, bylines: [{ contributor: contributor.documentId, role: 'reporter' }] },
  });
  await publishDocument(app.strapi, 'field-report', doomed.documentId, 'zh-Hans');
  await withdrawDocument(app.strapi, 'field-report', doomed.documentId, 'zh-Hans', '事实有误，编辑部撤回');
  withdrawnSlug = 'doomed-report';

  await docs('field-report').create({ locale: 'zh-Hans', data: { title: '草稿报道', slug: 'draft-site-report', body: '草稿' } });

  const person = await docs('frontline-profile').create({
    locale: 'zh-Hans',
    data: { fullName: '撤回同意者', kind: 'volunteer', consent: 'withdrawn', slug: 'consent-withdrawn-person', citation: '不应出现' },
  });
  await publishDocument(app.strapi, 'frontline-profile', person.documentId, 'zh-Hans');
});
afterAll(async () => {
  await app?.stop();
  if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = savedPublicUrl;
});

describe('pages', () => {
  test('home: structure, language, alternates, canonical, OpenGraph and security headers', async () => {
    const res = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expectPage(res.text, 'zh-Hans');
    expect(res.text).toMatch(/<link rel="alternate" hrefLang="zh-Hans" href="http:\/\/news\.example\/"\/>/);
    expect(res.text).toMatch(/<link rel="alternate" hrefLang="en" href="http:\/\/news\.example\/\?lang=en"\/>/);
    expect(res.text).toMatch(/<link rel="canonical" href="http:\/\/news\.example\/"\/>/);
    expect(res.text).toContain('<meta property="og:title"');
    expect(res.text).toContain('<a class="lang-switch" href="/?lang=en" hrefLang="en" lang="en"');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(res.text).toContain('尖草坪');

    const en = await page('/?lang=en');
    expect(en.status).toBe(200);
    expectPage(en.text, 'en');
    expect(en.text).toContain('<a class="lang-switch" href="/" hrefLang="zh-Hans" lang="zh-Hans"');
    expect(en.text).toContain('Latest reports');
  });

  test('a report title with <script> shows as text, everywhere', async () => {
    const res = await page(`/reports/${xssSlug}`);
    expect(res.status).toBe(200);
    expectPage(res.text, 'zh-Hans');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;网格员夜巡 &amp; &quot;引号&quot;');
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('href="javascript:');
    // Only our own scripts: JSON-LD blocks and /site.js.
    const scripts = [...res.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.every((attrs) => attrs === ' type="application/ld+json"' || / src="\/[^"]*" defer=""/.test(attrs))).toBe(true);
    const [article] = jsonLd(res.text);
    expect(article).toMatchObject({ '@type': 'NewsArticle', headline: XSS_TITLE, dateCreated: '2022-03-04' });
    expect(res.text).toContain('<meta property="og:type" content="article"/>');
    // The dateline and byline.
    expect(res.text).toMatch(/<span class="dateline-place">太原<\/span><time dateTime="2022-03-04">2022年3月4日<\/time>/);
    expect(res.text).toMatch(/<span class="byline-role">记者<\/span>/);
  });

  test('a demo report: kicker, title, dek, body, related records; English with its own text', async () => {
    const list = (await api().get('/api/chronicle/reports?limit=100')).body.data;
    const report = list.find((r: any) => r.slug !== xssSlug);
    const res = await page(`/reports/${report.slug}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<h1>${report.title}</h1>`);
    expect(res.text).toContain('<div class="body">');
    const en = await page(`/reports/${report.slug}?lang=en`);
    expect(en.status).toBe(200);
    expectPage(en.text, 'en');
    expect(en.text).not.toContain('fallback-notice');
  });

  test('a report with no English version shows the fallback notice and is marked zh-Hans', async () => {
    const res = await page(`/reports/${xssSlug}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('class="notice fallback-notice"');
    expect(res.text).toContain('<article class="report" lang="zh-Hans">');
  });

  test('the commendation page: name, role, unit chain, badges, deeds, sources with bylines, share, Person JSON-LD', async () => {
    const res = await page('/honours/guo-yanju');
    expect(res.status).toBe(200);
    expectPage(res.text, 'zh-Hans');
    expect(res.text).toContain('<h1>郭妍菊</h1>');
    expect(res.text).toMatch(/<nav aria-label="所属单位" class="unit-chain"><ol><li><a href="\/units\/jiancaoping-qu">/);
    expect(res.text).toMatch(/<li class="badge">[^<]+员<\/li>/);
    expect(res.text).toContain('class="mini-timeline"');
    expect(res.text).toMatch(/<section aria-labelledby="sources"[\s\S]*class="byline-role"/);
    expect(res.text).toMatch(/data-share-url="http:\/\/news\.example\/honours\/guo-yanju"/);
    expect(res.text).toMatch(/<meta property="og:image" content="http:\/\/news\.example\/cards\/guo-yanju\.png"\/>/);
    expect(res.text).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    const [person] = jsonLd(res.text);
    expect(person).toMatchObject({ '@type': 'Person', name: '郭妍菊' });
    const en = await page('/honours/guo-yanju?lang=en');
    expect(en.status).toBe(200);
    expect(en.text).toMatch(/<li class="badge">[a-z -]+(officer|mediator|caller|guide|runner|liaison|screener|organiser|counsellor|administrator)<\/li>/);
  });

  test('an anonymised person: surname + 某 under a token slug, never the name', async () => {
    const roll = (await api().get('/api/chronicle/profiles?limit=100')).body.data;
    const anon = roll.find((p: any) => p.anonymised);
    const res = await page(`/honours/${anon.slug}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>赵某</h1>');
    expect(res.text).not.toContain('赵宁');
    expect(res.text).not.toContain('zhao-ning');
    const honours = await page('/honours');
    expect(honours.text).not.toContain('赵宁');
  });

  test('the honour roll: grouped by unit, filters, ItemList JSON-LD of every public person', async () => {
    const res = await page('/honours');
    expect(res.status).toBe(200);
    expectPage(res.text, 'zh-Hans');
    const roll = (await api().get('/api/chronicle/profiles?limit=100')).body.data;
    const [list] = jsonLd(res.text);
    expect(list['@type']).toBe('ItemList');
    expect(list.numberOfItems).toBe(roll.length);
    expect(res.text).not.toContain('撤回同意者');
    expect(count(res.text, /<section aria-labelledby="unit-/g)).toBeGreaterThan(1);
    const police = await page('/honours?kind=police');
    expect(police.status).toBe(200);
    expect(police.text).toContain('<option value="police" selected="">');
    expect(jsonLd(police.text)[0].numberOfItems).toBe(roll.filter((p: any) => p.kind === 'police').length);
    const empty = await page('/honours?unit=&kind=');
    expect(empty.status).toBe(200);
  });

  test('the timeline: TimelineJS embed fed by the API, a plain list, filters', async () => {
    const res = await page('/timeline');
    expect(res.status).toBe(200);
    expectPage(res.text, 'zh-Hans');
    expect(res.text).toContain('data-source="/api/chronicle/timeline/timelinejs?locale=zh-Hans&amp;limit=100"');
    // Chinese is our 24-hour copy of TimelineJS's zh-cn language file (issue 18, item 9).
    expect(res.text).toContain('data-language="/timeline-zh-cn.json"');
    const language = await api().get('/timeline-zh-cn.json');
    expect(language.status).toBe(200);
    const formats = JSON.parse(language.text ?? JSON.stringify(language.body)).dateformats;
    expect(Object.keys(formats)).toEqual(expect.arrayContaining(['time_no_minutes_short', 'time_no_seconds_short', 'full_long']));
    for (const format of Object.values(formats) as string[]) expect(format).not.toMatch(/TT|tt|'um'/);
    expect(res.text).toContain('<script src="/assets/timelinejs/js/timeline.js" defer="">');
    expect(res.text).toContain('<link rel="stylesheet" href="/assets/timelinejs/css/timeline.css"/>');
    const events = (await api().get('/api/chronicle/timeline?limit=100')).body.data;
    expect(count(res.text, /<li id="event-/g)).toBe(events.length);

    const filtered = await page('/timeline?unit=nanzhai-paichusuo&from=2022-02-24&to=2022-02-28&lang=en');
    expect(filtered.status).toBe(200);
    expect(filtered.text).toContain('data-source="/api/chronicle/timeline/timelinejs?locale=en&amp;limit=100&amp;unit=nanzhai-paichusuo&amp;from=2022-02-24&amp;to=2022-02-28"');
    expect(filtered.text).toContain('data-language="en"');
    expect(filtered.text).toContain('<input type="hidden" name="lang" value="en"/>');
    const scoped = (await api().get('/api/chronicle/timeline?limit=100&unit=nanzhai-paichusuo&from=2022-02-24&to=2022-02-28')).body.data;
    expect(count(filtered.text, /<li id="event-/g)).toBe(scoped.length);
  });

  test('TimelineJS and its zh-cn language file are served from here, nothing else from the package', async () => {
    const js = await api().get('/assets/timelinejs/js/timeline.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const zh = await api().get('/assets/timelinejs/js/locale/zh-cn.json');
    expect(zh.status).toBe(200);
    expect(JSON.parse(zh.text).lang).toBe('zh-cn');
    expect((await api().get('/assets/timelinejs/css/timeline.css')).status).toBe(200);
    expect((await api().get('/assets/timelinejs/package.json')).status).toBe(404);
    expect((await api().get('/assets/timelinejs/js/../../package.json')).status).toBe(404);
  });

  test('statistics: one chart per metric and unit of count on one scale with axis values, single figures as numbers, roll-ups in words, and data tables (issue 18, item 8)', async () => {
    const res = await page('/statistics');
    expect(res.status).toBe(200);
    expectPage(res.text, 'zh-Hans');
    // Grid workers (名): the district's 1000余名 and the two subdistricts on one scale 0–1000.
    expect(count(res.text, /<figure class="bar-chart"/g)).toBe(1);
    const bars = [...res.text.matchAll(/<li class="bar-row" data-value="(\d+)">.*?<span class="bar" style="width:([\d.]+)%"><\/span>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bars).toEqual([
      [1000, 100],
      [149, 14.9],
      [52, 5.2],
    ]);
    expect([...res.text.matchAll(/<span class="tick[^"]*" style="left:([\d.]+)%" data-value="(\d+)">([^<]*)<\/span>/g)].map((m) => [m[2], m[3]])).toEqual([
      ['0', '0'],
      ['500', '500'],
      ['1000', '1000'],
    ]);
    // A metric with one figure is a number, not a bar scaled to itself.
    expect(res.text).toMatch(/<p class="big-figure">1144名<\/p>/);
    expect(res.text).toMatch(/<p class="big-figure">17个<\/p>/);
    expect(res.text).toContain('10万余次');
    expect(res.text).toContain('<table class="data-table">');
    expect(res.text).toContain('尖草坪区的汇总201名，是尖草坪区及其下属单位报道的 2 项已核实、可相加数据之和。尖草坪区自己报道的数字是1000余名');
    // the totals up the unit tree, with how many figures each sums (Xincheng 52 + Huifeng 149)
    expect(res.text).toContain('<th scope="col">汇总数据条数</th>');
    expect(res.text).toMatch(/<a href="\/units\/jiancaoping-qu">尖草坪区<\/a><\/th><td>201名<\/td><td>2<\/td>/);
    const en = await page('/statistics?lang=en');
    expect(en.text).toContain('more than 100,000 times');
    expect(en.text).toContain('<th scope="col">Figures summed</th>');
    expect(en.text).toMatch(/<td>201 people<\/td><td>2<\/td>/);
    expect(en.text).toContain('The total of 201 people for Jiancaoping District is the sum of 2 verified figures');
    expect(en.text).toMatch(/<span class="tick[^"]*" style="left:100%" data-value="1000">1,000<\/span>/);
    // The page reads no metric: an unknown one is ignored (the API answers it with a 400).
    const ignored = await page('/statistics?metric=nope');
    expect(ignored.status).toBe(200);
    expect(ignored.text).toContain('<figure class="bar-chart"');
  });

  test('chronicle and unit pages', async () => {
    const events = (await api().get('/api/chronicle/timeline?limit=100')).body.data;
    const chronicle = events.find((e: any) => e.chronicle).chronicle.slug;
    const res = await page(`/chronicles/${chronicle}`);
    expect(res.status).toBe(200);
    expectPage(res.text, 'zh-Hans');
    expect(res.text).toContain('class="event-list"');
    const unit = await page('/units/nanzhai-jiedao');
    expect(unit.status).toBe(200);
    expectPage(unit.text, 'zh-Hans');
    expect(unit.text).toContain('南寨');
    expect(unit.text).toMatch(/<nav aria-label="所属单位" class="unit-chain">/);
  });
});

describe('bad input and missing records', () => {
  test('unknown slugs are 404 pages', async () => {
    for (const path of ['/reports/no-such-report', '/honours/no-such-person', '/chronicles/no-such', '/units/no-such-unit', '/reports/draft-site-report']) {
      const res = await page(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expectPage(res.text, 'zh-Hans');
      expect(res.text).toContain('<h1>页面不存在</h1>');
      expect(res.text).toContain('<meta name="robots" content="noindex"/>');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const en = await page('/reports/no-such-report?lang=en');
    expect(en.status).toBe(404);
    expect(en.text).toContain('<h1>Page not found</h1>');
  });

  test('a withdrawn report is a 410 page with the editors’ notice', async () => {
    const res = await page(`/reports/${withdrawnSlug}`);
    expect(res.status).toBe(410);
    expectPage(res.text, 'zh-Hans');
    expect(res.text).toContain('编辑部已撤回此内容。');
    expect(res.text).toContain('事实有误，编辑部撤回');
    expect(res.text).toMatch(/<time dateTime="\d{4}-\d{2}-\d{2}T[^"]+">\d{4}-\d{2}-\d{2}<\/time>/);
  });

  test('a person who withdrew consent: their name\'s page reads as never published, their anonymous page is 410, and nothing about them', async () => {
    const res = await page('/honours/consent-withdrawn-person');
    const never = await page('/honours/never-published-person');
    expect(res.status).toBe(404);
    expect(res.text.split('consent-withdrawn-person').join('SLUG')).toBe(never.text.split('never-published-person').join('SLUG'));
    expect(res.text).not.toContain('撤回同意者');
    const person = await docs('frontline-profile').findFirst({ filters: { slug: 'consent-withdrawn-person' }, locale: 'zh-Hans' });
    const gone = await page(`/honours/${anonymousSlug(person.documentId)}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('此人物页面已不再公开。');
    expect(gone.text).not.toContain('撤回同意者');
    expect((await api().get('/cards/consent-withdrawn-person.png')).status).toBe(404);
    expect((await api().get(`/cards/${anonymousSlug(person.documentId)}.png`)).status).toBe(410);
  });

  test('bad parameters are 400 pages naming the problem, in the reader’s language when known', async () => {
    const cases: Array<[string, string]> = [
      ['/?lang=fr', 'lang: must be one of zh-Hans, en'],
      ['/timeline?from=2022-13-01', 'from: is not a real calendar day'],
      ['/timeline?from=2022-03-01&to=2022-02-01', 'to: from must not be after to'],
      ['/timeline?unit=No_Unit', 'unit: must be a slug'],
      ['/timeline?unit=no-such-unit', 'unit: no unit has the slug &quot;no-such-unit&quot;'],
      ['/timeline?lang=en&lang=zh-Hans', 'lang: give it once'],
      ['/honours?kind=wizard', 'kind: must be one of'],
      ['/reports/Bad_Slug', 'slug: must be a slug'],
      ['/reports/%E4%B8%AD%E6%96%87', 'slug: must be a slug'],
    ];
    for (const [path, message] of cases) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, 400]);
      expectPage(res.text, 'zh-Hans');
      expect(res.text).toContain(message);
    }
    const en = await page('/timeline?lang=en&from=yesterday');
    expect(en.status).toBe(400);
    expect(en.text).toContain('<h1>Bad request</h1>');
    // Share-tracking parameters are ignored, not refused.
    expect((await page('/honours/guo-yanju?utm_source=wechat&fbclid=x')).status).toBe(200);
  });

  test('links shared on WeChat open: parameters a page does not read are ignored, and the canonical link is the clean address (issue 18, item 1)', async () => {
    const clean = await page('/honours/guo-yanju?lang=en');
    expect(clean.status).toBe(200);
    for (const path of [
      '/honours/guo-yanju?lang=en&from=singlemessage&isappinstalled=0',
      '/honours/guo-yanju?from=timeline&lang=en&scene=1&clicktime=1700000000&enterid=1700000000',
      '/honours/guo-yanju?lang=en&spm=a2c4g.11186623&bogus=1&bogus=2',
    ]) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.text).toContain('<link rel="canonical" href="http://news.example/honours/guo-yanju?lang=en"/>');
      expect(res.text).toContain('<h1>');
      expect(res.text).not.toContain('singlemessage');
      expect(res.text).not.toContain('bogus');
    }
    // The timeline reads its own from= (a day); WeChat's from=timeline is not one and is ignored.
    const timeline = await page('/timeline?from=timeline&isappinstalled=0');
    expect(timeline.status).toBe(200);
    expect(timeline.text).toContain('<link rel="canonical" href="http://news.example/timeline"/>');
    expect((await page('/timeline?from=2022-13-01&isappinstalled=0')).status).toBe(400);
    // WeChat's browser says lang=zh_CN.
    const zh = await page('/?lang=zh_CN&from=groupmessage');
    expect(zh.status).toBe(200);
    expectPage(zh.text, 'zh-Hans');
    expect((await page('/sitemap.xml?from=singlemessage')).status).toBe(200);
  });
});

describe('sitemap, robots, cards, caching', () => {
  test('the sitemap lists published pages only, in both languages', async () => {
    const res = await page('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/^http:\/\/news\.example/, ''));
    expect(locs).toEqual(expect.arrayContaining(['/', '/?lang=en', '/timeline', '/honours', '/statistics', `/reports/${xssSlug}`, '/honours/guo-yanju', '/units/jiancaoping-qu']));
    expect(locs.some((l) => l.startsWith('/chronicles/'))).toBe(true);
    for (const hidden of ['draft-site-report', withdrawnSlug, 'consent-withdrawn-person', 'zhao-ning']) {
      expect(locs.some((l) => l.includes(hidden))).toBe(false);
    }
    expect(res.text).toContain('<xhtml:link rel="alternate" hreflang="en"');
  });

  test('robots.txt is generated with the sitemap and keeps crawlers out of /admin', async () => {
    const res = await api().get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toContain('Disallow: /admin');
    expect(res.text).toMatch(/Sitemap: http:\/\/news\.example\/sitemap\.xml/);
  });

  test('a share card is a 1200×630 PNG, cached until the profile changes', async () => {
    const first = await api().get('/cards/guo-yanju.png').buffer(true);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    const meta = await sharp(first.body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    const again = await api().get('/cards/guo-yanju.png');
    expect(again.headers['x-chronicle-cache']).toBe('hit');
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await api().get('/cards/sun-lihua.png').buffer(true);
    expect(other.headers.etag).not.toBe(first.headers.etag);
    const en = await api().get('/cards/guo-yanju.png?lang=en').buffer(true);
    expect(en.status).toBe(200);
    expect(en.headers.etag).not.toBe(first.headers.etag);
    expect((await api().get('/cards/no-such-person.png')).status).toBe(404);

    const [profile] = await docs('frontline-profile').findMany({ locale: 'zh-Hans', filters: { slug: 'guo-yanju' }, status: 'draft' });
    await docs('frontline-profile').update({ documentId: profile.documentId, locale: 'zh-Hans', data: { roleTitle: '网格长' } });
    await publishDocument(app.strapi, 'frontline-profile', profile.documentId, 'zh-Hans');
    const changed = await api().get('/cards/guo-yanju.png');
    expect(changed.headers['x-chronicle-cache']).toBe('miss');
    expect(changed.headers.etag).not.toBe(first.headers.etag);
  });

  test('ETag and 304; HEAD; a publish empties the page cache', async () => {
    const first = await page('/');
    const again = await page('/');
    expect(again.headers['x-chronicle-cache']).toBe('hit');
    const notModified = await api().get('/').set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text ?? '').toBe('');
    const head = await api().head('/honours');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');

    const contributor = (await docs('contributor').findMany({ locale: 'zh-Hans', limit: 1 }))[0];
    const fresh = await docs('field-report').create({
      locale: 'zh-Hans',
      data: { title: '刚刚发布的报道', slug: 'just-published', body: '正文', dateline: { place: '太原', date: '2022-12-31' }, bylines: [{ contributor: contributor.documentId, role: 'reporter' }] },
    });
    await publishDocument(app.strapi, 'field-report', fresh.documentId, 'zh-Hans');
    const after = await page('/');
    expect(after.headers['x-chronicle-cache']).toBe('miss');
    expect(after.text).toContain('刚刚发布的报道');
  });

  test('under another base path, the site moves and Strapi keeps the rest', async () => {
    app.strapi.config.set('plugin::chronicle.sitePath', '/news');
    try {
      const honours = await page('/news/honours?lang=en');
      expect(honours.status).toBe(200);
      expect(honours.text).toContain('href="/news/honours/guo-yanju?lang=en"');
      expect(honours.text).toContain('<link rel="canonical" href="http://news.example/news/honours?lang=en"/>');
      expect((await page('/news')).status).toBe(200);
      expect((await page('/news/cards/guo-yanju.png')).headers['content-type']).toBe('image/png');
      expect((await page('/news/assets/timelinejs/js/locale/zh-cn.json')).status).toBe(200);
      // Outside the base path the site answers nothing: Strapi's own 404 (and no robots.txt of ours).
      expect((await page('/honours')).status).toBe(404);
      expect((await page('/robots.txt')).status).toBe(404);
    } finally {
      app.strapi.config.set('plugin::chronicle.sitePath', '/');
    }
  });

  test('Strapi’s own routes still answer', async () => {
    expect((await api().get('/_health')).status).toBe(204);
    expect((await api().get('/api/chronicle/units')).status).toBe(200);
    const init = await api().get('/admin/init');
    expect(init.status).toBe(200);
    expect(init.body.data).toHaveProperty('hasAdmin');
    expect((await api().post('/').send({})).status).not.toBe(200);
    expect((await api().get('/site.css')).status).toBe(200);
  });
});
