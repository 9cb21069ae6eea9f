/**
 * Stale-write protection (../../domain/revision). The working copy — the draft rows of every
 * locale, or the only rows of a type without Draft & Publish — carries the save counter.
 * A save that sends the counter it loaded claims the next value with one conditional
 * update: if someone saved in between, no row matches and nothing is written (409). Two
 * saves racing on the same counter serialise on the rows' lock; the second matches
 * nothing. A save without a counter (scripts, imports, the demo loader) takes the next
 * value. A new locale is a save of the document (it shares the counter); a new document or
 * a clone starts at 0. The workflow's own writes (state, schedule, notices) carry no content
 * and leave the counter alone, so approving from the side panel does not make a form stale.
 */
import type { Core } from '@strapi/strapi';
import { readRevision, REVISION_FIELD } from '../../domain/revision';
import { refusal } from '../../errors';
import { factsOf, fail, type Data, type DocumentMiddleware } from './facts';

export const counter = (strapi: Core.Strapi): DocumentMiddleware => {
  const claimRevision = async (uid: string, documentId: string, data: Data) => {
    const sent = readRevision(data[REVISION_FIELD]);
    if (sent.kind === 'invalid') fail([{ path: [REVISION_FIELD], message: sent.message }]);
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { options?: { draftAndPublish?: boolean } };
    const where: Data = { documentId, ...(model.options?.draftAndPublish ? { publishedAt: null } : {}) };
    const query = strapi.db.query(uid as never);
    const stored = (await query.findMany({ where, select: [REVISION_FIELD] })) as Array<{ revision: number | null }>;
    const current = Math.max(0, ...stored.map((row) => Number(row.revision ?? 0)));
    if (sent.kind !== 'sent' || stored.length === 0) {
      data[REVISION_FIELD] = current + 1;
      return;
    }
    // Behind the newest counter of any locale: stale, even if an older locale row still matches.
    if (sent.value !== current) throw refusal(409, 'document.stale-revision', { sent: sent.value, stored: current });
    const matching = sent.value === 0 ? { $or: [{ [REVISION_FIELD]: 0 }, { [REVISION_FIELD]: null }] } : { [REVISION_FIELD]: sent.value };
    const claimed = await query.updateMany({ where: { ...where, ...matching }, data: { [REVISION_FIELD]: sent.value + 1 } });
    // Lost the race to a save that claimed sent + 1 a moment ago.
    if (claimed.count === 0) throw refusal(409, 'document.stale-revision', { sent: sent.value, stored: sent.value + 1 });
    data[REVISION_FIELD] = sent.value + 1;
  };

  return async (context, next) => {
    const facts = factsOf(context);
    if (!facts || facts.type === 'workflow-transition') return next();
    const data = (context.params.data ?? {}) as Data;
    if (facts.kind === 'create') {
      context.params.data = { ...data, [REVISION_FIELD]: 0 };
      return next();
    }
    if (facts.kind !== 'update' && facts.kind !== 'create-locale') return next();
    context.params.data = data;
    if (facts.actor.kind === 'system' && facts.actor.name === 'workflow') {
      delete data[REVISION_FIELD];
      return next();
    }
    if (facts.documentId) await claimRevision(context.uid, facts.documentId, data);
    return next();
  };
};
