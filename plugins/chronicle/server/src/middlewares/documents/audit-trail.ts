/**
 * The audit trail, the tombstones of deleted public records and the saved revisions are
 * append-only: only the plugin's audit writer may create a row, and nobody (not even a super
 * admin) may change, clone or delete one.
 */
import { typeUid } from '../../domain/content-types';
import { ChronicleError } from '../../errors';
import { currentSystemActor } from '../../request-context';
import type { DocumentMiddleware } from './facts';
import { READ_ACTIONS } from './facts';

const APPEND_ONLY = new Set<string>([typeUid('workflow-transition'), typeUid('tombstone'), typeUid('revision')]);

export const auditTrail = (): DocumentMiddleware => async (context, next) => {
  if (!APPEND_ONLY.has(context.uid) || READ_ACTIONS.has(context.action)) return next();
  if (context.action === 'create' && currentSystemActor() === 'audit-writer') return next();
  throw new ChronicleError(403, 'The audit trail is append-only: workflow transitions cannot be written or changed directly');
};
