/**
 * Admin routes of the fact check (docs/workflow.md#fact-checking-figures):
 * GET /chronicle/figures/:documentId/verification (the Fact check panel) and
 * POST /chronicle/figures/:documentId/verification (verify or dispute). Who may check is decided
 * by the rule itself (domain/verification): an editor who did not write the figure.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { verificationRequest, type VerificationInfo } from '../contracts/admin';
import { typeUid } from '../domain/content-types';
import { DEFAULT_LOCALE } from '../domain/enums';
import { languageOf } from '../domain/messages';
import { invalidRequest, parsedOrRefused, refusal } from '../errors';
import { getService } from '../get-service';
import { actorFromContext } from '../request-context';

const figureAddress = z.object({ documentId: z.string().regex(/^[a-z0-9]{1,64}$/i, 'documentId must be a document id (letters and digits)') });

const verificationController = ({ strapi }: { strapi: Core.Strapi }) => {
  const actorOf = (ctx: any) => {
    const actor = actorFromContext(ctx);
    if (!actor) throw refusal(403, 'request.admin-required');
    return actor;
  };
  const documentIdOf = (ctx: any): string => {
    // The router's params may carry more than the one named: read that one only.
    return parsedOrRefused(figureAddress, { documentId: String(ctx.params?.documentId ?? '') }).documentId;
  };
  /** Whoever cannot read the figure in the Content Manager learns nothing of it (404, as if absent). */
  const assertReadable = async (ctx: any, documentId: string) => {
    const rows = (await strapi.db.query(typeUid('grid-statistic') as never).findMany({
      where: { documentId, publishedAt: null },
      select: ['locale'],
    } as never)) as Array<{ locale: string }>;
    if (!rows.length) throw refusal(404, 'figure.not-found', { documentId });
    const locale = rows.find((r) => r.locale === DEFAULT_LOCALE)?.locale ?? rows[0].locale;
    await getService(strapi, 'queue').assertCanRead(ctx, typeUid('grid-statistic'), documentId, locale);
  };

  return {
    async show(ctx: any) {
      const documentId = documentIdOf(ctx);
      const actor = actorOf(ctx);
      await assertReadable(ctx, documentId);
      ctx.body = (await getService(strapi, 'verification').info(documentId, actor, languageOf(ctx.get?.('accept-language')))) satisfies VerificationInfo;
    },

    async act(ctx: any) {
      const documentId = documentIdOf(ctx);
      const actor = actorOf(ctx);
      const parsed = verificationRequest.safeParse(ctx.request.body ?? {});
      if (!parsed.success) throw invalidRequest(parsed.error, 'field');
      await assertReadable(ctx, documentId);
      ctx.body = (await getService(strapi, 'verification').act(documentId, parsed.data, actor, new Date(), languageOf(ctx.get?.('accept-language')))) satisfies VerificationInfo;
    },
  };
};

export default verificationController;
