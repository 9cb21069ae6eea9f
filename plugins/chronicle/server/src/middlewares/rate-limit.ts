/**
 * Global middleware (config/middlewares.ts: 'plugin::chronicle.rate-limit'), per client address:
 * - the public API (/api/chronicle/…): at most N requests a minute, then 429 with Retry-After;
 * - admin sign-in and password reset: at most N failed attempts per window, counted by address
 *   alone, so rotating the e-mail (which Strapi's own limiter keys on) does not reset it.
 * The address is the socket's unless TRUST_PROXY is set: X-Forwarded-For from an untrusted
 * client is ignored (Koa's `proxy` setting), so forged headers do not help either.
 */
import type { Core } from '@strapi/strapi';
import { createRateLimiter } from '../domain/rate-limiter';

const SIGN_IN_PATHS = new Set(['/admin/login', '/admin/forgot-password', '/admin/reset-password', '/admin/register-admin']);

export interface RateLimitConfig {
  publicApi: { max: number; windowSeconds: number };
  signIn: { maxFailures: number; windowSeconds: number };
}

const rateLimit = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::chronicle.rateLimit') as RateLimitConfig;
  // Limiters are rebuilt when their settings change (tests and operators may change them live).
  let built: { key: string; publicApi: ReturnType<typeof createRateLimiter>; signIn: ReturnType<typeof createRateLimiter> } | undefined;
  const limiters = () => {
    const s = settings();
    const key = JSON.stringify(s);
    if (!built || built.key !== key) {
      built = {
        key,
        publicApi: createRateLimiter({ max: s.publicApi.max, windowMs: s.publicApi.windowSeconds * 1000 }),
        signIn: createRateLimiter({ max: s.signIn.maxFailures, windowMs: s.signIn.windowSeconds * 1000 }),
      };
    }
    return built;
  };

  const tooMany = (ctx: any, retryAfter: number, message: string) => {
    ctx.status = 429;
    ctx.set('Retry-After', String(retryAfter));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message, details: { retryAfter } } };
  };

  return async (ctx: any, next: () => Promise<void>) => {
    const now = Date.now();
    const ip = ctx.ip as string;
    if (ctx.method === 'POST' && SIGN_IN_PATHS.has(ctx.path)) {
      const { signIn } = limiters();
      const state = signIn.check(ip, now);
      if (!state.allowed) {
        return tooMany(ctx, state.retryAfter, `too many failed sign-in attempts from this address; try again in ${state.retryAfter} s`);
      }
      try {
        await next();
      } catch (error) {
        // A refused sign-in is thrown, and answered by strapi::errors further out.
        signIn.hit(ip, now);
        throw error;
      }
      if (ctx.status >= 400 && ctx.status < 500) signIn.hit(ip, now);
      return undefined;
    }
    if (ctx.path.startsWith('/api/chronicle/')) {
      const state = limiters().publicApi.hit(ip, now);
      if (!state.allowed) {
        return tooMany(ctx, state.retryAfter, `too many requests from this address; try again in ${state.retryAfter} s`);
      }
      if (Number.isFinite(state.remaining)) ctx.set('RateLimit-Remaining', String(state.remaining));
    }
    return next();
  };
};

export default rateLimit;
