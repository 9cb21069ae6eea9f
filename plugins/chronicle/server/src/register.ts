/**
 * Register phase: the plugin's components, its RBAC actions and the Document Service
 * middleware that guards every write to its types.
 */
import type { Core } from '@strapi/strapi';
import { buildComponents } from './components';
import { documentGuards } from './middlewares/documents';
import { WEBHOOK_EVENT } from './services/workflow';
import { publicRevision } from './middlewares/public-revision';
import { liveChanges } from './middlewares/live-changes';
import { attachRouteGuards } from './route-guards';

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.get('components').add(buildComponents());

  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: 'Submit for review', uid: 'workflow.submit', pluginName: 'chronicle' },
    { section: 'plugins', displayName: 'Approve', uid: 'workflow.approve', pluginName: 'chronicle' },
    { section: 'plugins', displayName: 'Publish', uid: 'workflow.publish', pluginName: 'chronicle' },
    { section: 'plugins', displayName: 'Open the newsroom page', uid: 'read', pluginName: 'chronicle' },
  ]);

  // Ownership and read checks on the Media Library's and the Content Manager's side routes.
  attachRouteGuards(strapi);

  for (const guard of documentGuards(strapi)) strapi.documents.use(guard as never);
  strapi.documents.use(publicRevision(strapi) as never);
  // The live timeline's change log (services/live.ts), in the change's transaction.
  strapi.documents.use(liveChanges(strapi) as never);

  // Let newsrooms subscribe a webhook (chat, e-mail) to every editorial transition.
  strapi.get('webhookStore').addAllowedEvent('CHRONICLE_WORKFLOW_TRANSITION', WEBHOOK_EVENT);
};

export default register;
