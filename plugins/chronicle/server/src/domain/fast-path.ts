/**
 * The pure parts of the fast path for cache hits (middlewares/fast-hit.ts, issue 19): reading a
 * raw request as koa would, and the header blocks a hit is written with. No Strapi import.
 *
 * A hit is answered with the headers the normal path sent for the same request, captured from
 * a real answer at the outside of koa's middleware chain (`staticHeaders`) — so whatever
 * strapi::security, our CORS or poweredBy set, the fast path repeats — plus the few that
 * belong to one response (`PER_RESPONSE`: ETag, Content-Encoding and Content-Length of the
 * variant, X-Chronicle-Cache, RateLimit-Remaining), which it writes itself.
 */

/**
 * The alias key of a request target (services/public-cache `remember`: `${ctx.path}?${ctx.querystring}`),
 * or null for a target koa's parser might read otherwise (absolute form, a fragment).
 */
export const aliasKeyOf = (url: string | undefined): string | null => {
  if (!url || url.charCodeAt(0) !== 47 /* '/' */ || url.charCodeAt(1) === 47 || url.includes('#')) return null;
  return url.includes('?') ? url : `${url}?`;
};

export interface ProxySettings {
  /** koa's `app.proxy` (TRUST_PROXY). */
  trust: boolean;
  /** koa's `app.proxyIpHeader`, lower-case. */
  header: string;
  /** koa's `app.maxIpsCount` (0: all). */
  maxIps: number;
}

/** The client address exactly as koa's `ctx.ip` reads it. */
export const clientAddress = (headers: Record<string, string | string[] | undefined>, remoteAddress: string | undefined, proxy: ProxySettings): string => {
  if (proxy.trust) {
    const value = headers[proxy.header];
    if (typeof value === 'string' && value) {
      let ips = value.split(',').map((v) => v.trim());
      if (proxy.maxIps > 0) ips = ips.slice(-proxy.maxIps);
      if (ips[0]) return ips[0];
    }
  }
  return remoteAddress || '';
};

/** Headers the fast path writes per response; never taken from a captured answer. */
export const PER_RESPONSE = new Set(['content-length', 'etag', 'content-encoding', 'x-chronicle-cache', 'ratelimit-remaining', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/** An answer that set one of these is not one to repeat for someone else. */
const NEVER_REPLAYED = new Set(['set-cookie', 'retry-after', 'www-authenticate', 'location', 'content-range']);

/**
 * The headers of a captured 200 answer that every hit of the same request repeats, as a flat
 * [name, value, name, value …] list in the answer's own spelling; null when the answer must not
 * be repeated (it set a cookie, say).
 */
export const staticHeaders = (headers: Array<[name: string, value: string | number | string[] | undefined]>): string[] | null => {
  const flat: string[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (NEVER_REPLAYED.has(lower)) return null;
    if (PER_RESPONSE.has(lower) || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) flat.push(name, v);
    else flat.push(name, String(value));
  }
  return flat;
};

export interface HeaderBlocks {
  /** 200: the static headers, then ETag, Content-Encoding (unless identity), Content-Length, X-Chronicle-Cache. */
  ok: string[];
  /** 304: as koa sends it, without Content-Type and Content-Length (and without Content-Encoding, as sendCached). */
  notModified: string[];
}

/** The two header lists of one variant of one cached body, built once and reused by every hit. */
export const headerBlocks = (fixed: string[], variant: { etag: string; coding: string; length: number }): HeaderBlocks => {
  const tail = ['ETag', variant.etag, 'X-Chronicle-Cache', 'hit'];
  const ok = [...fixed, ...tail, ...(variant.coding === 'identity' ? [] : ['Content-Encoding', variant.coding]), 'Content-Length', String(variant.length)];
  const notModified: string[] = [];
  for (let i = 0; i < fixed.length; i += 2) if (fixed[i].toLowerCase() !== 'content-type') notModified.push(fixed[i], fixed[i + 1]);
  notModified.push(...tail);
  return { ok, notModified };
};
