/**
 * The page shell every site page shares: head (title, description, canonical, hreflang
 * alternates, OpenGraph and Twitter meta, JSON-LD), skip link, banner with the main
 * navigation and the language switch, main, footer. React escapes every text and
 * attribute; the JSON-LD is serialised by ./json-ld.ts, which escapes `<`.
 */
import type { ReactNode } from 'react';
import { LOCALES } from '../domain/enums';
import type { SiteContext } from './context';
import { otherLocale } from './context';
import { serializeJsonLd, type JsonLd } from './json-ld';
import { oembedDiscovery } from './oembed';
import { NAV_PAGES, pathOf } from './routes';
import { SearchForm } from './search-form';

export interface LayoutProps {
  ctx: SiteContext;
  title: string;
  description?: string | null;
  ogType?: 'website' | 'article' | 'profile';
  /** Absolute URL of the share image. */
  image?: string | null;
  jsonLd?: JsonLd[];
  /** Extra stylesheets and scripts (TimelineJS on the timeline page). */
  head?: ReactNode;
  scripts?: string[];
  bodyClass?: string;
  /** Error pages are not for search engines. */
  noindex?: boolean;
  children: ReactNode;
}

export const Layout = ({ ctx, title, description, ogType = 'website', image, jsonLd = [], head, scripts = [], bodyClass, noindex, children }: LayoutProps) => {
  const { t, locale } = ctx;
  const canonical = ctx.absolute(ctx.alternate(locale));
  const fullTitle = ctx.route === '' ? `${t.siteName} — ${t.tagline}` : `${title} — ${t.siteName}`;
  const other = otherLocale(locale);
  const nav: Array<[string, string]> = NAV_PAGES.map((page) => [pathOf(page), t[page]]);
  const current = ctx.route.split('/')[0];
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
        {noindex
          ? null
          : LOCALES.map((l) => <link key={l} rel="alternate" hrefLang={l} href={ctx.absolute(ctx.alternate(l))} />)}
        {noindex ? null : <link rel="alternate" hrefLang="x-default" href={ctx.absolute(ctx.alternate('zh-Hans'))} />}
        <meta property="og:site_name" content={t.siteName} />
        <meta property="og:type" content={ogType} />
        <meta property="og:title" content={title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={locale === 'en' ? 'en_GB' : 'zh_CN'} />
        {image ? <meta property="og:image" content={image} /> : null}
        {image ? <meta property="og:image:width" content="1200" /> : null}
        {image ? <meta property="og:image:height" content="630" /> : null}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={title} />
        {description ? <meta name="twitter:description" content={description} /> : null}
        {image ? <meta name="twitter:image" content={image} /> : null}
        <link rel="alternate" type="application/atom+xml" title={t.feed} href={`/api/chronicle/feed.xml${locale === 'en' ? '?locale=en' : ''}`} />
        {/* oEmbed discovery (site/oembed.ts): the timeline, a commendation and a report can be embedded elsewhere. */}
        {noindex ? null : <OEmbedLink ctx={ctx} title={title} />}
        <link rel="stylesheet" href="/site.css" />
        {head}
        {jsonLd.map((data, i) => (
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
        ))}
        {scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
        <script src="/site.js" defer />
      </head>
      <body className={bodyClass}>
        <a className="skip-link" href="#main">
          {t.skip}
        </a>
        <header className="site-header" role="banner">
          <div className="wrap header-row">
            <a className="site-name" href={ctx.href(pathOf('home'))}>
              {t.siteName}
            </a>
            <nav aria-label={t.nav} className="site-nav">
              <ul>
                {nav.map(([route, label]) => (
                  <li key={route}>
                    <a href={ctx.href(route)} aria-current={current === route ? 'page' : undefined}>
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {/* A plain GET form: search works without JavaScript (issue 19). */}
            {ctx.route === pathOf('search') ? null : <SearchForm ctx={ctx} q={undefined} id="site-search-q" />}
            {/* The language's own name is the link text (no aria-label: the accessible name must match what is shown). */}
            <a className="lang-switch" href={ctx.alternate(other)} hrefLang={other} lang={other} title={t.languageSwitchLabel}>
              {t.languageSwitch}
            </a>
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer" role="contentinfo">
          <div className="wrap">
            <p>{t.footer}</p>
            <p>
              <a href={ctx.href(pathOf('corrections'))}>{t.correctionsPage.footerLink}</a>
            </p>
            <p className="print-only">
              {t.printedFrom} {canonical}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
};

const OEmbedLink = ({ ctx, title }: { ctx: SiteContext; title: string }) => {
  const href = oembedDiscovery(ctx);
  return href ? <link rel="alternate" type="application/json+oembed" href={href} title={title} /> : null;
};

/** Shown when the record has no published English version and is served in Chinese. */
export const FallbackNotice = ({ ctx, fallback }: { ctx: SiteContext; fallback: boolean }) =>
  fallback && ctx.t.fallbackNotice ? (
    <p className="notice fallback-notice" role="note">
      {ctx.t.fallbackNotice}
    </p>
  ) : null;

/** The language of a record's own text: zh-Hans when it fell back. */
export const contentLang = (ctx: SiteContext, recordLocale: string) => (recordLocale !== ctx.locale ? recordLocale : undefined);
