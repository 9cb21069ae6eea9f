import { UNIT_KINDS } from '../../domain/enums';
import { enumeration, relation, slug, text, typePluginOptions, revision } from '../attributes';

/** Organisational and geographic hierarchy: district → subdistrict → community → grid; police bureau → stations. */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_units',
  info: {
    singularName: 'unit',
    pluralName: 'units',
    displayName: 'Unit',
    description: 'Districts, subdistricts, communities, grids, police and other units',
  },
  options: { draftAndPublish: false },
  pluginOptions: typePluginOptions,
  attributes: {
    name: text('string', { required: true, maxLength: 120 }),
    shortName: text('string', { maxLength: 60 }),
    kind: enumeration(UNIT_KINDS, { required: true, default: 'other' }),
    description: text('text', { maxLength: 2000 }),
    slug: slug(),
    revision: revision(),
    parent: relation('manyToOne', 'unit', { inversedBy: 'children' }),
    children: relation('oneToMany', 'unit', { mappedBy: 'parent' }),
    profiles: relation('oneToMany', 'frontline-profile', { mappedBy: 'unit' }),
    statistics: relation('oneToMany', 'grid-statistic', { mappedBy: 'scopeUnit' }),
    chronicles: relation('oneToMany', 'chronicle', { mappedBy: 'subjectUnit' }),
    events: relation('manyToMany', 'timeline-event', { mappedBy: 'units' }),
  },
  indexes: [{ name: 'chronicle_units_slug_idx', columns: ['slug'] }],
};
