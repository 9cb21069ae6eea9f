/**
 * Withdrawing or narrowing a person's consent cannot wait for review: it reaches the
 * published version (every locale) in the same transaction as the edit, whichever locale
 * or route carried it.
 */
import type { Core } from '@strapi/strapi';
import { factsOf, type DocumentMiddleware } from './facts';

const RESTRICTIVE_CONSENT = new Set(['withdrawn', 'anonymised']);

export const consent = (strapi: Core.Strapi): DocumentMiddleware => async (context, next) => {
  const facts = factsOf(context);
  const value = context.params.data?.consent;
  if (!facts || facts.type !== 'frontline-profile' || !facts.documentId) return next();
  if ((facts.kind !== 'update' && facts.kind !== 'create-locale') || !RESTRICTIVE_CONSENT.has(String(value))) return next();
  const result = await next();
  const changed = await strapi.db.query(context.uid as never).updateMany({
    where: { documentId: facts.documentId, publishedAt: { $notNull: true }, consent: { $ne: value } },
    data: { consent: value },
  });
  if (changed.count > 0) strapi.log.info(`[chronicle] consent of ${facts.documentId} set to ${String(value)} on its published version`);
  return result;
};
