/**
 * Saved revisions of an editorial record and what changed between two of them, for the
 * Workflow panel (docs/workflow.md, "What changed"). A revision's snapshot is the record's
 * editorial content as plain JSON: its fields, its components, and the documents and files it
 * links to (by documentId, with a label to show); never bookkeeping (ids, timestamps,
 * authorship, the save counter, workflow state). The diff reads field by field: a changed
 * value old → new, text as a diff by character (Chinese has no spaces to split words at, so
 * a word diff would mark a whole sentence as changed), lists (bylines, photos, linked
 * records) as the items added and removed.
 * Pure module: no Strapi import.
 */
import { createHash } from 'node:crypto';
import { diffChars } from 'diff';

export type SnapshotValue = string | number | boolean | null | SnapshotValue[] | { [key: string]: SnapshotValue };
export type Snapshot = Record<string, SnapshotValue>;

/** Never part of a snapshot or a diff: the record's bookkeeping, not what it says. */
export const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'localizations',
  'locale',
  'revision',
  'workflowState',
  'scheduledFor',
  '__component',
  '__temp_key__',
]);

/** What a linked document or file is shown as, in this order of preference. */
const LABEL_FIELDS = ['title', 'fullName', 'name', 'label', 'slug'];

const labelOf = (record: Record<string, unknown>): string => {
  for (const key of LABEL_FIELDS) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return String(record.documentId);
};

const snapshotValue = (value: unknown, depth: number): SnapshotValue | undefined => {
  if (value === undefined || typeof value === 'function') return undefined;
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => snapshotValue(v, depth + 1) ?? null);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A linked document (or file) is known by its documentId; its own content is not ours.
    if (typeof record.documentId === 'string') return { documentId: record.documentId, label: labelOf(record) };
    const out: Record<string, SnapshotValue> = {};
    for (const key of Object.keys(record).sort()) {
      if (SYSTEM_FIELDS.has(key)) continue;
      const v = snapshotValue(record[key], depth + 1);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value as string | number | boolean;
};

/** A document as read by the Document Service (components and relations populated) → its snapshot. */
export const toSnapshot = (document: Record<string, unknown>): Snapshot => {
  const out: Snapshot = {};
  for (const key of Object.keys(document).sort()) {
    if (SYSTEM_FIELDS.has(key)) continue;
    const v = snapshotValue(document[key], 1);
    if (v !== undefined) out[key] = v;
  }
  return out;
};

const isRef = (value: SnapshotValue): value is { documentId: string; label: string } =>
  Boolean(value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Record<string, unknown>).documentId === 'string');

/** The snapshot as compared: a linked record by its documentId alone (its label is its own business). */
const comparable = (value: SnapshotValue): unknown => {
  if (Array.isArray(value)) return value.map(comparable);
  if (isRef(value)) return value.documentId;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, comparable((value as Record<string, SnapshotValue>)[k])]));
  }
  return value;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Two snapshots with the same fingerprint say the same thing: a save that changes nothing appends no revision. */
export const snapshotFingerprint = (snapshot: Snapshot): string => sha256(JSON.stringify(comparable(snapshot)));

/** Fingerprint of some fields of a snapshot only (../domain/translation-stale.ts). */
export const fieldsFingerprint = (snapshot: Snapshot, fields: readonly string[]): string =>
  sha256(JSON.stringify([...fields].sort().map((f) => [f, comparable(snapshot[f] ?? null)])));

// ---- the diff ---------------------------------------------------------------------------

export type TextOp = 'equal' | 'insert' | 'delete';
export interface TextSegment {
  op: TextOp;
  text: string;
}

export type FieldChange =
  | { field: string; kind: 'text'; segments: TextSegment[] }
  | { field: string; kind: 'value'; before: string | null; after: string | null }
  | { field: string; kind: 'list'; added: string[]; removed: string[] };

/** An unchanged stretch shorter than this between two changes is folded into them: "入户→上门" reads better than 入[户→门]. */
const FOLD_BELOW = 2;
/** Unchanged text kept on either side of a change; the rest of a long unchanged stretch is elided (…). */
const CONTEXT = 24;
/** Text diffs give up (the whole text is shown as replaced) rather than take longer than this. */
const DIFF_TIMEOUT_MS = 500;

/** Strings longer than this, or with a line break or a Chinese character, are diffed as text. */
const SHORT = 30;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const isText = (a: string, b: string) => [a, b].some((s) => s.length > SHORT || s.includes('\n') || HAN.test(s));

/**
 * The character diff of two texts as runs an editor can read: consecutive deletions and
 * insertions merged into one deletion followed by one insertion, a one-character unchanged
 * island between two changes folded into them, long unchanged stretches cut to their
 * context (`…`).
 */
export const textDiff = (before: string, after: string): TextSegment[] => {
  const parts = diffChars(before, after, { timeout: DIFF_TIMEOUT_MS }) as Array<{ added?: boolean; removed?: boolean; value: string }> | undefined;
  const raw: TextSegment[] = parts
    ? parts.map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }))
    : [
        { op: 'delete', text: before },
        { op: 'insert', text: after },
      ];
  // Fold short unchanged islands between two changes into both sides of the change.
  const folded: TextSegment[] = [];
  raw.forEach((segment, i) => {
    const between = i > 0 && i < raw.length - 1 && raw[i - 1].op !== 'equal' && raw[i + 1].op !== 'equal';
    if (segment.op === 'equal' && between && [...segment.text].length < FOLD_BELOW) {
      folded.push({ op: 'delete', text: segment.text }, { op: 'insert', text: segment.text });
    } else folded.push(segment);
  });
  // Merge each run of changes into one deletion then one insertion.
  const merged: TextSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) merged.push({ op: 'delete', text: del });
    if (ins) merged.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const segment of folded) {
    if (!segment.text) continue;
    if (segment.op === 'delete') del += segment.text;
    else if (segment.op === 'insert') ins += segment.text;
    else {
      flush();
      const last = merged[merged.length - 1];
      if (last?.op === 'equal') last.text += segment.text;
      else merged.push({ ...segment });
    }
  }
  flush();
  // Cut long unchanged stretches to the context around the changes.
  return merged.map((segment, i) => {
    if (segment.op !== 'equal') return segment;
    const chars = [...segment.text];
    const first = i === 0;
    const last = i === merged.length - 1;
    const keep = (first ? 0 : CONTEXT) + (last ? 0 : CONTEXT);
    if (chars.length <= keep + 1) return segment;
    if (first) return { op: 'equal', text: `…${chars.slice(-CONTEXT).join('')}` };
    if (last) return { op: 'equal', text: `${chars.slice(0, CONTEXT).join('')}…` };
    return { op: 'equal', text: `${chars.slice(0, CONTEXT).join('')}…${chars.slice(-CONTEXT).join('')}` };
  });
};

/** A value as an editor reads it in one line. */
export const displayValue = (value: SnapshotValue | undefined): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.map((v) => displayValue(v) ?? '—').join('; ');
  if (isRef(value)) return value.label;
  if (typeof value === 'object') {
    const parts = Object.keys(value)
      .map((k) => displayValue((value as Record<string, SnapshotValue>)[k]))
      .filter((v): v is string => Boolean(v));
    const text = parts.join(' · ');
    return text.length > 120 ? `${text.slice(0, 119)}…` : text;
  }
  return String(value);
};

const itemKey = (value: SnapshotValue) => JSON.stringify(comparable(value));

const isPlainObject = (value: SnapshotValue | undefined): value is Record<string, SnapshotValue> =>
  Boolean(value && typeof value === 'object' && !Array.isArray(value) && !isRef(value as SnapshotValue));

const diffValue = (field: string, before: SnapshotValue | undefined, after: SnapshotValue | undefined, out: FieldChange[]) => {
  const b = before === undefined ? null : before;
  const a = after === undefined ? null : after;
  if (itemKey(b) === itemKey(a)) return;
  if (Array.isArray(b) || Array.isArray(a)) {
    const beforeItems = Array.isArray(b) ? b : b === null ? [] : [b];
    const afterItems = Array.isArray(a) ? a : a === null ? [] : [a];
    const unmatched = (items: SnapshotValue[], others: SnapshotValue[]) => {
      const pool = new Map<string, number>();
      for (const item of others) pool.set(itemKey(item), (pool.get(itemKey(item)) ?? 0) + 1);
      return items.filter((item) => {
        const left = pool.get(itemKey(item)) ?? 0;
        if (left > 0) pool.set(itemKey(item), left - 1);
        return left === 0;
      });
    };
    const added = unmatched(afterItems, beforeItems).map((item) => displayValue(item) ?? '—');
    const removed = unmatched(beforeItems, afterItems).map((item) => displayValue(item) ?? '—');
    // Nothing added or removed: the same items in a new order (shown as such).
    out.push({ field, kind: 'list', added, removed });
    return;
  }
  // A single component: field by field, under its name (dateline.place).
  if (isPlainObject(b) && isPlainObject(a)) {
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
      if (SYSTEM_FIELDS.has(key)) continue;
      diffValue(`${field}.${key}`, b[key], a[key], out);
    }
    return;
  }
  if ((typeof b === 'string' || b === null) && (typeof a === 'string' || a === null) && isText(b ?? '', a ?? '')) {
    out.push({ field, kind: 'text', segments: textDiff(b ?? '', a ?? '') });
    return;
  }
  out.push({ field, kind: 'value', before: displayValue(b), after: displayValue(a) });
};

/**
 * What changed from one snapshot to the next, field by field in the order of `fieldOrder`
 * (the schema's) and then alphabetically. System fields never show.
 */
export const diffSnapshots = (before: Snapshot | null, after: Snapshot, fieldOrder: readonly string[] = []): FieldChange[] => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])].filter((k) => !SYSTEM_FIELDS.has(k));
  const rank = (k: string) => {
    const i = fieldOrder.indexOf(k);
    return i === -1 ? fieldOrder.length : i;
  };
  keys.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  const out: FieldChange[] = [];
  for (const key of keys) diffValue(key, before?.[key], after[key], out);
  return out;
};
