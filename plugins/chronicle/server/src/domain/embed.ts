/**
 * Embeds (issue 19): who may frame the /embed/* pages, the Content-Security-Policy those pages
 * and every other page send, and the size of an oEmbed iframe. The URL → resource reading and
 * the oEmbed answer itself are site/oembed.ts (they need the site's route table).
 *
 * EMBED_ORIGINS is a comma-separated list of origins (`https://partner.example`,
 * `http://localhost:8080`): the frame-ancestors allow-list of the embed pages only. An entry
 * that is not exactly an http(s) origin — a path, a query, credentials, a wildcard, a CSP
 * keyword, a bare host — is refused at boot with a message naming it, rather than being passed
 * into a header where it would widen or break the policy. Pure module.
 */

/** Either the origins, normalised (lower-case scheme and host, default port dropped, no duplicates), or what is wrong. */
export type EmbedOriginsResult = { ok: true; origins: string[] } | { ok: false; message: string };

const describe = (entry: string) => JSON.stringify(entry);

/** One entry of EMBED_ORIGINS as an origin, or the reason it is not one. */
const originOf = (entry: string): { origin: string } | { problem: string } => {
  if (/[\s;'"]/.test(entry)) return { problem: `${describe(entry)} has a space, quote or semicolon` };
  if (entry.includes('*')) return { problem: `${describe(entry)}: wildcards are not accepted; list each origin` };
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return { problem: `${describe(entry)} is not an origin such as https://partner.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `${describe(entry)}: only http and https origins can frame a page` };
  if (url.username || url.password) return { problem: `${describe(entry)} carries credentials` };
  // new URL('https://a.example/x') keeps the path: an origin has none (a lone trailing slash is tolerated).
  const rest = entry.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  if (rest !== '' && rest !== '/') return { problem: `${describe(entry)} has a path, query or fragment; an origin is scheme://host[:port]` };
  if (!url.hostname) return { problem: `${describe(entry)} has no host` };
  return { origin: url.origin };
};

/**
 * EMBED_ORIGINS as the frame-ancestors sources of the embed pages. Empty (or unset) is an
 * empty list: the embeds are then frameable by the site itself only.
 */
export const parseEmbedOrigins = (raw: string | readonly string[] | undefined | null): EmbedOriginsResult => {
  const entries = (Array.isArray(raw) ? raw : String(raw ?? '').split(','))
    .map((e) => String(e).trim())
    .filter(Boolean);
  const origins: string[] = [];
  for (const entry of entries) {
    const found = originOf(entry);
    if ('problem' in found) return { ok: false, message: found.problem };
    if (!origins.includes(found.origin)) origins.push(found.origin);
  }
  return { ok: true, origins };
};

/** The directives every page shares but frame-ancestors. */
const SITE_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // TimelineJS3 draws with inline style attributes (and sets some with innerHTML).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The embed pages need less: no script at all, our one stylesheet (no inline styles), our
 * images; nothing is fetched from anywhere else, so a partner's page cannot be made to leak
 * its readers to a third party through our frame.
 */
const EMBED_DIRECTIVES = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Every page but the embeds: framed by the site itself only (with X-Frame-Options: SAMEORIGIN beside it). */
export const siteCsp = (): string => [...SITE_DIRECTIVES, "frame-ancestors 'self'"].join('; ');

/** The embed pages: framed by the site itself and the EMBED_ORIGINS (already parsed), and sent without X-Frame-Options. */
export const embedCsp = (origins: readonly string[]): string => [...EMBED_DIRECTIVES, ["frame-ancestors 'self'", ...origins].join(' ')].join('; ');

// ---- oEmbed sizes ---------------------------------------------------------------------

export const EMBED_KINDS = ['timeline', 'profile', 'report'] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/** The iframe's size when the consumer sets no limit; the pages read down to 300 px wide (and narrower, wrapped). */
export const EMBED_SIZES: Record<EmbedKind, { width: number; height: number }> = {
  timeline: { width: 480, height: 640 },
  profile: { width: 480, height: 420 },
  report: { width: 480, height: 360 },
};

/** How long an oEmbed consumer may keep our answer (seconds); the framed page itself is always current. */
export const OEMBED_CACHE_AGE = 3600;

/** The share card's size (site/card.tsx), for oEmbed's thumbnail. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The iframe's width and height: the kind's own, within maxwidth and maxheight (oEmbed: they must be respected). */
export const embedSize = (kind: EmbedKind, limits: { maxwidth?: number; maxheight?: number } = {}): { width: number; height: number } => {
  const own = EMBED_SIZES[kind];
  return {
    width: limits.maxwidth ? Math.min(own.width, limits.maxwidth) : own.width,
    height: limits.maxheight ? Math.min(own.height, limits.maxheight) : own.height,
  };
};

/** A thumbnail is offered only when it fits the limits as it is (oEmbed: the thumbnail must respect them too). */
export const thumbnailFits = (size: { width: number; height: number }, limits: { maxwidth?: number; maxheight?: number } = {}): boolean =>
  (!limits.maxwidth || size.width <= limits.maxwidth) && (!limits.maxheight || size.height <= limits.maxheight);

/**
 * The sandbox of the iframe we hand out: no scripts (the embeds have none), links may open
 * the canonical page in a new tab outside the sandbox; same-origin so our stylesheet and
 * images load as from our own site (harmless without allow-scripts).
 */
export const EMBED_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox allow-same-origin';
