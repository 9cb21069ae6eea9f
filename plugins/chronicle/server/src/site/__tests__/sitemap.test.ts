import { robotsTxt, sitemapXml } from '../sitemap';

test('every page is listed in both languages with its alternates, XML-escaped', () => {
  const xml = sitemapXml([{ urls: { 'zh-Hans': 'https://x/a?b=1&c=2', en: 'https://x/a?b=1&c=2&lang=en' }, lastModified: '2022-03-01T00:00:00.000Z' }]);
  expect(xml).toContain('<loc>https://x/a?b=1&amp;c=2</loc>');
  expect(xml).toContain('<loc>https://x/a?b=1&amp;c=2&amp;lang=en</loc>');
  expect((xml.match(/<xhtml:link /g) ?? []).length).toBe(4);
  expect(xml).toContain('<lastmod>2022-03-01T00:00:00.000Z</lastmod>');
});

test('robots.txt names the sitemap and keeps crawlers out of the admin panel', () => {
  expect(robotsTxt('https://x/sitemap.xml')).toMatch(/User-agent: \*\nDisallow: \/admin\n\nSitemap: https:\/\/x\/sitemap\.xml\n$/);
});
