/**
 * How long readers' browsers, shared caches and our own response cache keep a public answer:
 * one table for the JSON API, the feeds, the site's pages and its static assets. Refusals are
 * never stored (errors.ts). Pure module.
 */

/** Public answers: fresh for a minute, then served stale for up to five while revalidating. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** The status route: fresh for a minute. */
export const STATUS_CACHE_CONTROL = 'public, max-age=60';

/** TimelineJS's files, served from its npm package: they change only with a deploy. */
export const ASSET_CACHE_CONTROL = 'public, max-age=86400';

/** Refusals and errors. */
export const NO_STORE = 'no-store';

/**
 * Our response cache's entries also age out after this long (as long as browsers keep them),
 * so an embargo that ends is noticed without a write.
 */
export const CACHE_ENTRY_TTL_MS = 60_000;
