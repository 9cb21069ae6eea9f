/**
 * The public site's pages (docs/site.md): the page named by the route table
 * (../site/routes.ts) is read and rendered by its loader (../site/loaders.tsx) over the
 * public-read service — the same published-only, consent-applied reads as the JSON API.
 * Rendered pages and share cards are kept in the public-cache service under the content
 * revision, so any publish empties them with the API's responses.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_NAME, pluginUid } from '../domain/content-types';
import { DEFAULT_LOCALE, type Locale } from '../domain/enums';
import { CACHE_ENTRY_TTL_MS } from '../domain/http-cache';
import { etagOf } from '../domain/response-cache';
import { ChronicleError, isChronicleError } from '../errors';
import { siteContext } from '../site/context';
import { HTML, LOADERS } from '../site/loaders';
import { EmbedErrorPage } from '../site/embed/pages';
import { ErrorPage, type ErrorInfo } from '../site/pages/error';
import { isSlug, normaliseBasePath } from '../site/paths';
import { renderDocument } from '../site/render';
import { isEmbedPage, routeOfMatch, type PageName, type RouteMatch, type SiteQuery } from '../site/routes';
import type { PublicCacheService } from './public-cache';
import type { PublicReadService } from './public-read';

export interface SiteResponse {
  status: number;
  body: Buffer;
  contentType: string;
  etag: string;
}

const site = ({ strapi }: { strapi: Core.Strapi }) => {
  // Sibling services by their own types: services/index.ts (the service map) imports this file.
  const read = () => strapi.plugin(PLUGIN_NAME).service('public-read') as PublicReadService;
  const cache = () => strapi.plugin(PLUGIN_NAME).service('public-cache') as PublicCacheService;
  const basePath = () => normaliseBasePath(strapi.config.get(pluginUid('sitePath'), '/') as string);

  /** The public read path refuses with 400, 404 or 410, the statuses the site has pages for. */
  const errorInfo = (error: ChronicleError, match: RouteMatch): ErrorInfo => ({
    status: error.status as ErrorInfo['status'],
    message: error.message,
    withdrawal: (error.details?.withdrawal as ErrorInfo['withdrawal']) ?? null,
    person: (match.page === 'profile' || match.page === 'embedProfile') && error.status === 410,
  });

  const respond = (status: number, body: string | Buffer, contentType: string): SiteResponse => {
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return { status, body: buffer, contentType, etag: etagOf(buffer) };
  };

  return {
    basePath,

    /** The route of a page under the base path, for canonical URLs and the language switch (site/routes.ts). */
    routeOf(match: RouteMatch): string {
      return routeOfMatch(match);
    },

    /**
     * An error page in the reader's language (falls back to zh-Hans when the language itself was
     * wrong); an embed's is the embed's own small page (`page`), to sit in a partner's frame.
     */
    errorPage(status: ErrorInfo['status'], origin: string, locale: Locale, route: string, info: Partial<ErrorInfo> = {}, page?: PageName): SiteResponse {
      const ctx = siteContext(basePath(), origin, locale, route);
      const Page = page && isEmbedPage(page) ? EmbedErrorPage : ErrorPage;
      return respond(status, renderDocument(<Page ctx={ctx} error={{ status, ...info }} />), HTML);
    },

    /** A page (HTML, PNG, XML or text), from the cache when this revision already rendered it. */
    async render(match: RouteMatch, query: SiteQuery, origin: string): Promise<SiteResponse & { cache: 'hit' | 'miss'; cached?: { key: string; revision: string } }> {
      const locale = query.lang ?? DEFAULT_LOCALE;
      const route = this.routeOf(match);
      if (match.param !== undefined && !isSlug(match.param)) {
        return { ...this.errorPage(400, origin, locale, route, { message: 'slug: must be a slug (lower-case letters, digits and hyphens)' }, match.page), cache: 'miss' };
      }
      const filters = { unit: query.unit, from: query.from, to: query.to, kind: query.kind, type: query.type, cursor: query.cursor, q: query.q };
      const key = `site|${basePath()}|${match.page}|${match.param ?? ''}|${locale}|${JSON.stringify(filters)}|${origin}`;
      const revision = await cache().revision();
      const hit = cache().get(key);
      if (hit) return { status: 200, body: hit.body, contentType: hit.contentType, etag: hit.etag, cache: 'hit', cached: { key, revision } };
      const ctx = siteContext(basePath(), origin, locale, route, filters);
      try {
        if (match.page === 'asset') throw new ChronicleError(404, 'no such page');
        const produced = await LOADERS[match.page]({ read: read(), slug: match.param as string, query, ctx });
        const response = respond(200, produced.body, produced.contentType);
        cache().set(key, { body: response.body, etag: response.etag, contentType: response.contentType, expiresAt: Date.now() + CACHE_ENTRY_TTL_MS }, revision);
        return { ...response, cache: 'miss', cached: { key, revision } };
      } catch (error) {
        if (!isChronicleError(error)) throw error;
        const info = errorInfo(error, match);
        if (match.page === 'card') return { ...respond(error.status, error.message, 'text/plain; charset=utf-8'), cache: 'miss' };
        return { ...this.errorPage(info.status, origin, locale, route, info, match.page), cache: 'miss' };
      }
    },
  };
};

export type SiteService = ReturnType<typeof site>;
export default site;
