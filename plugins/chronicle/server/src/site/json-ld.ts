/**
 * schema.org JSON-LD for the site's pages (NewsArticle for reports, Person for
 * commendations, ItemList for the honour roll), and its safe serialisation inside a
 * <script type="application/ld+json">: `<`, `>`, `&` and the line separators are written as
 * \u escapes, so no text from a record can close the script element. Pure module.
 */

export type JsonLd = Record<string, unknown>;

export const serializeJsonLd = (data: JsonLd): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const compact = (data: JsonLd): JsonLd =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));

export interface ArticleInput {
  url: string;
  headline: string;
  description: string | null;
  datePublished: string | null;
  dateModified: string | null;
  dateline: string | null;
  authors: string[];
  image: string | null;
  language: string;
  publisherName: string;
}

export const newsArticle = (a: ArticleInput): JsonLd =>
  compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: a.url,
    url: a.url,
    headline: a.headline,
    description: a.description,
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    dateCreated: a.dateline,
    inLanguage: a.language,
    image: a.image ? [a.image] : null,
    author: a.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: a.publisherName },
  });

export interface PersonInput {
  url: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  image: string | null;
  awards: string[];
  description: string | null;
}

export const person = (p: PersonInput): JsonLd =>
  compact({
    '@context': 'https://schema.org',
    '@type': 'Person',
    url: p.url,
    name: p.name,
    jobTitle: p.jobTitle,
    worksFor: p.organisation ? { '@type': 'Organization', name: p.organisation } : null,
    image: p.image,
    award: p.awards,
    description: p.description,
  });

export const itemList = (name: string, items: Array<{ url: string; name: string }>): JsonLd => ({
  '@context': 'https://schema.org',
  '@type': 'ItemList',
  name,
  numberOfItems: items.length,
  itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: item.url, name: item.name })),
});
