/**
 * Global middleware (config/middlewares.ts: 'plugin::chronicle.rate-limit'), per client address:
 * - the Content API (every route under /api, the public newsroom API first): at most N requests
 *   a window, then 429 with Retry-After;
 * - admin sign-in, registration and password reset: at most N failed attempts per window,
 *   counted by address alone, so rotating the e-mail (which Strapi's own limiter keys on) does
 *   not reset it.
 * Routes are recognised as Strapi's router recognises them (./route-of): `/ADMIN/LOGIN/` is
 * the sign-in route and `/API/chronicle/units` the public API. Counters are shared by all
 * instances (services/rate-limits.ts). The address is the socket's unless TRUST_PROXY is set:
 * X-Forwarded-For from an untrusted client is ignored (Koa's `proxy` setting).
 */
import type { Core } from '@strapi/strapi';
import { SIGN_IN_ROUTES, type RateDecision } from '../domain/rate-limiter';
import { ChronicleError, sendError } from '../errors';
import { getService } from '../get-service';
import { countedDecision } from './fast-hit';
import { routeKey, routeOf } from './route-of';

/** 429 in the plugin's error envelope (errors.ts), with Retry-After in seconds. */
export const tooMany = (ctx: any, decision: RateDecision, message: string) => {
  ctx.set('Retry-After', String(decision.retryAfter));
  sendError(ctx, new ChronicleError(429, message, { retryAfter: decision.retryAfter }));
};

const rateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const apiPrefix = () => strapi.config.get('api.rest.prefix', '/api') as string;

  return async (ctx: any, next: () => Promise<void>) => {
    const route = routeOf(strapi, ctx);
    if (!route) return next();
    const limits = getService(strapi, 'rate-limits');
    const ip = ctx.ip as string;

    if (SIGN_IN_ROUTES.has(routeKey(route))) {
      const state = await limits.check('signIn', ip);
      if (!state.allowed) {
        return tooMany(ctx, state, `too many failed sign-in attempts from this address; try again in ${state.retryAfter} s`);
      }
      try {
        await next();
      } catch (error) {
        // A refused sign-in is thrown, and answered by strapi::errors further out.
        await limits.hit('signIn', ip);
        throw error;
      }
      if (ctx.status >= 400 && ctx.status < 500) await limits.hit('signIn', ip);
      return undefined;
    }

    if (route.path === apiPrefix() || route.path.startsWith(`${apiPrefix()}/`)) {
      // A fast-path hit over the limit comes here already counted (middlewares/fast-hit.ts).
      const state = countedDecision(ctx.req) ?? (await limits.hit('publicApi', ip));
      if (!state.allowed) {
        return tooMany(ctx, state, `too many requests from this address; try again in ${state.retryAfter} s`);
      }
      if (Number.isFinite(state.remaining)) ctx.set('RateLimit-Remaining', String(state.remaining));
    }
    return next();
  };
};

export default rateLimit;
