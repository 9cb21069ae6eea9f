/**
 * Marks a call chain as one of the plugin's own trusted writers (the audit writer, the
 * demo loader, the command-line import), so Document Service middlewares can tell them from every other caller
 * without an unrecorded back door: the flag cannot be set from a request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type SystemActor = 'audit-writer' | 'demo-loader' | 'import';

const storage = new AsyncLocalStorage<SystemActor>();

export const runAs = <T>(actor: SystemActor, fn: () => Promise<T>): Promise<T> => storage.run(actor, fn);

export const currentSystemActor = (): SystemActor | undefined => storage.getStore();
