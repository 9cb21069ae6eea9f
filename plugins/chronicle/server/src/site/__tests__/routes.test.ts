import { joinPath } from '../paths';
import { LOADERS } from '../loaders';
import { matchRoute, NAV_PAGES, parseSiteQuery, pathOf, routeOfMatch, SITE_ROUTES, SITEMAP_PAGES, type PageName } from '../routes';

const PAGES = Object.keys(SITE_ROUTES) as PageName[];
const paramOf = (page: PageName) => (SITE_ROUTES[page].path.includes(':slug') ? 'a-b-1' : SITE_ROUTES[page].path.endsWith('*') ? 'timelinejs/js/timeline.js' : undefined);

describe('the site route table', () => {
  test.each(['/', '/news'])('every page is found again at the address pathOf gives it (base %s)', (base) => {
    for (const page of PAGES) {
      if ('rootOnly' in SITE_ROUTES[page] && base !== '/') continue;
      const param = paramOf(page);
      const address = joinPath(base, pathOf(page, param));
      expect([page, matchRoute(base, address)]).toEqual([page, param === undefined ? { page } : { page, param }]);
      expect(routeOfMatch({ page, param })).toBe(pathOf(page, param));
    }
  });

  test('robots.txt is the host root’s only', () => {
    expect(matchRoute('/', '/robots.txt')).toEqual({ page: 'robots' });
    expect(matchRoute('/news', '/news/robots.txt')).toBeNull();
  });

  test('every rendered page has a loader, and the files none', () => {
    expect(Object.keys(LOADERS).sort()).toEqual(PAGES.filter((p) => !('file' in SITE_ROUTES[p])).sort());
  });

  test('the sitemap and the navigation list the pages the table marks, in its order', () => {
    expect(SITEMAP_PAGES).toEqual(['home', 'timeline', 'honours', 'statistics', 'corrections']);
    expect(NAV_PAGES).toEqual(['home', 'timeline', 'honours', 'statistics']);
    expect(SITEMAP_PAGES.map((p) => pathOf(p))).toEqual(['', 'timeline', 'honours', 'statistics', 'corrections']);
  });

  test('each page checks its query with the schema its entry names', () => {
    expect(parseSiteQuery('timeline', { unit: 'x', from: '2022-02-23' })).toEqual({ data: { unit: 'x', from: '2022-02-23' } });
    // A parameter a page does not read is ignored (pages are not the API).
    expect(parseSiteQuery('report', { unit: 'x' })).toEqual({ data: {} });
    expect(parseSiteQuery('sitemap', { lang: 'en' })).toEqual({ data: {} });
  });
});
