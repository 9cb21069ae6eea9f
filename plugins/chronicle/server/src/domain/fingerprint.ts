/**
 * What a document says, as a comparable string: its fields, its components and the documents
 * it links to, without bookkeeping (ids, timestamps, authorship, the save counter, workflow fields). Two reads
 * with the same fingerprint say the same thing to a reader, so a save that changes nothing
 * (the Content Manager's Publish button saves the form first) is not an edit.
 * Pure module: no Strapi import.
 */

const BOOKKEEPING = new Set([
  'id',
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
  'corrections',
  'withdrawalNotice',
  '__component',
]);

const normalise = (value: unknown, depth: number): unknown => {
  if (Array.isArray(value)) return value.map((v) => normalise(v, depth));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A linked document is known by its documentId: its own content is not this document's.
    if (depth > 0 && typeof record.documentId === 'string') return { documentId: record.documentId };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      if (BOOKKEEPING.has(key) || (depth === 0 && key === 'documentId')) continue;
      const v = record[key];
      if (v === undefined) continue;
      out[key] = normalise(v, depth + 1);
    }
    return out;
  }
  return value;
};

export const contentFingerprint = (document: unknown): string => JSON.stringify(normalise(document, 0));
