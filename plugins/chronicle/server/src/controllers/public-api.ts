/**
 * The public read API under /api/chronicle (docs/api.md). Each action validates its query
 * with a strict zod schema, then answers from the response cache or from the public-read
 * service, with an ETag, a 304 for a matching If-None-Match, and shared-cache headers
 * (domain/http-cache.ts); a refusal is a ChronicleError, answered by middlewares/errors.ts.
 * GET and HEAD only: the routes declare GET, and the router answers HEAD for them.
 */
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import { DEFAULT_LOCALE, type Locale } from '../domain/enums';
import { atomFeed, jsonFeed, type FeedItem, type FeedMeta } from '../domain/feeds';
import { CACHE_ENTRY_TTL_MS, PUBLIC_CACHE_CONTROL } from '../domain/http-cache';
import { openApiDocument } from '../domain/openapi';
import { correctionFeedItems } from '../domain/corrections';
import {
  correctionsQuery,
  localeOnlyQuery,
  noQuery,
  oembedQuery,
  profilesQuery,
  reportsQuery,
  searchQuery,
  slugPath,
  statisticsQuery,
  timelineQuery,
} from '../validation/public-query';
import { etagOf } from '../domain/response-cache';
import { routeAction, sendCached } from '../services/public-cache';
import { FAST_MARK } from '../middlewares/fast-hit';
import { ChronicleError } from '../errors';
import { getService } from '../get-service';
import { pageHref, publicOrigin, publicUrls } from '../site/paths';
import { pathOf } from '../site/routes';
import { siteContext } from '../site/context';
import { timelineFilterText } from '../site/embed/loaders';
import { oembedAnswer, resolveEmbedUrl, routesOf } from '../site/oembed';
import { STRINGS } from '../site/strings';
import { flattenUnits, type UnitNode } from '../site/unit-tree';
import { CARD_SIZE, embedSize, thumbnailFits } from '../domain/embed';
import { parseQuery } from '../validation/issues';
import { ownParameters, withoutShareParameters } from '../validation/share-params';

const FEED_SIZE = 50;
const JSON_TYPE = 'application/json; charset=utf-8';

interface Produced {
  body: string;
  contentType: string;
}

/** Stable cache key: the route, its path parameter and the validated query in key order. */
const cacheKey = (route: string, slug: string | undefined, data: Record<string, unknown>, extra = '') =>
  `${route}|${slug ?? ''}|${JSON.stringify(Object.keys(data).sort().map((k) => [k, data[k]]))}|${extra}`;

const publicApi = ({ strapi }: { strapi: Core.Strapi }) => {
  const read = () => getService(strapi, 'public-read');
  const cache = () => getService(strapi, 'public-cache');

  /** The site's public origin for feed links: PUBLIC_URL or server.url, never the request's Host (site/paths). */
  const origin = (_ctx?: unknown): string =>
    publicOrigin(process.env.PUBLIC_URL, strapi.config.get('server.url') as string, strapi.config.get('server.port') as number);

  const answer = async <S extends z.ZodType>(
    ctx: any,
    route: string,
    schema: S,
    produce: (params: z.output<S>, slug?: string) => Promise<Produced>,
    { withSlug = false, perOrigin = false } = {}
  ) => {
    // Share parameters (WeChat's from/isappinstalled, utm_*) are dropped unless the route owns them.
    const parsed = parseQuery(schema, withoutShareParameters(ctx.query, ownParameters(schema)));
    if (parsed.problem !== undefined) throw new ChronicleError(400, parsed.problem);
    let slug: string | undefined;
    if (withSlug) {
      const checked = slugPath.safeParse(ctx.params?.slug);
      if (!checked.success) throw new ChronicleError(400, 'slug: must be a slug (lower-case letters, digits and hyphens)');
      slug = checked.data;
    }
    const key = cacheKey(route, slug, parsed.data as Record<string, unknown>, perOrigin ? origin(ctx) : '');
    const revision = await cache().revision();
    // bench/run.js measures the uncached path with this header; it is honoured only in a benchmark run.
    const bypass = process.env.CHRONICLE_BENCH === '1' && ctx.get('X-Chronicle-Bench-No-Cache') === '1';
    let entry = bypass ? undefined : cache().get(key);
    ctx.set('X-Chronicle-Cache', entry ? 'hit' : 'miss');
    if (!entry) {
      // A refusal (ChronicleError) rises to middlewares/errors.ts, which answers it uncached.
      const produced = await produce(parsed.data, slug);
      const body = Buffer.from(produced.body, 'utf8');
      entry = { body, etag: etagOf(body), contentType: produced.contentType, expiresAt: Date.now() + CACHE_ENTRY_TTL_MS };
      cache().set(key, entry, revision);
    }
    // The next identical request is answered before koa (middlewares/fast-hit.ts) or the router (public-hit.ts).
    const alias = cache().remember(ctx.path, ctx.querystring, key, routeAction(ctx.state?.route), revision);
    if (alias) ctx.state[FAST_MARK] = alias;
    sendCached(ctx, entry, PUBLIC_CACHE_CONTROL);
  };

  const json = (value: unknown): Produced => ({ body: JSON.stringify(value), contentType: JSON_TYPE });

  const feed = async (ctx: any, locale: Locale) => {
    const base = origin(ctx);
    const reports = await read().feedReports(locale, FEED_SIZE);
    const items: FeedItem[] = reports.map((r) => ({
      id: `${base}/reports/${r.slug}`,
      url: `${base}/reports/${r.slug}`,
      title: r.title,
      summary: r.dek,
      contentHtml: r.bodyHtml,
      published: r.publishedAt ?? new Date(0).toISOString(),
      updated: r.updatedAt ?? r.publishedAt ?? new Date(0).toISOString(),
      authors: r.bylines.map((b) => b.name),
      tags: r.tags,
    }));
    const query = locale === DEFAULT_LOCALE ? '' : `?locale=${locale}`;
    const meta: FeedMeta = {
      title: locale === 'en' ? 'Chronicle — field reports' : '纪实 — 一线报道',
      subtitle: locale === 'en' ? 'Published reports of the Chronicle newsroom' : '编辑部已发布的报道',
      homeUrl: `${base}/`,
      feedUrl: `${base}/api/chronicle/feed.xml${query}`,
      alternateFeedUrl: `${base}/api/chronicle/feed.json${query}`,
      language: locale,
      updated: items.map((i) => i.updated).sort().pop() ?? new Date(0).toISOString(),
    };
    return { items, meta };
  };

  /** The newest corrections and withdrawal notices, as Atom (one entry each). */
  const correctionsFeed = async (locale: Locale, type?: z.output<typeof correctionsQuery>['type']) => {
    const base = origin();
    const { data } = await read().corrections({ locale, type, limit: 100 });
    const query = new URLSearchParams({ ...(locale === DEFAULT_LOCALE ? {} : { locale }), ...(type ? { type } : {}) }).toString();
    const sitePage = `${base}/corrections${locale === DEFAULT_LOCALE ? '' : `?lang=${locale}`}`;
    const items = correctionFeedItems(data, {
      origin: base,
      correctionsPage: sitePage,
      locale,
      pathOf,
      href: (link) => `${pageHref('/', link.route, locale, link.query)}${link.hash ? `#${link.hash}` : ''}`,
    });
    const meta: FeedMeta = {
      title: locale === 'en' ? 'Chronicle — corrections' : '纪实 — 更正与说明',
      subtitle: locale === 'en' ? 'Corrections, clarifications, updates and withdrawals, newest first' : '编辑部的更正、说明、补充与撤回，最新的在前',
      homeUrl: sitePage,
      feedUrl: `${base}/api/chronicle/corrections/feed.xml${query ? `?${query}` : ''}`,
      alternateFeedUrl: `${base}/api/chronicle/corrections${query ? `?${query}` : ''}`,
      language: locale,
      updated: items.map((i) => i.updated).sort().pop() ?? new Date(0).toISOString(),
    };
    return atomFeed(meta, items, 'application/json');
  };

  /**
   * The oEmbed answer for one of our page addresses (site/oembed.ts): the record is read as its
   * page reads it, published only; an address that names nothing we publish is a 404 (a
   * withdrawn record too: oEmbed has no 410), a format other than json a 501.
   */
  const oembed = async (p: z.output<typeof oembedQuery>) => {
    if (p.format !== undefined && p.format !== 'json') throw new ChronicleError(501, `format: ${p.format} is not offered; ask for format=json`);
    const base = origin();
    const basePath = getService(strapi, 'site').basePath();
    const resolved = resolveEmbedUrl(p.url, { publicUrls: [...publicUrls(process.env.PUBLIC_URL), base], basePath });
    if (!resolved.ok) throw new ChronicleError(resolved.status, resolved.message);
    const { target } = resolved;
    const locale = target.locale;
    const routes = routesOf(target);
    const site = siteContext(basePath, base, locale, routes.page, routes.filters);
    const t = STRINGS[locale];
    const limits = { maxwidth: p.maxwidth, maxheight: p.maxheight };
    const size = embedSize(target.kind, limits);
    const src = site.absolute(site.href(routes.embed, routes.filters));
    const common = { providerName: t.siteName, providerUrl: site.absolute(site.href(pathOf('home'))), src, size };
    const missing = (what: string) => (error: unknown) => {
      // 404 and 410 (withdrawn), and a filter that names nothing (400): nothing published to embed at this address.
      if (error instanceof ChronicleError && [400, 404, 410].includes(error.status)) throw new ChronicleError(404, `url: ${what}`);
      throw error;
    };
    if (target.kind === 'report') {
      const report = (await read().report(target.slug as string, { locale }).catch(missing('no published report has this address'))).data;
      return oembedAnswer({ ...common, title: report.title, authorName: report.bylines.map((b) => b.name).join(locale === 'en' ? ', ' : '、') || null });
    }
    if (target.kind === 'profile') {
      const profile = (await read().profile(target.slug as string, { locale }).catch(missing('no published commendation has this address'))).data;
      const card = site.absolute(site.href(pathOf('card', profile.slug)));
      return oembedAnswer({ ...common, title: profile.name, thumbnail: thumbnailFits(CARD_SIZE, limits) ? { url: card, ...CARD_SIZE } : null });
    }
    const filters = routes.filters;
    const [, tree] = await Promise.all([
      read().timeline({ locale, ...filters, limit: 1 }).catch(missing('no timeline of this site has this address')),
      filters.unit ? read().units({ locale }) : Promise.resolve(null),
    ]);
    const unitName = tree ? flattenUnits(tree.data as UnitNode[]).find(({ unit }) => unit.slug === filters.unit)?.unit.name : undefined;
    const filterText = timelineFilterText(filters, unitName, locale);
    return oembedAnswer({ ...common, title: filterText ? `${t.timeline} · ${filterText}` : t.timeline });
  };

  return {
    timeline: (ctx: any) => answer(ctx, 'timeline', timelineQuery, async (p) => json(await read().timeline(p))),
    timelinejs: (ctx: any) => answer(ctx, 'timelinejs', timelineQuery, async (p) => json(await read().timelinejs(p))),
    reports: (ctx: any) => answer(ctx, 'reports', reportsQuery, async (p) => json(await read().reports(p))),
    report: (ctx: any) =>
      answer(ctx, 'report', localeOnlyQuery, async (p, slug) => json(await read().report(slug as string, p)), { withSlug: true }),
    profiles: (ctx: any) => answer(ctx, 'profiles', profilesQuery, async (p) => json(await read().profiles(p))),
    profile: (ctx: any) =>
      answer(ctx, 'profile', localeOnlyQuery, async (p, slug) => json(await read().profile(slug as string, p)), { withSlug: true }),
    chronicle: (ctx: any) =>
      answer(ctx, 'chronicle', localeOnlyQuery, async (p, slug) => json(await read().chronicle(slug as string, p)), { withSlug: true }),
    statistics: (ctx: any) => answer(ctx, 'statistics', statisticsQuery, async (p) => json(await read().statistics(p))),
    units: (ctx: any) => answer(ctx, 'units', localeOnlyQuery, async (p) => json(await read().units(p))),
    oembed: (ctx: any) => answer(ctx, 'oembed', oembedQuery, async (p) => json(await oembed(p)), { perOrigin: true }),
    feedAtom: (ctx: any) =>
      answer(
        ctx,
        'feed.xml',
        localeOnlyQuery,
        async (p) => {
          const { meta, items } = await feed(ctx, p.locale ?? DEFAULT_LOCALE);
          return { body: atomFeed(meta, items), contentType: 'application/atom+xml; charset=utf-8' };
        },
        { perOrigin: true }
      ),
    feedJson: (ctx: any) =>
      answer(
        ctx,
        'feed.json',
        localeOnlyQuery,
        async (p) => {
          const { meta, items } = await feed(ctx, p.locale ?? DEFAULT_LOCALE);
          return { body: JSON.stringify(jsonFeed(meta, items)), contentType: 'application/feed+json; charset=utf-8' };
        },
        { perOrigin: true }
      ),
    corrections: (ctx: any) => answer(ctx, 'corrections', correctionsQuery, async (p) => json(await read().corrections(p))),
    correctionsFeed: (ctx: any) =>
      answer(
        ctx,
        'corrections/feed.xml',
        correctionsQuery.pick({ locale: true, type: true }),
        async (p) => ({ body: await correctionsFeed(p.locale ?? DEFAULT_LOCALE, p.type), contentType: 'application/atom+xml; charset=utf-8' }),
        { perOrigin: true }
      ),
    search: (ctx: any) => answer(ctx, 'search', searchQuery, async (p) => json(await read().search(p))),
    openapi: (ctx: any) => answer(ctx, 'openapi', noQuery, async () => json(openApiDocument())),
  };
};

export default publicApi;
