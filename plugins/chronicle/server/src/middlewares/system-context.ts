/** Moved to ../request-context.ts (one module for request context and actors); this path is kept for callers not yet moved. */
export { currentSystemActor, runAs, type SystemActor } from '../request-context';
