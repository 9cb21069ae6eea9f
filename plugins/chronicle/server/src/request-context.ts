/**
 * Who is acting, in one place for every layer: the services and the document guards both
 * read it here (docs/architecture.md, "Request context and actors").
 *
 * - System actors: the plugin's own trusted writers mark a call chain with `runAs`, so the
 *   Document Service guards can tell them from every other caller. Each is a named actor
 *   recorded in the audit trail; the mark cannot be set from a request.
 *    - workflow:     the workflow service applying a transition it has already decided
 *    - audit-writer: writing a workflow-transition row or a tombstone
 *    - demo-loader, scheduler, import: system actors that take transitions through the workflow
 * - Admin users: the signed-in admin of the current request (Strapi's request context),
 *   with the workflow rights their roles grant.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { pluginUid } from './domain/content-types';
import type { Actor, WorkflowPermission } from './domain/workflow';

export type SystemActor = 'workflow' | 'audit-writer' | 'demo-loader' | 'scheduler' | 'import';

const storage = new AsyncLocalStorage<SystemActor>();

export const runAs = <T>(actor: SystemActor, fn: () => Promise<T>): Promise<T> => storage.run(actor, fn);

export const currentSystemActor = (): SystemActor | undefined => storage.getStore();

/** The koa context of the request under way, if the call came from one. */
export const currentRequest = (strapi: Core.Strapi): any => strapi.requestContext.get();

/** The admin user signed in on a request (admin authentication, with the roles' ability), if any. */
export const adminUserOf = (ctx: any): { user: any; ability: any } | undefined => {
  const user = ctx?.state?.user;
  const ability = ctx?.state?.userAbility;
  if (!user || !ability || ctx?.state?.auth?.strategy?.name !== 'admin') return undefined;
  return { user, ability };
};

/**
 * Who is writing, as the document guards see it: a named system actor of the plugin (runAs),
 * an admin user of the current request, server code outside any request (scripts, the
 * console), or someone else in a request (a Content API token, an end user, nobody signed
 * in), who may not write here.
 */
export type WriteActor =
  | { kind: 'system'; name: SystemActor }
  /** `ctx` is the request's: `workflowActorOf` reads the name and rights from it. */
  | { kind: 'user'; id: number; ability: any; ctx: any }
  | { kind: 'script' }
  | { kind: 'outsider' };

export const writeActorOf = (strapi: Core.Strapi): WriteActor => {
  const system = currentSystemActor();
  if (system) return { kind: 'system', name: system };
  const ctx = currentRequest(strapi);
  if (!ctx) return { kind: 'script' };
  const admin = adminUserOf(ctx);
  if (admin) return { kind: 'user', id: admin.user.id, ability: admin.ability, ctx };
  return { kind: 'outsider' };
};

const PERMISSIONS: WorkflowPermission[] = ['submit', 'approve', 'publish'];

/** The acting admin user of a request, as a workflow actor (named by their name, else e-mail). */
export const actorFromContext = (ctx: any): Actor | undefined => {
  const admin = adminUserOf(ctx);
  if (!admin) return undefined;
  const { user, ability } = admin;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email;
  return {
    kind: 'user',
    id: user.id,
    name,
    permissions: new Set(PERMISSIONS.filter((p) => ability.can(pluginUid(`workflow.${p}`)))),
  };
};

/** A system actor as the workflow records it: it holds every workflow right, under the same rules. */
export const systemActor = (name: SystemActor): Actor => ({ kind: 'system', name: `system:${name}`, permissions: new Set(PERMISSIONS) });

/** The acting person or system of a write, as the workflow records it; undefined for an outsider. */
export const workflowActorOf = (actor: WriteActor): Actor | undefined => {
  if (actor.kind === 'system') return systemActor(actor.name);
  if (actor.kind === 'user') return actorFromContext(actor.ctx);
  if (actor.kind === 'script') return { kind: 'system', name: 'system:script', permissions: new Set() };
  return undefined;
};
