/**
 * What each page of the route table (./routes.ts) reads and which component renders it:
 * every page's data comes from the public read service — the same published-only,
 * consent-applied reads as the JSON API (docs/site.md). The compiler asks for a loader for
 * every rendered page of the table. No Strapi here: services/site.tsx hands in the reader.
 */
import type { ReactElement } from 'react';
import { DEFAULT_LOCALE, type Locale } from '../domain/enums';
import { ChronicleError, isChronicleError, localisedMessage } from '../errors';
import type { PublicReadService } from '../services/public-read';
import { renderCard } from './card-render';
import { EMBED_LOADERS } from './embed/loaders';
import type { SiteContext } from './context';
import type { ReportSummary, RollupData, StatisticsData } from './data';
import { INTERACTIVE_TIMELINE_MAX, readPages, type PageReader } from './paging';
import { ChroniclePage } from './pages/chronicle';
import { CorrectionsPage } from './pages/corrections';
import { HomePage } from './pages/home';
import { latestDateline } from '../domain/time-zone';
import { HonoursPage } from './pages/honours';
import { ProfilePage } from './pages/profile';
import { ReportPage } from './pages/report';
import { SearchPage } from './pages/search';
import { StatisticsPage } from './pages/statistics';
import { TimelinePage } from './pages/timeline';
import { UnitPage } from './pages/unit';
import { renderDocument } from './render';
import { pathOf, SITEMAP_PAGES, type RenderedPage, type SiteQuery } from './routes';
import { robotsTxt, sitemapXml, type SitemapEntry } from './sitemap';
import { STRINGS } from './strings';
import { flattenUnits, unitChain, type UnitNode } from './unit-tree';

export const HTML = 'text/html; charset=utf-8';
/** The timeline's plain list, the honour roll and the figures read at most this many pages of 100. */
const MAX_PAGES = 10;
/**
 * The sitemap reads further: up to 20,000 reports and 20,000 people, inside the protocol's
 * 50,000 URLs a file (a newsroom beyond that needs a sitemap index, not built).
 */
const SITEMAP_MAX_PAGES = 200;
/** The corrections page shows this many entries a page, and links to the older ones by cursor. */
const CORRECTIONS_PAGE = 50;
/** Search results a page. */
const SEARCH_PAGE = 20;

export interface PageInput {
  /** The public read service. */
  read: PublicReadService;
  /** The page's `:slug`, when its address has one. */
  slug: string;
  query: SiteQuery;
  ctx: SiteContext;
}

export interface PageOutput {
  body: string | Buffer;
  contentType: string;
}

export type Loader = (input: PageInput) => Promise<PageOutput>;

const html = (element: ReactElement): PageOutput => ({ body: renderDocument(element), contentType: HTML });

/** Every page of a cursor-paged list, bounded (./paging.ts). */
const all = <T,>(page: PageReader<T>) => readPages(page, MAX_PAGES);

/** The public API list a cut-short page points to for the rest: the same selection. */
const apiList = (route: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return `/api/chronicle/${route}?${query}`;
};

const units = async (read: PublicReadService, locale: Locale) => (await read.units({ locale })).data as UnitNode[];

/** A statistics selection, every page (bounded like `all`), with the roll-ups its first page brings. */
const statistics = async (read: PublicReadService, params: { locale: Locale; unit?: string }): Promise<StatisticsData> => {
  let rollups: RollupData[] = [];
  let excluded: StatisticsData['excluded'] = null;
  const { items: figures, more } = await all(async (cursor) => {
    const { data, meta } = await read.statistics({ ...params, limit: 100, cursor });
    if (data.rollups) rollups = data.rollups;
    if (data.excluded) excluded = data.excluded;
    return { data: data.figures, meta };
  });
  return { figures, rollups, excluded, more };
};

/** Published pages only: everything listed comes from the public read service. */
const sitemap = async ({ read, ctx }: PageInput) => {
  const [{ items: reports }, { items: people }, tree] = await Promise.all([
    readPages((cursor) => read.reports({ locale: DEFAULT_LOCALE, limit: 100, cursor }), SITEMAP_MAX_PAGES),
    readPages((cursor) => read.profiles({ locale: DEFAULT_LOCALE, limit: 100, cursor }), SITEMAP_MAX_PAGES),
    units(read, DEFAULT_LOCALE),
  ]);
  const entry = (route: string, lastModified?: string | null): SitemapEntry => ({
    urls: { 'zh-Hans': ctx.absolute(ctx.href(route, {}, 'zh-Hans')), en: ctx.absolute(ctx.href(route, {}, 'en')) },
    lastModified,
  });
  const chronicles = [...new Set((reports as ReportSummary[]).map((r) => r.chronicle?.slug).filter((s): s is string => Boolean(s)))];
  return sitemapXml([
    ...SITEMAP_PAGES.map((page) => entry(pathOf(page))),
    ...reports.map((r) => entry(pathOf('report', r.slug), r.updatedAt)),
    ...people.map((p) => entry(pathOf('profile', p.slug))),
    ...chronicles.map((slug) => entry(pathOf('chronicle', slug))),
    ...flattenUnits(tree).map(({ unit }) => entry(pathOf('unit', unit.slug))),
  ]);
};

export const LOADERS: { [P in RenderedPage]: Loader } = {
  async home({ read, ctx }) {
    const locale = ctx.locale;
    const [reports, events, people] = await Promise.all([
      read.reports({ locale, limit: 12 }),
      read.timeline({ locale, sort: '-occurredAt', limit: 6 }),
      read.profiles({ locale, limit: 8 }),
    ]);
    // A dateline after tomorrow is refused when saved; one stored before that rule never tops the home.
    const latest = latestDateline(new Date());
    const current = reports.data.filter((r) => !r.dateline?.date || r.dateline.date <= latest).slice(0, 6);
    return html(<HomePage ctx={ctx} reports={current} events={events.data} people={people.data} />);
  },

  async timeline({ read, query, ctx }) {
    const locale = ctx.locale;
    const filters = { unit: query.unit, from: query.from, to: query.to };
    // One page of the plain list (the size of the interactive timeline's), a link to the next:
    // the page's size does not grow with the archive.
    const [events, tree] = await Promise.all([read.timeline({ locale, ...filters, limit: INTERACTIVE_TIMELINE_MAX, cursor: query.cursor }), units(read, locale)]);
    const params = new URLSearchParams({ locale, limit: String(INTERACTIVE_TIMELINE_MAX) });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    const source = `/api/chronicle/timeline/timelinejs?${params}`;
    return html(<TimelinePage ctx={ctx} events={events.data} units={flattenUnits(tree)} filters={filters} source={source} cursor={query.cursor} nextCursor={events.meta.nextCursor} />);
  },

  async report({ read, slug, ctx }) {
    return html(<ReportPage ctx={ctx} report={(await read.report(slug, { locale: ctx.locale })).data} />);
  },

  async honours({ read, query, ctx }) {
    const locale = ctx.locale;
    const [people, tree] = await Promise.all([
      all((cursor) => read.profiles({ locale, unit: query.unit, kind: query.kind, limit: 100, cursor })),
      units(read, locale),
    ]);
    const moreAt = people.more ? apiList('profiles', { locale, unit: query.unit, kind: query.kind, limit: '100' }) : undefined;
    return html(<HonoursPage ctx={ctx} people={people.items} units={flattenUnits(tree)} filters={{ unit: query.unit, kind: query.kind }} moreAt={moreAt} />);
  },

  async profile({ read, slug, ctx }) {
    const locale = ctx.locale;
    const profile = (await read.profile(slug, { locale })).data;
    const [tree, reports] = await Promise.all([units(read, locale), all((cursor) => read.reports({ locale, profile: slug, limit: 100, cursor }))]);
    const chain = profile.unit ? unitChain(tree, profile.unit.slug) : [];
    return html(<ProfilePage ctx={ctx} profile={profile} chain={chain} reports={reports.items} />);
  },

  async chronicle({ read, slug, ctx }) {
    return html(<ChroniclePage ctx={ctx} chronicle={(await read.chronicle(slug, { locale: ctx.locale })).data} />);
  },

  async unit({ read, slug, ctx }) {
    const locale = ctx.locale;
    const chain = unitChain(await units(read, locale), slug);
    if (!chain.length) throw new ChronicleError(404, `no unit has the slug "${slug}"`);
    const [people, figures, events] = await Promise.all([
      all((cursor) => read.profiles({ locale, unit: slug, limit: 100, cursor })),
      statistics(read, { locale, unit: slug }),
      read.timeline({ locale, unit: slug, sort: '-occurredAt', limit: 10 }),
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
  },

  async statistics({ read, ctx }) {
    const locale = ctx.locale;
    return html(<StatisticsPage ctx={ctx} statistics={await statistics(read, { locale })} moreAt={apiList('statistics', { locale, limit: '100' })} />);
  },

  /** No words yet: the form alone. A refused query is a 400 page saying why, in the reader's language. */
  async search({ read, query, ctx }) {
    const q = query.q?.trim();
    if (!q) return html(<SearchPage ctx={ctx} hits={[]} nextCursor={null} />);
    try {
      const { data, meta } = await read.search({ q, locale: ctx.locale, cursor: query.cursor, limit: SEARCH_PAGE });
      return html(<SearchPage ctx={ctx} q={q} hits={data} cursor={query.cursor} nextCursor={meta.nextCursor} />);
    } catch (error) {
      if (isChronicleError(error) && error.status === 400) throw new ChronicleError(400, localisedMessage(error, ctx.locale));
      throw error;
    }
  },

  async corrections({ read, query, ctx }) {
    const { data, meta } = await read.corrections({ locale: ctx.locale, type: query.type, cursor: query.cursor, limit: CORRECTIONS_PAGE });
    return html(<CorrectionsPage ctx={ctx} entries={data} type={query.type} cursor={query.cursor} nextCursor={meta.nextCursor} />);
  },

  async card({ read, slug, ctx }) {
    const profile = (await read.profile(slug, { locale: ctx.locale })).data;
    const t = STRINGS[ctx.locale];
    const png = await renderCard({
      kicker: t.honours,
      title: profile.name,
      subtitle: [profile.roleTitle ?? t.kinds[profile.kind], profile.unit?.name].filter(Boolean).join(' · '),
      badges: profile.dutyRoles.map((d) => d.label),
      siteName: t.siteName,
      footer: t.tagline,
    });
    return { body: png, contentType: 'image/png' };
  },

  async sitemap(input) {
    return { body: await sitemap(input), contentType: 'application/xml; charset=utf-8' };
  },

  async robots({ ctx }) {
    return { body: robotsTxt(ctx.absolute(ctx.href(pathOf('sitemap'), {}, DEFAULT_LOCALE))), contentType: 'text/plain; charset=utf-8' };
  },

  // The embeddable pages (issue 19): ./embed/loaders.tsx.
  ...EMBED_LOADERS,
};
