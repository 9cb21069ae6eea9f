/**
 * POST /chronicle/extract and /chronicle/extract/accept — admin: proposals from a text, and
 * accepting or rejecting them for a report. The route policy requires workflow.submit;
 * here the user must also be allowed to read (extract) or edit (accept) that very report,
 * with the Content Manager's own permission checker, so a reporter works on their own only.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refusal } from '../errors';
import { languageOf, renderMessage, type MessageCode, type MessageParams } from '../domain/messages';
import { getService } from '../get-service';
import { acceptBody, extractBody, parseBody } from '../validation/extraction';
import { typeUid } from '../domain/content-types';
import { ExtractionTimeout } from '../services/extraction-pool';
import { formatBytes, MAX_ROUTE_TEXT_BYTES } from '../text/proposals';

type Action = 'read' | 'update' | 'create';

/** A message by code in the request's language (the admin's), with its code and params in `details`: for Strapi's own errors (400 BadRequestError, 413), kept as they were. */
const coded = (ctx: any, code: MessageCode, params: MessageParams) =>
  [renderMessage(code, params, languageOf(ctx.get?.('accept-language'))), { code, params }] as const;

const extraction = ({ strapi }: { strapi: Core.Strapi }) => {
  const checker = (ctx: any, model: string) =>
    strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model });

  /** The report, if this user may `action` it; 404 when it does not exist, 403 when it is not theirs. */
  const reportFor = async (ctx: any, documentId: string, action: Action, locale?: 'zh-Hans' | 'en') => {
    const report = await getService(strapi, 'extraction').findReport(documentId, locale);
    if (!report) throw refusal(404, 'extract.report-not-found', { documentId, ...(locale ? { locale } : {}) });
    if (checker(ctx, typeUid('field-report')).cannot[action](report)) {
      // A ChronicleError, not Strapi's ForbiddenError, whose message Strapi's authorize middleware rewrites to a bare "Forbidden".
      throw refusal(403, 'extract.report-forbidden', { action: action === 'read' ? 'read' : 'edit', documentId });
    }
    return report;
  };

  return {
    async extract(ctx: any) {
      const raw = ctx.request.body?.text;
      if (typeof raw === 'string') {
        const bytes = Buffer.byteLength(raw, 'utf8');
        if (bytes > MAX_ROUTE_TEXT_BYTES) {
          const size = formatBytes(bytes);
          const limit = formatBytes(MAX_ROUTE_TEXT_BYTES);
          throw new errors.PayloadTooLargeError(...coded(ctx, 'extract.too-large', { size, limit }));
        }
      }
      const parsed = parseBody(extractBody, ctx.request.body);
      if ('problem' in parsed) return ctx.badRequest(...coded(ctx, 'request.invalid', { issues: parsed.issues }));
      const { text, dateline, reportDocumentId } = parsed.data;
      if (reportDocumentId) await reportFor(ctx, reportDocumentId, 'read');
      try {
        ctx.body = await getService(strapi, 'extraction').propose({ text, dateline, reportDocumentId });
      } catch (error) {
        if (!(error instanceof ExtractionTimeout)) throw error;
        throw refusal(503, 'extract.timeout', { detail: error.message });
      }
    },

    async accept(ctx: any) {
      const parsed = parseBody(acceptBody, ctx.request.body);
      if ('problem' in parsed) return ctx.badRequest(...coded(ctx, 'request.invalid', { issues: parsed.issues }));
      const body = parsed.data;
      await reportFor(ctx, body.reportDocumentId, 'update', body.locale);
      if (body.events.length && checker(ctx, typeUid('timeline-event')).cannot.create()) throw refusal(403, 'extract.cannot-create', { type: 'timeline-event' });
      if (body.statistics.length && checker(ctx, typeUid('grid-statistic')).cannot.create()) throw refusal(403, 'extract.cannot-create', { type: 'grid-statistic' });
      ctx.body = await getService(strapi, 'extraction').accept({ ...body, userId: ctx.state.user.id });
    },
  };
};

export default extraction;
