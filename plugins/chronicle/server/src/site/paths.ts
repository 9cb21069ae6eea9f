/**
 * How the public site's links are built under the configured base path with the reader's
 * language (`?lang=en`; zh-Hans needs no parameter), and the public origins. Which paths are
 * site pages, and each page's address, is the route table (./routes.ts). Pure module.
 */
import { DEFAULT_LOCALE, LOCALES, SLUG_PATTERN, type Locale } from '../domain/enums';

/** '/', '/news/' and '/news' all become '/' or '/news' (no trailing slash). */
export const normaliseBasePath = (base: string | undefined | null): string => {
  const trimmed = String(base ?? '/').trim().replace(/\/+$/, '');
  if (!trimmed) return '/';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};

const SLUG = new RegExp(SLUG_PATTERN);
export const isSlug = (value: string) => value.length <= 96 && SLUG.test(value);

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
