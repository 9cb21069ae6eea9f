/**
 * Admin routes of the notices and the calendar (docs/routes.md): GET /chronicle/notifications
 * (the caller's own, newest first, cursor-paged), POST /chronicle/notifications/read (some
 * or all of the caller's), GET /chronicle/calendar?from&to (Beijing days). Validated with
 * the zod contracts of contracts/admin.ts; the caller is the signed-in admin user.
 */
import type { Core } from '@strapi/strapi';
import { calendarQuery, markReadRequest, notificationsQuery, type CalendarAnswer, type MarkReadAnswer, type NotificationsAnswer } from '../contracts/admin';
import { calendarRange } from '../domain/calendar';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import { ChronicleError } from '../errors';
import { getService } from '../get-service';
import { adminUserOf } from '../request-context';
import { describeIssues, parseQuery } from '../validation/issues';

const DEFAULT_LIMIT = 20;

const notificationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const me = (ctx: any): number => {
    const admin = adminUserOf(ctx);
    if (!admin) throw new ChronicleError(403, 'an admin user is required');
    return admin.user.id;
  };

  return {
    async list(ctx: any) {
      const userId = me(ctx);
      const parsed = parseQuery(notificationsQuery, ctx.query);
      if (parsed.problem !== undefined) throw new ChronicleError(400, parsed.problem);
      const { cursor, limit, unread } = parsed.data;
      const answer = await getService(strapi, 'notifications').list(userId, { cursor, limit: limit ?? DEFAULT_LIMIT, unread: unread === 'true' });
      if ('error' in answer) throw new ChronicleError(400, answer.error);
      ctx.body = answer satisfies NotificationsAnswer;
    },

    async markRead(ctx: any) {
      const userId = me(ctx);
      const parsed = markReadRequest.safeParse(ctx.request.body ?? {});
      if (!parsed.success) {
        throw new ChronicleError(400, `send {"ids": [notice ids]} or {"all": true}: ${describeIssues(parsed.error, 'field')}`);
      }
      ctx.body = (await getService(strapi, 'notifications').markRead(userId, parsed.data)) satisfies MarkReadAnswer;
    },

    async calendar(ctx: any) {
      me(ctx);
      const parsed = parseQuery(calendarQuery, ctx.query);
      if (parsed.problem !== undefined) throw new ChronicleError(400, parsed.problem);
      const range = calendarRange(parsed.data.from, parsed.data.to);
      if (!range.ok) throw new ChronicleError(400, range.message);
      ctx.body = {
        from: parsed.data.from,
        to: parsed.data.to,
        timeZone: NEWSROOM_TIME_ZONE,
        days: await getService(strapi, 'calendar').between(ctx, range),
      } satisfies CalendarAnswer;
    },
  };
};

export default notificationsController;
