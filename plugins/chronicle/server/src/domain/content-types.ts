/**
 * What the plugin knows about each of its content types beyond the schema: the field a
 * human names a record by, how its slug is made, and which cross-field rules apply.
 * Pure module: no Strapi import.
 */

export const TYPE_NAMES = [
  'unit',
  'contributor',
  'frontline-profile',
  'field-report',
  'chronicle',
  'timeline-event',
  'grid-statistic',
  'workflow-transition',
] as const;
export type TypeName = (typeof TYPE_NAMES)[number];

export const PLUGIN_UID_PREFIX = 'plugin::chronicle.';
export const typeUid = (name: TypeName) => `${PLUGIN_UID_PREFIX}${name}` as const;

export const typeNameOf = (uid: string): TypeName | undefined => {
  if (!uid.startsWith(PLUGIN_UID_PREFIX)) return undefined;
  const name = uid.slice(PLUGIN_UID_PREFIX.length);
  return (TYPE_NAMES as readonly string[]).includes(name) ? (name as TypeName) : undefined;
};

/** Types that readers see: Draft & Publish, and (later) the editorial workflow. */
export const EDITORIAL_TYPES: TypeName[] = [
  'field-report',
  'chronicle',
  'frontline-profile',
  'timeline-event',
  'grid-statistic',
];

/** Reference data every newsroom member may read and link to. */
export const REFERENCE_TYPES: TypeName[] = ['unit', 'contributor'];

export interface TypeMeta {
  /** The field a record is known by; must never be empty. */
  mainField: string;
  /** How the slug is derived from the main field. */
  slugMode: 'person' | 'place' | 'text';
}

export const TYPE_META: Record<Exclude<TypeName, 'workflow-transition'>, TypeMeta> = {
  unit: { mainField: 'name', slugMode: 'place' },
  contributor: { mainField: 'name', slugMode: 'person' },
  'frontline-profile': { mainField: 'fullName', slugMode: 'person' },
  'field-report': { mainField: 'title', slugMode: 'text' },
  chronicle: { mainField: 'title', slugMode: 'text' },
  'timeline-event': { mainField: 'title', slugMode: 'text' },
  'grid-statistic': { mainField: 'label', slugMode: 'text' },
};
