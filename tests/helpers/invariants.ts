/**
 * Bookkeeping for the invariants property test (tests/api/invariants.test.ts): reads the
 * plugin's editorial tables and the audit trail straight from the database (never through the
 * API under test), remembers what happened to each document, and says which invariant a step
 * broke.
 *
 * - approval: every published version (per locale) matches, field for field, a draft that an
 *   editor approved, and that approver wrote none of it: not the locale's creator, not the
 *   last submitter, not anyone whose write changed that locale since the last submission.
 *   Localized fields must match an approval of the same locale; shared fields (Strapi copies
 *   them to every locale's version of the same status) an approval of any locale. Matching is
 *   by content, not by the `revision` counter: the counter is shared by the locales, so a save
 *   of one locale moves every locale's counter (the counter at each approval is kept for the
 *   report).
 * - ownership: a reporter's step leaves every row of other people's documents as it was.
 * - audit: a change of a locale's workflowState comes with audit rows leading from the old
 *   state to the new; a new locale or document starts in draft unless rows say otherwise.
 * - slugs: no two documents of a type share a slug (draft or published rows).
 * - addresses: kept by the test (the public answers come from HTTP).
 */
import type { Core } from '@strapi/strapi';

export type ActorKey = 'r1' | 'r2' | 'ed';
export const EDITORIAL = ['field-report', 'frontline-profile', 'timeline-event', 'grid-statistic', 'chronicle'] as const;
export type Editorial = (typeof EDITORIAL)[number];
export const uidOf = (type: Editorial) => `plugin::chronicle.${type}`;
export const TRANSITIONS = 'plugin::chronicle.workflow-transition';

/** Fields the fingerprints leave out: identity, timestamps, workflow bookkeeping. */
const NOT_CONTENT = new Set([
  'id', 'documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy',
  'workflowState', 'scheduledFor', 'revision', 'localizations',
]);
const SCALAR = new Set([
  'string', 'text', 'richtext', 'enumeration', 'integer', 'biginteger', 'decimal', 'float', 'boolean',
  'date', 'datetime', 'time', 'email', 'uid', 'json', 'blocks',
]);

export interface RowView {
  type: Editorial;
  documentId: string;
  locale: string;
  published: boolean;
  state: string;
  slug: string | null;
  revision: number;
  /** Localized content fields, as JSON. */
  localized: string;
  /** Shared (non-localized) content fields, as JSON. */
  shared: string;
  /** Everything stored in the row, for "was it touched at all". */
  raw: string;
}

export interface Snapshot {
  rows: Map<string, RowView>;
  lastAuditId: number;
}

export interface AuditRow {
  id: number;
  contentUid: string;
  subjectDocumentId: string;
  subjectLocale: string;
  from: string;
  to: string;
  actorName: string;
}

export const rowKey = (type: string, documentId: string, locale: string, published: boolean) =>
  `${type}|${documentId}|${locale}|${published ? 'published' : 'draft'}`;
export const localeKey = (type: string, documentId: string, locale: string) => `${type}|${documentId}|${locale}`;

const normalise = (type: string | undefined, value: unknown): unknown => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  switch (type) {
    case 'decimal':
    case 'float':
    case 'integer':
    case 'biginteger':
      return Number(value);
    case 'boolean':
      return Boolean(value);
    case 'datetime':
      return new Date(String(value)).toISOString();
    default:
      return value;
  }
};

const stable = (obj: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]])));

export async function snapshot(strapi: Core.Strapi): Promise<Snapshot> {
  const rows = new Map<string, RowView>();
  for (const type of EDITORIAL) {
    const uid = uidOf(type);
    const attributes = (strapi.getModel(uid as never) as any).attributes as Record<string, any>;
    const found = (await strapi.db.query(uid as never).findMany({ orderBy: { id: 'asc' } })) as Record<string, unknown>[];
    for (const row of found) {
      const localized: Record<string, unknown> = {};
      const shared: Record<string, unknown> = {};
      const raw: Record<string, unknown> = {};
      for (const [name, attribute] of Object.entries(attributes)) {
        if (!(name in row) && !SCALAR.has(attribute.type)) continue;
        const value = normalise(attribute.type, row[name]);
        raw[name] = value;
        if (NOT_CONTENT.has(name) || !SCALAR.has(attribute.type)) continue;
        if (attribute.pluginOptions?.i18n?.localized === false) shared[name] = value;
        else localized[name] = value;
      }
      raw.id = row.id;
      raw.updatedAt = normalise('datetime', row.updatedAt);
      raw.publishedAt = normalise('datetime', row.publishedAt);
      const published = row.publishedAt !== null && row.publishedAt !== undefined;
      const view: RowView = {
        type,
        documentId: String(row.documentId),
        locale: String(row.locale),
        published,
        state: String(row.workflowState ?? 'draft'),
        slug: (row.slug as string | null) ?? null,
        revision: Number(row.revision ?? 0),
        localized: stable(localized),
        shared: stable(shared),
        raw: stable(raw),
      };
      rows.set(rowKey(type, view.documentId, view.locale, published), view);
    }
  }
  const last = (await strapi.db.query(TRANSITIONS as never).findMany({ orderBy: { id: 'desc' }, limit: 1, select: ['id'] })) as Array<{ id: number }>;
  return { rows, lastAuditId: last[0]?.id ?? 0 };
}

export async function auditRowsAfter(strapi: Core.Strapi, id: number): Promise<AuditRow[]> {
  return (await strapi.db.query(TRANSITIONS as never).findMany({
    where: { id: { $gt: id } },
    orderBy: { id: 'asc' },
    select: ['id', 'contentUid', 'subjectDocumentId', 'subjectLocale', 'from', 'to', 'actorName'],
  })) as AuditRow[];
}

/** One thing that happened to a locale of a document, in order. */
type Event =
  | { kind: 'write'; step: number; actor: ActorKey }
  | { kind: 'audit'; step: number; from: string; to: string; actor: string };

interface Approval {
  step: number;
  approver: string;
  eligible: boolean;
  why: string;
  localized: string;
  shared: string;
  revision: number;
}

/** What the test knows beyond the database: owners, what happened to each locale, approvals. */
export class Ledger {
  owners = new Map<string, ActorKey>(); // type|documentId -> owner
  events = new Map<string, Event[]>(); // type|documentId|locale -> events
  approvals = new Map<string, Approval[]>(); // type|documentId|locale -> approvals
  constructor(private readonly actorOfName: (name: string) => ActorKey | string) {}

  private eventsOf(key: string) {
    let list = this.events.get(key);
    if (!list) this.events.set(key, (list = []));
    return list;
  }

  /**
   * Record one step: who changed which draft, the audit rows it wrote, the approvals it made,
   * and return the broken invariants (empty when all hold).
   */
  record(step: number, actor: ActorKey, before: Snapshot, after: Snapshot, audit: AuditRow[], checks: Set<string>): string[] {
    const problems: string[] = [];
    const docKey = (r: RowView) => `${r.type}|${r.documentId}`;
    // New documents belong to whoever created them in this step.
    const knownDocs = new Set([...before.rows.values()].map(docKey));
    for (const row of after.rows.values()) {
      if (!knownDocs.has(docKey(row)) && !this.owners.has(docKey(row))) this.owners.set(docKey(row), actor);
    }

    // Writes: a locale's draft whose content changed (or appeared) in this step.
    for (const row of after.rows.values()) {
      if (row.published) continue;
      const was = before.rows.get(rowKey(row.type, row.documentId, row.locale, false));
      if (!was || was.localized !== row.localized || was.shared !== row.shared) {
        this.eventsOf(localeKey(row.type, row.documentId, row.locale)).push({ kind: 'write', step, actor });
      }
    }
    for (const a of audit) {
      const type = a.contentUid.replace('plugin::chronicle.', '');
      const key = localeKey(type, a.subjectDocumentId, a.subjectLocale);
      const actorKey = String(this.actorOfName(a.actorName));
      if (a.to === 'approved') {
        const draft = after.rows.get(rowKey(type, a.subjectDocumentId, a.subjectLocale, false));
        const verdict = this.mayApprove(key, actorKey);
        const list = this.approvals.get(key) ?? [];
        list.push({
          step,
          approver: actorKey,
          eligible: verdict.ok,
          why: verdict.why,
          localized: draft?.localized ?? '',
          shared: draft?.shared ?? '',
          revision: draft?.revision ?? -1,
        });
        this.approvals.set(key, list);
      }
      this.eventsOf(key).push({ kind: 'audit', step, from: a.from, to: a.to, actor: actorKey });
    }

    if (checks.has('ownership') && actor !== 'ed') problems.push(...this.ownership(actor, before, after));
    if (checks.has('audit')) problems.push(...auditChains(before, after, audit));
    if (checks.has('approval')) problems.push(...this.approval(after));
    if (checks.has('slugs')) problems.push(...uniqueSlugs(after));
    return problems;
  }

  /** May `approver` approve this locale now (before the approval row is counted)? */
  private mayApprove(key: string, approver: string): { ok: boolean; why: string } {
    if (approver !== 'ed' && !approver.startsWith('system:')) return { ok: false, why: `${approver} is not an editor` };
    const events = this.events.get(key) ?? [];
    const creator = events.find((e) => e.kind === 'write') as Extract<Event, { kind: 'write' }> | undefined;
    if (creator?.actor === approver) return { ok: false, why: `${approver} created this locale` };
    let lastSubmission = -1;
    events.forEach((e, i) => {
      if (e.kind === 'audit' && e.to === 'in_review') lastSubmission = i;
    });
    if (lastSubmission >= 0) {
      const submitter = (events[lastSubmission] as Extract<Event, { kind: 'audit' }>).actor;
      if (submitter === approver) return { ok: false, why: `${approver} submitted it (step ${events[lastSubmission].step})` };
    }
    // Writes since the submission; a write in the submitting step itself counts too.
    const since = lastSubmission >= 0 ? events[lastSubmission].step : -1;
    const wrote = events.filter((e) => e.kind === 'write' && e.step >= since && e.actor === approver);
    if (wrote.length) return { ok: false, why: `${approver} wrote a revision since the submission (step ${wrote.map((e) => e.step).join(', ')})` };
    return { ok: true, why: 'ok' };
  }

  private ownership(actor: ActorKey, before: Snapshot, after: Snapshot): string[] {
    const problems: string[] = [];
    const keys = new Set([...before.rows.keys(), ...after.rows.keys()]);
    for (const key of keys) {
      const was = before.rows.get(key);
      const now = after.rows.get(key);
      const row = (was ?? now)!;
      const owner = this.owners.get(`${row.type}|${row.documentId}`);
      if (!owner || owner === actor) continue;
      if (was?.raw === now?.raw) continue;
      const what = !was ? 'a new row appeared' : !now ? 'the row was deleted' : `the row changed: ${diff(was.raw, now.raw)}`;
      problems.push(`ownership: ${actor} wrote into ${owner}'s ${row.type} ${row.documentId} (${row.locale}, ${row.published ? 'published' : 'draft'}): ${what}`);
    }
    return problems;
  }

  private approval(after: Snapshot): string[] {
    const problems: string[] = [];
    for (const row of after.rows.values()) {
      if (!row.published) continue;
      const own = this.approvals.get(localeKey(row.type, row.documentId, row.locale)) ?? [];
      const all = [...after.rows.values()]
        .filter((r) => r.type === row.type && r.documentId === row.documentId)
        .map((r) => r.locale)
        .filter((l, i, list) => list.indexOf(l) === i)
        .flatMap((l) => this.approvals.get(localeKey(row.type, row.documentId, l)) ?? []);
      const localizedOk = own.some((a) => a.eligible && a.localized === row.localized);
      const sharedOk = all.some((a) => a.eligible && a.shared === row.shared);
      if (localizedOk && sharedOk) continue;
      const approvals = own.length
        ? own.map((a) => `step ${a.step} by ${a.approver} (${a.eligible ? 'eligible' : a.why}; revision ${a.revision}; ${a.localized === row.localized ? 'same' : 'other'} localized fields, ${a.shared === row.shared ? 'same' : 'other'} shared fields)`).join('; ')
        : 'none';
      problems.push(
        `approval: the published ${row.locale} version of ${row.type} ${row.documentId} (revision ${row.revision}, ${row.localized} ${row.shared}) ` +
          `has no eligible editor's approval of ${localizedOk ? 'its shared fields' : 'that content'}; approvals of this locale: ${approvals}`
      );
    }
    return problems;
  }
}

/** Each locale whose state changed has audit rows from the old state to the new one. */
function auditChains(before: Snapshot, after: Snapshot, audit: AuditRow[]): string[] {
  const problems: string[] = [];
  for (const row of after.rows.values()) {
    if (row.published) continue;
    const was = before.rows.get(rowKey(row.type, row.documentId, row.locale, false));
    const from = was?.state ?? 'draft';
    const rows = audit.filter(
      (a) => a.contentUid === uidOf(row.type) && a.subjectDocumentId === row.documentId && a.subjectLocale === row.locale
    );
    if (from === row.state && rows.length === 0) continue;
    const chain = rows.map((a) => `${a.from}>${a.to}`).join(', ');
    // A new locale or document may open its trail with a row of its own (e.g. "cloned from").
    const linked =
      rows.length > 0 &&
      (rows[0].from === from || !was) &&
      rows[rows.length - 1].to === row.state &&
      rows.every((a, i) => i === 0 || rows[i - 1].to === a.from);
    if (!linked) {
      problems.push(
        `audit: ${row.type} ${row.documentId} (${row.locale}) went ${was ? from : '(new)'} → ${row.state} with audit rows [${chain || 'none'}]`
      );
    }
  }
  return problems;
}

function uniqueSlugs(after: Snapshot): string[] {
  const byType = new Map<string, Map<string, Set<string>>>();
  for (const row of after.rows.values()) {
    if (!row.slug) continue;
    const slugs = byType.get(row.type) ?? new Map<string, Set<string>>();
    byType.set(row.type, slugs);
    const docs = slugs.get(row.slug) ?? new Set<string>();
    slugs.set(row.slug, docs);
    docs.add(row.documentId);
  }
  const problems: string[] = [];
  for (const [type, slugs] of byType) {
    for (const [slug, docs] of slugs) {
      if (docs.size > 1) problems.push(`slugs: ${type} slug "${slug}" is used by ${[...docs].join(', ')}`);
    }
  }
  return problems;
}

/** Which fields differ between two raw rows, briefly. */
function diff(a: string, b: string): string {
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  return Object.keys({ ...x, ...y })
    .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
    .map((k) => `${k} ${JSON.stringify(x[k])} → ${JSON.stringify(y[k])}`)
    .join(', ');
}
