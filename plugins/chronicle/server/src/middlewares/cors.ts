/**
 * Global middleware (config/middlewares.ts: 'plugin::chronicle.cors', before strapi::cors, which
 * Strapi requires and which is configured to allow no origin), two policies (docs/security.md):
 * - the public read API and feeds (GET/HEAD/OPTIONS under /api/chronicle/): readable by any
 *   site's page, `Access-Control-Allow-Origin: *`, never with credentials;
 * - everything else (the admin, the Content Manager, uploads): cross-origin requests only from
 *   the origins of PUBLIC_URL (site/paths trustedOrigins); any other Origin gets no CORS
 *   header at all, so a foreign page cannot read an admin answer (an access token minted
 *   from the refresh cookie, say). With no PUBLIC_URL, only same-origin requests work.
 */
import type { Core } from '@strapi/strapi';
import { isPublicCorsRequest, trustedOrigins } from '../site/paths';

const METHODS = 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS';
const HEADERS = 'Content-Type, Authorization, Origin, Accept';
const PUBLIC_HEADERS = 'Content-Type, Accept, If-None-Match';
const PUBLIC_EXPOSE = 'ETag, X-Chronicle-Cache, Retry-After';

const cors = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const trusted = () => new Set(trustedOrigins(process.env.PUBLIC_URL, strapi.config.get('server.url') as string));

  return async (ctx: any, next: () => Promise<void>) => {
    const origin: string = ctx.get('Origin');
    const preflight = ctx.method === 'OPTIONS' && Boolean(ctx.get('Access-Control-Request-Method'));

    if (isPublicCorsRequest(ctx.method, ctx.path, ctx.get('Access-Control-Request-Method'))) {
      ctx.set('Access-Control-Allow-Origin', '*');
      if (preflight) {
        ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
        ctx.set('Access-Control-Allow-Headers', PUBLIC_HEADERS);
        ctx.set('Access-Control-Max-Age', '86400');
        ctx.status = 204;
        return;
      }
      ctx.set('Access-Control-Expose-Headers', PUBLIC_EXPOSE);
      await next();
      ctx.remove('Access-Control-Allow-Credentials');
      return;
    }

    ctx.vary('Origin');
    if (!origin || !trusted().has(origin)) {
      // Not for us to allow: the browser keeps the answer from the foreign page.
      if (preflight) {
        ctx.status = 204;
        return;
      }
      return next();
    }
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Access-Control-Allow-Credentials', 'true');
    if (preflight) {
      ctx.set('Access-Control-Allow-Methods', METHODS);
      ctx.set('Access-Control-Allow-Headers', HEADERS);
      ctx.set('Access-Control-Max-Age', '600');
      ctx.status = 204;
      return;
    }
    return next();
  };
};

export default cors;
