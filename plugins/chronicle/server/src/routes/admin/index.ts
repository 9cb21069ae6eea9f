/** Admin routes under /chronicle: admin JWT required, checked against the plugin's RBAC actions. */
import { pluginUid } from '../../domain/content-types';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.show',
      config: {
        policies: [{ name: 'admin::hasPermissions', config: { actions: [pluginUid('read')] } }],
      },
    },
    // Who may take which transition is decided per document by the workflow itself.
    { method: 'POST', path: '/workflow/transition', handler: 'workflow.transition', config: authenticated },
    { method: 'GET', path: '/workflow/queue', handler: 'workflow.queue', config: authenticated },
    { method: 'GET', path: '/workflow/history', handler: 'workflow.history', config: authenticated },
    // Fact check (issue #17): who may verify is decided per figure (an editor who did not write it).
    { method: 'GET', path: '/figures/:documentId/verification', handler: 'verification.show', config: authenticated },
    { method: 'POST', path: '/figures/:documentId/verification', handler: 'verification.act', config: authenticated },
    // Whoever may read the record may read its revisions (checked per document).
    { method: 'GET', path: '/revisions/:uid/:documentId', handler: 'revisions.show', config: authenticated },
    // Notices are the caller's own; the calendar shows what the caller may read (docs/routes.md).
    { method: 'GET', path: '/notifications', handler: 'notifications.list', config: authenticated },
    { method: 'POST', path: '/notifications/read', handler: 'notifications.markRead', config: authenticated },
    { method: 'GET', path: '/calendar', handler: 'notifications.calendar', config: authenticated },
    // Extraction (issue 6): whoever may submit work may have its text read for proposals.
    {
      method: 'POST',
      path: '/extract',
      handler: 'extraction.extract',
      config: {
        policies: [{ name: 'admin::hasPermissions', config: { actions: [pluginUid('workflow.submit')] } }],
      },
    },
    {
      method: 'POST',
      path: '/extract/accept',
      handler: 'extraction.accept',
      config: {
        policies: [{ name: 'admin::hasPermissions', config: { actions: [pluginUid('workflow.submit')] } }],
      },
    },
  ],
};
