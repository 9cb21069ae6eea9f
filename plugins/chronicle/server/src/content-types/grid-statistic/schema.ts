import { METRIC_PATTERN, QUALIFIERS } from '../../domain/enums';
import { SOURCE_KINDS, VERIFICATION_STATES } from '../../domain/verification';
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
    // How the figure is known (domain/verification.ts): filled by the reporter in the form.
    sourceKind: enumeration(SOURCE_KINDS),
    sourceTitle: sharedField('string', { maxLength: 200 }),
    sourcePage: sharedField('string', { maxLength: 40 }),
    sourceUrl: sharedField('string', { maxLength: 500 }),
    sourceName: sharedField('string', { maxLength: 80 }),
    sourceOffice: sharedField('string', { maxLength: 120 }),
    verificationMethod: sharedField('text', { maxLength: 1000 }),
    // The fact check: written only by the verification action (POST /chronicle/figures/:documentId/
    // verification); the document guard drops them from every other write, and a change of value,
    // qualifier or unit of count puts the state back to unverified. A row without a state is unverified.
    verificationState: enumeration(VERIFICATION_STATES, { default: 'unverified' }),
    verifiedBy: sharedField('integer', { private: true }),
    verifiedByName: sharedField('string', { private: true, maxLength: 120 }),
    verifiedAt: sharedField('datetime'),
    verificationNote: sharedField('text', { private: true, maxLength: 1000 }),
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
