/**
 * The fact check of a figure (../../domain/verification) is decided at the data: the state, the
 * checker and the checked date are written only by the verification action (services/verification.ts,
 * which writes the rows directly), so every Document Service write — the Content Manager's
 * save, a clone, REST, scripts — has them dropped (the form sends the stored values back on
 * every save, so dropping, not refusing, lets the reporter's save through). A write that
 * changes the figure's value, qualifier or unit of count puts its working copy back to
 * `unverified`, whatever route made it, and the step is recorded in the audit trail.
 */
import type { Core } from '@strapi/strapi';
import type { WorkflowState } from '../../domain/enums';
import { claimChanged, FACT_CHECK_STEP, RESET_NOTE, VERIFICATION_FIELDS } from '../../domain/verification';
import { workflowActorOf } from '../../request-context';
import type { WorkflowService } from '../../services/workflow';
import { factsOf, type Data, type DocumentMiddleware } from './facts';

/** The stored fields of an unverified figure. */
export const UNVERIFIED = { verificationState: 'unverified', verifiedBy: null, verifiedByName: null, verifiedAt: null, verificationNote: null } as const;

export const verification = (strapi: Core.Strapi): DocumentMiddleware => {
  const workflow = (): WorkflowService => strapi.plugin('chronicle').service('workflow');
  return async (context, next) => {
    const facts = factsOf(context);
    if (!facts || facts.type !== 'grid-statistic') return next();
    const { kind } = facts;
    if (kind !== 'create' && kind !== 'create-locale' && kind !== 'update' && kind !== 'clone') return next();
    const data = (context.params.data ?? {}) as Data;
    context.params.data = data;
    for (const field of VERIFICATION_FIELDS) delete data[field];
    // A new figure, or a copy of one, has not been checked.
    if (kind === 'create' || kind === 'clone') {
      Object.assign(data, UNVERIFIED);
      return next();
    }
    if (!facts.documentId) return next();
    const documentId = facts.documentId;
    // The claim as stored in the working copy (value, qualifier and unit are shared by the locales).
    const stored = (await strapi.db.query(context.uid as never).findOne({
      where: { documentId, publishedAt: null },
      select: ['value', 'qualifier', 'countUnit', 'verificationState', 'workflowState'],
      orderBy: { id: 'asc' },
    } as never)) as Data | null;
    const changed = claimChanged(stored, data);
    const result = await next();
    if (!changed) return result;
    const wasChecked = stored?.verificationState === 'verified' || stored?.verificationState === 'disputed';
    await strapi.db.query(context.uid as never).updateMany({ where: { documentId, publishedAt: null }, data: { ...UNVERIFIED } } as never);
    const actor = workflowActorOf(facts.actor);
    if (wasChecked && actor && facts.locale) {
      await workflow().recordStep({
        uid: context.uid,
        documentId,
        locale: facts.locale,
        from: FACT_CHECK_STEP as WorkflowState,
        to: 'unverified' as unknown as WorkflowState,
        actor,
        note: RESET_NOTE,
      });
    }
    return result;
  };
};
