import { PRECISIONS } from '../../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../../domain/time-zone';
import {
  enumeration,
  media,
  relation,
  sharedField,
  slug,
  text,
  typePluginOptions,
  editorialAttributes,
  revision,
} from '../attributes';

/**
 * One dated happening. `occurredAt` is a UTC instant; `precision`, `approximate` and
 * `timeZone` say how it may be displayed (2月24日中午12时左右 is not 12:00:00.000).
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_timeline_events',
  info: {
    singularName: 'timeline-event',
    pluralName: 'timeline-events',
    displayName: 'Timeline event',
    description: 'Dated happenings that make up the public timeline',
  },
  options: { draftAndPublish: true },
  pluginOptions: typePluginOptions,
  attributes: {
    title: text('string', { required: true, maxLength: 200 }),
    description: text('text', { maxLength: 4000 }),
    occurredAt: sharedField('datetime', { required: true }),
    endAt: sharedField('datetime'),
    precision: enumeration(PRECISIONS, { required: true, default: 'day' }),
    approximate: sharedField('boolean', { default: false }),
    timeZone: sharedField('string', { default: NEWSROOM_TIME_ZONE, maxLength: 64 }),
    place: text('string', { maxLength: 200 }),
    units: relation('manyToMany', 'unit', { inversedBy: 'events' }),
    actors: relation('manyToMany', 'frontline-profile', { inversedBy: 'events' }),
    chronicle: relation('manyToOne', 'chronicle', { inversedBy: 'events' }),
    sourceReport: relation('manyToOne', 'field-report', { inversedBy: 'events' }),
    statistics: relation('manyToMany', 'grid-statistic', { inversedBy: 'events' }),
    importance: sharedField('integer', { min: 1, max: 5, default: 3 }),
    media: media(true, ['images', 'videos']),
    slug: slug(),
    revision: revision(),
    ...editorialAttributes(),
  },
  indexes: [
    { name: 'chronicle_timeline_events_occurred_idx', columns: ['occurred_at'] },
    { name: 'chronicle_timeline_events_slug_idx', columns: ['slug'] },
    // The public timeline: one locale's rows in (occurredAt, documentId) order, read a page
    // at a time from a keyset cursor (services/public-read/), never the whole archive.
    { name: 'chronicle_timeline_events_locale_occurred_idx', columns: ['locale', 'occurred_at', 'document_id'] },
  ],
};
