/**
 * GET /api/chronicle/timeline/live: the live timeline as Server-Sent Events (docs/api.md,
 * services/live.ts). The query is the timeline's filters (validation/public-query
 * liveTimelineQuery) and is checked in full, with the same 400s as GET /timeline, before the
 * stream opens. Never cached and never compressed: the answer is a stream, not a cache entry,
 * so middlewares/public-hit.ts never has an alias for it.
 */
import type { Core } from '@strapi/strapi';
import { parseLastEventId } from '../domain/live';
import { NO_STORE } from '../domain/http-cache';
import { ChronicleError } from '../errors';
import { getService } from '../get-service';
import { liveTimelineQuery } from '../validation/public-query';
import { parseQuery } from '../validation/issues';
import { ownParameters, withoutShareParameters } from '../validation/share-params';

const liveController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async timeline(ctx: any) {
    const parsed = parseQuery(liveTimelineQuery, withoutShareParameters(ctx.query, ownParameters(liveTimelineQuery)));
    if (parsed.problem !== undefined) throw new ChronicleError(400, parsed.problem);
    const { lastEventId: queryId, ...filters } = parsed.data;
    // The header (sent by EventSource when it reconnects) wins over the query parameter.
    const header = ctx.get('Last-Event-ID');
    const resume = parseLastEventId(header !== '' ? header : queryId);
    if (resume.problem) throw new ChronicleError(400, header !== '' ? resume.problem.replace('lastEventId', 'Last-Event-ID') : resume.problem);
    // An unknown profile or unit is the timeline's 400, here as there.
    await getService(strapi, 'public-read').timeline({ ...filters, limit: 1 });
    if (ctx.method === 'HEAD') {
      ctx.status = 200;
      ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
      ctx.set('Cache-Control', NO_STORE);
      ctx.body = null;
      return;
    }
    await getService(strapi, 'live').open(ctx, filters, resume.id);
  },
});

export default liveController;
