/**
 * Guards attached to other plugins' routes, in register(), before Strapi builds its router:
 * the policy then runs on the route Strapi actually matched, whatever the path's case or
 * trailing slash. Each entry names the route as its plugin declares it; a route that is no
 * longer there (a Strapi upgrade renamed it) stops the boot, so a guard cannot silently fall
 * off. tests/api/route-census.test.ts checks the whole route table against these.
 */
import type { Core } from '@strapi/strapi';
import { pluginUid } from './domain/content-types';
import type { ReadConfig } from './policies';

export interface RouteGuard {
  plugin: string;
  method: string;
  /** The path as the plugin declares it, without its prefix. */
  path: string;
  policy: { name: string; config: Record<string, unknown> };
}

const owner = (method: string, path: string, mode: string): RouteGuard => ({
  plugin: 'upload',
  method,
  path,
  policy: { name: pluginUid('upload-owner'), config: { mode } },
});

const reader = (plugin: string, method: string, path: string, config: ReadConfig): RouteGuard => ({
  plugin,
  method,
  path,
  policy: { name: pluginUid('may-read-documents'), config: { ...config } },
});

export const ROUTE_GUARDS: RouteGuard[] = [
  // Media Library: every write on existing files and folders (issue 13, item 4).
  owner('POST', '/', 'file-query'),
  owner('PUT', '/files/:id', 'file-param'),
  owner('POST', '/files/:id/replace', 'file-param'),
  owner('DELETE', '/files/:id', 'file-param'),
  owner('PUT', '/folders/:id', 'folder-param'),
  owner('POST', '/actions/bulk-delete', 'bulk'),
  owner('POST', '/actions/bulk-move', 'bulk'),
  owner('POST', '/actions/bulk-update', 'bulk-update'),
  owner('POST', '/actions/generate-ai-metadata', 'bulk'),
  owner('POST', '/ai-metadata-jobs', 'every-file'),
  // Side routes that read documents the Content Manager checks only by type (issue 13 item 6, issue 14).
  reader('content-manager', 'GET', '/collection-types/:model/actions/countManyEntriesDraftRelations', { model: 'params.model', ids: 'query.documentIds', locale: 'query.locale' }),
  reader('content-manager', 'POST', '/collection-types/:model/actions/bulkFindForValidation', { model: 'params.model', ids: 'body.documentIds', locale: 'body.locale' }),
  reader('i18n', 'POST', '/content-manager/actions/get-non-localized-fields', { model: 'body.model', ids: 'body.id', entityIds: true }),
  reader('i18n', 'GET', '/content-manager/get-fill-from-locale/:model', { model: 'params.model', ids: 'query.documentId', locale: 'query.sourceLocale' }),
  reader('i18n', 'GET', '/ai-localization-jobs/collection-types/:contentType/:documentId', { model: 'params.contentType', ids: 'params.documentId' }),
];

interface RouteConfig {
  method: string;
  path: string;
  config?: { policies?: unknown[] };
}

/** A plugin's routes, whether it declares one list or named routers (objects or factories). */
const routesOf = (strapi: Core.Strapi, plugin: string): RouteConfig[] => {
  const declared = (strapi.plugin(plugin) as unknown as { routes: unknown }).routes;
  if (Array.isArray(declared)) return declared as RouteConfig[];
  return Object.values((declared ?? {}) as Record<string, unknown>).flatMap((router) =>
    typeof router === 'function' ? [] : (((router as { routes?: RouteConfig[] }).routes ?? []) as RouteConfig[])
  );
};

export const attachRouteGuards = (strapi: Core.Strapi) => {
  for (const guard of ROUTE_GUARDS) {
    const route = routesOf(strapi, guard.plugin).find((r) => r.method === guard.method && r.path === guard.path);
    if (!route) {
      throw new Error(`chronicle: no route ${guard.method} ${guard.path} in plugin ${guard.plugin} to guard with ${guard.policy.name} (src/route-guards.ts)`);
    }
    route.config ??= {};
    route.config.policies ??= [];
    if (!route.config.policies.some((p) => (p as { name?: string })?.name === guard.policy.name)) {
      route.config.policies.push(guard.policy);
    }
  }
};
