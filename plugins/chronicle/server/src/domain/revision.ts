/**
 * The save counter behind stale-write protection (docs/security.md, data safety). Every document
 * of the newsroom's types carries `revision`, shared by its locales. The Content Manager
 * loads it with the form and sends it back on save; a save that sends a counter behind the
 * stored one was made on a stale copy — someone saved in between — and is refused.
 * Pure module: no Strapi import.
 */

export const REVISION_FIELD = 'revision';

export type SentRevision = { kind: 'none' } | { kind: 'sent'; value: number } | { kind: 'invalid'; message: string };

/**
 * What a write says about the copy it was made on. Absent (scripts, imports, the demo
 * loader): nothing to check. `null` is what a form loaded from a record written before the
 * counter existed sends: the same as 0, the column's default.
 */
export const readRevision = (value: unknown): SentRevision => {
  if (value === undefined) return { kind: 'none' };
  if (value === null) return { kind: 'sent', value: 0 };
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return { kind: 'sent', value: number };
  return { kind: 'invalid', message: 'revision must be the whole number the document was loaded with' };
};

// The refusal a stale save gets is `document.stale-revision` in domain/messages: what
// happened, that nothing was saved, and what to do. The Content Manager reloads the document
// after a failed save, so the form then shows the current version (with the other person's
// changes); the plugin's "Your unsaved changes" panel offers the refused edits back.
