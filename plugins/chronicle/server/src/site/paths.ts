/**
 * The public site's addresses: which request paths are site pages (a whitelist, so Strapi's
 * own /admin, /api, /uploads, /_health … are never shadowed), and how links are built under
 * the configured base path with the reader's language (`?lang=en`; zh-Hans needs no
 * parameter). Pure module.
 */
import { DEFAULT_LOCALE, LOCALES, SLUG_PATTERN, type Locale } from '../domain/enums';

export type PageName =
  | 'home'
  | 'timeline'
  | 'report'
  | 'honours'
  | 'profile'
  | 'chronicle'
  | 'unit'
  | 'statistics'
  | 'card'
  | 'sitemap'
  | 'robots'
  | 'asset';

export interface RouteMatch {
  page: PageName;
  /** The raw path parameter: a slug for pages, a file path for assets. */
  param?: string;
}

/** '/', '/news/' and '/news' all become '/' or '/news' (no trailing slash). */
export const normaliseBasePath = (base: string | undefined | null): string => {
  const trimmed = String(base ?? '/').trim().replace(/\/+$/, '');
  if (!trimmed) return '/';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};

const SLUG = new RegExp(SLUG_PATTERN);
export const isSlug = (value: string) => value.length <= 96 && SLUG.test(value);

const DETAIL: Record<string, PageName> = {
  reports: 'report',
  honours: 'profile',
  chronicles: 'chronicle',
  units: 'unit',
};
const LIST: Record<string, PageName> = { '': 'home', timeline: 'timeline', honours: 'honours', statistics: 'statistics' };

/**
 * The site page a path names, or null when it is not the site's (Strapi answers it).
 * A detail page's parameter is returned as written: the caller answers 400 for a
 * malformed slug, so `/reports/Foo` is a proper error page rather than Strapi's 404.
 */
export const matchRoute = (basePath: string, pathname: string): RouteMatch | null => {
  const base = normaliseBasePath(basePath);
  let rest: string;
  if (base === '/') rest = pathname;
  else if (pathname === base) rest = '/';
  else if (pathname.startsWith(`${base}/`)) rest = pathname.slice(base.length);
  else return null;
  rest = rest.replace(/^\/+/, '');
  if (rest === 'robots.txt') return base === '/' ? { page: 'robots' } : null;
  if (rest === 'sitemap.xml') return { page: 'sitemap' };
  if (rest.startsWith('assets/')) return { page: 'asset', param: rest.slice('assets/'.length) };
  const trimmed = rest.replace(/\/$/, '');
  if (trimmed in LIST) return { page: LIST[trimmed] };
  const parts = trimmed.split('/');
  if (parts.length === 2 && parts[0] === 'cards' && parts[1].endsWith('.png')) {
    return { page: 'card', param: safeDecode(parts[1].slice(0, -'.png'.length)) };
  }
  if (parts.length === 2 && parts[0] in DETAIL && parts[1]) return { page: DETAIL[parts[0]], param: safeDecode(parts[1]) };
  return null;
};

const safeDecode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/** A path under the base path: sitePath('/news', 'reports/x') → '/news/reports/x'. */
export const joinPath = (basePath: string, route: string): string => {
  const base = normaliseBasePath(basePath);
  const tail = route.replace(/^\/+/, '');
  if (base === '/') return `/${tail}`;
  return tail ? `${base}/${tail}` : `${base}/`;
};

export type QueryValues = Record<string, string | undefined | null>;

/** A link to a site page in a language, with optional filters (empty ones are left out). */
export const pageHref = (basePath: string, route: string, locale: Locale, query: QueryValues = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (locale !== DEFAULT_LOCALE) params.set('lang', locale);
  const search = params.toString();
  return `${joinPath(basePath, route)}${search ? `?${search}` : ''}`;
};

/**
 * The site's public URLs, from PUBLIC_URL: one URL, or several separated by commas (the same
 * site under more than one name). Only http(s) URLs count; trailing slashes are dropped.
 */
export const publicUrls = (configured: string | undefined | null): string[] =>
  String(configured ?? '')
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter((u) => {
      try {
        return /^https?:$/.test(new URL(u).protocol);
      } catch {
        return false;
      }
    });

/**
 * The origin every absolute link is built on (canonical, og:url, feeds, sitemap, JSON-LD):
 * the first public URL, else Strapi's server.url, else http://localhost with the port. Never
 * the request's Host header: a forged Host would otherwise be written into pages, feeds and
 * caches (issue #14).
 */
export const publicOrigin = (configured: string | undefined | null, serverUrl?: string | null, port?: number | string | null): string => {
  const [first] = [...publicUrls(configured), ...publicUrls(serverUrl)];
  if (first) return first;
  const p = Number(port);
  return Number.isInteger(p) && p > 0 && p !== 80 ? `http://localhost:${p}` : 'http://localhost';
};

/** Origins (scheme://host:port) allowed to call the admin with credentials: those of the public URLs. */
export const trustedOrigins = (configured: string | undefined | null, serverUrl?: string | null): string[] => [
  ...new Set([...publicUrls(configured), ...publicUrls(serverUrl)].map((u) => new URL(u).origin)),
];

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * Requests of the public read API and feeds (GET, HEAD, and their preflight): any site may
 * read them, without credentials (middlewares/cors.ts).
 */
export const isPublicCorsRequest = (method: string, path: string, preflightMethod?: string | null): boolean => {
  if (!/^\/api\/chronicle\//.test(path)) return false;
  const m = (method === 'OPTIONS' ? preflightMethod || 'OPTIONS' : method).toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'OPTIONS';
};
