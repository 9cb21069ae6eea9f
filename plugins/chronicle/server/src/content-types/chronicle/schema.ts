import { relation, sharedField, slug, text, typePluginOptions, editorialAttributes, revision } from '../attributes';

/** A dated account of one operation (纪实): its period, its unit, its ordered events. */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_chronicles',
  info: {
    singularName: 'chronicle',
    pluralName: 'chronicles',
    displayName: 'Chronicle',
    description: 'Dated accounts of one operation (纪实)',
  },
  options: { draftAndPublish: true },
  pluginOptions: typePluginOptions,
  attributes: {
    title: text('string', { required: true, maxLength: 200 }),
    subjectUnit: relation('manyToOne', 'unit', { inversedBy: 'chronicles' }),
    periodStart: sharedField('date', { required: true }),
    periodEnd: sharedField('date'),
    summary: text('text', { maxLength: 2000 }),
    body: text('richtext', { maxLength: 200000 }),
    events: relation('oneToMany', 'timeline-event', { mappedBy: 'chronicle' }),
    reports: relation('oneToMany', 'field-report', { mappedBy: 'chronicle' }),
    slug: slug(),
    revision: revision(),
    ...editorialAttributes(),
  },
  indexes: [{ name: 'chronicle_chronicles_slug_idx', columns: ['slug'] }],
};
