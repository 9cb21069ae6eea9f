/**
 * The plugin's components (category `chronicle`). Strapi only loads components from the
 * application's src/components folder, so the plugin registers these itself in register()
 * (see ../register.ts) with the same shape the core loader gives app components.
 */
import {
  BYLINE_ROLES,
  CORRECTION_KINDS,
  DATE_PRECISIONS,
  DUTY_ROLES,
} from '../domain/enums';
import { componentUid, PLUGIN_NAME, typeUid } from '../domain/content-types';

const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra });
const field = (type: string, extra: Record<string, unknown> = {}) => ({ type, ...extra });
const enumeration = (values: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'enumeration',
  enum: [...values],
  ...extra,
});
const report = { type: 'relation', relation: 'oneToOne', target: typeUid('field-report') };

interface ComponentSchema {
  collectionName: string;
  info: { displayName: string; icon: string; description: string };
  options: Record<string, unknown>;
  attributes: Record<string, Record<string, unknown>>;
}

const schema = (
  name: string,
  displayName: string,
  icon: string,
  description: string,
  attributes: ComponentSchema['attributes']
): [string, ComponentSchema] => [
  name,
  {
    collectionName: `components_chronicle_${name.replace(/-/g, '_')}s`,
    info: { displayName, icon, description },
    options: {},
    attributes,
  },
];

export const componentSchemas: Record<string, ComponentSchema> = Object.fromEntries([
  schema('byline', 'Byline', 'user', 'A contributor and the role they played (记者, 通讯员, 文/摄)', {
    contributor: {
      type: 'relation',
      relation: 'oneToOne',
      target: typeUid('contributor'),
    },
    role: enumeration(BYLINE_ROLES, { required: true, default: 'reporter' }),
  }),
  schema('dateline', 'Dateline', 'pinMap', 'Where and when the report was filed', {
    place: str({ maxLength: 80 }),
    date: field('date'),
  }),
  schema('photo', 'Photo', 'picture', 'An image with its caption, credit and alt text', {
    image: { type: 'media', multiple: false, allowedTypes: ['images'] },
    caption: field('text', { maxLength: 1000 }),
    credit: str({ maxLength: 120 }),
    alt: str({ maxLength: 300 }),
  }),
  schema('correction', 'Correction', 'pencil', 'A public correction, clarification or update', {
    date: field('datetime', { required: true }),
    kind: enumeration(CORRECTION_KINDS, { required: true, default: 'correction' }),
    text: field('text', { required: true, maxLength: 4000 }),
  }),
  schema('deed', 'Deed', 'star', 'One dated thing the person did, with its source', {
    date: field('date', { required: true }),
    precision: enumeration(DATE_PRECISIONS, { required: true, default: 'day' }),
    summary: field('text', { required: true, maxLength: 2000 }),
    sourceReport: report,
  }),
  schema('quote', 'Quote', 'quote', 'Something the person said, as reported', {
    text: field('text', { required: true, maxLength: 1000 }),
    context: str({ maxLength: 300 }),
    saidOn: field('date'),
    sourceReport: report,
  }),
  schema('honour', 'Honour', 'crown', 'An honour or commendation received', {
    title: str({ required: true, maxLength: 200 }),
    awardedBy: str({ maxLength: 200 }),
    awardedOn: field('date'),
    documentNo: str({ maxLength: 80 }),
  }),
  schema('duty-role', 'Duty role', 'briefcase', 'A duty the person took on (信息员, 宣传员 …)', {
    role: enumeration(DUTY_ROLES, { required: true, default: 'information' }),
  }),
  schema('withdrawal-notice', 'Withdrawal notice', 'cross', 'Why and when a published record was withdrawn (shown at its URL)', {
    reason: field('text', { required: true, maxLength: 2000 }),
    date: field('datetime', { required: true }),
  }),
  schema('tag', 'Tag', 'hashtag', 'A topic label', {
    label: str({ required: true, maxLength: 40 }),
  }),
]);

/** Component definitions in the shape of Strapi's own component loader. */
export const buildComponents = () =>
  Object.fromEntries(
    Object.entries(componentSchemas).map(([name, definition]) => {
      const uid = componentUid(name);
      const globalId = `ComponentChronicle${name
        .split('-')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('')}`;
      const component = {
        ...structuredClone(definition),
        __schema__: structuredClone(definition),
        uid,
        category: PLUGIN_NAME,
        modelType: 'component',
        modelName: name,
        globalId,
      };
      return [uid, component];
    })
  );
