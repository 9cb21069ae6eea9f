/**
 * The fast path for cache hits (issue 19): an anonymous GET or HEAD whose exact request target
 * a controller or the site has already answered from or into the response cache, under the
 * content revision in force, is answered before koa — before Strapi's global middlewares
 * (logger, errors, rate limit, security, CORS, query, body, session …), its router,
 * authentication and policies. Everything that is not a clean hit goes on to koa untouched.
 *
 * Where: a `request` listener that replaces (and calls) koa's on Strapi's HTTP server
 * (CHRONICLE_FAST_PATH=http, the default); `koa` puts the same check first in koa's middleware
 * list instead (it pays for koa's context); `off` leaves only the koa-level hits
 * (middlewares/public-hit.ts, site.ts). docs/architecture.md says why and what it saves.
 *
 * A hit is answered only when all of these hold, each read without a promise:
 * - the request has no Authorization header (and no bench cache-skipping header);
 * - its raw path and query string are an alias the normal path recorded (services/public-cache
 *   `remember`) and the entry is in the cache, under a revision read within
 *   CHRONICLE_REVISION_CHECK_MS (else the re-read starts and the request goes the normal way);
 * - for the API, the Public role holds the route's action, as decided once and forgotten at any
 *   permission or role change (`publicMayNow`); unknown → the normal way (Strapi's 403);
 * - the normal path's headers for this request were captured (`capture` below: at the outside
 *   of koa's chain, from a real 200 answer — or a 304, which then serves only 304s — per alias
 *   and per Origin present or not), so the
 *   security, CORS, Vary, Cache-Control and Content-Type headers are exactly the normal ones;
 * - the rate limit: the API's publicApi limit counts the hit (the same limiter and store as
 *   middlewares/rate-limit.ts, RateLimit-Remaining as it sends it); over the limit, the request
 *   goes to koa carrying the decision, so rate-limit.ts answers the 429 without counting it
 *   again. A site page checks the site limit (hits count nothing, as in site.ts).
 * ETag and 304 (If-None-Match), Content-Encoding by Accept-Encoding (the variants kept beside
 * the body, domain/encoding.ts) and HEAD are as sendCached does them. Header lists are built
 * once per captured alias, variant and status (domain/fast-path.ts `headerBlocks`).
 * Access log: a hit is logged at `http` level in strapi::logger's format.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { aliasKeyOf, clientAddress, headerBlocks, staticHeaders, type HeaderBlocks } from '../domain/fast-path';
import { isCompressible, negotiate, variantOf, type Coding } from '../domain/encoding';
import { matchesEtag, type CachedResponse } from '../domain/response-cache';
import type { RateDecision } from '../domain/rate-limiter';
import { getService } from '../get-service';
import type { Alias } from '../services/public-cache';

/** Where the fast path leaves its rate-limit decision for rate-limit.ts when it lets a request go on. */
export const FAST_RATE_DECISION = Symbol.for('chronicle.fastPathRateDecision');
/** ctx.state key: the alias a normal answer belongs to, for `capture`. */
export const FAST_MARK = 'chronicleFastAlias';

/** The rate decision the fast path already counted for this request, if any. */
export const countedDecision = (req: unknown): RateDecision | undefined => (req as Record<symbol, RateDecision | undefined>)?.[FAST_RATE_DECISION];

interface Served {
  body: Buffer;
  etag: string;
  blocks: HeaderBlocks;
}

/** What alias.fast[i] holds: the captured headers and, per coding, the variant served with them. */
interface Captured {
  fixed: string[];
  /** Captured from a 200 (Content-Type known); a slot captured from a 304 answers only 304s. */
  complete: boolean;
  /** The entry body the variants below were built for (a new entry of the same key rebuilds them). */
  body: Buffer | undefined;
  variants: Partial<Record<Coding, Served>>;
}

const MAX_INTERNED = 512;

export const fastPath = (strapi: Core.Strapi) => {
  const cache = getService(strapi, 'public-cache');
  const limits = getService(strapi, 'rate-limits');
  const app = strapi.server.app as unknown as { proxy?: boolean; proxyIpHeader?: string; maxIpsCount?: number };
  const proxy = { trust: Boolean(app.proxy), header: (app.proxyIpHeader || 'X-Forwarded-For').toLowerCase(), maxIps: app.maxIpsCount || 0 };
  const bench = process.env.CHRONICLE_BENCH === '1';
  const log = strapi.log as unknown as { isLevelEnabled?(level: string): boolean; http(message: string): void };

  // Accept-Encoding values are few: each is negotiated once.
  const codings = new Map<string, Coding>();
  const codingOf = (header: string | undefined): Coding => {
    if (!header) return 'identity';
    let coding = codings.get(header);
    if (coding === undefined) {
      coding = negotiate(header) ?? 'identity';
      if (codings.size >= 256) codings.clear();
      codings.set(header, coding);
    }
    return coding;
  };

  // Most aliases share one list of captured headers: keep one copy of each.
  const interned = new Map<string, string[]>();
  const intern = (fixed: string[]) => {
    const key = fixed.join('\n');
    let found = interned.get(key);
    if (!found) {
      if (interned.size >= MAX_INTERNED) interned.clear();
      interned.set(key, fixed);
      found = fixed;
    }
    return found;
  };

  const servedOf = (slot: Captured, entry: CachedResponse, acceptEncoding: string | undefined): Served => {
    if (slot.body !== entry.body) {
      slot.body = entry.body;
      slot.variants = {};
    }
    const coding = isCompressible(entry.contentType, entry.body.byteLength) ? codingOf(acceptEncoding) : 'identity';
    let served = slot.variants[coding];
    if (!served) {
      const variant = variantOf(entry.body, entry.etag, entry.contentType, coding);
      served = { body: variant.body, etag: variant.etag, blocks: headerBlocks(slot.fixed, { etag: variant.etag, coding: variant.coding, length: variant.body.byteLength }) };
      slot.variants[coding] = served;
    }
    return served;
  };

  const send = (req: IncomingMessage, res: ServerResponse, served: Served, remaining: number | undefined, start: number) => {
    const notModified = matchesEtag(req.headers['if-none-match'], served.etag);
    const status = notModified ? 304 : 200;
    let list = notModified ? served.blocks.notModified : served.blocks.ok;
    if (remaining !== undefined) list = list.concat('RateLimit-Remaining', String(remaining));
    res.writeHead(status, list);
    cache.noteFastHit();
    if (notModified || req.method === 'HEAD') res.end();
    else res.end(served.body);
    if (start) log.http(`${req.method} ${req.url} (${Math.ceil(Date.now() - start)} ms) ${status}`);
  };

  /** true: answered; false: not a clean hit (go the normal way); a promise of either while the rate limit is asked. */
  const tryServe = (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const headers = req.headers;
    if (headers.authorization) return false;
    // Benchmark runs only: skip the cache, or only this path (bench/run.js measures hits through koa too).
    if (bench && (headers['x-chronicle-bench-no-cache'] === '1' || headers['x-chronicle-bench-no-fast'] === '1')) return false;
    const rawKey = aliasKeyOf(req.url);
    if (rawKey === null) return false;
    const found = cache.lookupNow(rawKey);
    if (!found) return false;
    const { alias, entry } = found;
    const slot = alias.fast[headers.origin ? 1 : 0] as Captured | undefined;
    if (!slot) return false;
    if (alias.kind === 'api' && cache.publicMayNow(alias.action as string) !== true) return false;
    const start = log.isLevelEnabled?.('http') ? Date.now() : 0;
    const served = servedOf(slot, entry, headers['accept-encoding']);
    if (!slot.complete && !matchesEtag(headers['if-none-match'], served.etag)) return false;
    const limit = alias.kind === 'api' ? 'publicApi' : 'site';
    if (!limits.enabledNow(limit)) {
      send(req, res, served, undefined, start);
      return true;
    }
    const ip = clientAddress(headers, req.socket?.remoteAddress, proxy);
    if (limit === 'site') {
      // Checked, not counted: a cached page costs nothing, but an address over its limit waits.
      return limits.check('site', ip).then((decision) => {
        if (!decision.allowed) return false;
        send(req, res, served, undefined, start);
        return true;
      });
    }
    return limits.hit('publicApi', ip).then((decision) => {
      if (!decision.allowed) {
        // Counted here: rate-limit.ts answers the 429 from this decision, not counting again.
        (req as unknown as Record<symbol, RateDecision>)[FAST_RATE_DECISION] = decision;
        return false;
      }
      send(req, res, served, Number.isFinite(decision.remaining) ? decision.remaining : undefined, start);
      return true;
    });
  };

  /**
   * Outermost koa middleware: after a normal answer that the controller or the site marked as
   * a cacheable 200 (ctx.state[FAST_MARK]), keep the headers it is sending, for the fast path.
   */
  const capture = async (ctx: any, next: () => Promise<void>) => {
    await next();
    const alias = ctx.state?.[FAST_MARK] as Alias | undefined;
    if (!alias || ctx.res.headersSent || ctx.get('Authorization')) return;
    const complete = ctx.status === 200 && Buffer.isBuffer(ctx.body);
    if (!complete && ctx.status !== 304) return;
    const index = ctx.get('Origin') ? 1 : 0;
    // A 304's headers never replace a 200's (they lack Content-Type).
    if (!complete && (alias.fast[index] as Captured | undefined)?.complete) return;
    const res = ctx.res as ServerResponse;
    // getRawHeaderNames (node ≥ 15.13): the names as they were set, 'ETag' rather than 'etag'.
    const names = (res as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
    const fixed = staticHeaders(names.map((name) => [name, res.getHeader(name) as string | number | string[] | undefined]));
    if (!fixed) return;
    alias.fast[index] = { fixed: intern(fixed), complete, body: undefined, variants: {} } satisfies Captured;
  };

  return { tryServe, capture };
};

export type FastPathMode = 'http' | 'koa' | 'off';

export const fastPathMode = (value = process.env.CHRONICLE_FAST_PATH): FastPathMode => (value === 'koa' || value === 'off' ? value : 'http');

/** Install the fast path (bootstrap, before the server listens). */
export const installFastPath = (strapi: Core.Strapi, mode: FastPathMode = fastPathMode()) => {
  if (mode === 'off') return;
  const { tryServe, capture } = fastPath(strapi);
  const koaApp = strapi.server.app as unknown as { middleware: Array<(ctx: any, next: () => Promise<void>) => unknown> };
  const warn = (error: unknown) => strapi.log.warn(`chronicle: fast path: ${(error as Error)?.stack ?? error}`);

  if (mode === 'koa') {
    const early = (ctx: any, next: () => Promise<void>) => {
      let served: boolean | Promise<boolean>;
      try {
        served = tryServe(ctx.req, ctx.res);
      } catch (error) {
        warn(error);
        served = false;
      }
      if (served === true) {
        ctx.respond = false;
        return undefined;
      }
      if (served === false) return next();
      return served.then(
        (ok) => {
          if (!ok) return next();
          ctx.respond = false;
          return undefined;
        },
        (error) => {
          warn(error);
          return next();
        }
      );
    };
    koaApp.middleware.unshift(capture, early);
    return;
  }

  // Koa composes its middleware list at its first request, so `capture` goes first now.
  koaApp.middleware.unshift(capture);
  const server = strapi.server.httpServer as unknown as Server;
  const normal = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of normal) listener.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let served: boolean | Promise<boolean>;
    try {
      served = tryServe(req, res);
    } catch (error) {
      warn(error);
      served = false;
    }
    if (served === true) return;
    if (served === false) {
      forward(req, res);
      return;
    }
    served.then(
      (ok) => {
        if (!ok) forward(req, res);
      },
      (error) => {
        warn(error);
        forward(req, res);
      }
    );
  });
};
