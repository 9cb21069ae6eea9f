/**
 * One notice to one admin user about a workflow step (domain/notifications): written only by
 * the notifications service after the step committed (strapi.db.query), read and marked
 * read only through /chronicle/notifications by its recipient. Hidden from the Content
 * Manager and the Content-Type Builder; the Document Service refuses every write to it
 * (middlewares/documents/notifications.ts).
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_notifications',
  info: {
    singularName: 'notification',
    pluralName: 'notifications',
    displayName: 'Notification',
    description: 'Workflow notices for admin users',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    /** The admin user told (admin::user id). */
    recipientId: { type: 'integer', required: true, private: true },
    kind: { type: 'string', required: true, maxLength: 32 },
    contentUid: { type: 'string', required: true, maxLength: 120 },
    subjectDocumentId: { type: 'string', required: true, maxLength: 64 },
    subjectLocale: { type: 'string', required: true, maxLength: 16 },
    title: { type: 'string', maxLength: 400 },
    actorId: { type: 'integer', private: true },
    actorName: { type: 'string', maxLength: 120 },
    /** An excerpt of the step's note (domain/notifications NOTE_EXCERPT_LENGTH). */
    note: { type: 'text', maxLength: 400 },
    scheduledFor: { type: 'datetime' },
    readAt: { type: 'datetime' },
  },
  indexes: [{ name: 'chronicle_notifications_recipient_idx', columns: ['recipient_id', 'read_at'] }],
};
