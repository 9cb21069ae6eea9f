/**
 * Which of Strapi's routes a request will run, asked of Strapi's own router. Global
 * middlewares run before the router, and a guard that compared `ctx.path` with a string
 * would see `/Admin/login`, `/ADMIN/LOGIN` and `/admin/login/` as three other paths, while
 * @koa/router (path-to-regexp, `sensitive: false`, `strict: false`) runs `/admin/login` for
 * all of them (issue 13, item 5). So path-keyed guards key on the route's pattern as
 * registered ('/content-manager/collection-types/:model') and read its decoded params,
 * exactly as the router will; nothing is normalised by hand.
 */
import type { Core } from '@strapi/strapi';

export interface MatchedRoute {
  method: string;
  /** The route's pattern with its prefix, as registered: '/admin/login', '/api/chronicle/units'. */
  path: string;
  params: Record<string, string>;
}

interface Layer {
  path: string;
  methods: string[];
  captures(path: string): string[];
  params(path: string, captures: string[], params?: Record<string, string>): Record<string, string>;
}

const STATE_KEY = 'chronicleRoute';

/** The route the router will dispatch this request to, or null (a 404, or a non-route path). */
export const routeOf = (strapi: Core.Strapi, ctx: any): MatchedRoute | null => {
  if (ctx.state && STATE_KEY in ctx.state) return ctx.state[STATE_KEY];
  const router = strapi.server.router as unknown as { match(path: string, method: string): { pathAndMethod: Layer[] } };
  // The router reads ctx.path (undecoded, query and fragment already split off), and so do we.
  const { pathAndMethod } = router.match(ctx.path, ctx.method);
  // The first layer with methods is the one whose handler answers (Strapi's handlers do not
  // call next); layers without methods are router-level middlewares.
  const layer = pathAndMethod.find((l) => l.methods.length > 0);
  const route = layer
    ? { method: ctx.method as string, path: layer.path, params: layer.params(ctx.path, layer.captures(ctx.path), {}) }
    : null;
  if (ctx.state) ctx.state[STATE_KEY] = route;
  return route;
};

/** 'POST /admin/login': the key guards are listed under (HEAD is answered by GET routes). */
export const routeKey = (route: Pick<MatchedRoute, 'method' | 'path'>) => `${route.method === 'HEAD' ? 'GET' : route.method} ${route.path}`;
