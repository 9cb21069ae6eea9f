/**
 * Keeps every saved revision of an editorial record (services/revisions.ts): after a write
 * that can change content — a new document or locale, a save, the workflow's own writes
 * (corrections, withdrawal notices), a discard, a clone (the new document) — each locale whose content changed gets an
 * append-only revision row with its snapshot, the save counter as its number and who saved.
 * A save that changes nothing appends nothing. Runs inside the write's transaction, so a
 * refused write leaves no revision behind.
 */
import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES } from '../../domain/content-types';
import { getService } from '../../get-service';
import { actorFromContext, currentRequest, workflowActorOf } from '../../request-context';
import { factsOf, type DocumentMiddleware, type WriteFacts } from './facts';

const RECORDED = new Set(['create', 'create-locale', 'update', 'discard', 'clone']);

/** Who saved: the admin user behind the write (also behind a workflow step they took), else the system actor. */
const editorOf = (strapi: Core.Strapi, facts: WriteFacts) => {
  const person = actorFromContext(currentRequest(strapi));
  if (person && (facts.actor.kind === 'user' || facts.actor.kind === 'system')) return { id: person.id, name: person.name };
  return { name: workflowActorOf(facts.actor)?.name ?? 'system:unknown' };
};

export const revisions =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const facts = factsOf(context);
    if (!facts || !EDITORIAL_TYPES.includes(facts.type) || !RECORDED.has(facts.kind)) return next();
    const result = (await next()) as { documentId?: string } | null;
    // A clone is a new document: its first revision is the copy (the source is unchanged).
    const documentId = facts.kind === 'clone' ? result?.documentId : (facts.documentId ?? result?.documentId);
    if (documentId) await getService(strapi, 'revisions').record(context.uid, documentId, facts.locale, facts.kind, editorOf(strapi, facts));
    return result;
  };
