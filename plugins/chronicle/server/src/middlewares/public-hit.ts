/**
 * Public API cache hits, answered as early as the site answers its pages (issue 19): a koa
 * middleware installed at bootstrap beside the site's, after Strapi's global middlewares (so
 * the rate limit, security headers and CORS have run) and before Strapi's router, its
 * authentication, policies and the controller.
 *
 * It answers only an anonymous GET or HEAD (no Authorization header) whose raw path and query
 * string a controller has already validated and answered into the response cache under the
 * current content revision (services/public-cache.ts `remember`), and only while the
 * users-permissions Public role still holds the route's action (`publicMay`). Everything
 * else — a first request, a query string never seen (an invalid one, say: its 400 comes from
 * the controller), a withdrawn permission (its 403 comes from Strapi) — goes on to the router.
 * The answer is what the controller would send: the same body, ETag (per encoding), 304,
 * Cache-Control and Vary, compressed as the client accepts (domain/encoding.ts).
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_CACHE_CONTROL } from '../domain/http-cache';
import { getService } from '../get-service';
import { sendCached } from '../services/public-cache';
import { FAST_MARK } from './fast-hit';

export const publicHitMiddleware = (strapi: Core.Strapi) => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api') as string}/`;
  const benchBypass = process.env.CHRONICLE_BENCH === '1';
  return async (ctx: any, next: () => Promise<void>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.toLowerCase().startsWith(prefix)) return next();
    if (ctx.get('Authorization')) return next();
    if (benchBypass && ctx.get('X-Chronicle-Bench-No-Cache') === '1') return next();
    const cache = getService(strapi, 'public-cache');
    const found = await cache.lookupRaw(ctx.path, ctx.querystring);
    if (!found || !(await cache.publicMay(found.action))) return next();
    ctx.state[FAST_MARK] = found.alias;
    ctx.set('X-Chronicle-Cache', 'hit');
    sendCached(ctx, found.entry, PUBLIC_CACHE_CONTROL);
    return undefined;
  };
};
