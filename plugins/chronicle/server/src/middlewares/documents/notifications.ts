/**
 * Notices (content-types/notification) are the notifications service's own: it writes them
 * with the query engine after a workflow step, and their recipient reads and marks them
 * through /chronicle/notifications. No Document Service write reaches them, whoever asks
 * (Content Manager routes, scripts, a super admin).
 */
import { typeUid } from '../../domain/content-types';
import { ChronicleError } from '../../errors';
import type { DocumentMiddleware } from './facts';
import { READ_ACTIONS } from './facts';

const NOTIFICATION_UID = typeUid('notification');

export const notificationsGuard = (): DocumentMiddleware => async (context, next) => {
  if (context.uid !== NOTIFICATION_UID || READ_ACTIONS.has(context.action)) return next();
  throw new ChronicleError(403, 'Notifications are written only by the workflow; they cannot be created or changed directly');
};
