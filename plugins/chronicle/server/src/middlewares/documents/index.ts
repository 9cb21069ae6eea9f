/**
 * The Document Service guards of the plugin's types, in the order they run. Each is one rule,
 * decided at the data whatever route or script made the call (Content Manager, i18n, bulk
 * actions, clone, discard, REST, scripts, the demo loader):
 *  1. audit trail    append-only: only the workflow's audit writer creates transition rows;
 *     (notifications: no Document Service write at all, see ./notifications.ts);
 *  2. facts          what kind of write this is and who acts; unknown write actions refused;
 *  3. authorise      the actor may touch *this* document (every locale of it);
 *  4. transaction    everything below commits or fails together with the write;
 *  5. lifecycle      workflow fields, publish/unpublish as transitions, discard, clone, delete;
 *     verification   a figure's fact check is the verification action's alone; a changed value resets it;
 *  6. validation     cross-field rules and the unit tree, 400 naming the field;
 *  7. slugs          filled, unique, and permanent once public;
 *  8. consent        restrictive consent reaches the published version at once;
 *  9. counter        the save counter: a stale save is a 409;
 * 10. edits          an edit sends an approved document back to review, or is recorded in review;
 * 11. revisions      every change of content is kept as an append-only revision.
 * (search index: inside the transaction, around every guard that writes, ../search-index.ts.)
 */
import type { Core } from '@strapi/strapi';
import { auditTrail } from './audit-trail';
import { authorise } from './authorise';
import { consent } from './consent';
import { counter } from './counter';
import { edits } from './edits';
import { establishFacts, factsOf, type DocumentMiddleware } from './facts';
import { lifecycle } from './lifecycle';
import { notificationsGuard } from './notifications';
import { revisions } from './revisions';
import { searchIndexSync } from '../search-index';
import { slugs } from './slugs';
import { validation } from './validation';
import { verification } from './verification';

const transaction =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const facts = factsOf(context);
    if (!facts || ['publish', 'unpublish', 'create'].includes(facts.kind)) return next();
    return strapi.db.transaction(() => next());
  };

export const documentGuards = (strapi: Core.Strapi): DocumentMiddleware[] => [
  auditTrail(),
  notificationsGuard(),
  establishFacts(strapi),
  authorise(strapi),
  transaction(strapi),
  searchIndexSync(strapi),
  lifecycle(strapi),
  verification(strapi),
  validation(strapi),
  slugs(strapi),
  consent(strapi),
  counter(strapi),
  edits(strapi),
  revisions(strapi),
];
