import { joinPath, normaliseBasePath, pageHref, publicOrigin, trustedOrigins } from '../paths';
import { matchRoute } from '../routes';

describe('site paths', () => {
  test('base paths are normalised', () => {
    expect(normaliseBasePath('/')).toBe('/');
    expect(normaliseBasePath('')).toBe('/');
    expect(normaliseBasePath('/news/')).toBe('/news');
    expect(normaliseBasePath('news')).toBe('/news');
  });

  test('only the site pages match at the root, never Strapi routes', () => {
    expect(matchRoute('/', '/')).toEqual({ page: 'home' });
    expect(matchRoute('/', '/timeline')).toEqual({ page: 'timeline' });
    expect(matchRoute('/', '/reports/a-b-1')).toEqual({ page: 'report', param: 'a-b-1' });
    expect(matchRoute('/', '/honours/')).toEqual({ page: 'honours' });
    expect(matchRoute('/', '/honours/anon-0a1b')).toEqual({ page: 'profile', param: 'anon-0a1b' });
    expect(matchRoute('/', '/cards/wang-fang.png')).toEqual({ page: 'card', param: 'wang-fang' });
    expect(matchRoute('/', '/robots.txt')).toEqual({ page: 'robots' });
    expect(matchRoute('/', '/assets/timelinejs/js/timeline.js')).toEqual({ page: 'asset', param: 'timelinejs/js/timeline.js' });
    for (const path of ['/admin', '/admin/auth/login', '/api/chronicle/timeline', '/_health', '/uploads/a.jpg', '/chronicle/workflow/queue', '/reports', '/reports/a/b', '/site.css', '/favicon.ico']) {
      expect(matchRoute('/', path)).toBeNull();
    }
  });

  test('a malformed slug is still matched, for a 400 page', () => {
    expect(matchRoute('/', '/reports/%E4%B8%AD')).toEqual({ page: 'report', param: '中' });
    expect(matchRoute('/', '/reports/%E4%B8')).toEqual({ page: 'report', param: '%E4%B8' });
  });

  test('under a base path, only its subtree matches; robots.txt belongs to the host root', () => {
    expect(matchRoute('/news', '/news')).toEqual({ page: 'home' });
    expect(matchRoute('/news', '/news/')).toEqual({ page: 'home' });
    expect(matchRoute('/news', '/news/statistics')).toEqual({ page: 'statistics' });
    expect(matchRoute('/news', '/timeline')).toBeNull();
    expect(matchRoute('/news', '/newsroom')).toBeNull();
    expect(matchRoute('/news', '/news/robots.txt')).toBeNull();
  });

  test('links carry the language only when it is not the default', () => {
    expect(pageHref('/', 'reports/x', 'zh-Hans')).toBe('/reports/x');
    expect(pageHref('/', 'reports/x', 'en')).toBe('/reports/x?lang=en');
    expect(pageHref('/news', '', 'en')).toBe('/news/?lang=en');
    expect(pageHref('/', 'timeline', 'zh-Hans', { unit: 'a', from: '', to: null })).toBe('/timeline?unit=a');
    expect(joinPath('/news', '/timeline')).toBe('/news/timeline');
  });

  test('the public origin prefers the configured one', () => {
    expect(publicOrigin('https://news.example/', 'http://127.0.0.1:1337')).toBe('https://news.example');
    // Never the request's Host: PUBLIC_URL (its first URL), else server.url, else localhost.
    expect(publicOrigin('https://news.example/, https://mirror.example', '')).toBe('https://news.example');
    expect(publicOrigin('', 'http://10.0.0.5:1337/')).toBe('http://10.0.0.5:1337');
    expect(publicOrigin('', '', 1337)).toBe('http://localhost:1337');
    expect(publicOrigin('javascript:alert(1)', '', 0)).toBe('http://localhost');
    expect(trustedOrigins('https://news.example/news, http://mirror.example:8080', 'https://news.example')).toEqual([
      'https://news.example',
      'http://mirror.example:8080',
    ]);
  });
});
