/** Moved to ../validation/public-query.ts (request schemas live in validation/); kept for callers not yet moved. */
export * from '../validation/public-query';
