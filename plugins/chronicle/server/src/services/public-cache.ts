/**
 * The public API's response cache and the content revision it belongs to.
 *
 * Invalidation within one instance: the public-revision Document Service middleware calls
 * `bump()` after every committed write to the newsroom's types, which changes the revision
 * and empties the cache at once.
 *
 * Across instances sharing one database: the revision is also written to a row of the
 * plugin store (strapi_core_store_settings), and each instance re-reads that row at most
 * every CHRONICLE_REVISION_CHECK_MS (default 1000 ms; concurrent requests share one read).
 * We chose the revision row over PostgreSQL LISTEN/NOTIFY because it needs no dedicated
 * connection outside knex's pool, cannot miss a notification while a connection is being
 * re-established, works the same on SQLite (so the tests prove it on both databases), and
 * costs one primary-key-sized read per second per instance. The price is that another
 * instance may serve a cached page for up to that interval after a write; the browser
 * caches for 60 s anyway (Cache-Control).
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ResponseCache, type CachedResponse } from '../domain/response-cache';

const STORE = { type: 'plugin' as const, name: 'chronicle', key: 'public-revision' };

const newRevision = () => `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

const publicCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const checkEvery = numberFromEnv('CHRONICLE_REVISION_CHECK_MS', 1000);
  const cache = new ResponseCache(numberFromEnv('CHRONICLE_PUBLIC_CACHE_BYTES', 32 * 1024 * 1024));
  let revision = '';
  let checkedAt = -Infinity;
  /** Bumped by every local write, so a read that raced with it cannot restore an older revision. */
  let generation = 0;
  let reading: Promise<string> | null = null;

  const readStored = async (): Promise<string> => {
    const started = generation;
    const stored = (await strapi.store.get(STORE)) as { revision?: string } | null;
    let value = stored?.revision;
    if (!value) {
      value = newRevision();
      await strapi.store.set({ ...STORE, value: { revision: value } });
    }
    if (started === generation) {
      revision = value;
      checkedAt = Date.now();
      cache.sync(revision);
    }
    return revision;
  };

  return {
    /** The content revision now in force (re-read from the database when due). */
    async revision(): Promise<string> {
      if (revision && Date.now() - checkedAt < checkEvery) return revision;
      if (!reading) reading = readStored().finally(() => (reading = null));
      return reading;
    },

    /** Called after a committed write: a new revision here at once, and for the other instances. */
    async bump(): Promise<void> {
      generation += 1;
      revision = newRevision();
      checkedAt = Date.now();
      cache.sync(revision);
      await strapi.store.set({ ...STORE, value: { revision } });
    },

    get(key: string): CachedResponse | undefined {
      return cache.get(key);
    },

    set(key: string, entry: CachedResponse, computedUnder: string) {
      cache.set(key, entry, computedUnder);
    },

    /** For tests and the memory benchmark; no route serves it. */
    stats() {
      return { ...cache.stats(), revision };
    },
  };
};

export type PublicCacheService = ReturnType<typeof publicCache>;
export default publicCache;
