import { siteContext } from '../context';
import { iframeHtml, oembedAnswer, oembedDiscovery, resolveEmbedUrl, routesOf } from '../oembed';
import { matchRoute, parseSiteQuery, EMBED_PAGES } from '../routes';

const SITE = { publicUrls: ['https://news.example', 'https://mirror.example'], basePath: '/' };

describe('which of our addresses oEmbed can embed', () => {
  test('the timeline with its filters and language, a commendation, a report', () => {
    expect(resolveEmbedUrl('https://news.example/timeline?unit=jiancaoping-qu&from=2022-02-23&lang=en', SITE)).toEqual({
      ok: true,
      target: { kind: 'timeline', query: { unit: 'jiancaoping-qu', from: '2022-02-23', lang: 'en' }, locale: 'en' },
    });
    expect(resolveEmbedUrl('https://news.example/honours/guo-yanju', SITE)).toEqual({
      ok: true,
      target: { kind: 'profile', slug: 'guo-yanju', query: {}, locale: 'zh-Hans' },
    });
    expect(resolveEmbedUrl('https://mirror.example/reports/a-report/?lang=en', SITE)).toEqual({
      ok: true,
      target: { kind: 'report', slug: 'a-report', query: { lang: 'en' }, locale: 'en' },
    });
  });

  test('an address shared on WeChat, with tracking parameters, is the same address', () => {
    const shared = resolveEmbedUrl('https://news.example/honours/guo-yanju?from=singlemessage&isappinstalled=0&utm_source=x&spm=a.b', SITE);
    expect(shared).toEqual(resolveEmbedUrl('https://news.example/honours/guo-yanju', SITE));
    // WeChat's `from` is not the timeline's day, and is dropped there too
    expect(resolveEmbedUrl('https://news.example/timeline?from=timeline&isappinstalled=0', SITE)).toEqual({
      ok: true,
      target: { kind: 'timeline', query: {}, locale: 'zh-Hans' },
    });
  });

  test('the embed pages themselves name the same resource', () => {
    expect(resolveEmbedUrl('https://news.example/embed/honours/guo-yanju?lang=en', SITE)).toEqual({
      ok: true,
      target: { kind: 'profile', slug: 'guo-yanju', query: { lang: 'en' }, locale: 'en' },
    });
    expect(resolveEmbedUrl('https://news.example/embed/timeline', SITE)).toMatchObject({ ok: true, target: { kind: 'timeline' } });
  });

  test('under a base path, and under a public URL with a path, only the site’s own addresses count', () => {
    const news = { publicUrls: ['https://host.example'], basePath: '/news' };
    expect(resolveEmbedUrl('https://host.example/news/reports/a-report', news)).toMatchObject({ ok: true, target: { kind: 'report', slug: 'a-report' } });
    expect(resolveEmbedUrl('https://host.example/reports/a-report', news)).toMatchObject({ ok: false, status: 404 });
    const proxied = { publicUrls: ['https://host.example/paper'], basePath: '/' };
    expect(resolveEmbedUrl('https://host.example/paper/timeline', proxied)).toMatchObject({ ok: true, target: { kind: 'timeline' } });
    expect(resolveEmbedUrl('https://host.example/paperx/timeline', proxied)).toMatchObject({ ok: false, status: 404 });
  });

  test.each([
    'https://elsewhere.example/timeline',
    'http://news.example/timeline',
    'https://news.example:8443/timeline',
    'https://news.example/',
    'https://news.example/honours',
    'https://news.example/statistics',
    'https://news.example/chronicles/x',
    'https://news.example/cards/guo-yanju.png',
    'https://news.example/reports/Not_A_Slug',
    'https://news.example/api/chronicle/reports/a-report',
    'https://news.example/admin',
  ])('404 for an address that is not an embeddable page of ours: %s', (url) => {
    expect(resolveEmbedUrl(url, SITE)).toEqual({ ok: false, status: 404, message: 'url: no page of this site that can be embedded has this address' });
  });

  test('400 naming the problem for a malformed address or a bad value of a parameter the page reads', () => {
    expect(resolveEmbedUrl('not a url', SITE)).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('url: must be an absolute address') });
    expect(resolveEmbedUrl('javascript:alert(1)', SITE)).toMatchObject({ ok: false, status: 400, message: 'url: must be an http or https address' });
    expect(resolveEmbedUrl('https://news.example/timeline?from=2022-13-01', SITE)).toEqual({ ok: false, status: 400, message: 'url: from: is not a real calendar day' });
    expect(resolveEmbedUrl('https://news.example/reports/a-report?lang=fr', SITE)).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/^url: lang: must be one of/) });
    expect(resolveEmbedUrl('https://news.example/timeline?unit=a&unit=b', SITE)).toEqual({ ok: false, status: 400, message: 'url: unit: give it once, as plain text' });
  });

  test('each target’s full page and embed page, with the timeline’s filters', () => {
    const resolved = resolveEmbedUrl('https://news.example/timeline?unit=u-1&to=2022-03-01&lang=en&from=singlemessage', SITE);
    if (!resolved.ok) throw new Error(resolved.message);
    expect(routesOf(resolved.target)).toEqual({ page: 'timeline', embed: 'embed/timeline', filters: { unit: 'u-1', from: undefined, to: '2022-03-01' } });
    const report = resolveEmbedUrl('https://news.example/reports/r-1', SITE);
    if (!report.ok) throw new Error(report.message);
    expect(routesOf(report.target)).toEqual({ page: 'reports/r-1', embed: 'embed/reports/r-1', filters: {} });
  });
});

describe('the embed pages in the route table', () => {
  test('are found at /embed/…, read the full page’s parameters and ignore tracking ones', () => {
    expect(EMBED_PAGES).toEqual(['embedTimeline', 'embedProfile', 'embedReport']);
    expect(matchRoute('/', '/embed/timeline')).toEqual({ page: 'embedTimeline' });
    expect(matchRoute('/', '/embed/honours/guo-yanju')).toEqual({ page: 'embedProfile', param: 'guo-yanju' });
    expect(matchRoute('/news', '/news/embed/reports/r-1/')).toEqual({ page: 'embedReport', param: 'r-1' });
    expect(parseSiteQuery('embedTimeline', { unit: 'u', from: '2022-02-23', isappinstalled: '0', utm_medium: 'x' })).toEqual({ data: { unit: 'u', from: '2022-02-23' } });
    expect(parseSiteQuery('embedProfile', { lang: 'en', from: 'singlemessage' })).toEqual({ data: { lang: 'en' } });
  });
});

describe('the oEmbed answer', () => {
  test('a rich embed: an iframe of the embed page, titled, sized, lazy and sandboxed', () => {
    const answer = oembedAnswer({
      title: '郭燕菊',
      providerName: '纪实',
      providerUrl: 'https://news.example/',
      src: 'https://news.example/embed/honours/guo-yanju',
      size: { width: 300, height: 420 },
      thumbnail: { url: 'https://news.example/cards/guo-yanju.png', width: 1200, height: 630 },
    });
    expect(answer).toEqual({
      type: 'rich',
      version: '1.0',
      title: '郭燕菊',
      provider_name: '纪实',
      provider_url: 'https://news.example/',
      cache_age: 3600,
      html:
        '<iframe src="https://news.example/embed/honours/guo-yanju" title="郭燕菊" width="300" height="420" loading="lazy" ' +
        'sandbox="allow-popups allow-popups-to-escape-sandbox allow-same-origin" referrerpolicy="strict-origin-when-cross-origin" style="border:0;max-width:100%"></iframe>',
      width: 300,
      height: 420,
      thumbnail_url: 'https://news.example/cards/guo-yanju.png',
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect('author_name' in answer).toBe(false);
  });

  test('the byline is the author; no thumbnail when there is none', () => {
    const answer = oembedAnswer({ title: 't', authorName: '记者 甲', providerName: 'p', providerUrl: 'u', src: 's', size: { width: 1, height: 2 } });
    expect(answer.author_name).toBe('记者 甲');
    expect(Object.keys(answer).filter((k) => k.startsWith('thumbnail'))).toEqual([]);
  });

  test('the iframe’s attributes are escaped', () => {
    const html = iframeHtml({ src: 'https://news.example/embed/timeline?unit=a&from=2022-01-01', title: '"><script>alert(1)</script>', width: 1, height: 1 });
    expect(html).toContain('src="https://news.example/embed/timeline?unit=a&amp;from=2022-01-01"');
    expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>');
  });
});

describe('oEmbed discovery', () => {
  const ctx = (route: string, query = {}, locale: 'zh-Hans' | 'en' = 'zh-Hans', base = '/') => siteContext(base, 'https://news.example', locale, route, query);

  test('the timeline (with its filters), a commendation and a report point at the endpoint with their canonical address', () => {
    expect(oembedDiscovery(ctx('timeline', { unit: 'u-1' }, 'en'))).toBe(
      `https://news.example/api/chronicle/oembed?url=${encodeURIComponent('https://news.example/timeline?unit=u-1&lang=en')}&format=json`
    );
    expect(oembedDiscovery(ctx('honours/guo-yanju'))).toBe(
      `https://news.example/api/chronicle/oembed?url=${encodeURIComponent('https://news.example/honours/guo-yanju')}&format=json`
    );
    expect(oembedDiscovery(ctx('reports/r-1', {}, 'zh-Hans', '/news'))).toBe(
      `https://news.example/api/chronicle/oembed?url=${encodeURIComponent('https://news.example/news/reports/r-1')}&format=json`
    );
  });

  test('no other page has one', () => {
    for (const route of ['', 'honours', 'statistics', 'corrections', 'chronicles/c-1', 'units/u-1', 'embed/timeline']) expect([route, oembedDiscovery(ctx(route))]).toEqual([route, null]);
  });
});
