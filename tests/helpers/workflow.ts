/**
 * Publishing in tests goes through the editorial workflow like everything else: a named
 * system actor walks the document from its current state to published (or withdrawn).
 */
import type { Core } from '@strapi/strapi';

const TEST_ACTOR = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };

const PATH_TO_PUBLISHED: Record<string, string[]> = {
  draft: ['in_review', 'approved', 'published'],
  changes_requested: ['in_review', 'approved', 'published'],
  in_review: ['approved', 'published'],
  approved: ['published'],
  scheduled: ['approved', 'published'],
  withdrawn: ['draft', 'in_review', 'approved', 'published'],
  published: [],
  corrected: [],
};

const uidOf = (type: string) => (type.includes('::') ? type : `plugin::chronicle.${type}`);

export async function publishDocument(strapi: Core.Strapi, type: string, documentId: string, locale = 'zh-Hans') {
  const workflow = strapi.plugin('chronicle').service('workflow');
  const uid = uidOf(type);
  const state = await workflow.stateOf(uid, documentId, locale);
  for (const to of PATH_TO_PUBLISHED[state ?? 'draft']) {
    await workflow.transition({ uid, documentId, locale, to }, TEST_ACTOR);
  }
}

export async function withdrawDocument(strapi: Core.Strapi, type: string, documentId: string, locale = 'zh-Hans', reason = 'withdrawn in a test') {
  await strapi
    .plugin('chronicle')
    .service('workflow')
    .transition({ uid: uidOf(type), documentId, locale, to: 'withdrawn', note: reason }, TEST_ACTOR);
}
