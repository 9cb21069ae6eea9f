/**
 * Document Service middleware for the plugin's content types. It runs on every path that
 * writes documents (Content Manager, REST, bulk actions, scripts, the demo loader):
 * - keeps the audit trail append-only;
 * - keeps the workflow's fields (state, schedule, corrections, withdrawal notice) out of
 *   reach of ordinary writes, and sends an edited approved/published document back to review;
 * - lets `publish` and `unpublish` through only as workflow transitions: the workflow service
 *   itself, or an editor's request that the workflow approves and records;
 * - refuses a save made on a stale copy (409): the save counter it sends back is behind;
 * - applies the cross-field rules of ../domain/validation with a 400 naming the field;
 * - fills an empty slug from the record's main field (pinyin) and keeps slugs unique per type.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITORIAL_TYPES, typeNameOf, TYPE_META, type TypeName } from '../domain/content-types';
import { contentFingerprint } from '../domain/fingerprint';
import { readRevision, REVISION_FIELD, staleWriteMessage } from '../domain/revision';
import { checkRecord } from '../domain/validation';
import { stateAfterEdit } from '../domain/workflow';
import { WORKFLOW_FIELDS } from '../content-types/attributes';
import { ChronicleError } from '../errors';
import { actorFromContext, systemActor, type WorkflowService } from '../services/workflow';
import { fallbackSlug, toSlug, uniqueSlug } from '../text/slug';
import { currentSystemActor } from './system-context';

type Data = Record<string, unknown>;

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string | string[]; data?: Data } & Record<string, unknown>;
}

const RESTRICTIVE_CONSENT = new Set(['withdrawn', 'anonymised']);

const PUBLISH_AFTER_EDIT_MESSAGE =
  'Not published, and nothing was saved: this document was approved as it stood, and your changes to it need a new review. ' +
  'Save your changes (the document goes back to review), then have it approved again before publishing. / ' +
  '未发布，也未保存任何内容：此稿件是按原样批准的，您的修改需要重新审核。请先保存修改（稿件将退回审核），再经批准后发布。';

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

const fail = (problems: { path: string[]; message: string }[]): never => {
  const message = problems.map((p) => p.message).join('; ');
  throw new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
};

export const documentGuard = (strapi: Core.Strapi) => {
  const workflow = (): WorkflowService => strapi.plugin('chronicle').service('workflow');
  /**
   * Documents (documentId:locale) an edit has just sent back to review, per request: read by a
   * publish in the same request to explain its refusal. A WeakMap on the request's context,
   * so nothing outlives the request.
   */
  const sentBack = new WeakMap<object, Set<string>>();
  const sentBackToReview = {
    add(key: string) {
      const ctx = strapi.requestContext.get();
      if (!ctx) return;
      const keys = sentBack.get(ctx) ?? new Set<string>();
      keys.add(key);
      sentBack.set(ctx, keys);
    },
    has(key: string) {
      const ctx = strapi.requestContext.get();
      return Boolean(ctx && sentBack.get(ctx)?.has(key));
    },
  };

  /** Who is acting: the workflow itself, a named system actor, an admin user, or nobody we know. */
  const currentActor = () => {
    const system = currentSystemActor();
    if (system) return systemActor(system);
    return actorFromContext(strapi.requestContext.get());
  };

  /** Stored values of the document: the same locale's draft if any, else any version (for shared fields). */
  const storedValues = async (uid: string, documentId: string, locale?: string): Promise<Data> => {
    const query = strapi.db.query(uid as never);
    const sameLocale = locale
      ? await query.findOne({ where: { documentId, locale }, orderBy: { publishedAt: 'desc' } })
      : null;
    const anyLocale = sameLocale ?? (await query.findOne({ where: { documentId } }));
    return (anyLocale as Data | null) ?? {};
  };

  const slugTaken = async (uid: string, slug: string, documentId?: string) => {
    const where: Data = { slug };
    if (documentId) where.documentId = { $ne: documentId };
    return (await strapi.db.query(uid as never).count({ where })) > 0;
  };

  const assignSlug = async (type: TypeName, uid: string, record: Data, data: Data, documentId?: string) => {
    if (type === 'workflow-transition') return;
    const given = typeof data.slug === 'string' ? data.slug.trim() : undefined;
    if (given) {
      if (await slugTaken(uid, given, documentId)) {
        fail([{ path: ['slug'], message: `slug "${given}" is already used by another ${type}` }]);
      }
      data.slug = given;
      return;
    }
    if (typeof record.slug === 'string' && record.slug.trim() && given === undefined) return;
    const { mainField, slugMode } = TYPE_META[type];
    const source = String(record[mainField] ?? '');
    const base =
      toSlug(source, { mode: slugMode }) ||
      fallbackSlug(new Date(), documentId ?? Math.random().toString(36).slice(2, 8));
    data.slug = await uniqueSlug(base, (candidate) => slugTaken(uid, candidate, documentId));
  };

  /**
   * What still points at a unit or a contributor: deleting it would silently drop those
   * links (a profile without its unit, a report without its byline), so it is refused.
   */
  const REFERENCES: Partial<Record<TypeName, Array<[string, string, string]>>> = {
    unit: [
      ['plugin::chronicle.unit', 'parent', 'sub-units'],
      ['plugin::chronicle.frontline-profile', 'unit', 'profiles'],
      ['plugin::chronicle.grid-statistic', 'scopeUnit', 'figures'],
      ['plugin::chronicle.chronicle', 'subjectUnit', 'chronicles'],
      ['plugin::chronicle.timeline-event', 'units', 'events'],
    ],
    contributor: [['chronicle.byline', 'contributor', 'bylines']],
  };

  const assertUnreferenced = async (type: TypeName, documentId: string) => {
    const found: string[] = [];
    for (const [model, field, label] of REFERENCES[type] ?? []) {
      const count = await strapi.db.query(model as never).count({ where: { [field]: { documentId } } });
      if (count > 0) found.push(`${count} ${label}`);
    }
    if (found.length) {
      throw new ChronicleError(409, `this ${type} is still referenced by ${found.join(', ')}; reassign or remove those first`);
    }
  };

  /**
   * Stale-write protection (../domain/revision). The working copy — the draft rows of every
   * locale, or the only rows of a type without Draft & Publish — carries the save counter.
   * A save that sends the counter it loaded claims the next value with one conditional
   * update: if someone saved in between, no row matches and nothing is written (409). Two
   * saves racing on the same counter serialise on the rows' lock; the second matches
   * nothing. A save without a counter (scripts, imports, the demo loader) takes the next
   * value. Runs inside the write's transaction, so a write that fails later undoes the claim.
   */
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
    if (sent.value !== current) throw new ChronicleError(409, staleWriteMessage(sent.value, current));
    const matching = sent.value === 0 ? { $or: [{ [REVISION_FIELD]: 0 }, { [REVISION_FIELD]: null }] } : { [REVISION_FIELD]: sent.value };
    const claimed = await query.updateMany({ where: { ...where, ...matching }, data: { [REVISION_FIELD]: sent.value + 1 } });
    // Lost the race to a save that claimed sent + 1 a moment ago.
    if (claimed.count === 0) throw new ChronicleError(409, staleWriteMessage(sent.value, sent.value + 1));
    data[REVISION_FIELD] = sent.value + 1;
  };

  const singleLocale = (locale: DocumentContext['params']['locale']): string => {
    if (typeof locale === 'string' && locale !== '*') return locale;
    if (locale === undefined) return strapi.plugin('i18n').service('locales').getDefaultLocale();
    throw new ChronicleError(400, 'publish and unpublish one locale at a time');
  };

  /** Publish / unpublish from outside the workflow: taken as the transition it amounts to. */
  const asTransition = async (context: DocumentContext, to: 'published' | 'withdrawn') => {
    const actor = currentActor();
    if (!actor) {
      throw new ChronicleError(403, 'publishing needs an editor or a named system actor; nothing was changed');
    }
    const documentId = context.params.documentId as string;
    const locale = await singleLocale(context.params.locale);
    try {
      const result = await workflow().transition(
        {
          uid: context.uid,
          documentId,
          locale,
          to,
          note: to === 'withdrawn' ? 'Withdrawn from the Content Manager / 已在后台撤回' : null,
        },
        actor
      );
      return result.publishResult ?? { documentId, entries: [] };
    } catch (error) {
      // The Content Manager's Publish saves the form first, in the same transaction: changed
      // content sent the approved document back to review, so the publish is refused and
      // the whole request, save included, is undone. Say so, not just "cannot go from in_review".
      if (to === 'published' && error instanceof ChronicleError && error.status === 409 && sentBackToReview.has(`${documentId}:${locale}`)) {
        throw new ChronicleError(409, PUBLISH_AFTER_EDIT_MESSAGE);
      }
      throw error;
    }
  };

  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const type = typeNameOf(context.uid);
    if (!type || !WRITE_ACTIONS.has(context.action)) return next();
    const system = currentSystemActor();

    if (type === 'workflow-transition') {
      if (system !== 'audit-writer') {
        throw new errors.ForbiddenError('The audit trail is append-only: workflow transitions cannot be written or changed directly');
      }
      return next();
    }

    if (context.action === 'delete' && context.params.documentId && REFERENCES[type]) {
      await assertUnreferenced(type, context.params.documentId);
    }

    const editorial = EDITORIAL_TYPES.includes(type);
    if (editorial && system !== 'workflow') {
      if (context.action === 'publish') return asTransition(context, 'published');
      if (context.action === 'unpublish') return asTransition(context, 'withdrawn');
      if (context.action === 'delete' && context.params.documentId) {
        const live = await strapi.db.query(context.uid as never).count({
          where: {
            documentId: context.params.documentId,
            publishedAt: { $notNull: true },
            ...(typeof context.params.locale === 'string' && context.params.locale !== '*' ? { locale: context.params.locale } : {}),
          },
        });
        if (live > 0) throw new ChronicleError(409, 'this document is published: withdraw it before deleting it');
      }
    }

    if (context.action !== 'create' && context.action !== 'update') return next();

    // Withdrawing or narrowing a person's consent cannot wait for review: it reaches the
    // published version (every locale) in the same transaction as the edit.
    const consent = (context.params.data ?? {}).consent;
    if (type === 'frontline-profile' && context.action === 'update' && context.params.documentId && RESTRICTIVE_CONSENT.has(String(consent))) {
      const documentId = context.params.documentId;
      return strapi.db.transaction(async () => {
        const result = await write(context, type, editorial, system, next);
        const changed = await strapi.db.query(context.uid as never).updateMany({
          where: { documentId, publishedAt: { $notNull: true }, consent: { $ne: consent } },
          data: { consent },
        });
        if (changed.count > 0) strapi.log.info(`[chronicle] consent of ${documentId} set to ${consent} on its published version`);
        return result;
      });
    }
    return write(context, type, editorial, system, next);
  };

  /** Create and update: workflow fields, validation, slug, and the edit rule. (Hoisted: used above.) */
  async function write(
    context: DocumentContext,
    type: TypeName,
    editorial: boolean,
    system: ReturnType<typeof currentSystemActor>,
    next: () => Promise<unknown>
  ) {
    const data = (context.params.data ?? {}) as Data;
    context.params.data = data;
    const isCreate = context.action === 'create';
    const documentId = context.params.documentId;
    const locale = typeof context.params.locale === 'string' ? context.params.locale : undefined;

    let stateBefore: string | undefined;
    if (editorial && system !== 'workflow') {
      for (const field of WORKFLOW_FIELDS) delete data[field];
      if (!isCreate && documentId && locale) stateBefore = await workflow().stateOf(context.uid, documentId, locale);
      if (isCreate || stateBefore === undefined) data.workflowState = 'draft';
    }

    const stored = !isCreate && documentId ? await storedValues(context.uid, documentId, locale) : {};
    const record = { ...stored, ...data };
    const problems = checkRecord(type, record, data, isCreate || Object.keys(stored).length === 0);
    if (problems.length) fail(problems);
    await assignSlug(type, context.uid, record, data, documentId);

    // The workflow's own writes (state, schedule, notices) carry no content and no counter:
    // an editor approving from the side panel must not make the open form stale.
    if (isCreate || !documentId || system === 'workflow') {
      if (isCreate) data[REVISION_FIELD] = 0;
      else delete data[REVISION_FIELD];
      return editRule(context, documentId, locale, stateBefore, next);
    }
    return strapi.db.transaction(async () => {
      await claimRevision(context.uid, documentId, data);
      return editRule(context, documentId, locale, stateBefore, next);
    });
  }

  /** An edit of an approved or published document sends it back to review. */
  async function editRule(
    context: DocumentContext,
    documentId: string | undefined,
    locale: string | undefined,
    stateBefore: string | undefined,
    next: () => Promise<unknown>
  ) {
    if (stateBefore === undefined || !documentId || !locale) return next();
    const before = stateBefore as Parameters<WorkflowService['recordEdit']>[3];
    if (stateAfterEdit(before) === before) return next();
    // An edit of an approved or published document sends it back to review, in the same
    // transaction; a save that changes nothing (the Content Manager saves before publishing) does not.
    const read = async () =>
      contentFingerprint(
        await strapi.documents(context.uid as never).findOne({ documentId, locale, status: 'draft', populate: '*' } as never)
      );
    return strapi.db.transaction(async () => {
      const fingerprint = await read();
      const result = await next();
      if ((await read()) !== fingerprint) {
        const actor = currentActor() ?? { kind: 'system' as const, name: 'system:unknown', permissions: new Set<never>() };
        await workflow().recordEdit(context.uid, documentId, locale, before, actor);
        sentBackToReview.add(`${documentId}:${locale}`);
      }
      return result;
    });
  }
};
