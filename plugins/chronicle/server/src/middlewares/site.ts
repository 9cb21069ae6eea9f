/**
 * The public site's HTTP glue, a koa middleware installed at bootstrap (after Strapi's global
 * middlewares — logger, errors, security, cors, query, session — and before its router). It
 * answers only GET and HEAD requests whose path is one of the site's pages or assets
 * (the route table, site/routes.ts, is a whitelist under the configured base path), so /admin, /api, /uploads,
 * /_health and the plugin's admin routes always reach Strapi untouched.
 *
 * Each answer carries the site's security headers (CSP, Referrer-Policy, nosniff,
 * frame-ancestors), an ETag with 304 for a matching If-None-Match, and the API's
 * Cache-Control; pages and assets go brotli- or gzip-compressed by Accept-Encoding, each
 * variant compressed once and kept beside the cached body (domain/encoding.ts). Errors are pages in the reader's language, never a stack trace.
 *
 * Pages and share cards rendered for an address count against its site rate limit
 * (services/rate-limits.ts, shared by all instances); answers from the cache cost nothing, but
 * an address over its limit waits for the window to pass, cached pages included.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../domain/enums';
import { pluginUid } from '../domain/content-types';
import { embedCsp, parseEmbedOrigins, siteCsp } from '../domain/embed';
import { ASSET_CACHE_CONTROL, NO_STORE, PUBLIC_CACHE_CONTROL } from '../domain/http-cache';
import { etagOf } from '../domain/response-cache';
import { sendCached } from '../services/public-cache';
import { FAST_MARK } from './fast-hit';
import { getService } from '../get-service';
import { publicOrigin } from '../site/paths';
import { isEmbedPage, matchRoute, parseSiteQuery, type PageName } from '../site/routes';

/**
 * Every page's Content-Security-Policy (domain/embed.ts): scripts only from here (TimelineJS,
 * its zh-cn language file and our /site.js; the JSON-LD blocks are data, not script), inline
 * styles for TimelineJS, and `frame-ancestors 'self'` with X-Frame-Options: SAMEORIGIN — except
 * the embed pages (/embed/*, site/routes.ts), which the EMBED_ORIGINS may frame too and which
 * therefore send no X-Frame-Options (it cannot name other origins, and would override the CSP
 * in browsers that read it). The policy depends on the page's route only, never on the request,
 * so it is set on every answer — cached, 304, error or 429 — and a cached body cannot carry
 * another page's policy.
 */
export const SITE_CSP = siteCsp();

/** The headers of an answer for `page` (undefined: not a known page, the site's policy). */
const setSecurityHeaders = (ctx: any, page?: PageName, embedPolicy = embedCsp([])) => {
  const embed = page !== undefined && isEmbedPage(page);
  ctx.set('Content-Security-Policy', embed ? embedPolicy : SITE_CSP);
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  ctx.set('X-Content-Type-Options', 'nosniff');
  // Strapi's security middleware (helmet) has already set SAMEORIGIN on every answer.
  if (embed) ctx.remove('X-Frame-Options');
  else ctx.set('X-Frame-Options', 'SAMEORIGIN');
};

/** TimelineJS files we serve from its npm package, and nothing else from it. */
const TIMELINEJS_FILE = /^timelinejs\/(js\/timeline\.js|js\/locale\/[a-z]{2}(?:-[a-z]{2,4})?\.json|css\/timeline\.css|css\/icons\/tl-icons\.(?:eot|svg|ttf|woff2?))$/;
const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.eot': 'application/vnd.ms-fontobject',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const timelinejsDist = () => path.join(path.dirname(require.resolve('@knight-lab/timelinejs/package.json')), 'dist');

export const siteMiddleware = (strapi: Core.Strapi) => {
  const assets = new Map<string, { body: Buffer; etag: string; type: string } | null>();
  // EMBED_ORIGINS was checked when the configuration was loaded (config.ts): a bad entry stops the boot.
  const embedOrigins = parseEmbedOrigins(strapi.config.get(pluginUid('embedOrigins'), '') as string | string[]);
  const embedPolicy = embedCsp(embedOrigins.ok ? embedOrigins.origins : []);

  const asset = (name: string) => {
    if (!assets.has(name)) {
      const match = TIMELINEJS_FILE.exec(name);
      let entry: { body: Buffer; etag: string; type: string } | null = null;
      if (match) {
        const file = path.join(timelinejsDist(), match[1]);
        if (fs.existsSync(file)) {
          const body = fs.readFileSync(file);
          entry = { body, etag: etagOf(body), type: ASSET_TYPES[path.extname(file)] ?? 'application/octet-stream' };
        }
      }
      assets.set(name, entry);
    }
    return assets.get(name);
  };

  const send = (ctx: any, status: number, body: Buffer, type: string, etag: string, cacheControl: string, page?: PageName) => {
    setSecurityHeaders(ctx, page, embedPolicy);
    if (status === 200) {
      // Compressed as the reader accepts, once per cached body (services/public-cache sendCached).
      sendCached(ctx, { body, etag, contentType: type }, cacheControl);
      return;
    }
    ctx.vary('Accept-Encoding');
    ctx.set('Cache-Control', NO_STORE);
    ctx.status = status;
    ctx.type = type;
    ctx.body = body;
  };

  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const service = getService(strapi, 'site');
    const match = matchRoute(service.basePath(), ctx.path);
    if (!match) return next();

    if (match.page === 'asset') {
      const file = asset(match.param ?? '');
      if (!file) return next();
      return send(ctx, 200, file.body, file.type, file.etag, ASSET_CACHE_CONTROL);
    }

    const limits = getService(strapi, 'rate-limits');
    const ip = ctx.ip as string;
    const allowance = await limits.check('site', ip);
    if (!allowance.allowed) {
      // Plain text in both languages: a reader's browser shows it as it is.
      setSecurityHeaders(ctx, match.page, embedPolicy);
      ctx.status = 429;
      ctx.set('Retry-After', String(allowance.retryAfter));
      ctx.set('Cache-Control', NO_STORE);
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `此地址请求过于频繁，请 ${allowance.retryAfter} 秒后再试。\nToo many requests from this address; try again in ${allowance.retryAfter} s.\n`;
      return undefined;
    }

    const origin = publicOrigin(process.env.PUBLIC_URL, strapi.config.get('server.url') as string, strapi.config.get('server.port') as number);
    const rawLang = typeof ctx.query?.lang === 'string' ? ctx.query.lang : undefined;
    // An error page is still in the reader's language when only another parameter was wrong.
    const locale: Locale = LOCALES.includes(rawLang as Locale) ? (rawLang as Locale) : DEFAULT_LOCALE;
    try {
      const parsed = parseSiteQuery(match.page, { ...(ctx.query ?? {}) });
      if ('problem' in parsed) {
        const page = service.errorPage(400, origin, locale, service.routeOf(match), { message: parsed.problem }, match.page);
        return send(ctx, 400, page.body, page.contentType, page.etag, '', match.page);
      }
      const result = await service.render(match, parsed.data, origin);
      if (result.cache !== 'hit') await limits.hit('site', ip);
      if (result.cached && result.status === 200) {
        // The next identical request is answered before koa (middlewares/fast-hit.ts).
        const alias = getService(strapi, 'public-cache').remember(ctx.path, ctx.querystring, result.cached.key, undefined, result.cached.revision, 'site');
        if (alias) ctx.state[FAST_MARK] = alias;
      }
      ctx.set('X-Chronicle-Cache', result.cache);
      return send(ctx, result.status, result.body, result.contentType, result.etag, PUBLIC_CACHE_CONTROL, match.page);
    } catch (error) {
      strapi.log.error(`site: ${ctx.path}: ${(error as Error)?.stack ?? error}`);
      const page = service.errorPage(500, origin, locale, service.routeOf(match), {}, match.page);
      return send(ctx, 500, page.body, page.contentType, page.etag, '', match.page);
    }
  };
};
