/**
 * The audit trail is append-only: only the workflow's audit writer may create a transition
 * row, and nobody (not even a super admin) may change, clone or delete one.
 */
import { ChronicleError } from '../../errors';
import { currentSystemActor } from '../system-context';
import type { DocumentMiddleware } from './facts';
import { READ_ACTIONS } from './facts';

const TRANSITION_UID = 'plugin::chronicle.workflow-transition';

export const auditTrail = (): DocumentMiddleware => async (context, next) => {
  if (context.uid !== TRANSITION_UID || READ_ACTIONS.has(context.action)) return next();
  if (context.action === 'create' && currentSystemActor() === 'audit-writer') return next();
  throw new ChronicleError(403, 'The audit trail is append-only: workflow transitions cannot be written or changed directly');
};
