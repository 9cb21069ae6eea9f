/**
 * The Public role's answer for the plugin's public routes, decided once (issue 19): an
 * anonymous request (no Authorization header) to a route whose action the users-permissions
 * Public role holds is let through on the role's actions as services/public-cache.ts keeps
 * them (`publicMay`: read once, re-read after any change to a permission or role on this
 * instance and at most CHRONICLE_REVISION_CHECK_MS after one on another). Strapi's own
 * users-permissions strategy reads the role's permissions from the database and builds a CASL
 * ability on every request instead: the largest fixed cost of an uncached public read.
 *
 * It is the first strategy of each public route (routes/content-api); Strapi tries the next
 * ones when it declines: a request with a token goes to Strapi's API-token and
 * users-permissions strategies exactly as before, and so does an anonymous request the role
 * does not allow (Strapi answers its 401 or 403). The same decision serves the cache hits
 * answered before the router (middlewares/fast-hit.ts, middlewares/public-hit.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_NAME } from '../domain/content-types';
import { routeAction, type PublicCacheService } from '../services/public-cache';

export const PUBLIC_ROLE_STRATEGY = 'chronicle-public-role';

/** Strapi's content-api strategies, by name, tried after ours (admin's API tokens, then users-permissions). */
export const STOCK_CONTENT_API_STRATEGIES = ['content-api-token', 'users-permissions'] as const;

interface PublicAuth {
  ability: { action: string } | null;
}

const currentStrapi = (): Core.Strapi => (globalThis as unknown as { strapi: Core.Strapi }).strapi;

export const publicRoleStrategy = {
  name: PUBLIC_ROLE_STRATEGY,

  async authenticate(ctx: any) {
    if (ctx.request?.header?.authorization) return { authenticated: false };
    const action = routeAction(ctx.state?.route);
    if (!action) return { authenticated: false };
    // Not through get-service: the routes import this module, and get-service's service map imports the routes.
    const cache = currentStrapi().plugin(PLUGIN_NAME).service('public-cache') as PublicCacheService;
    const may = await cache.publicMay(action);
    if (!may) return { authenticated: false };
    return { authenticated: true, credentials: null, ability: { action } };
  },

  /** The route's scope is its own action: the one the role was found to hold. */
  verify(auth: PublicAuth, config: { scope?: string[] } = {}) {
    const scope = config.scope ?? [];
    const allowed = auth.ability?.action;
    if (!allowed || !scope.length || !scope.every((s) => s === allowed)) throw new errors.ForbiddenError();
  },
};

/** A public route's auth configuration: the Public role decided once, then Strapi's strategies. */
export const publicRouteAuth = () => ({ strategies: [publicRoleStrategy, ...STOCK_CONTENT_API_STRATEGIES] });
