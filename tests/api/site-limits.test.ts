/**
 * Site lists read at most 1,000 items from the public API (services/site.tsx, site/paging.ts)
 * and say so when there are more, with a link to the API list that has all of them: on a
 * generated newsroom with more events, people and figures than that, and on one list that fits.
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

test('the timeline lists 1,000 events and points to the API for the rest, in both languages', async () => {
  const zh = await page('/timeline');
  expect(zh.status).toBe(200);
  const list = zh.text.slice(zh.text.indexOf('id="event-list"'));
  expect(count(list, /<li id="event-/g)).toBe(1000);
  expect(limitNote(zh.text)).toContain('此处只列出前 1000 条');
  const link = noteLink(zh.text) as string;
  expect(link).toBe('/api/chronicle/timeline?locale=zh-Hans&limit=100');
  const first = await api(link);
  expect(first.status).toBe(200);
  expect(first.body.data).toHaveLength(100);
  expect(first.body.meta.nextCursor).toEqual(expect.any(String));

  // The interactive timeline loads one API page of the selection, and says so.
  expect(zh.text).toContain('交互式时间线只显示这一范围内的前 100 个事件');
  expect(zh.text).toContain('data-source="/api/chronicle/timeline/timelinejs?locale=zh-Hans&amp;limit=100"');

  const en = await page('/timeline?lang=en');
  expect(limitNote(en.text)).toContain('Only the first 1,000 are listed here');
  expect(noteLink(en.text)).toBe('/api/chronicle/timeline?locale=en&limit=100');
});

test('the honour roll and the statistics page say the same; filters carry into the link', async () => {
  const honours = await page('/honours');
  expect(limitNote(honours.text)).toContain('1000');
  expect(noteLink(honours.text)).toBe('/api/chronicle/profiles?locale=zh-Hans&limit=100');

  const statistics = await page('/statistics?lang=en');
  expect(limitNote(statistics.text)).toContain('Only the first 1,000');
  expect(noteLink(statistics.text)).toBe('/api/chronicle/statistics?locale=en&limit=100');

  // A filter that still leaves more than 1,000 (the whole tree's root) is carried into the link.
  const root = ((await api('/api/chronicle/units')).body.data as Array<{ slug: string }>)[0].slug;
  const filtered = await page(`/timeline?unit=${root}`);
  expect(limitNote(filtered.text)).toContain('1000');
  expect(noteLink(filtered.text)).toBe(`/api/chronicle/timeline?locale=zh-Hans&unit=${root}&limit=100`);
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
