/**
 * Slugs: an empty one is filled from the record's main field (pinyin), every slug is unique
 * per type, and a published address is permanent: once a document has been public, its slug
 * cannot change (readers, links and the withdrawal notice live at that address).
 */
import type { Core } from '@strapi/strapi';
import { TYPE_META, type TypeName } from '../../domain/content-types';
import type { WorkflowService } from '../../services/workflow';
import { fallbackSlug, toSlug, uniqueSlug } from '../../text/slug';
import { codedProblem, factsOf, fail, type Data, type DocumentMiddleware } from './facts';

export const slugs = (strapi: Core.Strapi): DocumentMiddleware => {
  const workflow = (): WorkflowService => strapi.plugin('chronicle').service('workflow');
  const slugTaken = async (uid: string, slug: string, documentId?: string) => {
    const where: Data = { slug };
    if (documentId) where.documentId = { $ne: documentId };
    return (await strapi.db.query(uid as never).count({ where })) > 0;
  };

  return async (context, next) => {
    const facts = factsOf(context);
    if (!facts || facts.type === 'workflow-transition') return next();
    if (facts.kind !== 'create' && facts.kind !== 'create-locale' && facts.kind !== 'update') return next();
    const type = facts.type as Exclude<TypeName, 'workflow-transition'>;
    const { documentId } = facts;
    const data = (context.params.data ?? {}) as Data;
    context.params.data = data;
    const storedSlug = facts.rows.find((r) => typeof r.slug === 'string' && r.slug)?.slug as string | undefined;
    const given = typeof data.slug === 'string' ? data.slug.trim() : undefined;

    if (given !== undefined && storedSlug && given !== storedSlug && documentId && facts.actor.kind !== 'script') {
      if (await workflow().everPublic(context.uid, documentId)) {
        fail([codedProblem(strapi, ['slug'], 'slug.permanent', { type, slug: storedSlug })]);
      }
    }
    if (given) {
      if (await slugTaken(context.uid, given, documentId)) fail([codedProblem(strapi, ['slug'], 'slug.taken', { type, slug: given })]);
      data.slug = given;
      return next();
    }
    if (storedSlug && given === undefined) return next();
    const { mainField, slugMode } = TYPE_META[type];
    let source = data[mainField];
    if (source === undefined && documentId) {
      const row = (await strapi.db.query(context.uid as never).findOne({ where: { documentId, ...(facts.locale ? { locale: facts.locale } : {}) }, select: [mainField] })) as Data | null;
      source = row?.[mainField];
    }
    let base = toSlug(String(source ?? ''), { mode: slugMode }) || fallbackSlug(new Date(), documentId ?? Math.random().toString(36).slice(2, 8));
    // `anon-` is reserved for the token addresses of people who are not named.
    if (base.startsWith('anon-')) base = `x-${base}`;
    data.slug = await uniqueSlug(base, (candidate) => slugTaken(context.uid, candidate, documentId));
    return next();
  };
};
