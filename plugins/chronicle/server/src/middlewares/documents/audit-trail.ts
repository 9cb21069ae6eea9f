/**
 * The audit trail, the tombstones of deleted public records and the saved revisions are
 * append-only: only the plugin's audit writer may create a row, and nobody (not even a super
 * admin) may change, clone or delete one.
 */
import { typeUid } from '../../domain/content-types';
import { refusal } from '../../errors';
import { currentSystemActor } from '../../request-context';
import type { DocumentMiddleware } from './facts';
import { READ_ACTIONS } from './facts';

const APPEND_ONLY = new Set<string>([typeUid('workflow-transition'), typeUid('tombstone'), typeUid('revision')]);

export const auditTrail = (): DocumentMiddleware => async (context, next) => {
  if (!APPEND_ONLY.has(context.uid) || READ_ACTIONS.has(context.action)) return next();
  if (context.action === 'create' && currentSystemActor() === 'audit-writer') return next();
  throw refusal(403, 'document.audit-append-only');
};
