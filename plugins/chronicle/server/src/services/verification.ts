/**
 * The fact check of figures (../domain/verification, docs/workflow.md#fact-checking-figures):
 * reads a figure's verification for the admin's Fact check panel and takes the verification
 * action — verify or dispute — as an editor who did not write the figure. The state, checker
 * and date are written here only, straight to the rows (the document guard drops them from any
 * other write); each step is recorded in the audit trail.
 */
import type { Core } from '@strapi/strapi';
import type { VerificationInfo } from '../contracts/admin';
import { typeUid } from '../domain/content-types';
import type { WorkflowState } from '../domain/enums';
import {
  claimChanged,
  decideVerification,
  FACT_CHECK_STEP,
  stateOf,
  verificationNote,
  type FigureSource,
  type VerificationAction,
  type VerifierFacts,
} from '../domain/verification';
import type { Actor } from '../domain/workflow';
import { ChronicleError } from '../errors';
import type { WorkflowService } from './workflow';

export const FIGURE_UID = typeUid('grid-statistic');

type Row = Record<string, any>;

const SELECT = [
  'id', 'documentId', 'locale', 'publishedAt', 'workflowState', 'value', 'qualifier', 'countUnit',
  'sourceKind', 'sourceTitle', 'sourcePage', 'sourceUrl', 'sourceName', 'sourceOffice', 'verificationMethod',
  'verificationState', 'verifiedByName', 'verifiedAt', 'verificationNote', 'revision',
];

export const sourceOfRow = (row: Row): FigureSource => ({
  kind: row.sourceKind ?? null,
  title: row.sourceTitle ?? null,
  page: row.sourcePage ?? null,
  url: row.sourceUrl ?? null,
  name: row.sourceName ?? null,
  office: row.sourceOffice ?? null,
});

export interface VerificationInput {
  action: VerificationAction;
  note?: string | null;
  source?: FigureSource | null;
  method?: string | null;
}

const verification = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(FIGURE_UID as never);
  const workflow = (): WorkflowService => strapi.plugin('chronicle').service('workflow');

  /** Every row of the figure, oldest first: the first row's creator is its author (its owner, as the guards see it). */
  const rowsOf = async (documentId: string): Promise<Row[]> =>
    (await query().findMany({
      where: { documentId },
      select: SELECT,
      populate: { createdBy: { select: ['id'] } },
      orderBy: { id: 'asc' },
    } as never)) as Row[];

  // A named system actor (the demo loader, a test) acts under the workflow's rules holding every right, as in domain/workflow.
  const checkerOf = (actor: Actor): VerifierFacts => ({ id: actor.id, kind: actor.kind, mayApprove: actor.kind === 'system' || actor.permissions.has('approve') });

  const infoOf = (documentId: string, rows: Row[], actor: Actor): VerificationInfo => {
    const draft = rows.find((r) => !r.publishedAt) ?? rows[0];
    const facts = { state: stateOf(draft.verificationState), createdBy: rows[0]?.createdBy?.id ?? null, source: sourceOfRow(draft) };
    // May the caller check it? Ask the rule with an action the state allows and a note, so only who-may-check decides.
    const probe = decideVerification({ ...facts, source: { kind: 'own-count' } }, facts.state === 'verified' ? 'dispute' : 'verify', checkerOf(actor), 'probe');
    const source = sourceOfRow(draft);
    return {
      documentId,
      state: facts.state,
      source: {
        kind: source.kind ?? null,
        title: source.title ?? null,
        page: source.page ?? null,
        url: source.url ?? null,
        name: source.name ?? null,
        office: source.office ?? null,
      },
      method: draft.verificationMethod ?? null,
      checker: draft.verifiedByName ?? null,
      checkedAt: draft.verifiedAt ? new Date(draft.verifiedAt).toISOString() : null,
      note: draft.verificationNote ?? null,
      mayCheck: probe.ok,
      refusal: probe.ok ? null : { code: probe.code, message: probe.message },
    };
  };

  return {
    async info(documentId: string, actor: Actor): Promise<VerificationInfo> {
      const rows = await rowsOf(documentId);
      if (!rows.length) throw new ChronicleError(404, `no figure ${documentId} / 找不到该数字`);
      return infoOf(documentId, rows, actor);
    },

    /**
     * Verify or dispute a figure. Refused (403/409/400 with details.code) unless the actor is an
     * editor who did not write it, the step changes the state, and (to verify) its source is
     * complete. The working copy of every locale takes the new state; so does the published
     * version when it states the same claim (value, qualifier and unit of count).
     */
    async act(documentId: string, input: VerificationInput, actor: Actor, now = new Date()): Promise<VerificationInfo> {
      return strapi.db.transaction(async ({ onCommit }: any) => {
        const rows = await rowsOf(documentId);
        if (!rows.length) throw new ChronicleError(404, `no figure ${documentId} / 找不到该数字`);
        const drafts = rows.filter((r) => !r.publishedAt);
        const draft = drafts[0] ?? rows[0];
        const sourceUpdate: Row = {};
        if (input.source) {
          Object.assign(sourceUpdate, {
            sourceKind: input.source.kind,
            sourceTitle: input.source.title ?? null,
            sourcePage: input.source.page ?? null,
            sourceUrl: input.source.url ?? null,
            sourceName: input.source.name ?? null,
            sourceOffice: input.source.office ?? null,
          });
        }
        if (input.method !== undefined && input.method !== null) sourceUpdate.verificationMethod = input.method.trim() || null;
        const source = input.source ?? sourceOfRow(draft);
        const from = stateOf(draft.verificationState);
        const verdict = decideVerification({ state: from, createdBy: rows[0]?.createdBy?.id ?? null, source }, input.action, checkerOf(actor), input.note);
        if (!verdict.ok) throw new ChronicleError(verdict.status, verdict.message, { code: verdict.code });
        const data = {
          ...sourceUpdate,
          verificationState: verdict.to,
          verifiedBy: actor.kind === 'user' ? actor.id ?? null : null,
          verifiedByName: actor.name,
          verifiedAt: now.toISOString(),
          verificationNote: input.note?.trim() || null,
        };
        // The same claim in the published version (a figure published before checks existed, or re-checked).
        const sameClaim = rows
          .filter((r) => r.publishedAt && !claimChanged(r, { value: draft.value, qualifier: draft.qualifier, countUnit: draft.countUnit }))
          .map((r) => r.id as number);
        const ids = [...(drafts.length ? drafts : [draft]).map((r) => r.id as number), ...sameClaim];
        await query().updateMany({ where: { id: { $in: ids } }, data } as never);
        if (Object.keys(sourceUpdate).length && drafts.length) {
          // The source changed under any open form: make that form stale (409) rather than let it write the old source back.
          const newest = Math.max(0, ...rows.map((r) => Number(r.revision ?? 0)));
          await query().updateMany({ where: { documentId, publishedAt: null }, data: { revision: newest + 1 } } as never);
        }
        for (const row of drafts) {
          await workflow().recordStep({
            uid: FIGURE_UID,
            documentId,
            locale: row.locale,
            from: FACT_CHECK_STEP as WorkflowState,
            to: verdict.to as unknown as WorkflowState,
            actor,
            note: verificationNote(verdict.to, source, input.note),
          });
        }
        // The published version's "how we know" may have changed: a new public revision once committed.
        if (sameClaim.length) {
          onCommit(() => {
            void (strapi.plugin('chronicle').service('public-cache') as { bump(): Promise<void> })
              .bump()
              .catch((error: unknown) => strapi.log.error(`chronicle: could not record a public revision: ${String(error)}`));
          });
        }
        return infoOf(documentId, await rowsOf(documentId), actor);
      });
    },
  };
};

export type VerificationService = ReturnType<typeof verification>;
export default verification;
