/**
 * Refreshes what the Content Manager shows of a document (its form and its relation
 * fields) after the plugin changed it on the server: the Workflow panel after a transition,
 * the Extract drawer after accepting drafts linked to the report. It marks the CM's cached
 * queries for that document and its relations stale (RTK Query tags on Strapi's adminApi),
 * so they refetch in place: no page reload, no blank column.
 */
import { adminApi } from '@strapi/strapi/admin';

interface Target {
  model: string;
  documentId: string;
}

const api = (adminApi as any).enhanceEndpoints({ addTagTypes: ['Document', 'Relations'] }).injectEndpoints({
  endpoints: (build: any) => ({
    chronicleRefreshDocument: build.mutation({
      // Nothing to fetch: the mutation exists for the tags it invalidates.
      queryFn: () => ({ data: null }),
      invalidatesTags: (_result: unknown, _error: unknown, { model, documentId }: Target) => [
        { type: 'Document', id: `${model}_${documentId}` },
        { type: 'Document', id: `${model}_LIST` },
        'Relations',
      ],
    }),
  }),
  overrideExisting: false,
});

/** A function that refreshes the document `{ model, documentId }` in the Content Manager. */
export const useRefreshDocument = (): ((target: Target) => Promise<unknown>) => {
  const [trigger] = api.useChronicleRefreshDocumentMutation();
  return (target: Target) => trigger(target);
};
