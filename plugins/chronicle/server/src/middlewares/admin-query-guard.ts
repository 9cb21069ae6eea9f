/**
 * Global middleware (config/middlewares.ts: 'plugin::chronicle.admin-query-guard', after
 * strapi::query): the Content Manager's and the Media Library's lists may filter and sort on
 * the admin users behind `createdBy` / `updatedBy` only by id and name. Anything else (e-mail,
 * roles, tokens) is a 400 naming the path, before Strapi runs the query. See ../domain/admin-query.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbiddenFilterPath, forbiddenSortPath, type ModelShape } from '../domain/admin-query';

const LIST_PATH = /^\/content-manager\/(?:collection|single)-types\/([^/?]+)/;

const modelOf = (path: string): string | undefined => {
  const match = LIST_PATH.exec(path);
  if (match) return decodeURIComponent(match[1]);
  if (path === '/upload/files' || path.startsWith('/upload/files/')) return 'plugin::upload.file';
  return undefined;
};

const adminQueryGuard = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const lookup = (uid: string) => strapi.getModel(uid as never) as unknown as ModelShape | undefined;
  return async (ctx: any, next: () => Promise<unknown>) => {
    const uid = ctx.method === 'GET' ? modelOf(ctx.path) : undefined;
    if (uid && lookup(uid)) {
      const query = ctx.query ?? {};
      const path = forbiddenFilterPath(query.filters, uid, lookup) ?? forbiddenSortPath(query.sort, uid, lookup);
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
