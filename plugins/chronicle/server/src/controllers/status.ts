/** GET /api/chronicle/status — public: which Chronicle answers and in which locales. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { DEFAULT_LOCALE } from '../domain/enums';
import { STATUS_CACHE_CONTROL } from '../domain/http-cache';
import { getService } from '../get-service';
import { queryProblem } from './query';

const noParameters = z.object({}).strict();

const status = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const problem = queryProblem(noParameters, ctx.query);
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
