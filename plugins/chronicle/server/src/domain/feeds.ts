/**
 * Atom 1.0 and JSON Feed 1.1 documents of published reports. Written here rather than with
 * the `feed` package: its current major is ES-module only (the plugin compiles to CommonJS)
 * and its CommonJS major writes JSON Feed 1.0, not 1.1. Every text goes through `xmlEscape`,
 * and characters XML 1.0 forbids are dropped, so a report containing `<`, `&` or a stray
 * control character still yields a well-formed feed. Pure module.
 */

export interface FeedItem {
  /** A permanent, unique id: the report's public URL. */
  id: string;
  url: string;
  title: string;
  summary: string | null;
  contentHtml: string;
  published: string;
  updated: string;
  authors: string[];
  tags: string[];
}

export interface FeedMeta {
  title: string;
  subtitle: string;
  homeUrl: string;
  feedUrl: string;
  /** The other format's URL, linked as an alternate. */
  alternateFeedUrl: string;
  language: string;
  updated: string;
}

// XML 1.0 allows tab, LF, CR and U+0020 upwards except surrogates and U+FFFE/U+FFFF.
const XML_INVALID = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlEscape = (text: string): string =>
  text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * An entry is never updated before it was published: a report published after its last edit
 * (its `updatedAt` is the edit, its `publishedAt` the later publish) reads as updated when
 * published. The feed's own `updated` is at least its newest entry's.
 */
export const entryUpdated = (item: Pick<FeedItem, 'published' | 'updated'>): string => later(item.updated, item.published);
const feedUpdated = (meta: FeedMeta, items: FeedItem[]) => items.reduce((max, item) => later(max, entryUpdated(item)), meta.updated);

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${xmlEscape(text)}</${name}>`;

/** `alternateType`: the media type of meta.alternateFeedUrl (the JSON Feed, unless said otherwise). */
export const atomFeed = (meta: FeedMeta, items: FeedItem[], alternateType = 'application/feed+json'): string => {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(meta.language)}">`,
    `  ${element('id', meta.feedUrl)}`,
    `  ${element('title', meta.title)}`,
    `  ${element('subtitle', meta.subtitle)}`,
    `  ${element('updated', feedUpdated(meta, items))}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(meta.feedUrl)}"/>`,
    `  <link rel="alternate" type="${xmlEscape(alternateType)}" href="${xmlEscape(meta.alternateFeedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(meta.homeUrl)}"/>`,
    `  ${element('generator', 'Chronicle')}`,
  ];
  for (const item of items) {
    lines.push('  <entry>');
    lines.push(`    ${element('id', item.id)}`);
    lines.push(`    ${element('title', item.title)}`);
    lines.push(`    <link rel="alternate" type="text/html" href="${xmlEscape(item.url)}"/>`);
    lines.push(`    ${element('published', item.published)}`);
    lines.push(`    ${element('updated', entryUpdated(item))}`);
    // Atom requires an author per entry or on the feed: the newsroom stands in for none.
    for (const name of item.authors.length ? item.authors : [meta.title]) {
      lines.push(`    <author>${element('name', name)}</author>`);
    }
    for (const tag of item.tags) lines.push(`    <category term="${xmlEscape(tag)}"/>`);
    if (item.summary) lines.push(`    ${element('summary', item.summary)}`);
    lines.push(`    ${element('content', item.contentHtml, ' type="html"')}`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
};

export const jsonFeed = (meta: FeedMeta, items: FeedItem[]) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: meta.title,
  description: meta.subtitle,
  home_page_url: meta.homeUrl,
  feed_url: meta.feedUrl,
  language: meta.language,
  items: items.map((item) => ({
    id: item.id,
    url: item.url,
    title: item.title,
    ...(item.summary ? { summary: item.summary } : {}),
    content_html: item.contentHtml,
    date_published: item.published,
    date_modified: entryUpdated(item),
    authors: item.authors.map((name) => ({ name })),
    tags: item.tags,
    language: meta.language,
  })),
});
