/**
 * What every template needs to know about the request it renders for: language, base
 * path, public origin, the page's own route and filters (for the language switch and the
 * canonical URL). Pure module.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../domain/enums';
import { pageHref, type QueryValues } from './paths';
import { STRINGS, type SiteStrings } from './strings';

export interface SiteContext {
  basePath: string;
  origin: string;
  locale: Locale;
  t: SiteStrings;
  /** The page's route under the base path ('', 'timeline', 'reports/x'). */
  route: string;
  /** The page's filters, kept by the language switch and in the canonical URL. */
  query: QueryValues;
  href(route: string, query?: QueryValues, locale?: Locale): string;
  absolute(href: string): string;
  /** This page in another language. */
  alternate(locale: Locale): string;
}

export const siteContext = (basePath: string, origin: string, locale: Locale, route: string, query: QueryValues = {}): SiteContext => {
  const href = (r: string, q: QueryValues = {}, l: Locale = locale) => pageHref(basePath, r, l, q);
  return {
    basePath,
    origin,
    locale,
    t: STRINGS[locale],
    route,
    query,
    href,
    absolute: (h: string) => (/^https?:\/\//.test(h) ? h : `${origin}${h.startsWith('/') ? '' : '/'}${h}`),
    alternate: (l: Locale) => href(route, query, l),
  };
};

export const otherLocale = (locale: Locale): Locale => (LOCALES.find((l) => l !== locale) ?? DEFAULT_LOCALE) as Locale;

/** BCP 47 tags for the html lang attribute and hreflang (zh-Hans is already one). */
export const htmlLang = (locale: Locale) => locale;
