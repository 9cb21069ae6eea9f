/**
 * Authorisation at the data: whatever route made the call, an admin user may write a document
 * only as far as their role allows on *that document*. A new locale, a clone, a discard, a
 * delete and an update are all judged against the document's stored rows with Strapi's own
 * permission checker (so the Reporter role's "own entries only" condition holds on every
 * path). The workflow's named system actors and server code outside requests pass; anyone
 * else in a request (a Content API token, a signed-in end user, nobody) may not write here.
 */
import type { Core } from '@strapi/strapi';
import { refusal } from '../../errors';
import { factsOf, fail, type DocumentMiddleware, type Row } from './facts';

const notYours = (type: string) => refusal(403, 'document.not-yours', { type });

/** A stored row as Strapi's conditions see it (`createdBy.id` for is-creator). */
const subject = (row: Row) => ({ ...row, createdBy: row.createdBy ? { id: row.createdBy.id } : null });

export const authorise =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const facts = factsOf(context);
    if (!facts) return next();
    const { actor, kind, rows, type } = facts;
    if (actor.kind === 'system' || actor.kind === 'script') return next();
    if (actor.kind === 'outsider') {
      throw refusal(403, 'document.admin-only');
    }
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: actor.ability, model: context.uid });
    const owner = rows[0];
    const localeRows = rows.filter((r) => r.locale === facts.locale);
    const mayChange = () =>
      (!owner || !checker.cannot.update(subject(owner))) && localeRows.every((r: Row) => !checker.cannot.update(subject(r)));

    switch (kind) {
      case 'create':
        if (context.params.data?.documentId || context.params.data?.id) {
          fail([{ path: [context.params.data?.id ? 'id' : 'documentId'], message: 'a new record\'s id is chosen by the server, not sent in the body' }]);
        }
        if (checker.cannot.create()) throw refusal(403, 'document.cannot-create', { type });
        break;
      case 'create-locale':
        if (checker.cannot.create() || !mayChange()) throw notYours(type);
        break;
      case 'update':
      case 'discard':
        if (rows.length && !mayChange()) throw notYours(type);
        break;
      case 'delete':
        if (rows.some((r) => (facts.locale === undefined || r.locale === facts.locale) && checker.cannot.delete(subject(r)))) throw notYours(type);
        if (owner && checker.cannot.delete(subject(owner))) throw notYours(type);
        break;
      case 'clone':
        // A clone is a create by the actor from a source they may read.
        if (checker.cannot.create()) throw refusal(403, 'document.cannot-create', { type });
        if (!rows.length) break;
        if (!rows.some((r) => !r.publishedAt && !checker.cannot.read(subject(r)))) {
          throw refusal(403, 'document.cannot-copy', { type });
        }
        break;
      case 'publish':
      case 'unpublish':
        // Decided by the workflow (lifecycle guard): its permissions and the author rule.
        break;
      default:
        throw refusal(403, 'document.write-not-allowed');
    }
    return next();
  };
