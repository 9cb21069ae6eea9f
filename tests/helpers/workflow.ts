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

/**
 * Approval needs verified figures (issue #17): the figure itself, or the figures a report cites.
 * Checked here, in one place, as a named system actor (an editor who wrote none of them), with
 * the reporter's own count as the source where a test gave none. Disputed figures stay disputed.
 */
export async function verifyFigures(strapi: Core.Strapi, type: string, documentId: string, locale = 'zh-Hans') {
  const uid = uidOf(type);
  if (uid !== uidOf('grid-statistic') && uid !== uidOf('field-report')) return;
  const rows = (await strapi.db.query(uidOf('grid-statistic') as never).findMany({
    where: { publishedAt: null, locale, ...(uid === uidOf('grid-statistic') ? { documentId } : { sourceReport: { documentId } }) },
    select: ['documentId', 'sourceKind', 'verificationState'],
  } as never)) as Array<{ documentId: string; sourceKind: string | null; verificationState: string | null }>;
  for (const row of rows) {
    if (row.verificationState === 'verified' || row.verificationState === 'disputed') continue;
    await strapi
      .plugin('chronicle')
      .service('verification')
      .act(row.documentId, { action: 'verify', source: row.sourceKind ? null : { kind: 'own-count' } }, TEST_ACTOR);
  }
}

export async function publishDocument(strapi: Core.Strapi, type: string, documentId: string, locale = 'zh-Hans') {
  const workflow = strapi.plugin('chronicle').service('workflow');
  const uid = uidOf(type);
  const state = await workflow.stateOf(uid, documentId, locale);
  if (PATH_TO_PUBLISHED[state ?? 'draft'].includes('approved')) await verifyFigures(strapi, type, documentId, locale);
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
