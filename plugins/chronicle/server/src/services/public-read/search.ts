/**
 * Search across reports, profiles, chronicles and events (docs/api.md, "Search"): the words
 * of the query looked up in the search index (../search-index.ts) — three characters and more
 * in the trigram index (FTS5 on SQLite, pg_trgm GIN on PostgreSQL), two in the bigram
 * postings, one ideograph by a range scan of them — all words required. The index holds only
 * the public rendering of published records, so what is found is what readers may see.
 *
 * The candidates' light columns are scored (domain/search.ts scoreOf) and ordered by score,
 * then newest first; the page after the cursor is then read whole and its snippets cut. The
 * cost grows with the number of matches, not with the size of the index — and the matches
 * ranked are the newest MAX_MATCHES (CHRONICLE_SEARCH_MAX_MATCHES, default 2,000): a word
 * found in most of a large archive (社区, 网格) is answered from its newest matches in a
 * top-N sort inside the database, instead of reading and scoring every one of them (seconds
 * at 100,000 events, and a cheap way to load the server).
 */
import type { Core } from '@strapi/strapi';
import type { SearchPage } from '../../contracts/public';
import { compareKeys, encodeCursor } from '../../domain/cursor';
import { DEFAULT_LOCALE, type Locale } from '../../domain/enums';
import { ftsPhrase, likePattern, matchRanges, parseQuery, prefixEnd, rankKey, scoreOf, snippetOf, termKind, type ParsedQuery, type SearchType } from '../../domain/search';
import { publicTypeName, type SearchLink } from '../../domain/search-text';
import { refusal } from '../../errors';
import type { SearchQuery } from '../../validation/public-query';
import { DOCS, FTS, GRAMS } from '../search-index';
import { cursorAt, DEFAULT_LIMIT, localesFor } from './rows';

type Row = Record<string, any>;

const LIST = 'search';

/** The site path of a hit, relative to the base path (site/routes.ts SITE_ROUTES). */
const pathOfLink = (link: SearchLink): string => {
  const base = { report: `reports/${link.slug}`, profile: `honours/${link.slug}`, chronicle: `chronicles/${link.slug}`, timeline: 'timeline' }[link.page];
  const query = new URLSearchParams(link.query).toString();
  return `${base}${query ? `?${query}` : ''}${link.hash ? `#${link.hash}` : ''}`;
};

/** The SQL of one word and its bindings: which index answers it. */
export const termCondition = (term: string, postgres: boolean): { sql: string; bindings: string[] } => {
  switch (termKind(term)) {
    case 'trigram':
      return postgres
        ? { sql: `d.norm LIKE ?`, bindings: [likePattern(term)] }
        : { sql: `d.id IN (SELECT rowid FROM ${FTS} WHERE ${FTS} MATCH ?)`, bindings: [ftsPhrase(term)] };
    case 'bigram':
      return { sql: `d.id IN (SELECT g.doc_id FROM ${GRAMS} g WHERE g.gram = ?)`, bindings: [term] };
    default:
      return { sql: `d.id IN (SELECT g.doc_id FROM ${GRAMS} g WHERE g.gram >= ? AND g.gram < ?)`, bindings: [term, prefixEnd(term)] };
  }
};

/** How many of a search's matches are ranked, newest first (see the header). */
export const MAX_MATCHES = 2000;
const maxMatches = () => {
  const value = Number(process.env.CHRONICLE_SEARCH_MAX_MATCHES);
  return Number.isInteger(value) && value > 0 ? value : MAX_MATCHES;
};

/** The candidate query of a search: every word required, the locale's rows and the fallbacks; the newest `max`. */
export const candidateSql = (query: ParsedQuery, locale: Locale, postgres: boolean, now: string, max = MAX_MATCHES) => {
  const conditions = query.terms.map((t) => termCondition(t, postgres));
  const locales = localesFor(locale);
  const sql = [
    `SELECT d.id, d.type, d.document_id, d.locale, d.title_norm, d.date FROM ${DOCS} d`,
    `WHERE d.locale IN (${locales.map(() => '?').join(', ')})`,
    `AND (d.visible_from IS NULL OR d.visible_from <= ?)`,
    ...conditions.map((c) => `AND ${c.sql}`),
    // A document with a row in the requested locale is found (or not) in that locale only.
    ...(locale === DEFAULT_LOCALE
      ? []
      : [`AND (d.locale = ? OR NOT EXISTS (SELECT 1 FROM ${DOCS} o WHERE o.document_id = d.document_id AND o.type = d.type AND o.locale = ?))`]),
    // Dated first, newest first (both databases put NULL last when told), then the newest rows.
    `ORDER BY d.date DESC NULLS LAST, d.id DESC LIMIT ?`,
  ].join(' ');
  const bindings: Array<string | number> = [
    ...locales,
    now,
    ...conditions.flatMap((c) => c.bindings),
    ...(locale === DEFAULT_LOCALE ? [] : [locale, locale]),
    max,
  ];
  return { sql, bindings };
};

export const searchResource = (strapi: Core.Strapi) => {
  const rowsOf = (result: any): Row[] => (Array.isArray(result) ? result : (result?.rows ?? []));

  return {
    async search(params: SearchQuery): Promise<SearchPage> {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const limit = params.limit ?? DEFAULT_LIMIT;
      const parsed = parseQuery(params.q ?? '');
      if ('problem' in parsed) {
        const { code, ...rest } = parsed.problem;
        throw refusal(400, code, rest);
      }
      const after = params.cursor ? cursorAt(params.cursor, LIST) : undefined;
      const knex = strapi.db.connection as any;
      const postgres = strapi.db.dialect.client === 'postgres';
      const { sql, bindings } = candidateSql(parsed, locale, postgres, new Date().toISOString(), maxMatches());
      const candidates = rowsOf(await knex.raw(sql, bindings)).map((r) => {
        const score = scoreOf(parsed, r.type as SearchType, r.title_norm as string);
        return { row: r, score, key: { key: rankKey(score, r.date ?? null), documentId: `${r.type}:${r.document_id}` } };
      });
      candidates.sort((a, b) => compareKeys(a.key, b.key, 'desc'));
      const start = after ? candidates.findIndex((c) => compareKeys(c.key, after, 'desc') > 0) : 0;
      const page = start < 0 ? [] : candidates.slice(start, start + limit);
      const hasMore = start >= 0 && start + limit < candidates.length;
      const full = page.length
        ? rowsOf(await knex.raw(`SELECT id, title, body, link FROM ${DOCS} WHERE id IN (${page.map(() => '?').join(', ')})`, page.map((p) => p.row.id)))
        : [];
      const byId = new Map(full.map((r) => [Number(r.id), r]));
      const data = page
        .filter((p) => byId.has(Number(p.row.id)))
        .map(({ row, score }) => {
          const stored = byId.get(Number(row.id)) as Row;
          const link = JSON.parse(stored.link) as SearchLink;
          const title = stored.title as string;
          const body = stored.body as string;
          // The passage: the first line of the text with a match, else the text's start.
          const lines = body.split('\n');
          const line = lines.find((l) => matchRanges(l, parsed.terms).length) ?? lines[0] ?? '';
          const snippet = snippetOf(line, parsed.terms);
          return {
            type: publicTypeName(row.type as SearchType),
            slug: (link.page === 'timeline' ? (link.hash ?? '').replace(/^event-/, '') : link.slug) as string,
            path: pathOfLink(link),
            title,
            titleHighlights: matchRanges(title, parsed.terms),
            snippet: snippet.text,
            highlights: snippet.highlights,
            snippetHtml: snippet.html,
            date: (row.date as string) ?? null,
            score,
            locale: row.locale as Locale,
            fallback: row.locale !== locale,
          };
        });
      const last = page[page.length - 1];
      return {
        data,
        meta: { locale, limit, nextCursor: hasMore && last ? encodeCursor({ list: LIST, direction: 'desc', ...last.key }) : null, q: params.q?.trim() ?? '' },
      };
    },
  };
};
