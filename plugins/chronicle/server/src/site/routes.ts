/**
 * The public site's route table: each page's address under the base path, the query
 * parameters it accepts, and whether the sitemap lists it as it is. Everything that knows
 * the site's addresses reads them here: the router (`matchRoute`, middlewares/site.ts), the
 * query check (`parseSiteQuery`), links and canonical URLs (`pathOf`, SiteContext's
 * `link`), and the sitemap. What each page reads and which component renders it is
 * ./loaders.tsx, keyed by the same names (the compiler asks for a loader for every page).
 * Adding a page: an entry here, its loader, its component in ./pages, its strings
 * (docs/architecture.md, "Adding a site page"). Pure module.
 *
 * A path is literal segments, with `:slug` for the page's parameter (a suffix may follow it:
 * `cards/:slug.png`) or a final `*` for the rest of the path (assets). A file name
 * (`sitemap.xml`) matches only as written; a page also with a trailing slash.
 */
import type { z } from 'zod';
import {
  correctionsPageQuery,
  honoursPageQuery,
  langOnlyQuery,
  noPageQuery,
  parsePageQuery,
  searchPageQuery,
  timelinePageQuery,
  type SiteQuery,
} from '../validation/site-query';
import { normaliseBasePath } from './paths';

export interface SiteRoute {
  path: string;
  query: z.ZodType;
  /** Listed in sitemap.xml as it is (the detail pages are listed from the published records). */
  inSitemap?: boolean;
  /** In the site's main navigation, labelled with the page's own string (strings.ts, same key). */
  nav?: boolean;
  /** Answered only when the site sits at the host root (robots.txt belongs to the host). */
  rootOnly?: boolean;
  /** Served as a file, not rendered (assets): no loader, no rate limit, no query check. */
  file?: boolean;
  /** An embeddable page (issue 19): framed by other sites in EMBED_ORIGINS (middlewares/site.ts), its own small layout. */
  embed?: boolean;
}

export const SITE_ROUTES = {
  home: { path: '', query: langOnlyQuery, inSitemap: true, nav: true },
  timeline: { path: 'timeline', query: timelinePageQuery, inSitemap: true, nav: true },
  honours: { path: 'honours', query: honoursPageQuery, inSitemap: true, nav: true },
  statistics: { path: 'statistics', query: langOnlyQuery, inSitemap: true, nav: true },
  corrections: { path: 'corrections', query: correctionsPageQuery, inSitemap: true },
  report: { path: 'reports/:slug', query: langOnlyQuery },
  profile: { path: 'honours/:slug', query: langOnlyQuery },
  chronicle: { path: 'chronicles/:slug', query: langOnlyQuery },
  unit: { path: 'units/:slug', query: langOnlyQuery },
  card: { path: 'cards/:slug.png', query: langOnlyQuery },
  search: { path: 'search', query: searchPageQuery },
  sitemap: { path: 'sitemap.xml', query: noPageQuery },
  robots: { path: 'robots.txt', query: noPageQuery, rootOnly: true },
  asset: { path: 'assets/*', query: noPageQuery, file: true },
  // Embeds (site/embed/, docs/site.md#embeds): the timeline with its page's filters, one commendation, one report.
  embedTimeline: { path: 'embed/timeline', query: timelinePageQuery, embed: true },
  embedProfile: { path: 'embed/honours/:slug', query: langOnlyQuery, embed: true },
  embedReport: { path: 'embed/reports/:slug', query: langOnlyQuery, embed: true },
} satisfies Record<string, SiteRoute>;

export type PageName = keyof typeof SITE_ROUTES;
/** The pages that are rendered (everything but the files served as they are). */
export type RenderedPage = Exclude<PageName, 'asset'>;

const ENTRIES = Object.entries(SITE_ROUTES) as Array<[PageName, SiteRoute]>;

/** The pages the sitemap lists as they are, in the table's order. */
export const SITEMAP_PAGES = ENTRIES.filter(([, route]) => route.inSitemap).map(([page]) => page);

/** The pages of the main navigation, in the table's order. */
export type NavPage = { [P in PageName]: (typeof SITE_ROUTES)[P] extends { nav: true } ? P : never }[PageName];
export const NAV_PAGES = ENTRIES.filter(([, route]) => route.nav).map(([page]) => page as NavPage);

/** The embeddable pages (their own frame policy, layout and error pages). */
export type EmbedPage = { [P in PageName]: (typeof SITE_ROUTES)[P] extends { embed: true } ? P : never }[PageName];
export const EMBED_PAGES = ENTRIES.filter(([, route]) => route.embed).map(([page]) => page as EmbedPage);
export const isEmbedPage = (page: PageName): page is EmbedPage => (EMBED_PAGES as PageName[]).includes(page);

export interface RouteMatch {
  page: PageName;
  /** The raw path parameter: a slug for pages, a file path for assets. */
  param?: string;
}

const safeDecode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

const isFileName = (path: string) => !path.includes(':') && !path.endsWith('*') && /\.[a-z]+$/.test(path);

/** The parameter of `rest` under one route, undefined when the route does not match. */
const matchOne = (path: string, rest: string): { param?: string } | undefined => {
  if (path.endsWith('*')) {
    const prefix = path.slice(0, -1);
    return rest.startsWith(prefix) ? { param: rest.slice(prefix.length) } : undefined;
  }
  if (isFileName(path)) return rest === path ? {} : undefined;
  const wanted = path.split('/');
  const given = rest.replace(/\/$/, '').split('/');
  if (wanted.length !== given.length) return undefined;
  let param: string | undefined;
  for (let i = 0; i < wanted.length; i += 1) {
    const at = wanted[i].indexOf(':slug');
    if (at < 0) {
      if (wanted[i] !== given[i]) return undefined;
      continue;
    }
    const prefix = wanted[i].slice(0, at);
    const suffix = wanted[i].slice(at + ':slug'.length);
    const segment = given[i];
    if (!segment.startsWith(prefix) || !segment.endsWith(suffix) || segment.length < prefix.length + suffix.length) return undefined;
    const raw = segment.slice(prefix.length, segment.length - suffix.length);
    // A plain `:slug` needs a value; one with a suffix is matched even empty, for a 400 page.
    if (!raw && !suffix) return undefined;
    param = safeDecode(raw);
  }
  return param === undefined ? {} : { param };
};

/**
 * The site page a path names, or null when it is not the site's (Strapi answers it): a
 * whitelist, so Strapi's own /admin, /api, /uploads, /_health … are never shadowed. A
 * detail page's parameter is returned as written: the caller answers 400 for a malformed
 * slug, so `/reports/Foo` is a proper error page rather than Strapi's 404.
 */
export const matchRoute = (basePath: string, pathname: string): RouteMatch | null => {
  const base = normaliseBasePath(basePath);
  let rest: string;
  if (base === '/') rest = pathname;
  else if (pathname === base) rest = '/';
  else if (pathname.startsWith(`${base}/`)) rest = pathname.slice(base.length);
  else return null;
  rest = rest.replace(/^\/+/, '');
  for (const [page, route] of ENTRIES) {
    if (route.rootOnly && base !== '/') continue;
    const found = matchOne(route.path, rest);
    if (found) return found.param === undefined ? { page } : { page, param: found.param };
  }
  return null;
};

/** A page's address under the base path ('' for home, 'reports/x', 'cards/x.png'), for links and canonical URLs. */
export const pathOf = (page: PageName, param = ''): string => SITE_ROUTES[page].path.replace(':slug', () => param).replace(/\*$/, () => param);

/** The address of a matched page. */
export const routeOfMatch = (match: RouteMatch): string => pathOf(match.page, match.param);

/** A page's query, checked against the schema its entry names. */
export const parseSiteQuery = (page: PageName, raw: Record<string, unknown>): { data: SiteQuery } | { problem: string } =>
  parsePageQuery(SITE_ROUTES[page].query, raw);

export type { SiteQuery };
