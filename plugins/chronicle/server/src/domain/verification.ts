/**
 * Fact-check sign-off per figure (issue #17, docs/workflow.md#fact-checking-figures): each grid
 * statistic carries how it is known (its source and method) and whether an editor checked it.
 * Pure module: the state machine, who may check, what a source needs, which figures stop an
 * approval, and what readers may see. No Strapi import; the service applies the verdicts.
 *
 *   unverified ──verify──▶ verified
 *        │                   │  ▲
 *        └──dispute──▶ disputed ┘     (and back: an editor may reconsider)
 *
 * Any change of a figure's value, qualifier or unit of count sends it back to `unverified`
 * (the document guard, whatever wrote it). Stored rows without a state (before this field
 * existed) count as `unverified`.
 */
import { factCheckLabel, renderMessage, type MessageCode, type MessageParams } from './messages';

export const VERIFICATION_STATES = ['unverified', 'verified', 'disputed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** How a figure is known: a document (title, page), a web page, an official's statement, or the reporter's own count. */
export const SOURCE_KINDS = ['document', 'url', 'statement', 'own-count'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The two things an editor may do to a figure's verification. */
export const VERIFICATION_ACTIONS = ['verify', 'dispute'] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

/**
 * The fields the verification action alone writes. The document guard drops them from every
 * other write (Content Manager, REST, scripts), as it drops the workflow fields.
 */
export const VERIFICATION_FIELDS = ['verificationState', 'verifiedBy', 'verifiedByName', 'verifiedAt', 'verificationNote'] as const;

/** The fields the reporter fills in the form: where the figure comes from and how it was got. */
export const SOURCE_FIELDS = ['sourceKind', 'sourceTitle', 'sourcePage', 'sourceUrl', 'sourceName', 'sourceOffice', 'verificationMethod'] as const;

/** What, changed, makes a figure a different claim: back to `unverified`. */
export const CLAIM_FIELDS = ['value', 'qualifier', 'countUnit'] as const;

export interface FigureSource {
  kind: SourceKind | null;
  title?: string | null;
  page?: string | null;
  url?: string | null;
  name?: string | null;
  office?: string | null;
}

export const stateOf = (stored: unknown): VerificationState =>
  (VERIFICATION_STATES as readonly string[]).includes(String(stored)) ? (stored as VerificationState) : 'unverified';

/** The state an action leads to. */
export const TARGET: Record<VerificationAction, VerificationState> = { verify: 'verified', dispute: 'disputed' };

const blank = (s: string | null | undefined) => !s || !s.trim();

/** What a source of this kind is missing, as [zh, en] field names; empty when it is complete. */
export const sourceProblems = (source: FigureSource): Array<{ field: string; zh: string; en: string }> => {
  switch (source.kind) {
    case 'document':
      return blank(source.title) ? [{ field: 'sourceTitle', zh: '文件标题', en: 'the document’s title' }] : [];
    case 'url':
      if (blank(source.url)) return [{ field: 'sourceUrl', zh: '网址', en: 'the URL' }];
      return /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(String(source.url).trim()) ? [] : [{ field: 'sourceUrl', zh: '有效的网址（http/https）', en: 'a valid http(s) URL' }];
    case 'statement':
      return [
        ...(blank(source.name) ? [{ field: 'sourceName', zh: '发言人姓名', en: 'the official’s name' }] : []),
        ...(blank(source.office) ? [{ field: 'sourceOffice', zh: '发言人职务', en: 'the official’s office' }] : []),
      ];
    case 'own-count':
      return [];
    default:
      return [{ field: 'sourceKind', zh: '来源类型', en: 'the kind of source' }];
  }
};

export interface VerifierFacts {
  /** Admin user id of the checker (undefined for a named system actor: the demo loader, tests). */
  id?: number;
  kind: 'user' | 'system';
  /** Holds the workflow's approve right (the Editor role, or a super admin). */
  mayApprove: boolean;
}

export interface FigureFacts {
  state: VerificationState;
  /** The figure's author: the admin user who created the document (its owner, as the guards see it). */
  createdBy?: number | null;
  source: FigureSource;
}

export type VerificationVerdict =
  | { ok: true; to: VerificationState }
  | { ok: false; status: 400 | 403 | 409; code: MessageCode; params: MessageParams; message: string };

/** A refusal by code (domain/messages.ts); `message` is English, the text in the request's language is rendered when it is sent. */
const deny = (status: 400 | 403 | 409, code: MessageCode, params: MessageParams = {}): VerificationVerdict => ({
  ok: false,
  status,
  code,
  params,
  message: renderMessage(code, params, 'en'),
});

/**
 * May this checker take this action on this figure? An editor (approve right) who did not
 * write the figure; a verification needs a complete source; a dispute needs a note saying why.
 */
export function decideVerification(
  figure: FigureFacts,
  action: VerificationAction,
  checker: VerifierFacts,
  note?: string | null
): VerificationVerdict {
  if (!checker.mayApprove) {
    return deny(403, 'figure.verify.not-editor');
  }
  if (checker.kind === 'user' && checker.id !== undefined && figure.createdBy !== undefined && figure.createdBy !== null && checker.id === figure.createdBy) {
    return deny(409, 'figure.verify.own-figure');
  }
  const to = TARGET[action];
  if (figure.state === to) {
    return deny(409, 'figure.verify.same-state', { state: to });
  }
  if (action === 'dispute' && blank(note)) {
    return deny(400, 'figure.verify.note-required');
  }
  if (action === 'verify') {
    const missing = sourceProblems(figure.source);
    if (missing.length) {
      return deny(400, 'figure.verify.source-incomplete', { missing: missing.map((m) => m.field) });
    }
  }
  return { ok: true, to };
}

/**
 * Does a write change the claim? Compares what the write sends with what is stored; a field
 * the write leaves out is unchanged. Values compare as numbers (PostgreSQL hands decimals over
 * as strings), empty units of count as null.
 */
export function claimChanged(stored: Record<string, unknown> | null | undefined, data: Record<string, unknown>): boolean {
  if (!stored) return false;
  return CLAIM_FIELDS.some((field) => {
    if (!(field in data) || data[field] === undefined) return false;
    const before = stored[field];
    const after = data[field];
    if (field === 'value') return Number(before) !== Number(after);
    const norm = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
    return norm(before) !== norm(after);
  });
}

/** A figure as the approval gate sees it. */
export interface GateFigure {
  documentId: string;
  label: string;
  display: string;
  state: VerificationState;
}

/** The figures that stop an approval: every one not verified (unverified or disputed). */
export const approvalBlockers = <T extends { state: VerificationState }>(figures: readonly T[]): T[] => figures.filter((f) => f.state !== 'verified');

/** Approval (and a publish that skipped it) needs verified figures. */
export const needsVerifiedFigures = (from: string, to: string) =>
  to === 'approved' || (to !== from && (to === 'scheduled' || to === 'published') && from !== 'approved' && from !== 'scheduled');

/** The 409 of an approval that cites figures not verified, naming each (label and display). zh-Hans, then English. */
export function approvalRefusal(figures: readonly GateFigure[]): { code: MessageCode; params: MessageParams } {
  return { code: 'figure.verify.unverified', params: { figures: figures.map((f) => ({ label: f.label, display: f.display, state: f.state })) } };
}

/** The audit note of a verification step. */
export const verificationNote = (to: VerificationState, source: FigureSource, note?: string | null) => {
  const head = `核实：${factCheckLabel(to, 'zh-Hans')} / fact check: ${factCheckLabel(to, 'en')}`;
  const from = source.kind ? ` — ${sourceLabel(source)}` : '';
  return head + from + (note && note.trim() ? `: ${note.trim()}` : '');
};

/**
 * The audit trail records a fact-check step as `from: 'fact-check'`, `to:` the new verification
 * state: a step of its own, not a workflow transition, so it neither counts as an edit of the
 * version under review nor breaks the walk back to its submission.
 */
export const FACT_CHECK_STEP = 'fact-check';

export const RESET_NOTE = '数字已修改，核实状态退回“未核实” / the figure changed; its verification went back to unverified';

/** One line naming a source, for the audit trail and the admin (readers get the parts). */
export const sourceLabel = (s: FigureSource): string => {
  switch (s.kind) {
    case 'document':
      return [s.title, s.page ? `p. ${s.page}` : ''].filter(Boolean).join(', ');
    case 'url':
      return String(s.url ?? '');
    case 'statement':
      return [s.name, s.office].filter(Boolean).join(', ');
    case 'own-count':
      return 'own count / 记者自行统计';
    default:
      return '';
  }
};

/** What readers see of a source: the parts of its kind only, nothing else. */
export interface PublicSource {
  kind: SourceKind;
  title: string | null;
  page: string | null;
  url: string | null;
  name: string | null;
  office: string | null;
}

export const publicSource = (s: FigureSource): PublicSource | null => {
  if (!s.kind || !(SOURCE_KINDS as readonly string[]).includes(s.kind)) return null;
  const v = (x: string | null | undefined) => (x && x.trim() ? x.trim() : null);
  return {
    kind: s.kind,
    title: s.kind === 'document' ? v(s.title) : null,
    page: s.kind === 'document' ? v(s.page) : null,
    url: s.kind === 'url' ? v(s.url) : null,
    name: s.kind === 'statement' ? v(s.name) : null,
    office: s.kind === 'statement' ? v(s.office) : null,
  };
};
