/**
 * Benchmark-only actions (added with their routes by ./index.ts for bench/lib.js, never by the
 * production server): a constant body, the ceiling of a Strapi route; and Strapi's stock REST
 * `find` on timeline events, the baseline. Plugin content types get no REST routes of their
 * own, so `stock` runs exactly what a core collection-type controller's find runs —
 * validateQuery, sanitizeQuery, the core service's find, sanitizeOutput, transformResponse —
 * with the core controller and core service built by Strapi's own factories.
 */
import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { typeUid } from '../domain/content-types';

const UID = typeUid('timeline-event');

const bench = ({ strapi }: { strapi: Core.Strapi }) => {
  let core: { controller: any; service: any } | undefined;
  const stockParts = () => {
    core ??= {
      controller: (factories.createCoreController(UID as never) as any)({ strapi }),
      service: (factories.createCoreService(UID as never) as any)({ strapi }),
    };
    return core;
  };
  return {
    constant(ctx: any) {
      ctx.body = { ok: true };
    },
    async stock(ctx: any) {
      const { controller, service } = stockParts();
      await controller.validateQuery(ctx);
      const query = await controller.sanitizeQuery(ctx);
      const { results, pagination } = await service.find(query);
      const output = await controller.sanitizeOutput(results, ctx);
      // transformResponse is async in Strapi 5: without the await the route answered `{}` (koa
      // serialises a pending promise as an empty object), skipping the transform it measures.
      ctx.body = await controller.transformResponse(output, { pagination });
    },
  };
};

export default bench;
