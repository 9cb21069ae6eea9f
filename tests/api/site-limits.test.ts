/**
 * Site lists read at most 1,000 items from the public API (services/site.tsx, site/paging.ts)
 * and say so when there are more, with a link to the API list that has all of them — but the
 * timeline, which lists one page of 100 and links to the next by cursor: on a generated newsroom
 * with more events, people and figures than that, and on one list that fits.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
const HOST = 'news.example';
const page = (path: string) => request(app.strapi.server.httpServer).get(path).set('Host', HOST).buffer(true);
const api = (path: string) => request(app.strapi.server.httpServer).get(path);
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;
const limitNote = (html: string) => /<p class="list-limit" role="note">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? null;
const noteLink = (html: string) => /<p class="list-limit"[^>]*>[\s\S]*?<a href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('generator').generate({ events: 1040, profiles: 1100, statistics: 1030, units: 12, seed: 5 });
}, 300000);
afterAll(async () => {
  await app?.stop();
});

const nextLink = (html: string) => /<a rel="next" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? null;

test('the timeline lists one page of 100 events and links to the next by cursor, so its size does not grow with the archive (issue 19)', async () => {
  const zh = await page('/timeline');
  expect(zh.status).toBe(200);
  const list = zh.text.slice(zh.text.indexOf('id="event-list"'));
  expect(count(list, /<li id="event-/g)).toBe(100);
  expect(limitNote(zh.text)).toBeNull();
  // 100 events and the filters: far below the 475 KB the page weighed when it listed 1,000.
  expect(Buffer.byteLength(zh.text)).toBeLessThan(150_000);

  // Following the pages lists every published event once, in the API's order.
  const all = (await api('/api/chronicle/timeline?limit=100')).body;
  const total: string[] = [];
  let cursor: string | null = all.meta.nextCursor;
  for (let p = 0; p < 100 && cursor; p += 1) {
    const next = (await api(`/api/chronicle/timeline?limit=100&cursor=${encodeURIComponent(cursor)}`)).body;
    total.push(...next.data.map((e: { slug: string }) => e.slug));
    cursor = next.meta.nextCursor;
  }
  const slugsOf = (html: string) => [...html.matchAll(/<li id="event-([^"]+)"/g)].map((m) => m[1]);
  const listed = slugsOf(zh.text);
  expect(listed).toEqual(all.data.map((e: { slug: string }) => e.slug));
  let link = nextLink(zh.text);
  expect(link).toMatch(/^\/timeline\?cursor=/);
  const later: string[] = [];
  for (let p = 0; p < 100 && link; p += 1) {
    const res = await page(link);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<a href="/timeline">从头看</a>');
    later.push(...slugsOf(res.text));
    link = nextLink(res.text);
  }
  expect(later).toEqual(total);
  expect(new Set([...listed, ...later]).size).toBe(listed.length + later.length);

  // The interactive timeline loads one API page of the selection, and says so.
  expect(zh.text).toContain('交互式时间线只显示这一范围内的前 100 个事件');
  expect(zh.text).toContain('data-source="/api/chronicle/timeline/timelinejs?locale=zh-Hans&amp;limit=100"');

  const en = await page('/timeline?lang=en');
  expect(count(en.text, /<li id="event-/g)).toBe(100);
  expect(nextLink(en.text)).toMatch(/^\/timeline\?cursor=[^&]+&lang=en$/);
  expect(en.text).toContain('Later events');
  // A cursor that is not one is the page's 400, naming it.
  const bad = await page('/timeline?cursor=nonsense');
  expect(bad.status).toBe(400);
  expect(bad.text).toContain('cursor');
});

test('the honour roll and the statistics page say the same; filters carry into the link', async () => {
  const honours = await page('/honours');
  expect(limitNote(honours.text)).toContain('1000');
  expect(noteLink(honours.text)).toBe('/api/chronicle/profiles?locale=zh-Hans&limit=100');

  const statistics = await page('/statistics?lang=en');
  expect(limitNote(statistics.text)).toContain('Only the first 1,000');
  expect(noteLink(statistics.text)).toBe('/api/chronicle/statistics?locale=en&limit=100');

  // The timeline's filter is carried into its next page's link.
  const root = ((await api('/api/chronicle/units')).body.data as Array<{ slug: string }>)[0].slug;
  const filtered = await page(`/timeline?unit=${root}`);
  expect(nextLink(filtered.text)).toMatch(new RegExp(`^/timeline\\?unit=${root}&cursor=`));
});

test('a list that fits says nothing', async () => {
  const units = (await api('/api/chronicle/units')).body.data as Array<{ slug: string; children: unknown[] }>;
  const leaf = (function find(nodes: any[]): string {
    for (const n of nodes) if (!n.children.length) return n.slug;
    return find(nodes.flatMap((n) => n.children));
  })(units);
  const res = await page(`/units/${leaf}`);
  expect(res.status).toBe(200);
  expect(limitNote(res.text)).toBeNull();
  const filtered = await page(`/timeline?unit=${leaf}&from=2019-01-01&to=2019-01-31`);
  expect(filtered.status).toBe(200);
  expect(limitNote(filtered.text)).toBeNull();
  expect(filtered.text).not.toContain('list-limit');
});
