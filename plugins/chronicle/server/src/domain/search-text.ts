/**
 * What the search index holds of a record: its public rendering only, built with the same
 * functions the public read layer serves it with — people through ./public-person (an
 * anonymised person's real name is never indexed, their quotes neither), a reporter's text
 * through ./redaction and ./safe-markdown (private passages cut, `{{anon:}}` names masked).
 * A withdrawn person gives no entry at all. Pure module.
 */
import { PUBLIC_TYPE_NAMES } from './corrections';
import type { Locale } from './enums';
import { isPublicProfile, publicName, publicQuotes, publicSlug, type ProfileRow } from './public-person';
import { redactPlainText } from './redaction';
import { renderMarkdown } from './safe-markdown';
import { htmlToText, type SearchType } from './search';

type Row = Record<string, any>;

/** Where a hit leads: a site page (site/routes.ts) with its slug, query and fragment. */
export interface SearchLink {
  page: 'report' | 'profile' | 'chronicle' | 'timeline';
  slug: string | null;
  query: Record<string, string>;
  hash: string | null;
}

export interface SearchEntry {
  type: SearchType;
  documentId: string;
  locale: Locale;
  title: string;
  /** The public text, one passage a line. */
  body: string;
  /** The day or instant readers see with it (ISO), or null. */
  date: string | null;
  link: SearchLink;
  /** A report under embargo is published but unseen until then (ISO instant), else null. */
  visibleFrom: string | null;
}

const lines = (...parts: Array<string | null | undefined>) =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join('\n');

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const dayOf = (value: unknown): string | null => {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = iso(value);
  return at ? at.slice(0, 10) : null;
};

const markdownText = (source: unknown) => htmlToText(renderMarkdown((source as string) ?? ''));

/** A published report row (with dateline, tags) as it is indexed. */
export const reportEntry = (row: Row): SearchEntry => ({
  type: 'field-report',
  documentId: row.documentId,
  locale: row.locale,
  title: row.title ?? '',
  body: lines(
    row.kicker,
    redactPlainText((row.dek as string) ?? null),
    row.dateline?.place,
    markdownText(row.body),
    ...((row.tags ?? []) as Row[]).map((t) => t.label as string)
  ),
  date: dayOf(row.dateline?.date) ?? dayOf(row.publishedAt),
  link: { page: 'report', slug: row.slug, query: {}, hash: null },
  visibleFrom: iso(row.embargoUntil),
});

/**
 * A published profile row (with unit, deeds, quotes, honours; `zhFullName` for an English
 * row of someone anonymised) as it is indexed, or null for a person readers may not see.
 */
export const profileEntry = (row: Row): SearchEntry | null => {
  if (!isPublicProfile(row)) return null;
  const person = row as ProfileRow;
  return {
    type: 'frontline-profile',
    documentId: row.documentId,
    locale: row.locale,
    title: publicName(person, row.locale),
    body: lines(
      row.roleTitle,
      row.unit?.name,
      markdownText(row.citation),
      ...((row.deeds ?? []) as Row[]).map((d) => redactPlainText((d.summary as string) ?? null)),
      ...publicQuotes(person, (row.quotes ?? []) as Row[]).map((q) => redactPlainText((q.text as string) ?? null)),
      ...((row.honours ?? []) as Row[]).map((h) => h.title as string)
    ),
    date: dayOf(row.publishedAt),
    link: { page: 'profile', slug: publicSlug(person), query: {}, hash: null },
    visibleFrom: null,
  };
};

export const chronicleEntry = (row: Row): SearchEntry => ({
  type: 'chronicle',
  documentId: row.documentId,
  locale: row.locale,
  title: row.title ?? '',
  body: lines(row.subjectUnit?.name, redactPlainText((row.summary as string) ?? null), markdownText(row.body)),
  date: dayOf(row.periodStart) ?? dayOf(row.publishedAt),
  link: { page: 'chronicle', slug: row.slug, query: {}, hash: null },
  visibleFrom: null,
});

/** An event leads to its day on the timeline page, at its own anchor (site/parts.tsx EventList). */
export const eventEntry = (row: Row, newsroomDay: (instant: string) => string): SearchEntry => {
  const at = iso(row.occurredAt);
  const localDay = at ? newsroomDay(at) : null;
  return {
    type: 'timeline-event',
    documentId: row.documentId,
    locale: row.locale,
    title: row.title ?? '',
    body: lines(row.place, redactPlainText((row.description as string) ?? null)),
    date: at,
    link: { page: 'timeline', slug: null, query: localDay ? { from: localDay, to: localDay } : {}, hash: `event-${row.slug}` },
    visibleFrom: null,
  };
};

/** The public name of a type in the API (`report`, `profile`, `chronicle`, `event`). */
export const publicTypeName = (type: SearchType) => PUBLIC_TYPE_NAMES[type] as 'report' | 'profile' | 'chronicle' | 'event';
