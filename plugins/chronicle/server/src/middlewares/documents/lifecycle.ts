/**
 * The workflow's hold on the document lifecycle, for every caller but the workflow itself:
 * - the workflow's fields (state, schedule, corrections, withdrawal notice) are out of reach
 *   of ordinary writes; a new document or locale starts as a draft;
 * - publish and unpublish are taken as the transitions they amount to (the workflow decides);
 * - discarding a pending edit is a recorded step back to the published version;
 * - a clone is a new draft of the actor's: fresh state, slug and counter, its source recorded;
 * - a published document cannot be deleted (withdraw it first); deleting one that has been
 *   public leaves a tombstone, so its address keeps answering 410 with the withdrawal notice;
 *   a unit or contributor that others still point at cannot be deleted.
 */
import type { Core } from '@strapi/strapi';
import { componentUid, EDITORIAL_TYPES, typeUid, TYPE_META, type TypeName } from '../../domain/content-types';
import type { WorkflowState } from '../../domain/enums';
import { REVISION_FIELD } from '../../domain/revision';
import { WORKFLOW_FIELDS } from '../../content-types/attributes';
import { ChronicleError, refusal } from '../../errors';
import { runAs, workflowActorOf } from '../../request-context';
import type { WorkflowService } from '../../services/workflow';
import { fallbackSlug, toSlug, uniqueSlug } from '../../text/slug';
import { anonymousSlug, UNNAMED_CONSENTS } from '../../domain/public-person';
import { wasSentBackToReview } from './edits';
import { factsOf, type Data, type DocumentContext, type DocumentMiddleware, type WriteFacts } from './facts';


/**
 * What still points at a unit or a contributor: deleting it would silently drop those
 * links (a profile without its unit, a report without its byline), so it is refused.
 */
const REFERENCES: Partial<Record<TypeName, Array<[string, string, string]>>> = {
  unit: [
    [typeUid('unit'), 'parent', 'sub-units'],
    [typeUid('frontline-profile'), 'unit', 'profiles'],
    [typeUid('grid-statistic'), 'scopeUnit', 'figures'],
    [typeUid('chronicle'), 'subjectUnit', 'chronicles'],
    [typeUid('timeline-event'), 'units', 'events'],
  ],
  contributor: [[componentUid('byline'), 'contributor', 'bylines']],
};

export const lifecycle = (strapi: Core.Strapi): DocumentMiddleware => {
  const workflow = (): WorkflowService => strapi.plugin('chronicle').service('workflow');
  const query = (uid: string) => strapi.db.query(uid as never);

  const assertUnreferenced = async (type: TypeName, documentId: string) => {
    const found: Array<{ count: number; what: string }> = [];
    for (const [model, field, label] of REFERENCES[type] ?? []) {
      const count = await query(model).count({ where: { [field]: { documentId } } });
      if (count > 0) found.push({ count, what: label });
    }
    if (found.length) throw refusal(409, 'document.referenced', { type, by: found });
  };

  /** Publish / unpublish from outside the workflow: taken as the transition it amounts to. */
  const asTransition = async (context: DocumentContext, facts: WriteFacts, to: 'published' | 'withdrawn') => {
    const actor = facts.actor.kind === 'script' ? undefined : workflowActorOf(facts.actor);
    if (!actor) throw refusal(403, 'document.publishing-needs-editor');
    const documentId = context.params.documentId as string;
    const locale = facts.locale;
    if (!locale) throw refusal(400, 'document.one-locale');
    try {
      const result = await workflow().transition(
        { uid: context.uid, documentId, locale, to, note: to === 'withdrawn' ? 'Withdrawn from the Content Manager / 已在后台撤回' : null },
        actor
      );
      return result.publishResult ?? { documentId, entries: [] };
    } catch (error) {
      // The Content Manager's Publish saves the form first, in the same transaction: changed
      // content sent the approved document back to review, so the publish is refused and
      // the whole request, save included, is undone. Say so, not just "cannot go from in_review".
      if (to === 'published' && error instanceof ChronicleError && error.status === 409 && wasSentBackToReview(strapi, `${documentId}:${locale}`)) {
        throw refusal(409, 'document.publish-after-edit');
      }
      throw error;
    }
  };

  const slugTaken = async (uid: string, slug: string) => (await query(uid).count({ where: { slug } })) > 0;

  /** A clone is the actor's new draft: nothing of the source's workflow, a slug of its own. */
  const prepareClone = async (context: DocumentContext, facts: WriteFacts, editorial: boolean) => {
    const data = (context.params.data ?? {}) as Data;
    context.params.data = data;
    for (const field of WORKFLOW_FIELDS) delete data[field];
    if (editorial) {
      data.workflowState = 'draft';
      data.scheduledFor = null;
      data.withdrawalNotice = null;
      data.corrections = [];
    }
    data[REVISION_FIELD] = 0;
    if (facts.actor.kind === 'user') {
      data.createdBy = facts.actor.id;
      data.updatedBy = facts.actor.id;
    }
    const source = facts.rows[0] ?? {};
    const meta = TYPE_META[facts.type as Exclude<TypeName, 'workflow-transition'>];
    const stored = facts.documentId
      ? ((await query(context.uid).findOne({ where: { documentId: facts.documentId }, select: [meta.mainField] })) as Data | null)
      : null;
    const base =
      (typeof data.slug === 'string' && data.slug.trim()) ||
      toSlug(String(stored?.[meta.mainField] ?? ''), { mode: meta.slugMode }) ||
      (typeof source.slug === 'string' && source.slug) ||
      fallbackSlug(new Date(), Math.random().toString(36).slice(2, 8));
    // `anon-` is reserved for the token addresses of people who are not named.
    data.slug = await uniqueSlug(base.startsWith('anon-') ? `x-${base}` : base, (candidate) => slugTaken(context.uid, candidate));
  };

  return async (context, next) => {
    const facts = factsOf(context);
    if (!facts) return next();
    const { type, kind } = facts;
    const editorial = EDITORIAL_TYPES.includes(type);
    const fromWorkflow = facts.actor.kind === 'system' && facts.actor.name === 'workflow';

    if (kind === 'delete' && facts.documentId) {
      if (REFERENCES[type]) await assertUnreferenced(type, facts.documentId);
      if (editorial && !fromWorkflow) {
        const scoped = facts.rows.filter((r) => facts.locale === undefined || typeof context.params.locale !== 'string' || r.locale === facts.locale);
        if (scoped.some((r) => r.publishedAt)) throw refusal(409, 'document.delete-published');
        if (await workflow().everPublic(context.uid, facts.documentId)) await leaveTombstones(context, facts);
      }
      return next();
    }

    if (!editorial || fromWorkflow) {
      if (kind === 'clone') await prepareClone(context, facts, false);
      return next();
    }

    switch (kind) {
      case 'publish':
        return asTransition(context, facts, 'published');
      case 'unpublish':
        return asTransition(context, facts, 'withdrawn');
      case 'discard':
        return discard(context, facts, next);
      case 'clone': {
        await prepareClone(context, facts, true);
        const result = (await next()) as { documentId?: string; entries?: Array<{ locale?: string }> } | null;
        const actor = workflowActorOf(facts.actor);
        if (result?.documentId && actor) {
          for (const entry of result.entries ?? []) {
            await workflow().recordStep({
              uid: context.uid,
              documentId: result.documentId,
              locale: entry.locale ?? facts.locale ?? '',
              from: 'draft',
              to: 'draft',
              actor,
              note: `copied from ${facts.documentId} / 复制自 ${facts.documentId}`,
            });
          }
        }
        return result;
      }
      default: {
        const data = (context.params.data ?? {}) as Data;
        context.params.data = data;
        for (const field of WORKFLOW_FIELDS) delete data[field];
        if (context.action === 'create' && kind === 'create-locale') {
          // A `create` naming an existing document is a new locale of it. Strapi's create would
          // write the fields the locales share from this body alone (empty where it is silent)
          // and then copy them over every other locale; its update path fills them from the
          // stored document first. Take that path, through every guard again.
          const { documentId: _ignored, id: _id, ...rest } = data;
          return strapi.documents(context.uid as never).update({
            ...context.params,
            documentId: facts.documentId,
            locale: facts.locale,
            data: rest,
          } as never);
        }
        const localeExists = facts.rows.some((r) => r.locale === facts.locale && !r.publishedAt);
        if (kind === 'create' || kind === 'create-locale' || !localeExists) data.workflowState = 'draft';
        return next();
      }
    }
  };

  /**
   * Deleting a record that has been public leaves its address answering 410 with the public
   * notice: one tombstone per deleted locale, with the withdrawal reason it carried.
   */
  async function leaveTombstones(context: DocumentContext, facts: WriteFacts) {
    const documentId = facts.documentId as string;
    const scoped = typeof context.params.locale === 'string' && context.params.locale !== '*';
    const drafts = (await query(context.uid).findMany({
      where: { documentId, publishedAt: null, ...(scoped ? { locale: context.params.locale } : {}) },
      select: ['locale', 'slug', ...(facts.type === 'frontline-profile' ? ['consent'] : [])],
      populate: { withdrawalNotice: { select: ['reason', 'date'] } },
    })) as Array<{ locale: string; slug: string | null; consent?: string; withdrawalNotice?: { reason?: string; date?: string } | null }>;
    const now = new Date().toISOString();
    for (const draft of drafts) {
      if (!draft.slug) continue;
      // The address readers knew: a person who was not named had a token address, never the name.
      const slug = facts.type === 'frontline-profile' && UNNAMED_CONSENTS.includes(draft.consent as never) ? anonymousSlug(documentId) : draft.slug;
      await runAs('audit-writer', () =>
        strapi.documents(typeUid('tombstone') as never).create({
          data: {
            contentUid: context.uid,
            subjectDocumentId: documentId,
            slug,
            subjectLocale: draft.locale,
            reason: draft.withdrawalNotice?.reason ?? 'Removed by the editors / 已由编辑部删除',
            withdrawnAt: draft.withdrawalNotice?.date ?? null,
            deletedAt: now,
          },
        } as never)
      );
    }
  }

  /**
   * Discarding a pending edit puts the published version back in the draft: the document is
   * again what was approved and published, and the step is recorded. Open forms become stale.
   */
  async function discard(context: DocumentContext, facts: WriteFacts, next: () => Promise<unknown>) {
    const documentId = facts.documentId as string;
    const locale = facts.locale as string;
    const before = facts.rows.find((r) => r.locale === locale && !r.publishedAt);
    const published = facts.rows.find((r) => r.locale === locale && r.publishedAt);
    const result = await next();
    const actor = workflowActorOf(facts.actor);
    const from = (before?.workflowState ?? 'draft') as WorkflowState;
    const to = (published?.workflowState ?? 'published') as WorkflowState;
    const newest = Math.max(0, ...facts.rows.map((r) => Number(r.revision ?? 0)));
    await query(context.uid).updateMany({ where: { documentId, publishedAt: null }, data: { [REVISION_FIELD]: newest + 1 } });
    if (actor && from !== to) {
      await workflow().recordStep({
        uid: context.uid,
        documentId,
        locale,
        from,
        to,
        actor,
        note: 'pending edit discarded; the published version stands / 已放弃待审修改，保留已发布版本',
      });
    }
    return result;
  }
};
