/**
 * What remains at the address of a record that was public and has been deleted: its public
 * withdrawal notice. The public API answers the address with 410 and this notice, so deleting
 * a record cannot erase the fact that it was published and withdrawn. Written only by the
 * delete guard (middlewares/documents/lifecycle.ts), in the transaction of the delete; never
 * changed. Hidden from the Content Manager and the Content-Type Builder.
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_tombstones',
  info: {
    singularName: 'tombstone',
    pluralName: 'tombstones',
    displayName: 'Tombstone',
    description: 'Withdrawal notices of deleted records that had been public',
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
    slug: { type: 'string', required: true, maxLength: 96 },
    subjectLocale: { type: 'string', required: true, maxLength: 16 },
    reason: { type: 'text', maxLength: 4000 },
    withdrawnAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', required: true },
  },
  indexes: [{ name: 'chronicle_tombstones_slug_idx', columns: ['content_uid', 'slug'] }],
};
