/**
 * Document Service middleware: after a write to any of the newsroom's public types has
 * been committed, tell the public API's cache (services/public-cache.ts) that the content
 * changed. The write runs in its own transaction inside `next()`; when the caller wrapped
 * it in an outer transaction, the bump waits for that one's commit, so a reader can never
 * cache the pre-commit state under the new revision.
 */
import type { Core } from '@strapi/strapi';
import { typeNameOf } from '../domain/content-types';
import { getService } from '../get-service';

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

interface DocumentContext {
  uid: string;
  action: string;
}

export const publicRevision = (strapi: Core.Strapi) => async (context: DocumentContext, next: () => Promise<unknown>) => {
  const result = await next();
  const type = typeNameOf(context.uid);
  // The audit trail is never public: its writes change nothing a reader sees.
  if (!type || type === 'workflow-transition' || !WRITE_ACTIONS.has(context.action)) return result;
  const bump = () =>
    getService(strapi, 'public-cache')
      .bump()
      .catch((error: unknown) => strapi.log.error(`chronicle: could not record a public revision: ${String(error)}`));
  if (strapi.db.inTransaction()) {
    await strapi.db.transaction(async ({ onCommit }) => {
      onCommit(() => void bump());
    });
  } else {
    await bump();
  }
  return result;
};
