/**
 * Applies the editorial workflow (../domain/workflow) to documents: reads a document's facts,
 * asks the state machine, then changes the state, publishes / unpublishes / corrects, and
 * writes the audit row, all in one transaction. A concurrent or stale request loses with a
 * 409 instead of overwriting. Webhook subscribers hear `chronicle.workflow.transition` once
 * the transaction has committed.
 */
import type { Core } from '@strapi/strapi';
import type { HistoryEntry } from '../contracts/admin';
import { ALT_TEXT_POPULATE, missingAltText } from '../domain/alt-text';
import { EDITORIAL_UIDS, PLUGIN_NAME, typeNameOf, typeUid, TYPE_META } from '../domain/content-types';
import type { CorrectionKind, WorkflowState } from '../domain/enums';
import { privateMarkupProblemsOfRecord } from '../domain/validation';
import { movedWithNote, PACKAGE_TYPES, packageRefusal, planPackage, type PackageItem, type RefusedItem } from '../domain/package';
import { decide, nextStates, stateAfterEdit, type Actor } from '../domain/workflow';
import { displayFigure } from '../domain/figure-display';
import { approvalBlockers, approvalRefusal, FACT_CHECK_STEP, needsVerifiedFigures, stateOf as verificationStateOf, type GateFigure } from '../domain/verification';
import { ChronicleError, refusal } from '../errors';
import { runAs, systemActor } from '../request-context';
import type { NotificationsService } from './notifications';

/** Kept here for callers that still take them from the workflow service. */
export { actorFromContext, systemActor } from '../request-context';

export const TRANSITION_UID = typeUid('workflow-transition');
export const WEBHOOK_EVENT = 'chronicle.workflow.transition';
export { EDITORIAL_UIDS };

export interface TransitionInput {
  uid: string;
  documentId: string;
  locale: string;
  to: WorkflowState;
  note?: string | null;
  publishAt?: string | null;
  correction?: { kind: CorrectionKind; text: string } | null;
  /** The document's updatedAt as the client last read it: a different one is a 409. */
  expectedUpdatedAt?: string | null;
}

/** One step of a document's history: the contract the admin's Workflow panel reads. */
export type { HistoryEntry } from '../contracts/admin';

type Row = Record<string, any>;

export type { PackageItem };

const workflow = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as never);

  const draftRow = async (uid: string, documentId: string, locale: string): Promise<Row | null> =>
    query(uid).findOne({
      where: { documentId, locale, publishedAt: null },
      populate: { createdBy: { select: ['id'] }, corrections: true, withdrawalNotice: true },
    });

  const lastSubmitter = async (uid: string, documentId: string, locale: string): Promise<number | null> => {
    const row = await query(TRANSITION_UID).findOne({
      // A submission (or an edit that sent it back): not an edit recorded during review.
      where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale, to: 'in_review', from: { $ne: 'in_review' } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      populate: { actor: { select: ['id'] } },
    });
    return row?.actor?.id ?? null;
  };

  /**
   * Who wrote the version under review: the actor of the step that last put it in review (a
   * submission, or an edit that sent it back) and of every edit recorded since.
   */
  const writersSinceSubmission = async (uid: string, documentId: string, locale: string): Promise<number[]> => {
    const rows = (await query(TRANSITION_UID).findMany({
      where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      select: ['from', 'to'],
      populate: { actor: { select: ['id'] } },
      limit: 200,
    })) as Row[];
    const writers = new Set<number>();
    for (const row of rows) {
      // A fact check of a figure (domain/verification) is not a write of the version under review.
      if (row.from === FACT_CHECK_STEP) continue;
      if (row.to !== 'in_review') break;
      if (row.actor?.id !== undefined && row.actor?.id !== null) writers.add(row.actor.id);
      if (row.from !== 'in_review') break;
    }
    return [...writers];
  };

  const history = async (uid: string, documentId: string, locale: string): Promise<HistoryEntry[]> => {
    const rows = await query(TRANSITION_UID).findMany({
      where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: ['from', 'to', 'actorName', 'note', 'at'],
    });
    return rows.map((r: Row) => ({
      from: r.from,
      to: r.to,
      actor: r.actorName,
      note: r.note ?? null,
      at: new Date(r.at).toISOString(),
    }));
  };

  const writeAudit = async (entry: { uid: string; documentId: string; locale: string; from: string; to: string; actor: Actor; note?: string | null; at: Date }) => {
    let actorDocumentId: string | undefined;
    if (entry.actor.id !== undefined) {
      const user = await query('admin::user').findOne({ where: { id: entry.actor.id }, select: ['documentId'] });
      actorDocumentId = user?.documentId;
    }
    const draft = await query(entry.uid).findOne({ where: { documentId: entry.documentId, locale: entry.locale, publishedAt: null }, select: ['revision'] });
    await runAs('audit-writer', () =>
      strapi.documents(TRANSITION_UID as never).create({
        data: {
          contentUid: entry.uid,
          subjectDocumentId: entry.documentId,
          subjectLocale: entry.locale,
          from: entry.from,
          to: entry.to,
          actor: actorDocumentId ?? null,
          actorName: entry.actor.name,
          note: entry.note ?? null,
          at: entry.at.toISOString(),
          revision: draft?.revision ?? 0,
        },
      } as never)
    );
  };

  /**
   * The figures a step must find verified (domain/verification): the figure itself, or the
   * figures a report cites (accepted from it: their sourceReport), withdrawn ones aside.
   */
  const citedFigures = async (type: string, documentId: string, locale: string): Promise<GateFigure[]> => {
    if (type !== 'grid-statistic' && type !== 'field-report') return [];
    const rows = (await query(typeUid('grid-statistic')).findMany({
      where: {
        publishedAt: null,
        locale,
        workflowState: { $ne: 'withdrawn' },
        ...(type === 'grid-statistic' ? { documentId } : { sourceReport: { documentId } }),
      },
      select: ['documentId', 'label', 'value', 'qualifier', 'countUnit', 'verificationState'],
      orderBy: [{ id: 'asc' }],
    })) as Row[];
    return rows.map((r) => ({
      documentId: r.documentId,
      label: r.label ?? '',
      display: displayFigure(Number(r.value), r.qualifier, r.countUnit ?? null)[locale === 'en' ? 'en' : 'zh-Hans'],
      state: verificationStateOf(r.verificationState),
    }));
  };

  const announce = (payload: Record<string, unknown>) => {
    strapi.eventHub.emit(WEBHOOK_EVENT, payload);
  };

  const factsOf = async (uid: string, documentId: string, locale: string, draft: Row) => ({
    state: (draft.workflowState ?? 'draft') as WorkflowState,
    createdBy: draft.createdBy?.id ?? null,
    submittedBy: await lastSubmitter(uid, documentId, locale),
    writers: await writersSinceSubmission(uid, documentId, locale),
    embargoUntil: draft.embargoUntil ?? null,
    scheduledFor: draft.scheduledFor ?? null,
  });

  /** One document's step, inside the caller's transaction. */
  const applyOne = async (input: TransitionInput, actor: Actor, now: Date, onCommit: (fn: () => void) => void) => {
    const { uid, documentId, locale } = input;
    const type = typeNameOf(uid)!;
    let publishResult: unknown;
    const draft = await draftRow(uid, documentId, locale);
    if (!draft) throw refusal(404, 'workflow.no-version', { locale, type, documentId });
    if (
      input.expectedUpdatedAt &&
      new Date(draft.updatedAt).getTime() !== new Date(input.expectedUpdatedAt).getTime()
    ) {
      throw refusal(409, 'workflow.stale');
    }
    const from: WorkflowState = draft.workflowState ?? 'draft';
    const verdict = decide(
      await factsOf(uid, documentId, locale, draft),
      { to: input.to, note: input.note, publishAt: input.publishAt, correction: input.correction },
      actor,
      now
    );
    if (!verdict.ok) throw refusal(verdict.status, verdict.code, verdict.params);
    if (verdict.effects.includes('publish') && ALT_TEXT_POPULATE[type]) {
      const withImages = await strapi.documents(uid as never).findOne({
        documentId,
        locale,
        status: 'draft',
        populate: ALT_TEXT_POPULATE[type],
      } as never);
      const missing = missingAltText(type, (withImages ?? {}) as Record<string, any>);
      if (missing.length) {
        throw refusal(400, 'workflow.alt-text', { fields: missing });
      }
    }

    // Private markup that cannot be read safely (domain/private-markup) fails closed: the
    // record is not approved, scheduled or published until it is fixed (issue #14).
    // Checked on approval, and on a publish that did not come from an approved state (an
    // edit after approval sends the record back to review, so approved content is checked content).
    if (input.to === 'approved' || (input.to !== from && ['scheduled', 'published'].includes(input.to) && !['approved', 'scheduled'].includes(from))) {
      const attributes = (strapi.contentTypes as unknown as Record<string, { attributes: Record<string, { type: string }> }>)[uid].attributes;
      const components = Object.keys(attributes).filter((key) => attributes[key].type === 'component');
      const full = await strapi.documents(uid as never).findOne({ documentId, locale, status: 'draft', populate: components } as never);
      const problems = privateMarkupProblemsOfRecord(type, (full ?? {}) as Record<string, unknown>);
      if (problems.length) {
        throw refusal(400, 'workflow.private-markup', { to: input.to, problems: problems.map((p) => p.message) });
      }
    }

    // Fact check (issue #17): nothing is approved (or published without approval) while a figure
    // it is or cites is unverified or disputed; the refusal names them.
    if (needsVerifiedFigures(from, input.to)) {
      const blockers = approvalBlockers(await citedFigures(type, documentId, locale));
      if (blockers.length) {
        throw new ChronicleError(409, approvalRefusal(blockers), {
          code: 'figure.verify.unverified',
          items: blockers.map((f) => ({ type: 'grid-statistic', documentId: f.documentId, title: f.label, label: f.label, display: f.display, verification: f.state })),
        });
      }
    }

    const scheduledFor = verdict.effects.includes('schedule')
      ? verdict.scheduledFor
      : verdict.effects.includes('unschedule')
        ? null
        : draft.scheduledFor ?? null;
    // Claim the state: of two concurrent requests, the second finds the row changed.
    const claimed = await query(uid).updateMany({
      where: { id: draft.id, workflowState: draft.workflowState ?? null },
      data: { workflowState: input.to, scheduledFor },
    });
    if (claimed.count !== 1) {
      throw refusal(409, 'workflow.race');
    }

    const documents = strapi.documents(uid as never) as any;
    await runAs('workflow', async () => {
      for (const effect of verdict.effects) {
        if (effect === 'append-correction' && input.correction) {
          const corrections = (draft.corrections ?? []).map(({ date, kind, text }: Row) => ({ date, kind, text }));
          corrections.push({ date: now.toISOString(), kind: input.correction.kind, text: input.correction.text.trim() });
          await documents.update({ documentId, locale, data: { corrections } });
        } else if (effect === 'set-withdrawal') {
          await documents.update({ documentId, locale, data: { withdrawalNotice: { reason: input.note?.trim(), date: now.toISOString() } } });
        } else if (effect === 'clear-withdrawal' && draft.withdrawalNotice) {
          await documents.update({ documentId, locale, data: { withdrawalNotice: null } });
        }
      }
      if (verdict.effects.includes('publish')) publishResult = await documents.publish({ documentId, locale });
      if (verdict.effects.includes('unpublish')) await documents.unpublish({ documentId, locale });
    });
    // The published version mirrors the state (publishing copied it; this covers the rest).
    await query(uid).updateMany({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      data: { workflowState: input.to, scheduledFor },
    });

    const note = input.to === 'corrected' ? input.correction?.text ?? null : input.note ?? null;
    await writeAudit({ uid, documentId, locale, from, to: input.to, actor, note, at: now });
    const title: string = draft[TYPE_META[type as Exclude<typeof type, 'workflow-transition'>].mainField] ?? '';
    onCommit(() =>
      announce({ uid, documentId, locale, title, from, to: input.to, actor: actor.name, note, at: now.toISOString() })
    );
    return { from, title, scheduledFor, publishResult };
  };

  /**
   * The packages of several reports at once (one query per item type), keyed by
   * `documentId|locale` of the report: the events and figures accepted from each, as the
   * workflow sees them (their draft rows). `canRead` leaves out what the reader may not read.
   */
  const packagesOf = async (
    reportDocumentIds: readonly string[],
    canRead?: (uid: string, row: Row) => boolean
  ): Promise<Map<string, PackageItem[]>> => {
    const packages = new Map<string, PackageItem[]>();
    if (!reportDocumentIds.length) return packages;
    for (const type of PACKAGE_TYPES) {
      const uid = typeUid(type);
      const mainField = TYPE_META[type].mainField;
      const rows = (await query(uid).findMany({
        where: { publishedAt: null, sourceReport: { documentId: { $in: [...reportDocumentIds] } } },
        select: ['documentId', 'locale', mainField, 'workflowState', 'publishedAt'],
        populate: { createdBy: { select: ['id'] }, sourceReport: { select: ['documentId', 'locale'] } },
        orderBy: [{ id: 'asc' }],
      })) as Row[];
      for (const row of rows) {
        if (!row.sourceReport || (canRead && !canRead(uid, row))) continue;
        const key = `${row.sourceReport.documentId}|${row.locale}`;
        const list = packages.get(key) ?? [];
        list.push({ uid, type, documentId: row.documentId, title: row[mainField] ?? '', state: row.workflowState ?? 'draft' });
        packages.set(key, list);
      }
    }
    return packages;
  };

  /** One report's package in one locale. */
  const packageOf = async (reportDocumentId: string, locale: string, canRead?: (uid: string, row: Row) => boolean) =>
    (await packagesOf([reportDocumentId], canRead)).get(`${reportDocumentId}|${locale}`) ?? [];

  /**
   * The report's package takes the report's step (domain/package). Approving, scheduling or
   * publishing is refused (409, naming the items) when an item cannot go with the report; the
   * caller's transaction then rolls back the report's own step too.
   */
  const carryPackage = async (
    input: TransitionInput,
    from: WorkflowState,
    reportTitle: string,
    actor: Actor,
    now: Date,
    onCommit: (fn: () => void) => void
  ) => {
    const items = await packageOf(input.documentId, input.locale);
    const plan = planPackage(from, input.to, items);
    const refused: RefusedItem[] = [...plan.blocked];
    const request = { to: input.to, note: 'note', publishAt: input.publishAt };
    const movers: PackageItem[] = [];
    for (const item of plan.moves) {
      const draft = await draftRow(item.uid, item.documentId, input.locale);
      if (!draft) continue;
      const verdict = decide(await factsOf(item.uid, item.documentId, input.locale, draft), request, actor, now);
      if (verdict.ok) movers.push(item);
      else if (plan.gated) refused.push({ ...item, reason: { code: verdict.code, params: verdict.params } });
      // Not gated (submit, request changes, unschedule): an item its own rules keep stays where it is.
    }
    if (refused.length) {
      const { code, params } = packageRefusal(input.to, refused);
      throw refusal(409, code, params, { items: refused.map(({ type, documentId, title, state }) => ({ type, documentId, title, state })) });
    }
    for (const item of movers) {
      try {
        await applyOne(
          {
            uid: item.uid,
            documentId: item.documentId,
            locale: input.locale,
            to: input.to,
            note: movedWithNote(reportTitle, input.note),
            publishAt: input.publishAt,
          },
          actor,
          now,
          onCommit
        );
      } catch (error) {
        // An item's own publish rules (alt text, private markup): the whole package stays put.
        if (error instanceof ChronicleError && error.status !== 409) {
          const reason = error.details.code ? ({ code: error.details.code, params: error.details.params } as RefusedItem['reason']) : undefined;
          const { code, params } = packageRefusal(input.to, [{ ...item, reason }]);
          throw refusal(409, code, params, { items: [{ type: item.type, documentId: item.documentId, title: item.title, state: item.state }] });
        }
        throw error;
      }
    }
  };

  return {
    history,

    /**
     * Decide and apply one transition. Throws ChronicleError (400/403/404/409) when refused.
     * A field report carries its package (domain/package): the events and figures accepted from
     * it take the same step in the same transaction, or nothing moves.
     */
    async transition(input: TransitionInput, actor: Actor) {
      const { uid, documentId, locale } = input;
      const type = typeNameOf(uid);
      if (!type || !EDITORIAL_UIDS.includes(uid)) throw refusal(400, 'workflow.unknown-type', { uids: EDITORIAL_UIDS });
      const now = new Date();

      const outcome = await strapi.db.transaction(async ({ onCommit }: any) => {
        const report = await applyOne(input, actor, now, onCommit);
        if (type === 'field-report') await carryPackage(input, report.from, report.title, actor, now, onCommit);
        return report;
      });
      // Committed: tell people (notices, e-mail, CE webhooks); never fails the step.
      await (strapi.plugin(PLUGIN_NAME).service('notifications') as NotificationsService).transitioned(
        { uid, documentId, locale, title: outcome.title, from: outcome.from, to: input.to, note: input.to === 'corrected' ? input.correction?.text : input.note, scheduledFor: outcome.scheduledFor, at: now },
        actor
      );

      return {
        state: input.to,
        from: outcome.from,
        history: await history(uid, documentId, locale),
        package: type === 'field-report' ? await packageOf(documentId, locale) : undefined,
        publishResult: outcome.publishResult,
      };
    },

    packageOf,
    packagesOf,

    /**
     * An edit by anyone but the workflow: a document that was approved, scheduled or published
     * goes back to review, recorded like any transition. Call after the edit was written.
     */
    async recordEdit(uid: string, documentId: string, locale: string, before: WorkflowState, actor: Actor) {
      const after = stateAfterEdit(before);
      if (after === before) return before;
      await query(uid).updateMany({ where: { documentId, locale, publishedAt: null }, data: { workflowState: after, scheduledFor: null } });
      const now = new Date();
      await writeAudit({ uid, documentId, locale, from: before, to: after, actor, note: 'edited after approval; needs review again', at: now });
      announce({ uid, documentId, locale, from: before, to: after, actor: actor.name, note: 'edited', at: now.toISOString() });
      return after;
    },

    /**
     * An edit of a document under review: it stays in review, and the step is recorded so that
     * whoever wrote it cannot approve it.
     */
    async recordReviewEdit(uid: string, documentId: string, locale: string, actor: Actor) {
      const now = new Date();
      await writeAudit({ uid, documentId, locale, from: 'in_review', to: 'in_review', actor, note: 'edited during review / 审核期间修改', at: now });
    },

    /**
     * A step the document took outside a transition (a pending edit discarded, a clone made):
     * recorded in the audit trail like any transition.
     */
    async recordStep(entry: { uid: string; documentId: string; locale: string; from: WorkflowState; to: WorkflowState; actor: Actor; note: string }) {
      const now = new Date();
      await writeAudit({ ...entry, at: now });
      announce({ uid: entry.uid, documentId: entry.documentId, locale: entry.locale, from: entry.from, to: entry.to, actor: entry.actor.name, note: entry.note, at: now.toISOString() });
    },

    /** Has this document ever been on the public surfaces (in any locale)? */
    async everPublic(uid: string, documentId: string): Promise<boolean> {
      const live = await query(uid).count({ where: { documentId, publishedAt: { $notNull: true } } });
      if (live > 0) return true;
      const steps = await query(TRANSITION_UID).count({
        where: { contentUid: uid, subjectDocumentId: documentId, to: { $in: ['published', 'corrected'] } },
      });
      return steps > 0;
    },

    /**
     * The transitions this actor may take now, for the admin panel's buttons: each candidate is
     * decided with its payload filled in, so only permission and timing can rule it out.
     */
    async available(uid: string, documentId: string, locale: string, actor: Actor): Promise<WorkflowState[]> {
      const draft = await draftRow(uid, documentId, locale);
      if (!draft) return [];
      const state: WorkflowState = draft.workflowState ?? 'draft';
      const now = new Date();
      const embargo = draft.embargoUntil ? new Date(draft.embargoUntil).getTime() : 0;
      const facts = {
        state,
        createdBy: draft.createdBy?.id ?? null,
        submittedBy: await lastSubmitter(uid, documentId, locale),
        writers: await writersSinceSubmission(uid, documentId, locale),
        embargoUntil: draft.embargoUntil ?? null,
        scheduledFor: draft.scheduledFor ?? null,
      };
      const filled = (to: WorkflowState) => ({
        to,
        note: 'note',
        publishAt: new Date(Math.max(now.getTime(), embargo) + 3600_000).toISOString(),
        correction: { kind: 'correction' as const, text: 'text' },
      });
      return nextStates(state).filter((to) => decide(facts, filled(to), actor, now).ok);
    },

    /** The state of a document's locale (its draft row), or undefined when that locale does not exist. */
    async stateOf(uid: string, documentId: string, locale: string): Promise<WorkflowState | undefined> {
      const row = await query(uid).findOne({ where: { documentId, locale, publishedAt: null }, select: ['workflowState'] });
      return row ? (row.workflowState ?? 'draft') : undefined;
    },

    /**
     * Scheduled publishing: publish every scheduled document that is due, as the named system
     * actor `system:scheduler`. The state lives in the database, so a restart loses nothing;
     * each document is claimed by the same conditional update as any transition, so when
     * several instances share a database and run this at once, each document is published by
     * exactly one of them (the others find it claimed and skip it).
     */
    async publishDue(now = new Date()) {
      const published: Array<{ uid: string; documentId: string; locale: string }> = [];
      for (const uid of EDITORIAL_UIDS) {
        const due = await query(uid).findMany({
          where: { publishedAt: null, workflowState: 'scheduled', scheduledFor: { $lte: now.toISOString() } },
          select: ['documentId', 'locale'],
        });
        for (const row of due) {
          try {
            await this.transition({ uid, documentId: row.documentId, locale: row.locale, to: 'published' }, systemActor('scheduler'));
            published.push({ uid, documentId: row.documentId, locale: row.locale });
          } catch (error) {
            // Claimed by another instance meanwhile (409), or refused: leave it for the editors.
            if ((error as ChronicleError).status !== 409) {
              strapi.log.warn(`[chronicle] scheduled publication of ${uid} ${row.documentId} (${row.locale}) refused: ${(error as Error).message}`);
            }
          }
        }
      }
      return published;
    },
  };
};

export type WorkflowService = ReturnType<typeof workflow>;
export default workflow;
