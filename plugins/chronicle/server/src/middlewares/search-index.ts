/**
 * Document Service middleware: after a write to a searchable type (reports, profiles,
 * chronicles, events), bring that document's search entries in step with its published rows
 * (services/search-index.ts): a publish adds it, an unpublish, withdrawal, consent change or
 * locale deletion removes it, a correction rewrites it. It runs inside the public-revision
 * middleware (registered after it), so the index is written — in the write's transaction
 * when there is one — before the public cache's revision is bumped: a reader can never cache
 * search results of the state before the write under the new revision. A failure is not
 * swallowed: an index that kept a withdrawn record would show it.
 */
import type { Core } from '@strapi/strapi';
import { typeNameOf } from '../domain/content-types';
import { SEARCH_TYPES, type SearchType } from '../domain/search';
import { getService } from '../get-service';

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

interface DocumentContext {
  uid: string;
  action: string;
  params?: { documentId?: string };
}

const documentIdOf = (context: DocumentContext, result: any): string | undefined =>
  context.params?.documentId ?? result?.documentId ?? result?.entries?.[0]?.documentId;

export const searchIndexSync = (strapi: Core.Strapi) => async (context: DocumentContext, next: () => Promise<unknown>) => {
  const result = await next();
  const type = typeNameOf(context.uid);
  if (!type || !(SEARCH_TYPES as readonly string[]).includes(type) || !WRITE_ACTIONS.has(context.action)) return result;
  const documentId = documentIdOf(context, result);
  if (documentId) await getService(strapi, 'search-index').reindexDocument(type as SearchType, documentId);
  return result;
};
