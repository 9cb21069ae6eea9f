/**
 * What the embed pages read (site/routes.ts: embedTimeline, embedProfile, embedReport): the
 * same public read service as the full pages, published and consent-applied only. Spread into
 * LOADERS (../loaders.tsx). No Strapi here.
 */
import type { ReactElement } from 'react';
import type { PublicReadService } from '../../services/public-read';
import type { SiteContext } from '../context';
import { renderDocument } from '../render';
import type { SiteQuery } from '../routes';
import { flattenUnits, type UnitNode } from '../unit-tree';
import { ProfileEmbed, ReportEmbed, TimelineEmbed } from './pages';

/** The timeline embed lists this many events, newest first; the rest are a link away. */
export const EMBED_TIMELINE_EVENTS = 20;

// The shapes of ../loaders.tsx's PageInput and PageOutput, written out here: importing them would
// close an import circle (../loaders.tsx spreads these loaders into its table).
interface PageOutput {
  body: string | Buffer;
  contentType: string;
}
type Loader = (input: { read: PublicReadService; slug: string; query: SiteQuery; ctx: SiteContext }) => Promise<PageOutput>;

const HTML = 'text/html; charset=utf-8';
const html = (element: ReactElement): PageOutput => ({ body: renderDocument(element), contentType: HTML });

/** The selection in words: the unit's name and the period, as the reader's language writes them. */
export const timelineFilterText = (
  filters: { unit?: string; from?: string; to?: string },
  unitName: string | undefined,
  locale: 'zh-Hans' | 'en'
): string | null => {
  const parts: string[] = [];
  if (filters.unit) parts.push(unitName ?? filters.unit);
  if (filters.from || filters.to) parts.push(`${filters.from ?? '…'} – ${filters.to ?? '…'}`);
  return parts.length ? parts.join(locale === 'en' ? ', ' : '，') : null;
};

export const EMBED_LOADERS = {
  embedTimeline: (async ({ read, query, ctx }) => {
    const locale = ctx.locale;
    const filters = { unit: query.unit, from: query.from, to: query.to };
    const [page, tree] = await Promise.all([
      read.timeline({ locale, ...filters, sort: '-occurredAt', limit: EMBED_TIMELINE_EVENTS }),
      filters.unit ? read.units({ locale }) : Promise.resolve(null),
    ]);
    const unitName = tree ? flattenUnits(tree.data as UnitNode[]).find(({ unit }) => unit.slug === filters.unit)?.unit.name : undefined;
    const filterText = timelineFilterText(filters, unitName, locale);
    return html(<TimelineEmbed ctx={ctx} events={page.data} filterText={filterText} more={Boolean(page.meta.nextCursor)} />);
  }) as Loader,

  embedProfile: (async ({ read, slug, ctx }) => html(<ProfileEmbed ctx={ctx} profile={(await read.profile(slug, { locale: ctx.locale })).data} />)) as Loader,

  embedReport: (async ({ read, slug, ctx }) => html(<ReportEmbed ctx={ctx} report={(await read.report(slug, { locale: ctx.locale })).data} />)) as Loader,
};
