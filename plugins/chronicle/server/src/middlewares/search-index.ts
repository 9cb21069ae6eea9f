/**
 * Document Service middleware: after a write to a searchable type (reports, profiles,
 * chronicles, events), bring that document's search entries in step with its published rows
 * (services/search-index.ts): a publish adds it, an unpublish, withdrawal, consent change or
 * locale deletion removes it, a correction rewrites it.
 *
 * It sits just inside the documents' transaction guard (./documents/index.ts), so it runs
 * after every guard that writes more rows (the consent guard narrows the published version
 * after the edit) and, for edits, in the same transaction as the write; a workflow transition
 * wraps publish and unpublish in its own transaction, which this joins too. Then it bumps the
 * public cache's revision (on commit, like ./public-revision.ts): an answer cached from the
 * index before it was written cannot outlive the write. A failure is not swallowed: an
 * index that kept a withdrawn record would show it.
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
  if (!documentId) return result;
  await getService(strapi, 'search-index').reindexDocument(type as SearchType, documentId);
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
