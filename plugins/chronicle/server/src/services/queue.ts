/**
 * The review queue: what waits for whom. Each user sees only the documents their Content
 * Manager rights let them read (a reporter: their own field reports), grouped the way a
 * newsroom works through them.
 */
import type { Core } from '@strapi/strapi';
import type { QueueAnswer, QueueItem } from '../contracts/admin';
import { typeNameOf, TYPE_META } from '../domain/content-types';
import type { WorkflowState } from '../domain/enums';
import { ChronicleError } from '../errors';
import { EDITORIAL_UIDS } from '../domain/content-types';

export type { QueueItem } from '../contracts/admin';

const RECENT_DAYS = 14;
const PER_TYPE_LIMIT = 200;

const queue = ({ strapi }: { strapi: Core.Strapi }) => {
  const checker = (ctx: any, uid: string) =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: uid });

  const rows = async (uid: string, state?: WorkflowState) => {
    const type = typeNameOf(uid) as Exclude<ReturnType<typeof typeNameOf>, undefined | 'workflow-transition'>;
    const mainField = TYPE_META[type].mainField;
    const recent = new Date(Date.now() - RECENT_DAYS * 86400000).toISOString();
    const where = state
      ? { publishedAt: null, workflowState: state }
      : {
          publishedAt: null,
          $or: [
            { workflowState: { $in: ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'] } },
            { workflowState: { $null: true } },
            { workflowState: { $in: ['published', 'corrected', 'withdrawn'] }, updatedAt: { $gte: recent } },
          ],
        };
    const found = await strapi.db.query(uid as never).findMany({
      where,
      select: ['id', 'documentId', 'locale', mainField, 'workflowState', 'updatedAt', 'scheduledFor'],
      populate: { createdBy: { select: ['id', 'firstname', 'lastname', 'email'] } },
      orderBy: { updatedAt: 'desc' },
      limit: PER_TYPE_LIMIT,
    });
    return { type, mainField, found: found as any[] };
  };

  return {
    async forUser(ctx: any, state?: WorkflowState): Promise<QueueAnswer> {
      const me = ctx.state.user?.id;
      const items: QueueItem[] = [];
      for (const uid of EDITORIAL_UIDS) {
        const check = checker(ctx, uid);
        if (check.cannot.read()) continue;
        const { type, mainField, found } = await rows(uid, state);
        for (const row of found) {
          if (check.cannot.read(row)) continue;
          const author = row.createdBy ? [row.createdBy.firstname, row.createdBy.lastname].filter(Boolean).join(' ') || row.createdBy.email : null;
          items.push({
            uid,
            type,
            documentId: row.documentId,
            locale: row.locale,
            title: row[mainField] ?? '',
            state: row.workflowState ?? 'draft',
            updatedAt: new Date(row.updatedAt).toISOString(),
            scheduledFor: row.scheduledFor ? new Date(row.scheduledFor).toISOString() : null,
            author,
            mine: row.createdBy?.id === me,
          });
        }
      }
      items.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const counts: Record<string, number> = {};
      for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
      const inState = (...states: WorkflowState[]) => items.filter((i) => states.includes(i.state));
      return {
        counts,
        sections: {
          mine: items.filter((i) => i.mine && ['draft', 'changes_requested', 'in_review'].includes(i.state)),
          awaitingReview: inState('in_review'),
          changesRequested: inState('changes_requested'),
          approved: inState('approved', 'scheduled'),
          recentlyPublished: inState('published', 'corrected'),
        },
        items,
      };
    },

    /** 404 rather than 403 for a document the user may not read: its existence is not theirs to know. */
    async assertCanRead(ctx: any, uid: string, documentId: string, locale: string) {
      const row = await strapi.db.query(uid as never).findOne({
        where: { documentId, locale, publishedAt: null },
        populate: { createdBy: { select: ['id'] } },
      });
      const check = checker(ctx, uid);
      if (!row || check.cannot.read(row)) throw new ChronicleError(404, `no ${locale} version of ${uid} ${documentId}`);
    },
  };
};

export type QueueService = ReturnType<typeof queue>;
export default queue;
