/**
 * An edit is an edit of the document, whichever locale carried it: shared fields (consent,
 * kind, slug, values, dates) written through one locale reach every other. After the write,
 * every locale whose content changed is judged: one that was approved, scheduled or
 * published goes back to review; one under review stays there, with the edit recorded so
 * that its writer cannot approve it. A save that changes nothing changes no state.
 */
import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES } from '../../domain/content-types';
import type { WorkflowState } from '../../domain/enums';
import { contentFingerprint } from '../../domain/fingerprint';
import { stateAfterEdit } from '../../domain/workflow';
import type { WorkflowService } from '../../services/workflow';
import { currentRequest, workflowActorOf } from '../../request-context';
import { factsOf, type DocumentMiddleware } from './facts';

/** States in which an edit must leave a trace. */
const WATCHED = new Set<WorkflowState>(['in_review', 'approved', 'scheduled', 'published', 'corrected']);

/**
 * Documents (documentId:locale) an edit has just sent back to review, per request: read by a
 * publish in the same request to explain its refusal. Keyed by the request's context, so
 * nothing outlives the request.
 */
const sentBack = new WeakMap<object, Set<string>>();

export const wasSentBackToReview = (strapi: Core.Strapi, key: string) => {
  const ctx = currentRequest(strapi);
  return Boolean(ctx && sentBack.get(ctx)?.has(key));
};

const markSentBack = (strapi: Core.Strapi, key: string) => {
  const ctx = currentRequest(strapi);
  if (!ctx) return;
  const keys = sentBack.get(ctx) ?? new Set<string>();
  keys.add(key);
  sentBack.set(ctx, keys);
};

export const edits = (strapi: Core.Strapi): DocumentMiddleware => {
  const workflow = (): WorkflowService => strapi.plugin('chronicle').service('workflow');

  const drafts = async (uid: string, documentId: string) =>
    (await strapi.db.query(uid as never).findMany({
      where: { documentId, publishedAt: null },
      select: ['locale', 'workflowState'],
    } as never)) as Array<{ locale: string; workflowState: WorkflowState | null }>;

  const fingerprint = async (uid: string, documentId: string, locale: string) =>
    contentFingerprint(await strapi.documents(uid as never).findOne({ documentId, locale, status: 'draft', populate: '*' } as never));

  return async (context, next) => {
    const facts = factsOf(context);
    if (!facts || !EDITORIAL_TYPES.includes(facts.type) || !facts.documentId) return next();
    if (facts.kind !== 'update' && facts.kind !== 'create-locale' && facts.kind !== 'discard') return next();
    if (facts.actor.kind === 'system' && facts.actor.name === 'workflow') return next();
    const { documentId } = facts;

    // The locale a discard restores is recorded by the discard itself; a new locale has no past.
    const skip = facts.kind === 'update' ? undefined : facts.locale;
    const watched = (await drafts(context.uid, documentId)).filter(
      (d) => d.locale !== skip && WATCHED.has((d.workflowState ?? 'draft') as WorkflowState)
    );
    if (!watched.length) return next();

    const before = new Map<string, string>();
    for (const d of watched) before.set(d.locale, await fingerprint(context.uid, documentId, d.locale));
    const result = await next();
    const actor = workflowActorOf(facts.actor) ?? { kind: 'system' as const, name: 'system:unknown', permissions: new Set<never>() };
    for (const d of watched) {
      if ((await fingerprint(context.uid, documentId, d.locale)) === before.get(d.locale)) continue;
      const state = (d.workflowState ?? 'draft') as WorkflowState;
      if (state === 'in_review') {
        await workflow().recordReviewEdit(context.uid, documentId, d.locale, actor);
      } else if (stateAfterEdit(state) !== state) {
        await workflow().recordEdit(context.uid, documentId, d.locale, state, actor);
        markSentBack(strapi, `${documentId}:${d.locale}`);
      }
    }
    return result;
  };
};
