/**
 * The route census (tests/api/route-census.test.ts, docs/routes.md): every route a booted
 * Strapi has registered, as its router holds them, and for each what the code says about it:
 * who may call it (from the route's auth setting and policies, and the roles' permissions in
 * the database) and which of Chronicle's guards cover it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { root } from './strapi';

export const CENSUS_FILE = path.join(root, 'tests', 'api', 'route-census.json');
export const CENSUS_DOC = path.join(root, 'docs', 'routes.md');

export type Who = 'anonymous' | 'any admin' | 'permission' | 'super admin' | 'content api permission' | 'server';

export interface CensusEntry {
  /** Who may call it; 'permission' lists the actions, 'super admin' means no other role holds them. */
  who: Who;
  actions?: string[];
  /** Chronicle's guards on this route (see docs/routes.md). */
  guards: string[];
  /** Why a route is safe when the guards alone do not say so; written by hand, kept on rewrite. */
  note?: string;
}
export type Census = Record<string, CensusEntry>;

interface RouteDefinition {
  method: string;
  path: string;
  handler?: unknown;
  config?: { auth?: false | object; policies?: unknown[]; prefix?: string };
  info?: { pluginName?: string; apiName?: string };
}

/** `GET /admin/login`: routes answer HEAD with GET, and the router's ALL is one entry. */
export const key = (method: string, route: string) => `${method} ${route}`;

/** Every method/path pair the server's router answers, from the router itself. */
export const registeredRoutes = (strapi: Core.Strapi): string[] => {
  const keys = new Set<string>();
  for (const layer of strapi.server.listRoutes() as unknown as Array<{ methods: string[]; path: string }>) {
    const methods = layer.methods.filter((m) => m !== 'HEAD');
    if (methods.length === 0) continue;
    if (methods.length > 5) keys.add(key('ALL', layer.path));
    else for (const method of methods) keys.add(key(method, layer.path));
  }
  return [...keys].sort();
};

/** The declarations behind the admin's, every plugin's and every API's routes, by full path. */
export const declaredRoutes = (strapi: Core.Strapi): Map<string, { route: RouteDefinition; type: string }> => {
  const apiPrefix = strapi.config.get('api.rest.prefix', '/api') as string;
  const found = new Map<string, { route: RouteDefinition; type: string }>();
  const addRouter = (router: { type?: string; prefix?: string; routes?: RouteDefinition[] }, fallbackPrefix: string) => {
    const type = router.type ?? 'admin';
    for (const route of router.routes ?? []) {
      const hasPrefix = route.config && 'prefix' in route.config;
      const prefix = hasPrefix ? '' : router.prefix ?? fallbackPrefix;
      const joined = `${type === 'content-api' ? apiPrefix : ''}${prefix}${route.path}`;
      // A prefixed router registers its '/' route as the prefix itself.
      const full = joined.length > 1 ? joined.replace(/\/$/, '') : joined;
      found.set(key(route.method, full), { route, type });
    }
  };
  for (const router of Object.values(strapi.admin.routes as Record<string, any>)) addRouter(router, '/admin');
  for (const [name, plugin] of Object.entries(strapi.plugins as Record<string, any>)) {
    if (Array.isArray(plugin.routes)) addRouter({ type: 'admin', prefix: `/${name}`, routes: plugin.routes }, `/${name}`);
    else for (const router of Object.values((plugin.routes ?? {}) as Record<string, any>)) addRouter(router, `/${name}`);
  }
  for (const api of Object.values(strapi.apis as Record<string, any>)) {
    for (const router of Object.values((api.routes ?? {}) as Record<string, any>)) addRouter({ ...router, type: 'content-api' }, '');
  }
  return found;
};

const policyName = (policy: unknown) => (typeof policy === 'string' ? policy : (policy as { name?: string })?.name ?? '');
const PERMISSION_POLICIES = new Set(['admin::hasPermissions', 'plugin::content-manager.hasPermissions']);

/** The actions non-super-admin roles hold, from the database. */
export const heldActions = async (strapi: Core.Strapi): Promise<Set<string>> => {
  const permissions = await strapi.db.query('admin::permission').findMany({ populate: { role: { select: ['code'] } } });
  return new Set(permissions.filter((p: any) => p.role?.code !== 'strapi-super-admin').map((p: any) => p.action as string));
};

/** What the code says about one route. */
export const describeRoute = (
  method: string,
  full: string,
  declared: { route: RouteDefinition; type: string } | undefined,
  held: Set<string>,
  guards: { signIn: ReadonlySet<string>; apiPrefix: string }
): CensusEntry => {
  const entryGuards: string[] = [];
  if (!declared) return { who: 'server', guards: [] };
  const { route, type } = declared;
  const policies = (route.config?.policies ?? []).map(policyName);
  if (type === 'content-api') entryGuards.push('rate-limit:api');
  if (guards.signIn.has(key(method, full))) entryGuards.push('sign-in-throttle');
  if (type !== 'content-api') entryGuards.push('admin-query');
  for (const policy of policies) if (policy.startsWith('plugin::chronicle.')) entryGuards.push(policy.slice('plugin::chronicle.'.length));
  const pluginName = route.info?.pluginName;
  const writesDocuments =
    method !== 'GET' &&
    type !== 'content-api' &&
    ((pluginName === 'content-manager' && /\/(collection|single)-types\/:model|\/history-versions\//.test(full) && !/bulkFindForValidation/.test(full)) || pluginName === 'chronicle');
  if (writesDocuments) entryGuards.push('document-guard');

  if (route.config?.auth === false) return { who: 'anonymous', guards: entryGuards };
  if (type === 'content-api') return { who: 'content api permission', guards: entryGuards };
  const actions = (route.config?.policies ?? [])
    .filter((p) => PERMISSION_POLICIES.has(policyName(p)))
    .flatMap((p) => ((p as { config?: { actions?: string[] } }).config?.actions ?? []) as string[]);
  if (actions.length === 0) return { who: 'any admin', guards: entryGuards };
  const who: Who = actions.some((a) => held.has(a)) ? 'permission' : 'super admin';
  return { who, actions: [...new Set(actions)].sort(), guards: entryGuards };
};

export const readCensus = (): Census => (fs.existsSync(CENSUS_FILE) ? JSON.parse(fs.readFileSync(CENSUS_FILE, 'utf8')) : {});

export const GUARD_TEXT: Record<string, string> = {
  'rate-limit:api': 'per-address request limit of the Content API (`PUBLIC_RATE_LIMIT`)',
  'sign-in-throttle': 'failed attempts per address (`SIGN_IN_MAX_FAILURES`)',
  'admin-query': 'no filter or sort on admin users beyond id and names (`middlewares/admin-query-guard.ts`)',
  'upload-owner': 'files and folders acted on must be the actor\'s own unless their right is unconditional (`policies/index.ts`)',
  'may-read-documents': 'the documents read must be readable by the actor (`policies/index.ts`)',
  'document-guard': 'writes to Chronicle\'s types pass the Document Service guard (`middlewares/documents/`)',
};

/** docs/routes.md, rendered from the census. */
export const renderCensus = (census: Census): string => {
  const rows = Object.entries(census).sort(([a], [b]) => {
    const [, pa] = a.split(' ');
    const [, pb] = b.split(' ');
    return pa === pb ? a.localeCompare(b) : pa.localeCompare(pb);
  });
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Route census',
    '',
    'Every route the server registers, as `tests/api/route-census.test.ts` lists them at boot, with',
    'who may call it and which of Chronicle\'s guards cover it. Generated from',
    '`tests/api/route-census.json` (do not edit by hand: the test fails when this page and the',
    'JSON differ). When the test names a new route, read its plugin\'s controller, decide',
    'whether a reporter could use it against someone else\'s document or file, guard it if so',
    '(`plugins/chronicle/server/src/route-guards.ts`), then add it with `CENSUS_WRITE=1`.',
    '',
    'Who: **anonymous** (no sign-in), **content api permission** (Public role, reader accounts or',
    'API tokens; closed except the newsroom API), **any admin** (any signed-in admin; the',
    'controller decides), **permission** (an admin role must hold one of the actions), **super',
    'admin** (no role but the super admin holds the actions), **server** (Strapi\'s own: health,',
    'static files).',
    '',
    'Guards:',
    '',
    ...Object.entries(GUARD_TEXT).map(([name, text]) => `- \`${name}\`: ${text}`),
    '',
    '| route | who | actions | guards | note |',
    '|---|---|---|---|---|',
    ...rows.map(
      ([route, entry]) =>
        `| \`${cell(route)}\` | ${entry.who} | ${cell((entry.actions ?? []).join(', '))} | ${entry.guards.join(', ')} | ${cell(entry.note ?? '')} |`
    ),
    '',
  ];
  return lines.join('\n');
};
