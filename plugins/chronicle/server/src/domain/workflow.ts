/**
 * The editorial workflow as a pure state machine (docs/workflow.md; where to change a rule: docs/architecture.md): which transitions exist, who
 * may take them, what each needs, and what must happen when one is taken. The service
 * applies the verdict; nothing here touches Strapi or the clock (the caller passes `now`).
 *
 *   draft → in_review → approved → published → corrected …
 *               ↓  ↑          ↓        ↓
 *      changes_requested  scheduled  withdrawn → draft
 */
import type { CorrectionKind, WorkflowState } from './enums';
import { renderMessage, type MessageCode, type MessageParams } from './messages';

export type WorkflowPermission = 'submit' | 'approve' | 'publish';

export interface Actor {
  kind: 'user' | 'system';
  /** Admin user id, for users. */
  id?: number;
  name: string;
  /** For users: the workflow actions their roles grant. Systems act under the same rules but hold them all. */
  permissions: ReadonlySet<WorkflowPermission>;
}

export interface DocumentFacts {
  state: WorkflowState;
  /** Admin user who created the document (its author). */
  createdBy?: number | null;
  /** Admin user who last submitted it for review. */
  submittedBy?: number | null;
  /**
   * Admin users who wrote any revision of it since it was last submitted (or sent back to
   * review by an edit): none of them may approve what they wrote.
   */
  writers?: readonly number[];
  embargoUntil?: string | null;
  scheduledFor?: string | null;
}

export interface TransitionRequest {
  to: WorkflowState;
  note?: string | null;
  publishAt?: string | null;
  correction?: { kind: CorrectionKind; text: string } | null;
}

export type Effect =
  | 'publish'
  | 'unpublish'
  | 'append-correction'
  | 'schedule'
  | 'unschedule'
  | 'set-withdrawal'
  | 'clear-withdrawal';

export type Verdict =
  | { ok: true; effects: Effect[]; scheduledFor?: string }
  /** A refusal: its code and parameters (domain/messages), and its English message. */
  | { ok: false; status: 400 | 403 | 409; message: string; code: MessageCode; params: MessageParams };

interface Rule {
  from: WorkflowState[];
  to: WorkflowState;
  permission: WorkflowPermission;
  /** Only the author (or whoever holds `approve`) may take it. */
  authorOrEditor?: boolean;
  /** The author and the submitter may not take it: nobody approves their own work. */
  notAuthor?: boolean;
  /** The refusal when the note is missing (domain/messages). */
  needsNote?: MessageCode;
  effects: Effect[];
}

export const RULES: Rule[] = [
  { from: ['draft', 'changes_requested'], to: 'in_review', permission: 'submit', authorOrEditor: true, effects: [] },
  { from: ['in_review'], to: 'draft', permission: 'submit', authorOrEditor: true, effects: [] },
  {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    permission: 'approve',
    needsNote: 'workflow.note-required.changes',
    effects: [],
  },
  { from: ['in_review'], to: 'approved', permission: 'approve', notAuthor: true, effects: [] },
  { from: ['approved'], to: 'scheduled', permission: 'publish', effects: ['schedule'] },
  { from: ['scheduled'], to: 'approved', permission: 'publish', effects: ['unschedule'] },
  // A record reworked after a withdrawal keeps its public notice until it is published again.
  { from: ['approved', 'scheduled'], to: 'published', permission: 'publish', effects: ['clear-withdrawal', 'publish', 'unschedule'] },
  { from: ['published', 'corrected'], to: 'corrected', permission: 'publish', effects: ['append-correction', 'publish'] },
  {
    from: ['published', 'corrected'],
    to: 'withdrawn',
    permission: 'publish',
    needsNote: 'workflow.note-required.withdrawal',
    effects: ['unpublish', 'set-withdrawal'],
  },
  { from: ['withdrawn'], to: 'draft', permission: 'publish', effects: [] },
];

const deny = (status: 400 | 403 | 409, code: MessageCode, params: MessageParams = {}): Verdict => ({
  ok: false,
  status,
  message: renderMessage(code, params, 'en'),
  code,
  params,
});

const isBlank = (s: string | null | undefined) => !s || !s.trim();

/** The states a document may move to from `state`, whoever asks. */
export const nextStates = (state: WorkflowState): WorkflowState[] =>
  RULES.filter((r) => r.from.includes(state)).map((r) => r.to);

/** Decide a transition. Checks run in order: does it exist (409), may this actor (403), is the request complete (400), is it time (409). */
export function decide(facts: DocumentFacts, request: TransitionRequest, actor: Actor, now: Date): Verdict {
  const rule = RULES.find((r) => r.to === request.to && r.from.includes(facts.state));
  if (!rule) {
    const options = nextStates(facts.state);
    return deny(409, 'workflow.no-transition', { from: facts.state, to: request.to, options });
  }

  if (actor.kind === 'user') {
    if (!actor.permissions.has(rule.permission)) {
      return deny(403, 'workflow.needs-permission', { to: rule.to, permission: rule.permission });
    }
    const isAuthor = actor.id !== undefined && (actor.id === facts.createdBy || actor.id === facts.submittedBy);
    if (rule.authorOrEditor && !isAuthor && !actor.permissions.has('approve')) {
      return deny(403, 'workflow.author-or-editor');
    }
    if (rule.notAuthor && isAuthor) {
      return deny(403, 'workflow.own-work');
    }
    if (rule.notAuthor && actor.id !== undefined && facts.writers?.includes(actor.id)) {
      return deny(403, 'workflow.changed-since-submitted');
    }
  }

  if (rule.needsNote && isBlank(request.note)) return deny(400, rule.needsNote);

  if (rule.to === 'corrected') {
    if (!request.correction || isBlank(request.correction.text)) {
      return deny(400, 'workflow.correction-required');
    }
  }

  const embargo = facts.embargoUntil ? new Date(facts.embargoUntil) : null;

  if (rule.to === 'scheduled') {
    if (!request.publishAt) return deny(400, 'workflow.publish-at.required');
    const at = new Date(request.publishAt);
    if (Number.isNaN(at.getTime())) return deny(400, 'workflow.publish-at.invalid');
    if (at.getTime() <= now.getTime()) return deny(400, 'workflow.publish-at.past');
    if (embargo && at.getTime() < embargo.getTime()) {
      return deny(400, 'workflow.publish-at.before-embargo', { embargo: embargo.toISOString() });
    }
    return { ok: true, effects: rule.effects, scheduledFor: at.toISOString() };
  }

  if (rule.effects.includes('publish')) {
    if (embargo && embargo.getTime() > now.getTime()) {
      return deny(409, 'workflow.embargoed', { embargo: embargo.toISOString() });
    }
    if (facts.state === 'scheduled' && facts.scheduledFor && new Date(facts.scheduledFor).getTime() > now.getTime()) {
      return deny(409, 'workflow.scheduled-later', { scheduledFor: new Date(facts.scheduledFor).toISOString() });
    }
  }

  return { ok: true, effects: rule.effects };
}

/**
 * Editing a document that was approved, scheduled or published sends it back to review: what
 * readers will see next must be approved again. Other states are unchanged by an edit.
 */
export const stateAfterEdit = (state: WorkflowState): WorkflowState =>
  ['approved', 'scheduled', 'published', 'corrected'].includes(state) ? 'in_review' : state;

/** Is a document in this state on the public surfaces (its published version live)? */
export const isLive = (state: WorkflowState) => state === 'published' || state === 'corrected';
