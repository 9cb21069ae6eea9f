/**
 * oEmbed (https://oembed.com, issue 19) over the site's route table: which of our addresses can
 * be embedded (the timeline with its filters, a commendation, a report — and their /embed/*
 * pages themselves), the embed page each one becomes, the `<iframe>` a consumer pastes, and
 * the discovery link of the full pages. The controller (controllers/public-api.ts `oembed`)
 * reads the record and hands the pieces to `oembedAnswer`. Pure module.
 */
import { DEFAULT_LOCALE, type Locale } from '../domain/enums';
import { EMBED_SANDBOX, OEMBED_CACHE_AGE, type EmbedKind } from '../domain/embed';
import type { OEmbedAnswer } from '../contracts/public';
import type { SiteContext } from './context';
import { isSlug } from './paths';
import { matchRoute, parseSiteQuery, pathOf, type PageName, type SiteQuery } from './routes';

/** The full page of each embeddable kind, and its embed page. */
export const EMBED_OF: Record<EmbedKind, { page: PageName; embed: PageName }> = {
  timeline: { page: 'timeline', embed: 'embedTimeline' },
  profile: { page: 'profile', embed: 'embedProfile' },
  report: { page: 'report', embed: 'embedReport' },
};

const KIND_OF_PAGE = new Map<PageName, EmbedKind>(
  (Object.entries(EMBED_OF) as Array<[EmbedKind, { page: PageName; embed: PageName }]>).flatMap(([kind, { page, embed }]) => [
    [page, kind],
    [embed, kind],
  ])
);

export interface EmbedTarget {
  kind: EmbedKind;
  /** The record's slug (profile, report). */
  slug?: string;
  /** The page's own parameters as its page reads them (lang, and the timeline's unit, from, to); tracking parameters dropped. */
  query: SiteQuery;
  locale: Locale;
}

export type EmbedTargetResult = { ok: true; target: EmbedTarget } | { ok: false; status: 400 | 404; message: string };

/**
 * The resource an oEmbed `url` names: an absolute address on one of the site's public URLs
 * (PUBLIC_URL, under the site's base path) of a page that has an embed. Another host, another
 * page or a malformed slug is a 404 (nothing of ours to embed there); a parameter of the page
 * with a bad value (`lang=fr`, `from=2022-13-01`) is a 400 naming it; tracking parameters
 * (WeChat's from=singlemessage&isappinstalled=0, utm_*) are ignored as the page ignores them.
 */
export const resolveEmbedUrl = (url: string, site: { publicUrls: readonly string[]; basePath: string }): EmbedTargetResult => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, message: 'url: must be an absolute address such as https://news.example/timeline' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, status: 400, message: 'url: must be an http or https address' };
  const notOurs = { ok: false as const, status: 404 as const, message: 'url: no page of this site that can be embedded has this address' };
  let rest: string | undefined;
  for (const base of site.publicUrls) {
    let root: URL;
    try {
      root = new URL(base);
    } catch {
      continue;
    }
    if (root.origin !== parsed.origin) continue;
    const prefix = root.pathname.replace(/\/+$/, '');
    if (parsed.pathname === prefix || parsed.pathname.startsWith(`${prefix}/`)) {
      rest = parsed.pathname.slice(prefix.length) || '/';
      break;
    }
  }
  if (rest === undefined) return notOurs;
  const match = matchRoute(site.basePath, rest);
  const kind = match ? KIND_OF_PAGE.get(match.page) : undefined;
  if (!match || !kind) return notOurs;
  if (kind !== 'timeline' && !(match.param && isSlug(match.param))) return notOurs;
  // As koa reads a query: a repeated parameter is a list (refused by the page's check when the page reads it).
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of parsed.searchParams) {
    const had = raw[key];
    raw[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  const checked = parseSiteQuery(EMBED_OF[kind].page, raw);
  if ('problem' in checked) return { ok: false, status: 400, message: `url: ${checked.problem}` };
  return {
    ok: true,
    target: { kind, ...(kind === 'timeline' ? {} : { slug: match.param }), query: checked.data, locale: checked.data.lang ?? DEFAULT_LOCALE },
  };
};

/** The page's route and filters for links: the full page and the embed page of a target. */
export const routesOf = (target: EmbedTarget) => {
  const { page, embed } = EMBED_OF[target.kind];
  const filters = target.kind === 'timeline' ? { unit: target.query.unit, from: target.query.from, to: target.query.to } : {};
  return { page: pathOf(page, target.slug), embed: pathOf(embed, target.slug), filters };
};

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<iframe>` of an embed: titled, sized, lazy, sandboxed (domain/embed.ts EMBED_SANDBOX), no border. */
export const iframeHtml = ({ src, title, width, height }: { src: string; title: string; width: number; height: number }): string =>
  `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}" loading="lazy" ` +
  `sandbox="${EMBED_SANDBOX}" referrerpolicy="strict-origin-when-cross-origin" style="border:0;max-width:100%"></iframe>`;

export interface OEmbedInput {
  title: string;
  /** The byline(s), where the record has one. */
  authorName?: string | null;
  providerName: string;
  providerUrl: string;
  /** The absolute address of the embed page. */
  src: string;
  size: { width: number; height: number };
  thumbnail?: { url: string; width: number; height: number } | null;
}

/** The oEmbed answer (type rich, version 1.0), its fields in the specification's order. */
export const oembedAnswer = (input: OEmbedInput): OEmbedAnswer => ({
  type: 'rich',
  version: '1.0',
  title: input.title,
  ...(input.authorName ? { author_name: input.authorName } : {}),
  provider_name: input.providerName,
  provider_url: input.providerUrl,
  cache_age: OEMBED_CACHE_AGE,
  html: iframeHtml({ src: input.src, title: input.title, ...input.size }),
  width: input.size.width,
  height: input.size.height,
  ...(input.thumbnail ? { thumbnail_url: input.thumbnail.url, thumbnail_width: input.thumbnail.width, thumbnail_height: input.thumbnail.height } : {}),
});

/** The oEmbed endpoint's address for one of our absolute URLs. */
export const oembedEndpoint = (origin: string, url: string) => `${origin}/api/chronicle/oembed?url=${encodeURIComponent(url)}&format=json`;

/**
 * The discovery link's address for the page a context renders (timeline, a commendation, a
 * report), or null for a page that has no embed. The page's canonical URL, with its language
 * and filters, is what the consumer asks about.
 */
export const oembedDiscovery = (ctx: SiteContext): string | null => {
  const match = matchRoute('/', `/${ctx.route}`);
  if (!match || !['timeline', 'profile', 'report'].includes(match.page)) return null;
  return oembedEndpoint(ctx.origin, ctx.absolute(ctx.alternate(ctx.locale)));
};
