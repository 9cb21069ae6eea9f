/**
 * Unsaved edits the Content Manager drops. When a save is refused (409: someone else saved
 * first, or an approved document would need a new review), the Content Manager reloads the
 * document into the form and the user's typed changes vanish from the screen. The edit view
 * keeps the user's last changes here and offers to put back those the reloaded version lacks.
 * Pure module: no React, no Strapi.
 */
type Values = Record<string, unknown>;

/**
 * Bookkeeping and fields the plugin manages: never the user's edits. The server's content
 * fingerprint skips the same fields (server/src/domain/fingerprint.ts, BOOKKEEPING; the admin
 * bundle cannot import server code): keep the two lists alike.
 */
const NOT_EDITS = new Set([
  'id',
  'documentId',
  'locale',
  'localizations',
  'status',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'revision',
  'workflowState',
  'scheduledFor',
  'corrections',
  'withdrawalNotice',
]);

/** A relation in the form is a pending connect/disconnect list: not restorable as a value. */
const isRelationValue = (value: unknown) =>
  Boolean(value && typeof value === 'object' && !Array.isArray(value) && ('connect' in (value as Values) || 'disconnect' in (value as Values)));

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields the user changed in the form since it was loaded, with their new values. */
export const userChanges = (initial: Values, values: Values): Values => {
  const changes: Values = {};
  for (const [field, value] of Object.entries(values)) {
    if (NOT_EDITS.has(field) || isRelationValue(value) || isRelationValue(initial[field])) continue;
    if (!same(value, initial[field])) changes[field] = value;
  }
  return changes;
};

/** Of the changes kept, those the reloaded version does not hold. */
export const lostChanges = (kept: Values, reloaded: Values): Values =>
  Object.fromEntries(Object.entries(kept).filter(([field, value]) => !same(value, reloaded[field])));

export interface KeptEdits {
  /** The revision of the version the edits were made on. */
  revision: unknown;
  changes: Values;
}

export type FormEvent =
  | { kind: 'edited'; initial: Values; values: Values }
  /** The form was (re)loaded: values and initial values are the same object. */
  | { kind: 'reloaded'; initial: Values };

/**
 * What to keep after a form event, and what to offer back. A reload that holds every kept
 * edit on a newer revision means they were saved: forget them. A reload on the same revision
 * that holds them is the Content Manager resetting the form to what it just sent: keep them
 * until the server's answer arrives.
 */
export const track = (kept: KeptEdits | null, event: FormEvent): { kept: KeptEdits | null; lost: Values | null } => {
  if (event.kind === 'edited') {
    const changes = userChanges(event.initial, event.values);
    return { kept: Object.keys(changes).length ? { revision: event.initial.revision, changes } : kept, lost: null };
  }
  if (!kept) return { kept: null, lost: null };
  const lost = lostChanges(kept.changes, event.initial);
  if (Object.keys(lost).length) return { kept, lost };
  return { kept: same(event.initial.revision, kept.revision) ? kept : null, lost: null };
};
