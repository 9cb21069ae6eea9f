import { compareKeys, decodeCursor, encodeCursor, pageAfter } from '../cursor';
import { displayFigure, zhNumber } from '../figure-display';
import { atomFeed, jsonFeed, xmlEscape } from '../feeds';
import { personRef, publicName, publicPortrait, publicQuotes, publicSlug } from '../public-person';
import { etagOf, matchesEtag, ResponseCache } from '../response-cache';
import { renderMarkdown } from '../safe-markdown';
import { timelineQuery } from '../../validation/public-query';

describe('cursors', () => {
  test('round-trip, and refuse forgeries and cursors of other lists', () => {
    const c = encodeCursor({ list: 'timeline', direction: 'asc', key: '2022-02-24T04:00:00.000Z', documentId: 'abc' });
    expect(decodeCursor(c, 'timeline')).toEqual({ list: 'timeline', direction: 'asc', key: '2022-02-24T04:00:00.000Z', documentId: 'abc' });
    expect(decodeCursor(c, 'reports')).toEqual({ error: 'cursor: this cursor belongs to another list (timeline)' });
    expect(decodeCursor('!!', 'timeline')).toHaveProperty('error');
    expect(decodeCursor(Buffer.from('[2,"timeline","asc","","x"]').toString('base64url'), 'timeline')).toHaveProperty('error');
  });

  test('a page starts strictly after the cursor, so an insert before it is never served twice', () => {
    const items = ['a', 'b', 'c', 'd'].map((id, i) => ({ key: `k${i}`, documentId: id }));
    const first = pageAfter(items, (x) => x, 'asc', 2);
    expect(first).toEqual({ items: items.slice(0, 2), hasMore: true });
    const withInsert = [{ key: 'k0', documentId: 'a0' }, ...items];
    expect(pageAfter(withInsert, (x) => x, 'asc', 2, items[1]).items.map((x) => x.documentId)).toEqual(['c', 'd']);
    expect(compareKeys({ key: 'a', documentId: 'x' }, { key: 'a', documentId: 'y' }, 'desc')).toBe(1);
  });
});

describe('figures', () => {
  test('display like the newspaper in Chinese and in plain English', () => {
    expect(displayFigure(100000, 'more-than', '次')).toEqual({ 'zh-Hans': '10万余次', en: 'more than 100,000 times' });
    expect(displayFigure(500000, 'nearly', '人')).toEqual({ 'zh-Hans': '近50万人', en: 'nearly 500,000 people' });
    expect(displayFigure(4800, 'more-than', '人次')).toEqual({ 'zh-Hans': '4800余人次', en: 'more than 4,800 person-times' });
    expect(displayFigure(1144, 'exact', '名')).toEqual({ 'zh-Hans': '1144名', en: '1,144 people' });
    expect(displayFigure(300, 'about', null)).toEqual({ 'zh-Hans': '约300', en: 'about 300' });
    expect(zhNumber(23000000)).toBe('2300万');
    expect(zhNumber(200000000)).toBe('2亿');
    expect(zhNumber(12345)).toBe('12345');
  });
});

describe('public people', () => {
  const base = { documentId: 'doc1', slug: 'zhao-ning', fullName: '赵宁', roleTitle: '医务人员', kind: 'medical' };
  test('anonymised: surname + 某, surname in pinyin + (name withheld), token slug, no portrait or quotes', () => {
    const row = { ...base, consent: 'anonymised', portrait: { url: '/p.jpg' } };
    expect(publicName(row, 'zh-Hans')).toBe('赵某');
    expect(publicName({ ...row, fullName: 'Zhao Ning', zhFullName: '赵宁' }, 'en')).toBe('Zhao (name withheld)');
    expect(publicName({ ...row, fullName: '欧阳娜娜' }, 'zh-Hans')).toBe('欧阳某');
    expect(publicSlug(row)).toMatch(/^anon-[0-9a-f]{12}$/);
    expect(publicSlug(row)).not.toContain('zhao');
    expect(publicPortrait(row)).toBeNull();
    expect(publicQuotes(row, [{ text: 'x' }])).toEqual([]);
  });

  test('withdrawn people are never serialised; others keep their name', () => {
    expect(personRef({ ...base, consent: 'withdrawn' }, 'zh-Hans')).toBeNull();
    expect(personRef({ ...base, consent: 'public-duty' }, 'zh-Hans')).toEqual({ slug: 'zhao-ning', name: '赵宁', roleTitle: '医务人员', kind: 'medical', anonymised: false });
    expect(publicPortrait({ ...base, consent: 'consented', portrait: { url: '/p.jpg' } })).toEqual({ url: '/p.jpg', alt: null, width: null, height: null, sources: [] });
  });
});

describe('markdown', () => {
  test('raw HTML is text; only http, https and mailto links', () => {
    const html = renderMarkdown('<b>x</b> [a](https://a.example) [m](mailto:a@b.c) [j](javascript:alert(1)) [J](JaVaScRiPt:x) [r](/relative) [d](data:x) ![i](javascript:x)');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('<a href="https://a.example" rel="nofollow noopener noreferrer">a</a>');
    expect(html).toContain('<a href="mailto:a@b.c">m</a>');
    expect(html).not.toMatch(/href="(?!https:|mailto:)/);
    expect(html).not.toContain('<img');
    expect(renderMarkdown(null)).toBe('');
  });
});

describe('feeds', () => {
  const meta = { title: 'T & <T>', subtitle: 's', homeUrl: 'https://n.example/', feedUrl: 'https://n.example/f.xml', alternateFeedUrl: 'https://n.example/f.json', language: 'zh-Hans', updated: '2022-03-07T00:00:00.000Z' };
  const item = { id: 'https://n.example/reports/a', url: 'https://n.example/reports/a', title: 'A "quoted" <title> & \u0001control', summary: null, contentHtml: '<p>x</p>', published: '2022-03-07T00:00:00.000Z', updated: '2022-03-07T00:00:00.000Z', authors: ['王勇'], tags: ['防疫'] };
  test('escape XML and drop characters XML forbids', () => {
    expect(xmlEscape('<a href="x">&\'\u0000')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const xml = atomFeed(meta, [item]);
    expect(xml).toContain('<title>A &quot;quoted&quot; &lt;title&gt; &amp; control</title>');
    expect(xml).toContain('<content type="html">&lt;p&gt;x&lt;/p&gt;</content>');
    expect(xml).not.toMatch(/\u0001/);
  });
  test('JSON Feed 1.1 fields', () => {
    const feed = jsonFeed(meta, [item]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({ id: item.id, content_html: '<p>x</p>', authors: [{ name: '王勇' }], date_published: item.published });
  });
  test('an entry edited before it was published reads as updated when published, the feed no earlier', () => {
    const late = { ...item, published: '2022-03-09T01:00:00.000Z', updated: '2022-03-08T12:00:00.000Z' };
    const xml = atomFeed(meta, [late]);
    expect(xml).toContain('    <updated>2022-03-09T01:00:00.000Z</updated>');
    expect(xml).toContain('  <updated>2022-03-09T01:00:00.000Z</updated>');
    expect(jsonFeed(meta, [late]).items[0].date_modified).toBe('2022-03-09T01:00:00.000Z');
    expect(jsonFeed(meta, [item]).items[0].date_modified).toBe(item.updated);
  });
});

describe('response cache', () => {
  const entry = (text: string) => ({ body: Buffer.from(text), etag: etagOf(text), contentType: 'application/json', expiresAt: Date.now() + 60000 });
  test('is bounded in bytes, evicts the least recently used, and empties on a new revision', () => {
    const cache = new ResponseCache(100, 100);
    cache.sync('r1');
    cache.set('a', entry('x'.repeat(40)), 'r1');
    cache.set('b', entry('y'.repeat(40)), 'r1');
    cache.get('a');
    cache.set('c', entry('z'.repeat(40)), 'r1');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.totalBytes).toBeLessThanOrEqual(100);
    cache.set('d', entry('late'), 'r0');
    expect(cache.get('d')).toBeUndefined();
    cache.sync('r2');
    expect(cache.size).toBe(0);
  });
  test('expired entries are not served', () => {
    const cache = new ResponseCache(1000);
    cache.sync('r');
    cache.set('a', { ...entry('x'), expiresAt: 1 }, 'r');
    expect(cache.get('a')).toBeUndefined();
  });
  test('If-None-Match matching', () => {
    const tag = etagOf('body');
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});

describe('query validation', () => {
  test('accepts documented parameters and refuses the rest', () => {
    expect(timelineQuery.safeParse({ from: '2022-02-24', limit: '10', q: ' 隔离 ' }).data).toEqual({ from: '2022-02-24', limit: 10, q: '隔离' });
    expect(timelineQuery.safeParse({ populate: '*' }).success).toBe(false);
    expect(timelineQuery.safeParse({ limit: ['1', '2'] }).success).toBe(false);
    expect(timelineQuery.safeParse({ unit: { $ne: 'x' } }).success).toBe(false);
  });
});

test('a portrait lists its upload formats narrowest first, for srcset', () => {
  const row = {
    documentId: 'd1',
    consent: 'consented',
    portrait: {
      url: '/uploads/p.jpg',
      width: 1600,
      height: 2000,
      formats: { small: { url: '/uploads/small_p.jpg', width: 400 }, thumbnail: { url: '/uploads/thumbnail_p.jpg', width: 125 }, large: { url: '/uploads/large_p.jpg', width: 800 } },
    },
  };
  expect(publicPortrait(row)?.sources).toEqual([
    { url: '/uploads/thumbnail_p.jpg', width: 125 },
    { url: '/uploads/small_p.jpg', width: 400 },
    { url: '/uploads/large_p.jpg', width: 800 },
    { url: '/uploads/p.jpg', width: 1600 },
  ]);
});
