/**
 * A report is a package (issue #18, docs/workflow.md): the timeline events and figures accepted
 * from a field report (their `sourceReport`) travel with it through the workflow. Pure rule
 * table: which of the report's transitions carry its items, from which of their states, and
 * which item states stop the report (each item stays refusable by itself). The service applies
 * the plan in the report's own transaction; nothing here touches Strapi.
 */
import type { WorkflowState } from './enums';
import { renderMessage, type CodedMessage, type MessageParams } from './messages';

/** The types a field report carries with it: what is accepted from it (its `sourceReport`). */
export const PACKAGE_TYPES = ['timeline-event', 'grid-statistic'] as const;
export type PackageType = (typeof PACKAGE_TYPES)[number];

export interface PackageItem {
  uid: string;
  type: PackageType;
  documentId: string;
  title: string;
  state: WorkflowState;
}

interface Carry {
  /** The report's states this carry applies from (undefined: any). */
  reportFrom?: WorkflowState[];
  /** Item states that move with the report to its new state. */
  moves: WorkflowState[];
  /**
   * Gate: the item states the report may go on with (besides `moves`). Any other state stops
   * the report: it may not be approved, scheduled or published while one of its items is not
   * on the way to the public surfaces with it. No gate: items in other states stay where they are.
   */
  allowed?: WorkflowState[];
}

const LIVE: WorkflowState[] = ['published', 'corrected'];

/** Per target state of the report. Transitions not listed (retract, correct, withdraw) carry nothing. */
export const PACKAGE_RULES: Partial<Record<WorkflowState, Carry[]>> = {
  in_review: [{ moves: ['draft', 'changes_requested'] }],
  changes_requested: [
    { reportFrom: ['in_review'], moves: ['in_review'] },
    // An approved report sent back takes its approved items back with it: they are approved again together.
    { reportFrom: ['approved'], moves: ['in_review', 'approved'] },
  ],
  approved: [
    // Unscheduling the report unschedules its scheduled items.
    { reportFrom: ['scheduled'], moves: ['scheduled'] },
    { reportFrom: ['in_review'], moves: ['in_review'], allowed: ['approved', 'scheduled', ...LIVE] },
  ],
  scheduled: [{ moves: ['approved'], allowed: ['scheduled', ...LIVE] }],
  published: [{ moves: ['approved', 'scheduled'], allowed: LIVE }],
};

export interface PackagePlan {
  /** Items that take the same transition as the report. */
  moves: PackageItem[];
  /** Items that stop the report (empty when it may go on). */
  blocked: PackageItem[];
  /** Whether an item that cannot take its own transition stops the report (approve, schedule, publish). */
  gated: boolean;
}

/** What the report's transition `from` → `to` does to its linked items. */
export function planPackage(from: WorkflowState, to: WorkflowState, items: readonly PackageItem[]): PackagePlan {
  const carry = (PACKAGE_RULES[to] ?? []).find((c) => !c.reportFrom || c.reportFrom.includes(from));
  if (!carry || from === to) return { moves: [], blocked: [], gated: false };
  const moves = items.filter((item) => carry.moves.includes(item.state));
  const blocked = carry.allowed
    ? items.filter((item) => !carry.moves.includes(item.state) && !carry.allowed!.includes(item.state))
    : [];
  return { moves, blocked, gated: Boolean(carry.allowed) };
}

/**
 * For the Workflow panel: which of the report's next steps (`available`) each item would stop
 * by its state, keyed by the item's documentId (items that stop nothing are absent).
 */
export function blockedSteps(from: WorkflowState, available: readonly WorkflowState[], items: readonly PackageItem[]): Map<string, WorkflowState[]> {
  const steps = new Map<string, WorkflowState[]>();
  for (const to of available) {
    for (const item of planPackage(from, to, items).blocked) steps.set(item.documentId, [...(steps.get(item.documentId) ?? []), to]);
  }
  return steps;
}

/** A package item that stops the report: its name and state, and why when its own rules said so. */
export interface RefusedItem {
  type: PackageType;
  documentId: string;
  title: string;
  state: WorkflowState;
  reason?: CodedMessage;
}

/**
 * The refusal of a report whose items cannot go with it (domain/messages `package.blocked`),
 * naming each item by title and state (and why, when the item's own rules said so): its code,
 * its parameters (the items, also kept in `details.items` for the admin's Workflow panel) and
 * its English message.
 */
export function packageRefusal(to: WorkflowState, items: readonly RefusedItem[]): { code: 'package.blocked'; params: MessageParams; message: string } {
  const params = { to, items: items.map(({ type, documentId, title, state, reason }) => ({ type, documentId, title, state, ...(reason ? { reason } : {}) })) };
  return { code: 'package.blocked', params, message: renderMessage('package.blocked', params, 'en') };
}

/** The audit note of an item that moved with its report. */
export const movedWithNote = (reportTitle: string, note?: string | null): string =>
  `随稿件《${reportTitle}》一并流转 / moved with report "${reportTitle}"` + (note && note.trim() ? `: ${note.trim()}` : '');
