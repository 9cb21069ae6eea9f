/**
 * Every saved revision of an editorial record, per locale, append-only (docs/workflow.md,
 * "Revisions"): written only by the revisions guard (middlewares/documents/revisions.ts) after
 * a write that changed the record's content, never changed or deleted (the audit-trail guard
 * refuses every other write). Hidden from the Content Manager and the Content-Type Builder;
 * read through /chronicle/revisions by whoever may read the record.
 *
 * The snapshot keeps the record's editorial fields, private ones included (a profile's
 * private notes): it is admin-only data behind the record's own read permission, and an
 * audit trail that left out what was changed would not be one. Bookkeeping (ids, timestamps,
 * authorship, workflow state) is left out (domain/revision-diff.ts SYSTEM_FIELDS).
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_revisions',
  info: {
    singularName: 'revision',
    pluralName: 'revisions',
    displayName: 'Revision',
    description: 'Saved revisions of editorial records (append-only)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    contentUid: { type: 'string', required: true, maxLength: 120 },
    subjectDocumentId: { type: 'string', required: true, maxLength: 64 },
    subjectLocale: { type: 'string', required: true, maxLength: 16 },
    /** The document's save counter after the save (domain/revision.ts): the revision number. */
    number: { type: 'integer', min: 0, required: true },
    /** What made it: create, create-locale, update, discard. */
    action: { type: 'string', maxLength: 32 },
    editor: { type: 'relation', relation: 'manyToOne', target: 'admin::user', private: true },
    editorName: { type: 'string', maxLength: 120 },
    savedAt: { type: 'datetime', required: true },
    /** The snapshot's fingerprint: a save that changes nothing appends no revision. */
    fingerprint: { type: 'string', maxLength: 64 },
    /** The fingerprint of the translatable text (domain/translation-stale.ts). */
    textFingerprint: { type: 'string', maxLength: 64 },
    /** English: the Chinese text fingerprint this translation was made from. */
    sourceFingerprint: { type: 'string', maxLength: 64 },
    snapshot: { type: 'json', required: true },
  },
  indexes: [
    {
      name: 'chronicle_revisions_subject_idx',
      columns: ['content_uid', 'subject_document_id', 'subject_locale'],
    },
  ],
};
