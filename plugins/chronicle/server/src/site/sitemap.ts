/**
 * sitemap.xml (with hreflang alternates for both languages) and robots.txt. XML text is
 * escaped here; the inputs are our own absolute URLs. Pure module.
 */
import { LOCALES, type Locale } from '../domain/enums';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface SitemapEntry {
  /** The page's URL in each language. */
  urls: Record<Locale, string>;
  lastModified?: string | null;
}

export const sitemapXml = (entries: SitemapEntry[]): string => {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const entry of entries) {
    for (const locale of LOCALES) {
      lines.push('  <url>', `    <loc>${escapeXml(entry.urls[locale])}</loc>`);
      if (entry.lastModified) lines.push(`    <lastmod>${escapeXml(entry.lastModified)}</lastmod>`);
      for (const alt of LOCALES) {
        lines.push(`    <xhtml:link rel="alternate" hreflang="${alt}" href="${escapeXml(entry.urls[alt])}"/>`);
      }
      lines.push('  </url>');
    }
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
};

export const robotsTxt = (sitemapUrl: string): string =>
  ['# Chronicle: the public site is for everyone; the admin panel is not for search engines.', 'User-agent: *', 'Disallow: /admin', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
