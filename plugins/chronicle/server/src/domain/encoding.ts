/**
 * Content-Encoding negotiation and the compressed variants of a cached body (brotli, gzip).
 * Pure module: node's zlib only, no Strapi import.
 *
 * - `negotiate` reads Accept-Encoding as RFC 9110 §12.5.3 says: q-values, `*`, `identity;q=0`;
 *   among the acceptable codings the one with the highest q wins, ties going to br, then gzip,
 *   then identity (identity, when not named, ranks with the least-wanted coding listed). It answers null only when nothing we can send is acceptable (then identity is
 *   sent anyway: a 406 would help nobody).
 * - `variantOf` compresses a body once per coding and keeps the result beside the body (a
 *   WeakMap keyed by the body's Buffer): as long as a cached entry holds its body, a hit costs
 *   no compression; when the entry is dropped, its variants go with it.
 * - Tiny bodies (< MIN_COMPRESS_BYTES) and types that are compressed already (images, fonts
 *   other than SVG/TTF/EOT, archives) are always sent as they are.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Coding = 'br' | 'gzip' | 'identity';

/** Below this many bytes the headers cost more than compression saves. */
export const MIN_COMPRESS_BYTES = 1024;

const PREFERENCE: Coding[] = ['br', 'gzip', 'identity'];

/** The q-value of each coding named in an Accept-Encoding header (lower-cased), `*` included. */
export const parseAcceptEncoding = (header: string | undefined): Map<string, number> => {
  const found = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [k, v] = param.split('=').map((s) => s.trim().toLowerCase());
      if (k === 'q') {
        const n = Number(v);
        q = Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
      }
    }
    // A coding named twice keeps its highest q.
    found.set(name, Math.max(found.get(name) ?? 0, q));
  }
  return found;
};

/**
 * The coding to send, given the Accept-Encoding header and whether the body may be compressed.
 * No header at all: identity. `identity` is acceptable unless named with q=0 (or `*;q=0`
 * without naming identity).
 */
export const negotiate = (header: string | undefined, compressible = true): Coding | null => {
  if (header === undefined || header.trim() === '') return 'identity';
  const q = parseAcceptEncoding(header);
  const star = q.get('*');
  const qOf = (coding: Coding): number => {
    if (q.has(coding)) return q.get(coding) as number;
    // Unnamed identity is acceptable but no one's preference: it ranks with the least-wanted
    // coding listed (as the negotiator package ranks it), so `gzip;q=0.7` still picks gzip.
    if (coding === 'identity') return star === 0 ? 0 : Math.min(...[...q.values()].filter((v) => v > 0), 1) || 0.001;
    return star ?? 0;
  };
  let best: Coding | null = null;
  let bestQ = 0;
  for (const coding of PREFERENCE) {
    if (coding !== 'identity' && !compressible) continue;
    const value = qOf(coding);
    if (value > bestQ) {
      best = coding;
      bestQ = value;
    }
  }
  return best;
};

/** Types sent as they are whatever the client accepts: already compressed, or pointless to. */
const INCOMPRESSIBLE = /^(image\/(?!svg)|video\/|audio\/|font\/woff|application\/(zip|gzip|x-gzip|octet-stream|pdf|wasm))/i;

export const isCompressible = (contentType: string | undefined, length: number): boolean =>
  length >= MIN_COMPRESS_BYTES && !INCOMPRESSIBLE.test(contentType ?? '');

export interface Variant {
  coding: Coding;
  body: Buffer;
  etag: string;
}

const variants = new WeakMap<Buffer, Partial<Record<'br' | 'gzip', Buffer>>>();

const compress = (coding: 'br' | 'gzip', body: Buffer, contentType: string): Buffer =>
  coding === 'br'
    ? brotliCompressSync(body, {
        params: {
          // Quality 9 of 11: close to the best ratio at a fraction of 11's time; paid once per entry.
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_MODE]: /^text\/|json|xml|javascript/.test(contentType) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body, { level: 9 });

/**
 * The ETag of a compressed variant: the identity ETag with the coding inside the quotes
 * ("abc" → "abc-br"), so each representation has its own strong validator (RFC 9110 §8.8.3).
 */
export const variantEtag = (etag: string, coding: Coding): string =>
  coding === 'identity' ? etag : etag.replace(/"$/, `-${coding}"`);

/** The body to send for `coding`, compressed on first use and kept beside the body thereafter. */
export const variantOf = (body: Buffer, etag: string, contentType: string, coding: Coding): Variant => {
  if (coding === 'identity') return { coding, body, etag };
  let kept = variants.get(body);
  if (!kept) {
    kept = {};
    variants.set(body, kept);
  }
  let compressed = kept[coding];
  if (!compressed) {
    compressed = compress(coding, body, contentType);
    kept[coding] = compressed;
  }
  // Compression that does not pay (rare: already dense data) is not sent.
  if (compressed.byteLength >= body.byteLength) return { coding: 'identity', body, etag };
  return { coding, body: compressed, etag: variantEtag(etag, coding) };
};

/** The bytes the kept variants of `body` hold (for the memory benchmark's figures). */
export const variantBytes = (body: Buffer): number => {
  const kept = variants.get(body);
  return (kept?.br?.byteLength ?? 0) + (kept?.gzip?.byteLength ?? 0);
};
