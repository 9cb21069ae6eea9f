/**
 * Global middleware (config/middlewares.ts: 'plugin::chronicle.admin-query-guard', after
 * strapi::query): on every admin route (Content Manager lists and relations, Media Library,
 * i18n, releases, anything a plugin adds), `filters` and `sort` may reach the admin users
 * behind `createdBy` / `updatedBy` / `adminUser` only through their id and names. Anything
 * else (e-mail, roles, tokens) is a 400 naming the path, before Strapi runs the query. See
 * ../domain/admin-query.
 *
 * The route is the one Strapi's router will run (./route-of), so `/CONTENT-MANAGER/…` or a
 * trailing slash is the same route. The query's root model is the route's `:model` (for the
 * relation pickers, the relation's target), the Media Library's file or folder, and otherwise
 * unknown: then every relation to an account anywhere in the schema is held to the rule.
 * The public Content API (/api/…) is not an admin route: its own sanitizers and the closed
 * Public role apply there (tests/api/security.test.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  accountRelationNames,
  forbiddenFilterPath,
  forbiddenSortPath,
  UNKNOWN_MODEL,
  withUnknownModel,
  type ModelLookup,
  type ModelShape,
} from '../domain/admin-query';
import { routeOf, type MatchedRoute } from './route-of';

const FIXED_MODELS: Array<[RegExp, string]> = [
  [/^\/upload\/files(?:\/|$)/, 'plugin::upload.file'],
  [/^\/upload\/folders(?:\/|$)/, 'plugin::upload.folder'],
];

/** The model a route's filters and sorts apply to, or UNKNOWN_MODEL. */
export const queryModelOf = (route: MatchedRoute, lookup: ModelLookup): string => {
  const { model, targetField, contentType } = route.params;
  const root = model ?? contentType;
  if (root && lookup(root)) {
    // The relation pickers (/content-manager/relations/:model/…/:targetField) query the target.
    if (targetField) return lookup(root)?.attributes[targetField]?.target ?? UNKNOWN_MODEL;
    return root;
  }
  return FIXED_MODELS.find(([pattern]) => pattern.test(route.path))?.[1] ?? UNKNOWN_MODEL;
};

/** Admin routes are every route outside the Content API's prefix. */
export const isAdminRoute = (route: Pick<MatchedRoute, 'path'>, apiPrefix: string) =>
  route.path !== apiPrefix && !route.path.startsWith(`${apiPrefix}/`);

const adminQueryGuard = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const getModel = (uid: string) => strapi.getModel(uid as never) as unknown as ModelShape | undefined;
  let lookup: ModelLookup | undefined;
  const schemaLookup = () => {
    // Built on first use: by then every content type and component is registered.
    if (!lookup) {
      const models = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as unknown as ModelShape[];
      lookup = withUnknownModel(getModel, accountRelationNames(models));
    }
    return lookup;
  };
  const apiPrefix = () => strapi.config.get('api.rest.prefix', '/api') as string;

  return async (ctx: any, next: () => Promise<unknown>) => {
    const query = ctx.query ?? {};
    if (query.filters === undefined && query.sort === undefined) return next();
    const route = routeOf(strapi, ctx);
    if (route && isAdminRoute(route, apiPrefix())) {
      const models = schemaLookup();
      const uid = queryModelOf(route, models);
      const path = forbiddenFilterPath(query.filters, uid, models) ?? forbiddenSortPath(query.sort, uid, models);
      if (path) {
        throw new errors.ValidationError(
          `cannot filter or sort by ${path}: only the id and names of the people behind a document may be queried / ` +
            `不能按 ${path} 筛选或排序：只能按文档相关人员的编号和姓名查询`
        );
      }
    }
    return next();
  };
};

export default adminQueryGuard;
