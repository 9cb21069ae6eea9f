import {
  component,
  relation,
  sharedField,
  slug,
  text,
  typePluginOptions,
  editorialAttributes,
  revision,
} from '../attributes';

/** A story as filed by a reporter or correspondent. */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_field_reports',
  info: {
    singularName: 'field-report',
    pluralName: 'field-reports',
    displayName: 'Field report',
    description: 'Stories as filed, with bylines, photos and the records they feed',
  },
  options: { draftAndPublish: true },
  pluginOptions: typePluginOptions,
  attributes: {
    title: text('string', { required: true, maxLength: 200 }),
    kicker: text('string', { maxLength: 120 }),
    dek: text('text', { maxLength: 1000 }),
    body: text('richtext', { maxLength: 200000 }),
    dateline: component('dateline', false),
    bylines: component('byline', true),
    cover: component('photo', false),
    photos: component('photo', true),
    tags: component('tag', true),
    profiles: relation('manyToMany', 'frontline-profile', { inversedBy: 'reports' }),
    events: relation('oneToMany', 'timeline-event', { mappedBy: 'sourceReport' }),
    statistics: relation('oneToMany', 'grid-statistic', { mappedBy: 'sourceReport' }),
    chronicle: relation('manyToOne', 'chronicle', { inversedBy: 'reports' }),
    embargoUntil: sharedField('datetime'),
    slug: slug(),
    revision: revision(),
    ...editorialAttributes(),
  },
  indexes: [{ name: 'chronicle_field_reports_slug_idx', columns: ['slug'] }],
};
