/**
 * Admin routes of the editorial workflow (docs/workflow.md): take a transition, read the review
 * queue, read a document's history. Bodies and queries are validated with zod; refusals come
 * back as 400/403/404/409 with the standard error envelope.
 */
import type { Core } from '@strapi/strapi';
import type { TransitionAnswer, WorkflowInfo } from '../contracts/admin';
import { typeUid } from '../domain/content-types';
import { blockedSteps, type PackageItem } from '../domain/package';
import { invalidRequest, parsedOrRefused, refusal } from '../errors';
import { typeNameOf } from '../domain/content-types';
import { getService } from '../get-service';
import { actorFromContext } from '../request-context';
import { historyQuery, queueQuery, transitionBody } from '../validation/workflow';

/** What the admin reads of a package item (its uid is implied by its type). */
const packageEntry = ({ type, documentId, title, state }: PackageItem) => ({ type, documentId, title, state });


const workflowController = ({ strapi }: { strapi: Core.Strapi }) => {
  const knownLocale = async (locale: string) => {
    const codes = await getService(strapi, 'locales').codes();
    if (!codes.includes(locale)) throw refusal(400, 'request.unknown-locale', { locales: codes });
  };

  const actorOf = (ctx: any) => {
    const actor = actorFromContext(ctx);
    if (!actor) throw refusal(403, 'request.admin-required');
    return actor;
  };

  return {
    async transition(ctx: any) {
      const parsed = transitionBody.safeParse(ctx.request.body ?? {});
      if (!parsed.success) throw invalidRequest(parsed.error, 'field');
      const body = parsed.data;
      await knownLocale(body.locale);
      const ifMatch = typeof ctx.get === 'function' ? ctx.get('if-match') : '';
      const expectedUpdatedAt = body.updatedAt ?? (ifMatch ? ifMatch.replace(/^W\//, '').replace(/"/g, '') : null);
      if (expectedUpdatedAt && Number.isNaN(Date.parse(expectedUpdatedAt))) {
        throw refusal(400, 'request.if-match');
      }
      const result = await getService(strapi, 'workflow').transition(
        { ...body, expectedUpdatedAt },
        actorOf(ctx)
      );
      ctx.body = {
        state: result.state,
        history: result.history,
        ...(result.package ? { package: result.package.map(packageEntry) } : {}),
      } satisfies TransitionAnswer;
    },

    async history(ctx: any) {
      const { uid, documentId, locale } = parsedOrRefused(historyQuery, ctx.query);
      await knownLocale(locale);
      const service = getService(strapi, 'workflow');
      const state = await service.stateOf(uid, documentId, locale);
      if (state === undefined) throw refusal(404, 'workflow.no-version', { locale, type: typeNameOf(uid) ?? uid, documentId });
      await getService(strapi, 'queue').assertCanRead(ctx, uid, documentId, locale);
      const available = await service.available(uid, documentId, locale, actorOf(ctx));
      // A field report's package: the events and figures accepted from it, and which next step each stops (docs/workflow.md).
      const items = uid === typeUid('field-report') ? await service.packageOf(documentId, locale, getService(strapi, 'queue').canRead(ctx)) : null;
      const blocks = items ? blockedSteps(state, available, items) : null;
      ctx.body = {
        state,
        available,
        history: await service.history(uid, documentId, locale),
        ...(items ? { package: items.map((item) => ({ ...packageEntry(item), ...(blocks?.get(item.documentId) ? { blocks: blocks.get(item.documentId) } : {}) })) } : {}),
      } satisfies WorkflowInfo;
    },

    async queue(ctx: any) {
      ctx.body = await getService(strapi, 'queue').forUser(ctx, parsedOrRefused(queueQuery, ctx.query).state);
    },
  };
};

export default workflowController;
