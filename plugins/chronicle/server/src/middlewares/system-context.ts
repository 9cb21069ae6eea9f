/**
 * Marks a call chain as one of the plugin's own trusted writers, so Document Service
 * middlewares can tell them from every other caller. Each is a named actor recorded in the
 * audit trail; the flag cannot be set from a request.
 *  - workflow:     the workflow service applying a transition it has already decided
 *  - audit-writer: writing a workflow-transition row or a tombstone
 *  - demo-loader, scheduler, import: system actors that take transitions through the workflow
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type SystemActor = 'workflow' | 'audit-writer' | 'demo-loader' | 'scheduler' | 'import';

const storage = new AsyncLocalStorage<SystemActor>();

export const runAs = <T>(actor: SystemActor, fn: () => Promise<T>): Promise<T> => storage.run(actor, fn);

export const currentSystemActor = (): SystemActor | undefined => storage.getStore();
