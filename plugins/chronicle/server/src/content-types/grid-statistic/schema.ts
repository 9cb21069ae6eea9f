import { METRIC_PATTERN, QUALIFIERS } from '../../domain/enums';
import {
  enumeration,
  relation,
  sharedField,
  slug,
  text,
  typePluginOptions,
  editorialAttributes,
  revision,
} from '../attributes';

/**
 * One figure as reported: "10万余次" is value 100000, qualifier more-than, unit of count 次.
 * `additive` says whether figures of this metric may be summed up the unit tree.
 */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_grid_statistics',
  info: {
    singularName: 'grid-statistic',
    pluralName: 'grid-statistics',
    displayName: 'Grid statistic',
    description: 'Figures as reported, with their qualifiers, units and sources',
  },
  options: { draftAndPublish: true },
  pluginOptions: typePluginOptions,
  attributes: {
    metric: sharedField('string', { required: true, maxLength: 64, regex: METRIC_PATTERN }),
    label: text('string', { required: true, maxLength: 120 }),
    value: sharedField('decimal', { required: true, min: 0 }),
    qualifier: enumeration(QUALIFIERS, { required: true, default: 'exact' }),
    countUnit: sharedField('string', { maxLength: 16 }),
    scopeUnit: relation('manyToOne', 'unit', { inversedBy: 'statistics' }),
    periodStart: sharedField('date'),
    periodEnd: sharedField('date'),
    asOf: sharedField('date'),
    sourceReport: relation('manyToOne', 'field-report', { inversedBy: 'statistics' }),
    events: relation('manyToMany', 'timeline-event', { mappedBy: 'statistics' }),
    additive: sharedField('boolean', { default: false }),
    slug: slug(),
    revision: revision(),
    ...editorialAttributes(),
  },
  indexes: [
    // The statistics list of one metric, a page at a time in slug order (keyset paging).
    { name: 'chronicle_grid_statistics_metric_slug_idx', columns: ['metric', 'slug'] },
    // Figures of one metric in one locale: the roll-ups' sums.
    { name: 'chronicle_grid_statistics_figures_idx', columns: ['metric', 'locale', 'published_at'] },
    { name: 'chronicle_grid_statistics_slug_idx', columns: ['slug'] },
  ],
};
