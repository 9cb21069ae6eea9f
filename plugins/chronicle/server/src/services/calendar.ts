/**
 * The editorial calendar's rows (domain/calendar, docs/editors.md "Calendar"): what goes out
 * when (scheduled), when embargoes lift, what was approved and what was published, inside a
 * range of Beijing days. Each caller sees what the Content Manager lets them read: an editor
 * everything, a reporter their own work and what is published.
 */
import type { Core } from '@strapi/strapi';
import { EDITORIAL_UIDS, PLUGIN_NAME, typeNameOf, typeUid, TYPE_META } from '../domain/content-types';
import { groupByDay, type CalendarDay, type CalendarEntry } from '../domain/calendar';
import type { WorkflowState } from '../domain/enums';
import type { QueueService } from './queue';

type Row = Record<string, any>;
const PER_KIND_LIMIT = 500;

const calendar = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as never);
  const mainFieldOf = (uid: string) => TYPE_META[typeNameOf(uid) as keyof typeof TYPE_META].mainField;
  const hasAttribute = (uid: string, name: string) =>
    Boolean((strapi.contentTypes as unknown as Record<string, { attributes: Record<string, unknown> }>)[uid]?.attributes[name]);

  const draftSelect = (uid: string) => ['id', 'documentId', 'locale', mainFieldOf(uid), 'workflowState', 'scheduledFor', 'publishedAt'];

  return {
    /** The range's entries the caller may read, by Beijing day. */
    async between(ctx: any, range: { start: string; end: string }): Promise<CalendarDay[]> {
      const canRead = (strapi.plugin(PLUGIN_NAME).service('queue') as QueueService).canRead(ctx);
      const entries: CalendarEntry[] = [];
      const add = (kind: CalendarEntry['kind'], uid: string, row: Row, at: unknown) => {
        if (!at || !canRead(uid, row)) return;
        entries.push({
          kind,
          uid,
          type: typeNameOf(uid) ?? uid,
          documentId: row.documentId,
          locale: row.locale,
          title: row[mainFieldOf(uid)] ?? '',
          state: (row.workflowState ?? 'draft') as WorkflowState,
          at: new Date(at as string).toISOString(),
        });
      };
      const inRange = { $gte: range.start, $lt: range.end };

      for (const uid of EDITORIAL_UIDS) {
        const scheduled = (await query(uid).findMany({
          where: { publishedAt: null, workflowState: 'scheduled', scheduledFor: inRange },
          select: draftSelect(uid),
          populate: { createdBy: { select: ['id'] } },
          limit: PER_KIND_LIMIT,
        })) as Row[];
        for (const row of scheduled) add('scheduled', uid, row, row.scheduledFor);

        if (hasAttribute(uid, 'embargoUntil')) {
          const embargoed = (await query(uid).findMany({
            where: { publishedAt: null, embargoUntil: inRange, $or: [{ workflowState: { $ne: 'withdrawn' } }, { workflowState: { $null: true } }] },
            select: [...draftSelect(uid), 'embargoUntil'],
            populate: { createdBy: { select: ['id'] } },
            limit: PER_KIND_LIMIT,
          })) as Row[];
          for (const row of embargoed) add('embargo', uid, row, row.embargoUntil);
        }
      }

      // Approvals and publications are steps of the audit trail: the day they happened.
      const steps = (await query(typeUid('workflow-transition')).findMany({
        where: {
          at: inRange,
          $or: [{ to: 'approved', from: 'in_review' }, { to: 'published' }],
        },
        select: ['contentUid', 'subjectDocumentId', 'subjectLocale', 'to', 'at'],
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        limit: PER_KIND_LIMIT * 2,
      })) as Row[];
      const byUid = new Map<string, Row[]>();
      for (const step of steps) {
        if (!EDITORIAL_UIDS.includes(step.contentUid)) continue;
        byUid.set(step.contentUid, [...(byUid.get(step.contentUid) ?? []), step]);
      }
      for (const [uid, list] of byUid) {
        const drafts = (await query(uid).findMany({
          where: { publishedAt: null, documentId: { $in: [...new Set(list.map((s) => s.subjectDocumentId))] } },
          select: draftSelect(uid),
          populate: { createdBy: { select: ['id'] } },
        })) as Row[];
        const draftOf = new Map(drafts.map((d) => [`${d.documentId}|${d.locale}`, d]));
        for (const step of list) {
          const draft = draftOf.get(`${step.subjectDocumentId}|${step.subjectLocale}`);
          if (draft) add(step.to === 'published' ? 'published' : 'approved', uid, draft, step.at);
        }
      }
      return groupByDay(entries, range);
    },
  };
};

export type CalendarService = ReturnType<typeof calendar>;
export default calendar;
