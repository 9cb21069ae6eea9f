/**
 * What the plugin knows about each of its content types beyond the schema: the field a
 * human names a record by, how its slug is made, and which cross-field rules apply.
 * It is also the one table of UIDs: every content-type UID (`plugin::chronicle.<name>`) and
 * component UID (`chronicle.<name>`) in the server is written with `typeUid` / `componentUid`
 * (docs/architecture.md, "Tables"). Pure module: no Strapi import.
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

/** The plugin's own bookkeeping types: no editorial rules, not in the Content Manager's layouts. */
export const INTERNAL_TYPE_NAMES = ['extraction-decision', 'tombstone', 'revision', 'notification', 'live-change'] as const;
export type InternalTypeName = (typeof INTERNAL_TYPE_NAMES)[number];
/** Every content type the plugin registers (content-types/index.ts). */
export type AnyTypeName = TypeName | InternalTypeName;

export const PLUGIN_NAME = 'chronicle';
export const PLUGIN_UID_PREFIX = `plugin::${PLUGIN_NAME}.` as const;
export const typeUid = <N extends AnyTypeName>(name: N) => `${PLUGIN_UID_PREFIX}${name}` as `plugin::chronicle.${N}`;

/**
 * Any other name in the plugin's namespace: an admin action (`read`, `workflow.submit`), a
 * policy (`upload-owner`), a config key (`sitePath`).
 */
export const pluginUid = <N extends string>(name: N) => `${PLUGIN_UID_PREFIX}${name}` as `plugin::chronicle.${N}`;

/** Components live in the category `chronicle` (components/index.ts): `chronicle.byline`. */
export const COMPONENT_PREFIX = `${PLUGIN_NAME}.` as const;
export const componentUid = <N extends string>(name: N) => `${COMPONENT_PREFIX}${name}` as `chronicle.${N}`;
/** The component's name inside the category, or undefined for another category's UID. */
export const componentNameOf = (uid: string | undefined): string | undefined =>
  uid && uid.startsWith(COMPONENT_PREFIX) ? uid.slice(COMPONENT_PREFIX.length) : undefined;

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

/** The UIDs of the editorial types, the only ones the workflow routes take. */
export const EDITORIAL_UIDS: string[] = EDITORIAL_TYPES.map(typeUid);

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
