/**
 * The live timeline's change log (issue 19): one row for each publish, correction or withdrawal
 * of a timeline event, in commit order. Its id is the id of the Server-Sent Events message
 * (GET /api/chronicle/timeline/live), so a client that reconnects with Last-Event-ID is sent
 * every change after it. Written only by services/live.ts (in the transaction of the change
 * where there is one), pruned by age and count; never public as rows, never changed.
 * Hidden from the Content Manager and the Content-Type Builder.
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_live_changes',
  info: {
    singularName: 'live-change',
    pluralName: 'live-changes',
    displayName: 'Live change',
    description: 'Change log of the live timeline (publish, correction, withdrawal of events)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    change: { type: 'enumeration', enum: ['publish', 'update', 'withdraw'], required: true },
    subjectDocumentId: { type: 'string', required: true, maxLength: 64 },
    slug: { type: 'string', required: true, maxLength: 96 },
    subjectLocale: { type: 'string', required: true, maxLength: 16 },
    changedAt: { type: 'datetime', required: true },
  },
};
