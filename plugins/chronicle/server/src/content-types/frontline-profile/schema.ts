import { CONSENT_STATES, PROFILE_KINDS } from '../../domain/enums';
import {
  component,
  enumeration,
  media,
  relation,
  slug,
  text,
  typePluginOptions,
  editorialAttributes,
  revision,
} from '../attributes';

/** A person commended for frontline work: the subject of a commendation page. */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_frontline_profiles',
  info: {
    singularName: 'frontline-profile',
    pluralName: 'frontline-profiles',
    displayName: 'Frontline profile',
    description: 'People commended for their frontline work',
  },
  options: { draftAndPublish: true },
  pluginOptions: typePluginOptions,
  attributes: {
    fullName: text('string', { required: true, maxLength: 80 }),
    roleTitle: text('string', { maxLength: 80 }),
    kind: enumeration(PROFILE_KINDS, { required: true, default: 'other' }),
    unit: relation('manyToOne', 'unit', { inversedBy: 'profiles' }),
    dutyRoles: component('duty-role', true),
    portrait: media(false),
    citation: text('richtext', { maxLength: 20000 }),
    deeds: component('deed', true),
    quotes: component('quote', true),
    honours: component('honour', true),
    consent: enumeration(CONSENT_STATES, { required: true, default: 'consented' }),
    privateNotes: text('text', { private: true, maxLength: 10000 }),
    slug: slug(),
    revision: revision(),
    reports: relation('manyToMany', 'field-report', { mappedBy: 'profiles' }),
    events: relation('manyToMany', 'timeline-event', { mappedBy: 'actors' }),
    ...editorialAttributes(),
  },
  indexes: [
    { name: 'chronicle_frontline_profiles_slug_idx', columns: ['slug'] },
    // The honour roll pages named people in (slug, documentId) order per locale, and reads
    // the few anonymised ones by consent (services/public-read/).
    { name: 'chronicle_frontline_profiles_roll_idx', columns: ['locale', 'slug', 'document_id'] },
    { name: 'chronicle_frontline_profiles_consent_idx', columns: ['consent', 'locale', 'published_at'] },
  ],
};
