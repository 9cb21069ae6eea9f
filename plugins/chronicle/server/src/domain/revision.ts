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

/**
 * The refusal a stale save gets: what happened, that nothing was saved, and what to do. The
 * Content Manager reloads the document after a failed save, so the form then shows the
 * current version (with the other person's changes); the plugin's "Your unsaved changes"
 * panel offers the refused edits back.
 */
export const staleWriteMessage = (sent: number, stored: number | null): string =>
  [
    `Someone else saved this document after you opened it (you opened revision ${sent}; it is now at revision ${stored ?? '?'}). ` +
      'Nothing was saved. The form now shows the current version with their changes; the "Your unsaved changes" panel puts yours back, to check against theirs and save again.',
    `在您打开之后，他人已保存此文档（您打开的是第 ${sent} 版，现为第 ${stored ?? '?'} 版）。` +
      '本次未保存任何内容。表单现已显示包含对方修改的最新版本；可在“您未保存的修改”面板中恢复您的修改，核对后再保存。',
  ].join(' / ');
