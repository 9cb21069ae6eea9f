/**
 * Public corrections and withdrawal notices (docs/editors.md, "Corrections"): what a reader
 * sees of a `correction` component (kind, text, date: nothing else is stored, and nothing
 * else is ever read), and the newsroom-wide list of /api/chronicle/corrections and
 * /corrections, which merges the newest entries of every type into one order:
 *
 *   date descending, then type (CORRECTED_TYPES order), then the entry's id descending.
 *
 * The list is read a page at a time from each type (services/public-read/corrections.ts):
 * every type answers its own entries after the cursor, at most limit + 1, newest first;
 * `mergePage` puts them in one order and cuts the page. The cursor names the last entry
 * returned by (date, type, id), so every per-type read can start strictly after it
 * (`afterCursor`). Pure module.
 */
import { decodeCursor, encodeCursor } from './cursor';
import { CORRECTION_KINDS, type CorrectionKind, type Locale } from './enums';
import { NEWSROOM_TIME_ZONE } from './time-zone';
import { DateTime } from 'luxon';
import type { FeedItem } from './feeds';

/** The types readers see corrected, in the list's tie-break order. */
export const CORRECTED_TYPES = ['field-report', 'chronicle', 'frontline-profile', 'timeline-event', 'grid-statistic'] as const;
export type CorrectedType = (typeof CORRECTED_TYPES)[number];

/** The public name of each type in the API (`record.type`, the `type` filter). */
export const PUBLIC_TYPE_NAMES: Record<CorrectedType, string> = {
  'field-report': 'report',
  chronicle: 'chronicle',
  'frontline-profile': 'profile',
  'timeline-event': 'event',
  'grid-statistic': 'figure',
};
export const PUBLIC_TYPES = CORRECTED_TYPES.map((t) => PUBLIC_TYPE_NAMES[t]) as ['report', 'chronicle', 'profile', 'event', 'figure'];
export type PublicTypeName = (typeof PUBLIC_TYPES)[number];
export const typeOfPublicName = (name: PublicTypeName): CorrectedType =>
  CORRECTED_TYPES.find((t) => PUBLIC_TYPE_NAMES[t] === name) as CorrectedType;

/** An entry of the list is a correction, a clarification, an update or a withdrawal notice. */
export const ENTRY_KINDS = [...CORRECTION_KINDS, 'withdrawal'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A correction as readers see it, on its record and in the list. */
export interface PublicCorrection {
  date: string | null;
  displayDate: string | null;
  kind: CorrectionKind;
  text: string;
}

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** An instant as the newsroom shows it: to the minute, in Asia/Shanghai, 24-hour ('2026年12月3日 16:15', '3 December 2026, 16:15'). */
export const displayInstant = (at: string | null, locale: Locale): string | null => {
  if (!at) return null;
  const dt = DateTime.fromISO(at, { zone: 'utc' }).setZone(NEWSROOM_TIME_ZONE);
  if (!dt.isValid) return at.slice(0, 10);
  return locale === 'en' ? dt.setLocale('en-GB').toFormat('d MMMM yyyy, HH:mm') : dt.toFormat('yyyy年M月d日 HH:mm');
};

/** The public fields of stored correction components, oldest first (the order they were made). */
export const publicCorrections = (components: ReadonlyArray<Record<string, unknown>> | null | undefined, locale: Locale): PublicCorrection[] =>
  (components ?? [])
    .filter((c) => typeof c.text === 'string' && (CORRECTION_KINDS as readonly string[]).includes(String(c.kind)))
    .map((c) => {
      const date = iso(c.date);
      return { date, displayDate: displayInstant(date, locale), kind: c.kind as CorrectionKind, text: c.text as string };
    })
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.date ?? '').localeCompare(b.c.date ?? '') || a.i - b.i)
    .map(({ c }) => c);

/**
 * Where an entry sits in the list: its date, its type and its id, unique within the type: a
 * correction's component id, or for a withdrawal notice the negative of its component id
 * (the two are stored in separate tables, so their ids may meet), or for the notice of a
 * deleted record (its tombstone) the negative of TOMBSTONE_ID_BASE plus the tombstone's id.
 */
export interface EntryKey {
  date: string;
  type: CorrectedType;
  id: number;
}

/** Tombstones' list ids start below every withdrawal notice's (no component id reaches 10^12). */
export const TOMBSTONE_ID_BASE = 1_000_000_000_000;
export const tombstoneEntryId = (tombstoneId: number) => -(TOMBSTONE_ID_BASE + tombstoneId);
export const isTombstoneEntryId = (id: number) => id <= -TOMBSTONE_ID_BASE;
/** The public id of an entry (the /corrections page's anchor): report-c12, report-w7, report-t3. */
export const entryPublicId = (type: PublicTypeName, id: number) =>
  isTombstoneEntryId(id) ? `${type}-t${-id - TOMBSTONE_ID_BASE}` : `${type}-${id < 0 ? 'w' : 'c'}${Math.abs(id)}`;

const rank = (type: CorrectedType) => CORRECTED_TYPES.indexOf(type);

/** Negative when `a` comes before `b` in the list (newest first). */
export const compareEntries = (a: EntryKey, b: EntryKey): number => {
  if (a.date !== b.date) return a.date > b.date ? -1 : 1;
  if (a.type !== b.type) return rank(a.type) - rank(b.type);
  return b.id - a.id;
};

export const CORRECTIONS_LIST = 'corrections';

export const encodeEntryCursor = (key: EntryKey): string =>
  encodeCursor({ list: CORRECTIONS_LIST, direction: 'desc', key: `${key.date}|${key.type}`, documentId: String(key.id) });

/** The position a cursor names, or an error message fit for a 400. */
export const decodeEntryCursor = (cursor: string): EntryKey | { error: string } => {
  const position = decodeCursor(cursor, CORRECTIONS_LIST);
  if ('error' in position) return position;
  const bad = { error: 'cursor: not a cursor returned by this API' };
  const [date, type, ...rest] = position.key.split('|');
  if (rest.length || position.direction !== 'desc') return bad;
  if (!(CORRECTED_TYPES as readonly string[]).includes(type)) return bad;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(date) || iso(date) !== date) return bad;
  if (!/^-?[1-9]\d{0,15}$/.test(position.documentId)) return bad;
  return { date, type: type as CorrectedType, id: Number(position.documentId) };
};

/**
 * What one type must read to continue after `cursor`, as bounds on (date, id): entries of an
 * earlier-ranked type at the cursor's date were already served, so such a type starts before
 * that date; the cursor's own type starts at its date below its id; a later-ranked type
 * starts at that date inclusive.
 */
export type TypeBound = { before: string } | { atOrBefore: string } | { at: string; idBelow: number; before: string };
export const afterCursor = (type: CorrectedType, cursor: EntryKey): TypeBound => {
  if (rank(type) < rank(cursor.type)) return { before: cursor.date };
  if (rank(type) > rank(cursor.type)) return { atOrBefore: cursor.date };
  return { at: cursor.date, idBelow: cursor.id, before: cursor.date };
};

/**
 * One page from the per-type reads (each newest first, each at most limit + 1 entries after
 * the cursor): the first `limit` of all of them in list order, and the cursor of the next
 * page when an entry is left.
 */
export const mergePage = <T extends EntryKey>(perType: ReadonlyArray<ReadonlyArray<T>>, limit: number): { items: T[]; nextCursor: string | null } => {
  const all = perType.flat().sort(compareEntries);
  const items = all.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: all.length > limit && last ? encodeEntryCursor(last) : null };
};

/** An entry as the API lists it (contracts/public.ts CorrectionEntry), as far as links and feeds read it. */
export interface ListedEntry {
  id: string;
  kind: EntryKind;
  date: string;
  text: string;
  record: { type: PublicTypeName; slug: string | null; title: string | null; withdrawn: boolean; occurredOn: string | null };
}

/** The site's page addresses, as site/routes.ts `pathOf` gives them. */
type PathOf = (page: 'report' | 'chronicle' | 'profile' | 'timeline' | 'statistics', slug?: string) => string;

/**
 * Where a reader finds the entry's record on the site: its page (a withdrawn report's or
 * chronicle's address shows the notice with a 410), an event on the timeline of its day, a
 * figure on the figures page; null when nothing is public any more (the notice is all).
 */
export const entryLink = (entry: ListedEntry, pathOf: PathOf): { route: string; query?: Record<string, string>; hash?: string } | null => {
  const { type, slug, occurredOn, withdrawn } = entry.record;
  if (!slug) return null;
  if (type === 'report') return { route: pathOf('report', slug) };
  if (type === 'chronicle') return { route: pathOf('chronicle', slug) };
  if (withdrawn) return null;
  if (type === 'profile') return { route: pathOf('profile', slug) };
  if (type === 'event') return { route: pathOf('timeline'), ...(occurredOn ? { query: { from: occurredOn, to: occurredOn } } : {}), hash: `event-${slug}` };
  return { route: pathOf('statistics') };
};

const KIND_LABELS: Record<Locale, Record<EntryKind, string>> = {
  'zh-Hans': { correction: '更正', clarification: '说明', update: '补充', withdrawal: '撤回' },
  en: { correction: 'Correction', clarification: 'Clarification', update: 'Update', withdrawal: 'Withdrawal' },
};
export const TYPE_LABELS: Record<Locale, Record<PublicTypeName, string>> = {
  'zh-Hans': { report: '报道', chronicle: '纪实', profile: '人物', event: '事件', figure: '数据' },
  en: { report: 'Report', chronicle: 'Chronicle', profile: 'Profile', event: 'Event', figure: 'Figure' },
};

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Atom entries of a page of the list (domain/feeds.ts writes the feed): one per entry, its
 * id the corrections page's anchor of it, its link the record (or that anchor), published and
 * updated both the entry's date (an entry is never edited: a later one is a new entry).
 */
export const correctionFeedItems = (
  entries: ReadonlyArray<ListedEntry>,
  site: { origin: string; correctionsPage: string; locale: Locale; href: (link: NonNullable<ReturnType<typeof entryLink>>) => string; pathOf: PathOf }
): FeedItem[] =>
  entries.map((entry) => {
    const link = entryLink(entry, site.pathOf);
    const anchor = `${site.correctionsPage}#${entry.id}`;
    const name = entry.record.title ?? TYPE_LABELS[site.locale][entry.record.type];
    return {
      id: `${site.origin}/corrections#${entry.id}`,
      url: link ? `${site.origin}${site.href(link)}` : anchor,
      title: `${KIND_LABELS[site.locale][entry.kind]}${site.locale === 'en' ? ': ' : '：'}${name}`,
      summary: entry.text,
      contentHtml: `<p>${escapeHtml(entry.text)}</p>`,
      published: entry.date,
      updated: entry.date,
      authors: [],
      tags: [entry.kind, entry.record.type],
    };
  });
