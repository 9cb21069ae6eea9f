/**
 * Append-only audit of editorial actions. Written only by the workflow service, inside the
 * transaction of the state change; every other write path is refused (see the
 * audit-trail guard in middlewares/documents), and the admin shows it read-only.
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_workflow_transitions',
  info: {
    singularName: 'workflow-transition',
    pluralName: 'workflow-transitions',
    displayName: 'Workflow transition',
    description: 'Audit trail of editorial actions (read-only)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    contentUid: { type: 'string', required: true, maxLength: 120 },
    subjectDocumentId: { type: 'string', required: true, maxLength: 64 },
    subjectLocale: { type: 'string', required: true, maxLength: 16 },
    from: { type: 'string', required: true, maxLength: 32 },
    to: { type: 'string', required: true, maxLength: 32 },
    actor: { type: 'relation', relation: 'manyToOne', target: 'admin::user', private: true },
    actorName: { type: 'string', maxLength: 120 },
    note: { type: 'text', maxLength: 4000 },
    at: { type: 'datetime', required: true },
    /** The document's save counter when the step was taken: what was submitted, edited, approved. */
    revision: { type: 'integer', min: 0 },
  },
  indexes: [
    {
      name: 'chronicle_workflow_transitions_subject_idx',
      columns: ['content_uid', 'subject_document_id', 'subject_locale'],
    },
  ],
};
