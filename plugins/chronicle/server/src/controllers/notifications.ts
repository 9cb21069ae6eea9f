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
import { parsedOrRefused, refusal } from '../errors';
import { getService } from '../get-service';
import { adminUserOf } from '../request-context';
import { issueParts } from '../validation/issues';

const DEFAULT_LIMIT = 20;

const notificationsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const me = (ctx: any): number => {
    const admin = adminUserOf(ctx);
    if (!admin) throw refusal(403, 'request.admin-required');
    return admin.user.id;
  };

  return {
    async list(ctx: any) {
      const userId = me(ctx);
      const { cursor, limit, unread } = parsedOrRefused(notificationsQuery, ctx.query);
      const answer = await getService(strapi, 'notifications').list(userId, { cursor, limit: limit ?? DEFAULT_LIMIT, unread: unread === 'true' });
      if ('error' in answer) throw refusal(400, 'request.cursor');
      ctx.body = answer satisfies NotificationsAnswer;
    },

    async markRead(ctx: any) {
      const userId = me(ctx);
      const parsed = markReadRequest.safeParse(ctx.request.body ?? {});
      if (!parsed.success) {
        throw refusal(400, 'request.mark-read', { issues: issueParts(parsed.error, 'field') });
      }
      ctx.body = (await getService(strapi, 'notifications').markRead(userId, parsed.data)) satisfies MarkReadAnswer;
    },

    async calendar(ctx: any) {
      me(ctx);
      const { from, to } = parsedOrRefused(calendarQuery, ctx.query);
      const range = calendarRange(from, to);
      if (!range.ok) throw refusal(400, range.code, range.params);
      ctx.body = {
        from,
        to,
        timeZone: NEWSROOM_TIME_ZONE,
        days: await getService(strapi, 'calendar').between(ctx, range),
      } satisfies CalendarAnswer;
    },
  };
};

export default notificationsController;
