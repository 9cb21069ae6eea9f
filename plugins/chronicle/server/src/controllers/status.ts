/** GET /api/chronicle/status — public: which Chronicle answers and in which locales. */
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../domain/enums';
import { STATUS_CACHE_CONTROL } from '../domain/http-cache';
import { getService } from '../get-service';
import { queryProblem } from '../validation/issues';
import { statusQuery } from '../validation/status';

const status = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const problem = queryProblem(statusQuery, ctx.query);
    if (problem) return ctx.badRequest(problem);
    ctx.set('Cache-Control', STATUS_CACHE_CONTROL);
    ctx.body = {
      name: 'chronicle',
      locales: await getService(strapi, 'locales').codes(),
      defaultLocale: DEFAULT_LOCALE,
    };
  },
});

export default status;
