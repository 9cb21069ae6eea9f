/**
 * Document Service middleware: a timeline event published, re-published (a correction) or
 * withdrawn (unpublished, or deleted while public) is a row of the live timeline's change log
 * (services/live.ts `record`), written in the transaction of the change when the caller has one
 * (the workflow's), and announced to the live streams after the commit.
 */
import type { Core } from '@strapi/strapi';
import { typeUid } from '../domain/content-types';
import { changeOf } from '../domain/live';
import { getService } from '../get-service';

const EVENT_UID = typeUid('timeline-event');
const ACTIONS = new Set(['publish', 'unpublish', 'delete']);

interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string; locale?: string };
}

export const liveChanges = (strapi: Core.Strapi) => async (context: DocumentContext, next: () => Promise<unknown>) => {
  const documentId = context.params?.documentId;
  if (context.uid !== EVENT_UID || !ACTIONS.has(context.action) || !documentId) return next();
  const locale = context.params?.locale && context.params.locale !== '*' ? context.params.locale : undefined;
  const where = { documentId, ...(locale ? { locale } : {}), publishedAt: { $notNull: true } };
  const before = (await strapi.db.query(EVENT_UID).findOne({ where, select: ['slug', 'locale'] })) as { slug: string; locale: string } | null;
  const result = await next();
  const change = changeOf(context.action, Boolean(before));
  if (!change) return result;
  const after =
    change === 'withdraw' ? before : ((await strapi.db.query(EVENT_UID).findOne({ where, select: ['slug', 'locale'] })) as typeof before);
  if (!after) return result;
  await getService(strapi, 'live').record({ change, documentId, slug: after.slug, locale: after.locale });
  return result;
};
