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
 *
 * Issue 19 moved this to a channel where there is one: the live timeline's bus
 * (services/live-bus.ts: PostgreSQL LISTEN/NOTIFY or Redis pub/sub) carries each new revision,
 * which the other instances adopt at once (`adopt`). The row is still read every
 * CHRONICLE_REVISION_CHECK_MS, as a safety net: a write whose notification never came (a
 * channel that dropped it, an instance that wrote the row without notifying) is seen within that
 * interval, as before; after every (re)connection the row is re-read at once (`resync`).
 *
 * Early hits (middlewares/public-hit.ts, issue 19): when a controller answers a request from
 * or into the cache it also records the request as it arrived (`remember`: raw path and query
 * string → the key of the validated query, and the users-permissions action of the route).
 * A later request with exactly the same raw path and query string is then answered before
 * Strapi's router, authentication and policies run, provided the Public role still holds that
 * action (`publicMay`: the role's actions are read once and re-read after any change to a
 * users-permissions permission or role, and at most every CHRONICLE_REVISION_CHECK_MS). A
 * permission or role change also bumps the revision once it is committed, and every instance
 * that takes a new revision (adopted from the channel, or read from the row) re-reads the
 * role's actions with it: a permission withdrawn on one instance is withdrawn on the others as
 * fast as a publish reaches them. The same reading authenticates anonymous requests that reach
 * the router (auth/public-role.ts). A query string never validated has no alias, so it
 * reaches the controller and its 400. Aliases are dropped with the revision, bounded in count,
 * and point at an entry that may itself have expired or been evicted (then: no early hit).
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { ResponseCache, matchesEtag, type CachedResponse } from '../domain/response-cache';
import { isCompressible, negotiate, variantOf } from '../domain/encoding';

const STORE = { type: 'plugin' as const, name: 'chronicle', key: 'public-revision' };

const newRevision = () => `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/** How many raw request → key aliases are kept (least recently used go first). */
const MAX_ALIASES = 20_000;

export interface Alias {
  key: string;
  /** The users-permissions action of the route ('plugin::chronicle.public-api.timeline'); none for a site page. */
  action: string | undefined;
  /** 'api': the Content API (Public role, publicApi limit); 'site': a site page (site limit, no role). */
  kind: 'api' | 'site';
  /**
   * What the fast path (middlewares/fast-hit.ts) repeats for this request, captured from a
   * normal answer: [0] for a request without an Origin header, [1] with one.
   */
  fast: [unknown, unknown];
}

/** The users-permissions action a matched route needs (as Strapi's content-api permission check names it), or undefined. */
export const routeAction = (route: any): string | undefined => {
  if (!route || typeof route.handler !== 'string') return undefined;
  const info = route.info ?? {};
  if (info.pluginName) return `plugin::${info.pluginName}.${route.handler}`;
  if (info.apiName) return `api::${info.apiName}.${route.handler}`;
  return undefined;
};

/**
 * Send a cached body (API answer, site page, feed) as the client's Accept-Encoding asks: the
 * brotli or gzip variant, compressed once and kept beside the body (domain/encoding.ts), each
 * with its own ETag; a matching If-None-Match is a 304. Sets Vary, ETag and Cache-Control.
 */
export const sendCached = (ctx: any, entry: Pick<CachedResponse, 'body' | 'etag' | 'contentType'>, cacheControl: string) => {
  const compressible = isCompressible(entry.contentType, entry.body.byteLength);
  const coding = compressible ? negotiate(ctx.get('Accept-Encoding')) ?? 'identity' : 'identity';
  const variant = variantOf(entry.body, entry.etag, entry.contentType, coding);
  ctx.vary('Accept-Encoding');
  ctx.set('ETag', variant.etag);
  ctx.set('Cache-Control', cacheControl);
  if (matchesEtag(ctx.get('If-None-Match'), variant.etag)) {
    ctx.status = 304;
    return;
  }
  ctx.status = 200;
  ctx.type = entry.contentType;
  if (variant.coding !== 'identity') ctx.set('Content-Encoding', variant.coding);
  ctx.body = variant.body;
};

/** How a new revision reaches the other instances, and whether their revisions reach us now. */
export interface RevisionChannel {
  up(): boolean;
  publish(revision: string): void;
}

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

const publicCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const checkEvery = numberFromEnv('CHRONICLE_REVISION_CHECK_MS', 1000);
  const cache = new ResponseCache(numberFromEnv('CHRONICLE_PUBLIC_CACHE_BYTES', 32 * 1024 * 1024));
  let revision = '';
  let checkedAt = -Infinity;
  /** Bumped by every local write, so a read that raced with it cannot restore an older revision. */
  let generation = 0;
  let reading: Promise<string> | null = null;
  const aliases = new Map<string, Alias>();
  let aliasRevision = '';
  /** The cross-instance channel (services/live.ts attaches it at bootstrap), if any. */
  let channel: RevisionChannel | null = null;
  /** Set when the channel (re)connects: read the row once even though the channel is up. */
  let mustRead = false;
  /** The revision in force is known to be current: read (or adopted from the channel) within `checkEvery`, no resync pending. */
  const isCurrent = () => Boolean(revision) && !mustRead && Date.now() - checkedAt < checkEvery;
  /** Hits answered by the fast path (middlewares/fast-hit.ts), for tests and the benchmark. */
  let fastHits = 0;

  // The Public role's actions: read once, re-read after a permission or role change here, and
  // at most every `checkEvery` ms (another instance may have changed them).
  let publicActions: Set<string> | null = null;
  let actionsReadAt = -Infinity;
  let actionsGeneration = 0;
  let readingActions: Promise<Set<string>> | null = null;
  const readActions = async (): Promise<Set<string>> => {
    const started = actionsGeneration;
    const rows = (await strapi.db.query(PERMISSION_UID).findMany({
      where: { role: { type: 'public' } },
      select: ['action'],
    })) as Array<{ action: string }>;
    const actions = new Set(rows.map((r) => r.action));
    if (started === actionsGeneration) {
      publicActions = actions;
      actionsReadAt = Date.now();
    }
    return actions;
  };
  const forgetActions = () => {
    actionsGeneration += 1;
    publicActions = null;
  };
  let subscribed = false;
  /**
   * After a permission or role change here, once it is committed (at once outside a
   * transaction; at the commit inside one): forget the actions again — a read that raced with
   * the write may have kept the old ones — and bump the revision, which tells the other
   * instances. Database lifecycles are awaited, so when users-permissions' `updateRole`
   * resolves, the revision has moved.
   */
  const afterPermissionChange = async () => {
    const settle = async () => {
      forgetActions();
      await service.bump().catch((error: unknown) => strapi.log.error(`chronicle: could not record a public revision after a permission change: ${String(error)}`));
    };
    if (strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) => {
        onCommit(() => void settle());
      });
    } else await settle();
  };
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    const changed = async () => {
      forgetActions();
      await afterPermissionChange();
    };
    strapi.db.lifecycles.subscribe({
      models: [PERMISSION_UID, ROLE_UID],
      afterCreate: changed,
      afterCreateMany: changed,
      afterUpdate: changed,
      afterUpdateMany: changed,
      afterDelete: changed,
      afterDeleteMany: changed,
    } as never);
  };

  const readStored = async (): Promise<string> => {
    const started = generation;
    const stored = (await strapi.store.get(STORE)) as { revision?: string } | null;
    let value = stored?.revision;
    if (!value) {
      value = newRevision();
      await strapi.store.set({ ...STORE, value: { revision: value } });
    }
    if (started === generation) {
      // Another instance's revision (a write, or a permission change there): the role is read again too.
      if (revision && value !== revision) forgetActions();
      revision = value;
      checkedAt = Date.now();
      mustRead = false;
      cache.sync(revision);
    }
    return revision;
  };

  const service = {
    /** The content revision now in force (re-read from the database when due). */
    async revision(): Promise<string> {
      // Another instance's revision arrives by `adopt` at once; the row is re-read when due all the same.
      if (isCurrent()) return revision;
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
      channel?.publish(revision);
    },

    /** Connect the cross-instance channel (see the header). */
    attachChannel(next: RevisionChannel) {
      channel = next;
    },

    /** Another instance's new revision, from the channel: in force here at once. */
    adopt(value: string) {
      if (!value || value === revision) return;
      forgetActions();
      generation += 1;
      revision = value;
      checkedAt = Date.now();
      cache.sync(revision);
    },

    /** The channel (re)connected: re-read the row on the next request, for what it may have missed. */
    resync() {
      mustRead = true;
    },

    get(key: string): CachedResponse | undefined {
      return cache.get(key);
    },

    set(key: string, entry: CachedResponse, computedUnder: string) {
      cache.set(key, entry, computedUnder);
    },

    /**
     * Record that the request `rawPath?rawQuery` validated to `key` on a route needing `action`,
     * so the next identical request can be answered before the router (middlewares/public-hit.ts).
     */
    remember(rawPath: string, rawQuery: string, key: string, action: string | undefined, computedUnder: string, kind: Alias['kind'] = 'api'): Alias | undefined {
      if ((kind === 'api' && !action) || computedUnder !== revision) return undefined;
      if (aliasRevision !== revision) {
        aliases.clear();
        aliasRevision = revision;
      }
      const raw = `${rawPath}?${rawQuery}`;
      const had = aliases.get(raw);
      aliases.delete(raw);
      // The same request answered again keeps what the fast path captured for it.
      const alias: Alias = had && had.key === key && had.action === action && had.kind === kind ? had : { key, action, kind, fast: [undefined, undefined] };
      aliases.set(raw, alias);
      if (aliases.size > MAX_ALIASES) aliases.delete(aliases.keys().next().value as string);
      return alias;
    },

    /** The cached entry for a request exactly as it arrived, with the action its route needs; else undefined. */
    async lookupRaw(rawPath: string, rawQuery: string): Promise<{ entry: CachedResponse; action: string; alias: Alias } | undefined> {
      const current = await this.revision();
      if (aliasRevision !== current || aliases.size === 0) return undefined;
      const alias = aliases.get(`${rawPath}?${rawQuery}`);
      if (!alias || alias.kind !== 'api' || !alias.action) return undefined;
      const entry = cache.get(alias.key);
      return entry ? { entry, action: alias.action, alias } : undefined;
    },

    /**
     * The fast path's lookup (middlewares/fast-hit.ts), without a promise: the alias of the raw
     * request target (`aliasKeyOf`) and its cached entry, only while the revision in force is
     * known to be current (read or adopted within CHRONICLE_REVISION_CHECK_MS); when it is due, the re-read
     * starts and undefined sends this request the normal way, which waits for it.
     */
    lookupNow(rawKey: string): { alias: Alias; entry: CachedResponse } | undefined {
      if (aliases.size === 0) return undefined;
      if (!isCurrent()) {
        if (!reading) reading = readStored().finally(() => (reading = null));
        reading.catch(() => undefined);
        return undefined;
      }
      if (aliasRevision !== revision) return undefined;
      const alias = aliases.get(rawKey);
      if (!alias) return undefined;
      const entry = cache.get(alias.key);
      return entry ? { alias, entry } : undefined;
    },

    /**
     * `publicMay` without a promise: true or false when the Public role's actions are known and
     * current; undefined (and the re-read started) when they are not, so the request goes the
     * normal way — where Strapi's own permission check answers it.
     */
    publicMayNow(action: string): boolean | undefined {
      subscribe();
      if (!publicActions || Date.now() - actionsReadAt >= checkEvery) {
        if (!readingActions) readingActions = readActions().finally(() => (readingActions = null));
        readingActions.catch(() => undefined);
        return undefined;
      }
      return publicActions.has(action);
    },

    /** Whether the users-permissions Public role holds `action` now (see the header). */
    async publicMay(action: string): Promise<boolean> {
      subscribe();
      let actions = publicActions;
      if (!actions || Date.now() - actionsReadAt >= checkEvery) {
        if (!readingActions) readingActions = readActions().finally(() => (readingActions = null));
        actions = await readingActions;
      }
      return actions.has(action);
    },

    /** Count one hit answered by the fast path. */
    noteFastHit() {
      fastHits += 1;
    },

    /** Start listening for permission changes (bootstrap). */
    watchPermissions() {
      subscribe();
    },

    /** For tests and the memory benchmark; no route serves it. */
    stats() {
      return { ...cache.stats(), revision, aliases: aliases.size, fastHits };
    },
  };
  return service;
};

export type PublicCacheService = ReturnType<typeof publicCache>;
export default publicCache;
