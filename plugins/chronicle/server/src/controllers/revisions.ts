/**
 * GET /chronicle/revisions/:uid/:documentId?locale&since (docs/workflow.md, "What changed"):
 * a record's saved revisions in one locale and what changed since the version last approved.
 * Whoever may read the record in the Content Manager may read its revisions (a reporter: their
 * own work and what is live); anyone else gets the 404 of a record that does not exist.
 */
import type { Core } from '@strapi/strapi';
import type { RevisionsAnswer } from '../contracts/admin';
import { parsedOrRefused, refusal } from '../errors';
import { getService } from '../get-service';
import { adminUserOf } from '../request-context';
import { revisionsParams, revisionsQuery } from '../validation/revisions';

const revisionsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    if (!adminUserOf(ctx)) throw refusal(403, 'request.admin-required');
    // The router's params carry more than the two named ones: read those two only.
    const { uid, documentId } = parsedOrRefused(revisionsParams, { uid: ctx.params?.uid, documentId: ctx.params?.documentId });
    const { locale, since } = parsedOrRefused(revisionsQuery, ctx.query);
    const codes = await getService(strapi, 'locales').codes();
    if (!codes.includes(locale)) throw refusal(400, 'request.unknown-locale', { locales: codes });
    await getService(strapi, 'queue').assertCanRead(ctx, uid, documentId, locale);
    const answer: RevisionsAnswer = await getService(strapi, 'revisions').since(
      uid,
      documentId,
      locale,
      since === undefined ? 'approved' : since === 'approved' || since === 'submitted' ? since : Number(since)
    );
    ctx.body = answer;
  },
});

export default revisionsController;
