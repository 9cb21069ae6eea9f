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

const layerKey = (layer: Pick<Layer, 'methods' | 'path'>) => `${layer.methods.join(',')} ${layer.path}`;
const apiLayers = new WeakMap<object, Set<string>>();

/**
 * The routes of Strapi's two APIs (admin and Content API), where every plugin's routes live.
 * The main router also holds pass-through GET routes of its own (the static files of
 * `public/`, `/uploads/…`) that match almost any path and call the next layer: they are not
 * the route that answers.
 */
const apiRoutes = (strapi: Core.Strapi) => {
  let keys = apiLayers.get(strapi);
  if (!keys) {
    const list = (name: string) => (strapi.server.api(name as never) as unknown as { listRoutes(): Layer[] }).listRoutes();
    keys = new Set([...list('admin'), ...list('content-api')].map(layerKey));
    apiLayers.set(strapi, keys);
  }
  return keys;
};

/**
 * What `routeOf` answered for a method and raw path, kept (routes do not change once Strapi
 * listens): matching a path against every route's pattern is a noticeable part of each request
 * (the router does it again itself). Bounded: a flood of distinct paths empties it.
 */
const MAX_REMEMBERED = 4096;
const remembered = new WeakMap<object, Map<string, MatchedRoute | null>>();

/** The route the router will dispatch this request to, or null (a 404, or a non-route path). */
export const routeOf = (strapi: Core.Strapi, ctx: any): MatchedRoute | null => {
  if (ctx.state && STATE_KEY in ctx.state) return ctx.state[STATE_KEY];
  let known = remembered.get(strapi);
  if (!known) {
    known = new Map();
    remembered.set(strapi, known);
  }
  const key = `${ctx.method} ${ctx.path}`;
  let route = known.get(key);
  if (route === undefined) {
    route = matchRouteOf(strapi, ctx);
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(key, route);
  }
  if (ctx.state) ctx.state[STATE_KEY] = route;
  return route;
};

const matchRouteOf = (strapi: Core.Strapi, ctx: any): MatchedRoute | null => {
  const router = strapi.server.router as unknown as { match(path: string, method: string): { pathAndMethod: Layer[] } };
  // The router reads ctx.path (undecoded, query and fragment already split off), and so do we.
  const { pathAndMethod } = router.match(ctx.path, ctx.method);
  // The router runs every matching layer in order; the first API route among them answers
  // (Strapi's endpoint handlers do not call next). Layers without methods are middlewares.
  const routes = apiRoutes(strapi);
  const layer = pathAndMethod.find((l) => l.methods.length > 0 && routes.has(layerKey(l)));
  return layer ? { method: ctx.method as string, path: layer.path, params: layer.params(ctx.path, layer.captures(ctx.path), {}) } : null;
};

/** 'POST /admin/login': the key guards are listed under (HEAD is answered by GET routes). */
export const routeKey = (route: Pick<MatchedRoute, 'method' | 'path'>) => `${route.method === 'HEAD' ? 'GET' : route.method} ${route.path}`;
