/**
 * Small builders for schema attributes, so the eight schemas read as field lists and the
 * i18n / relation boilerplate is written once. Typed against Strapi's schema shapes.
 */
import { componentUid, typeUid, type AnyTypeName } from '../domain/content-types';
import { SLUG_PATTERN, WORKFLOW_STATES as WORKFLOW_STATE_KEYS } from '../domain/enums';

const localized = { i18n: { localized: true } };
const shared = { i18n: { localized: false } };


/** Human-language text: translated per locale. */
export const text = (type: 'string' | 'text' | 'richtext', extra: Record<string, unknown> = {}) => ({
  type,
  pluginOptions: localized,
  ...extra,
});

/** A value that is the same in every locale (dates, numbers, keys). */
export const sharedField = (type: string, extra: Record<string, unknown> = {}) => ({
  type,
  pluginOptions: shared,
  ...extra,
});

export const enumeration = (values: readonly string[], extra: Record<string, unknown> = {}) => ({
  type: 'enumeration',
  enum: [...values],
  pluginOptions: shared,
  ...extra,
});

/** Slug: ASCII, shared by all locales of a document, filled from the title when empty. */
export const slug = () => ({
  type: 'string',
  maxLength: 96,
  regex: SLUG_PATTERN,
  pluginOptions: shared,
});

/**
 * The save counter behind stale-write protection: the Content Manager loads it with the
 * document and sends it back on save; the document guard refuses (409) a save whose counter
 * is behind the stored one, i.e. someone saved in between. Shared by all locales, because
 * shared fields are copied to every locale on save, so a save of one locale can overwrite
 * another's. Left out of every edit layout; never in a public response.
 */
export const revision = () => ({ type: 'integer', default: 0, min: 0, pluginOptions: shared });

export const relation = (
  relationType: 'oneToOne' | 'oneToMany' | 'manyToOne' | 'manyToMany',
  /** One of the plugin's types by name, or another plugin's UID ('admin::user'). */
  target: AnyTypeName | `${string}::${string}`,
  extra: { inversedBy?: string; mappedBy?: string; private?: boolean } = {}
) => ({
  type: 'relation',
  relation: relationType,
  target: target.includes('::') ? target : typeUid(target as AnyTypeName),
  ...extra,
});

export const component = (name: string, repeatable: boolean, extra: Record<string, unknown> = {}) => ({
  type: 'component',
  component: componentUid(name),
  repeatable,
  pluginOptions: localized,
  ...extra,
});

export const media = (multiple: boolean, allowedTypes: string[] = ['images']) => ({
  type: 'media',
  multiple,
  allowedTypes,
  pluginOptions: shared,
});

/** Every chronicle type is localized and listed in the Content Manager. */
export const typePluginOptions = {
  'content-manager': { visible: true },
  'content-type-builder': { visible: true },
  i18n: { localized: true },
};

/**
 * The fields the editorial workflow manages on every type readers see, per locale: the state,
 * the publication time when scheduled, the public corrections and the withdrawal notice.
 * None is written by hand: the document guard strips them from every other write.
 */
export const editorialAttributes = () => ({
  workflowState: {
    type: 'enumeration',
    enum: [...WORKFLOW_STATE_KEYS],
    default: 'draft',
    pluginOptions: localized,
  },
  scheduledFor: { type: 'datetime', pluginOptions: localized },
  corrections: component('correction', true),
  withdrawalNotice: component('withdrawal-notice', false),
});

export const WORKFLOW_FIELDS = ['workflowState', 'scheduledFor', 'corrections', 'withdrawalNotice'] as const;
