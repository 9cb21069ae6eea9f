/**
 * The public site's pages (DESIGN §5, docs/site.md): each page's data comes from the
 * public-read service — the same published-only, consent-applied reads as the JSON API —
 * and is rendered with the TSX templates of ../site. Rendered pages and share cards are kept
 * in the public-cache service under the content revision, so any publish empties them with
 * the API's responses.
 */
import type { Core } from '@strapi/strapi';
import type { ReactElement } from 'react';
import { DEFAULT_LOCALE, type Locale } from '../domain/enums';
import { CACHE_ENTRY_TTL_MS } from '../domain/http-cache';
import { etagOf } from '../domain/response-cache';
import { ChronicleError, isChronicleError } from '../errors';
import { getService } from '../get-service';
import { STRINGS } from '../site/strings';
import { renderCard } from '../site/card-render';
import { siteContext, type SiteContext } from '../site/context';
import type { ReportSummary, RollupData, StatisticsData } from '../site/data';
import { INTERACTIVE_TIMELINE_MAX, readPages, type PageReader } from '../site/paging';
import { ChroniclePage } from '../site/pages/chronicle';
import { ErrorPage, type ErrorInfo } from '../site/pages/error';
import { HomePage } from '../site/pages/home';
import { HonoursPage } from '../site/pages/honours';
import { ProfilePage } from '../site/pages/profile';
import { ReportPage } from '../site/pages/report';
import { StatisticsPage } from '../site/pages/statistics';
import { TimelinePage } from '../site/pages/timeline';
import { UnitPage } from '../site/pages/unit';
import { isSlug, normaliseBasePath, type PageName, type RouteMatch } from '../site/paths';
import type { SiteQuery } from '../site/query';
import { renderDocument } from '../site/render';
import { robotsTxt, sitemapXml, type SitemapEntry } from '../site/sitemap';
import { flattenUnits, unitChain, type UnitNode } from '../site/unit-tree';

export interface SiteResponse {
  status: number;
  body: Buffer;
  contentType: string;
  etag: string;
}

const HTML = 'text/html; charset=utf-8';
/** The timeline's plain list, the honour roll and the figures read at most this many pages of 100. */
const MAX_PAGES = 10;
/**
 * The sitemap reads further: up to 20,000 reports and 20,000 people, inside the protocol's
 * 50,000 URLs a file (a newsroom beyond that needs a sitemap index, not built).
 */
const SITEMAP_MAX_PAGES = 200;

const ROUTES: Partial<Record<PageName, string>> = { report: 'reports', profile: 'honours', chronicle: 'chronicles', unit: 'units' };

const site = ({ strapi }: { strapi: Core.Strapi }) => {
  const read = () => getService(strapi, 'public-read');
  const cache = () => getService(strapi, 'public-cache');
  const basePath = () => normaliseBasePath(strapi.config.get('plugin::chronicle.sitePath', '/') as string);

  /** Every page of a cursor-paged list, bounded (site/paging.ts). */
  const all = <T,>(page: PageReader<T>) => readPages(page, MAX_PAGES);

  /** A statistics selection, every page (bounded like `all`), with the roll-ups its first page brings. */
  const statistics = async (params: { locale: Locale; unit?: string }): Promise<StatisticsData> => {
    let rollups: RollupData[] = [];
    const { items: figures, more } = await all(async (cursor) => {
      const { data, meta } = await read().statistics({ ...params, limit: 100, cursor });
      if (data.rollups) rollups = data.rollups;
      return { data: data.figures, meta };
    });
    return { figures, rollups, more };
  };

  /** The public API list a cut-short page points to for the rest: the same selection. */
  const apiList = (route: string, params: Record<string, string | undefined>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    return `/api/chronicle/${route}?${query}`;
  };

  const units = async (locale: Locale) => (await read().units({ locale })).data as UnitNode[];

  const html = (element: ReactElement) => ({ body: renderDocument(element), contentType: HTML });

  const page = async (match: RouteMatch, query: SiteQuery, ctx: SiteContext): Promise<{ body: string | Buffer; contentType: string }> => {
    const locale = ctx.locale;
    const slug = match.param as string;
    switch (match.page) {
      case 'home': {
        const [reports, events, people] = await Promise.all([
          read().reports({ locale, limit: 6 }),
          read().timeline({ locale, sort: '-occurredAt', limit: 6 }),
          read().profiles({ locale, limit: 8 }),
        ]);
        return html(<HomePage ctx={ctx} reports={reports.data} events={events.data} people={people.data} />);
      }
      case 'timeline': {
        const filters = { unit: query.unit, from: query.from, to: query.to };
        const [events, tree] = await Promise.all([
          all((cursor) => read().timeline({ locale, ...filters, limit: 100, cursor })),
          units(locale),
        ]);
        const moreAt = events.more ? apiList('timeline', { locale, ...filters, limit: '100' }) : undefined;
        const params = new URLSearchParams({ locale, limit: String(INTERACTIVE_TIMELINE_MAX) });
        for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
        const source = `/api/chronicle/timeline/timelinejs?${params}`;
        return html(<TimelinePage ctx={ctx} events={events.items} units={flattenUnits(tree)} filters={filters} source={source} moreAt={moreAt} />);
      }
      case 'report':
        return html(<ReportPage ctx={ctx} report={(await read().report(slug, { locale })).data} />);
      case 'honours': {
        const [people, tree] = await Promise.all([
          all((cursor) => read().profiles({ locale, unit: query.unit, kind: query.kind, limit: 100, cursor })),
          units(locale),
        ]);
        const moreAt = people.more ? apiList('profiles', { locale, unit: query.unit, kind: query.kind, limit: '100' }) : undefined;
        return html(<HonoursPage ctx={ctx} people={people.items} units={flattenUnits(tree)} filters={{ unit: query.unit, kind: query.kind }} moreAt={moreAt} />);
      }
      case 'profile': {
        const profile = (await read().profile(slug, { locale })).data;
        const [tree, reports] = await Promise.all([
          units(locale),
          all((cursor) => read().reports({ locale, profile: slug, limit: 100, cursor })),
        ]);
        const chain = profile.unit ? unitChain(tree, profile.unit.slug) : [];
        return html(<ProfilePage ctx={ctx} profile={profile} chain={chain} reports={reports.items} />);
      }
      case 'chronicle':
        return html(<ChroniclePage ctx={ctx} chronicle={(await read().chronicle(slug, { locale })).data} />);
      case 'unit': {
        const chain = unitChain(await units(locale), slug);
        if (!chain.length) throw new ChronicleError(404, `no unit has the slug "${slug}"`);
        const [people, figures, events] = await Promise.all([
          all((cursor) => read().profiles({ locale, unit: slug, limit: 100, cursor })),
          statistics({ locale, unit: slug }),
          read().timeline({ locale, unit: slug, sort: '-occurredAt', limit: 10 }),
        ]);
        return html(
          <UnitPage
            ctx={ctx}
            chain={chain}
            people={people.items}
            figures={figures.figures}
            events={events.data}
            morePeopleAt={people.more ? apiList('profiles', { locale, unit: slug, limit: '100' }) : undefined}
            moreFiguresAt={figures.more ? apiList('statistics', { locale, unit: slug, limit: '100' }) : undefined}
          />
        );
      }
      case 'statistics':
        return html(<StatisticsPage ctx={ctx} statistics={await statistics({ locale })} moreAt={apiList('statistics', { locale, limit: '100' })} />);
      case 'card': {
        const profile = (await read().profile(slug, { locale })).data;
        const t = STRINGS[locale];
        const png = await renderCard({
          kicker: t.honours,
          title: profile.name,
          subtitle: [profile.roleTitle ?? t.kinds[profile.kind], profile.unit?.name].filter(Boolean).join(' · '),
          badges: profile.dutyRoles.map((d) => d.label),
          siteName: t.siteName,
          footer: t.tagline,
        });
        return { body: png, contentType: 'image/png' };
      }
      case 'sitemap':
        return { body: await sitemap(ctx), contentType: 'application/xml; charset=utf-8' };
      case 'robots':
        return { body: robotsTxt(ctx.absolute(ctx.href('sitemap.xml', {}, DEFAULT_LOCALE))), contentType: 'text/plain; charset=utf-8' };
      default:
        throw new ChronicleError(404, 'no such page');
    }
  };

  /** Published pages only: everything listed comes from the public read service. */
  const sitemap = async (ctx: SiteContext) => {
    const [{ items: reports }, { items: people }, tree] = await Promise.all([
      readPages((cursor) => read().reports({ locale: DEFAULT_LOCALE, limit: 100, cursor }), SITEMAP_MAX_PAGES),
      readPages((cursor) => read().profiles({ locale: DEFAULT_LOCALE, limit: 100, cursor }), SITEMAP_MAX_PAGES),
      units(DEFAULT_LOCALE),
    ]);
    const entry = (route: string, lastModified?: string | null): SitemapEntry => ({
      urls: { 'zh-Hans': ctx.absolute(ctx.href(route, {}, 'zh-Hans')), en: ctx.absolute(ctx.href(route, {}, 'en')) },
      lastModified,
    });
    const chronicles = [...new Set((reports as ReportSummary[]).map((r) => r.chronicle?.slug).filter((s): s is string => Boolean(s)))];
    return sitemapXml([
      entry(''),
      entry('timeline'),
      entry('honours'),
      entry('statistics'),
      ...reports.map((r) => entry(`reports/${r.slug}`, r.updatedAt)),
      ...people.map((p) => entry(`honours/${p.slug}`)),
      ...chronicles.map((slug) => entry(`chronicles/${slug}`)),
      ...flattenUnits(tree).map(({ unit }) => entry(`units/${unit.slug}`)),
    ]);
  };

  /** The public read path refuses with 400, 404 or 410, the statuses the site has pages for. */
  const errorInfo = (error: ChronicleError, match: RouteMatch): ErrorInfo => ({
    status: error.status as ErrorInfo['status'],
    message: error.message,
    withdrawal: (error.details?.withdrawal as ErrorInfo['withdrawal']) ?? null,
    person: match.page === 'profile' && error.status === 410,
  });

  const respond = (status: number, body: string | Buffer, contentType: string): SiteResponse => {
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return { status, body: buffer, contentType, etag: etagOf(buffer) };
  };

  return {
    basePath,

    /** The route of a page under the base path, for canonical URLs and the language switch. */
    routeOf(match: RouteMatch): string {
      if (match.page === 'home') return '';
      if (match.page === 'card') return `cards/${match.param}.png`;
      const list = ROUTES[match.page];
      return list ? `${list}/${match.param}` : match.page;
    },

    /** An error page in the reader's language (falls back to zh-Hans when the language itself was wrong). */
    errorPage(status: ErrorInfo['status'], origin: string, locale: Locale, route: string, info: Partial<ErrorInfo> = {}): SiteResponse {
      const ctx = siteContext(basePath(), origin, locale, route);
      return respond(status, renderDocument(<ErrorPage ctx={ctx} error={{ status, ...info }} />), HTML);
    },

    /** A page (HTML, PNG, XML or text), from the cache when this revision already rendered it. */
    async render(match: RouteMatch, query: SiteQuery, origin: string): Promise<SiteResponse & { cache: 'hit' | 'miss' }> {
      const locale = query.lang ?? DEFAULT_LOCALE;
      const route = this.routeOf(match);
      if (match.param !== undefined && !isSlug(match.param)) {
        return { ...this.errorPage(400, origin, locale, route, { message: 'slug: must be a slug (lower-case letters, digits and hyphens)' }), cache: 'miss' };
      }
      const filters = { unit: query.unit, from: query.from, to: query.to, kind: query.kind };
      const key = `site|${basePath()}|${match.page}|${match.param ?? ''}|${locale}|${JSON.stringify(filters)}|${origin}`;
      const revision = await cache().revision();
      const hit = cache().get(key);
      if (hit) return { status: 200, body: hit.body, contentType: hit.contentType, etag: hit.etag, cache: 'hit' };
      const ctx = siteContext(basePath(), origin, locale, route, filters);
      try {
        const produced = await page(match, query, ctx);
        const response = respond(200, produced.body, produced.contentType);
        cache().set(key, { body: response.body, etag: response.etag, contentType: response.contentType, expiresAt: Date.now() + CACHE_ENTRY_TTL_MS }, revision);
        return { ...response, cache: 'miss' };
      } catch (error) {
        if (!isChronicleError(error)) throw error;
        const info = errorInfo(error, match);
        if (match.page === 'card') return { ...respond(error.status, error.message, 'text/plain; charset=utf-8'), cache: 'miss' };
        return { ...this.errorPage(info.status, origin, locale, route, info), cache: 'miss' };
      }
    },
  };
};

export type SiteService = ReturnType<typeof site>;
export default site;
