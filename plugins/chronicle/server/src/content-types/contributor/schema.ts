import { CONTRIBUTOR_KINDS } from '../../domain/enums';
import { enumeration, relation, slug, text, typePluginOptions, revision } from '../attributes';

/** A byline: a reporter, correspondent, photographer or editor, with or without an admin account. */
export default {
  kind: 'collectionType',
  collectionName: 'chronicle_contributors',
  info: {
    singularName: 'contributor',
    pluralName: 'contributors',
    displayName: 'Contributor',
    description: 'Reporters, correspondents, photographers and editors who appear in bylines',
  },
  options: { draftAndPublish: false },
  pluginOptions: typePluginOptions,
  attributes: {
    name: text('string', { required: true, maxLength: 80 }),
    kind: enumeration(CONTRIBUTOR_KINDS, { required: true, default: 'reporter' }),
    affiliation: text('string', { maxLength: 120 }),
    slug: slug(),
    revision: revision(),
    adminUser: relation('oneToOne', 'admin::user', { private: true }),
  },
  indexes: [{ name: 'chronicle_contributors_slug_idx', columns: ['slug'] }],
};
