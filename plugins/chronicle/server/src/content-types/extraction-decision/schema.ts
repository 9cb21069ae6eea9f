/**
 * What a reporter decided about one extraction proposal for one report: accepted (a draft
 * was made from it) or rejected. The extract route leaves decided proposals out, so a
 * rejected figure is not proposed again for that report. Internal bookkeeping: hidden from
 * the Content Manager and the Content-Type Builder, never in a public response.
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_extraction_decisions',
  info: {
    singularName: 'extraction-decision',
    pluralName: 'extraction-decisions',
    displayName: 'Extraction decision',
    description: 'Accepted and rejected extraction proposals per field report',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    reportDocumentId: { type: 'string', required: true, maxLength: 64 },
    fingerprint: { type: 'string', required: true, maxLength: 64 },
    kind: { type: 'enumeration', enum: ['event', 'statistic'], required: true },
    decision: { type: 'enumeration', enum: ['accepted', 'rejected'], required: true },
    /** The expression the proposal was read from ("10万余次"): recognises it after its sentence is edited. */
    expression: { type: 'string', maxLength: 200 },
    /** The draft made from an accepted proposal. */
    createdDocumentId: { type: 'string', maxLength: 64 },
    decidedBy: { type: 'relation', relation: 'manyToOne', target: 'admin::user', private: true },
  },
  indexes: [
    {
      name: 'chronicle_extraction_decisions_report_idx',
      columns: ['report_document_id', 'fingerprint'],
    },
  ],
};
