/**
 * THE serializer for frontline profiles on every public surface (lists, commendations,
 * actors of events, featured people of reports, feeds, TimelineJS). Consent (docs/security.md)
 * is applied here and nowhere else, so the privacy work can harden one module:
 *
 * - `withdrawn`: never serialised; `isPublicProfile` is false and callers drop the person.
 * - `anonymised`: surname + 某 in zh-Hans ('赵某'); in English the surname in pinyin +
 *   ' (name withheld)' (we do not know the person's gender, so no Mr/Ms); no portrait, no
 *   quotes; its public slug is derived from the documentId, because the stored slug is
 *   the full name in pinyin.
 * - `consented`, `public-duty`: the name as stored.
 *
 * Pure module: the input is a plain row, the output an explicit field list.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { ConsentState, Locale } from './enums';

/** Two-character surnames: the rest are one character. */
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '轩辕', '申屠', '万俟', '闻人', '呼延',
];

export interface ProfileRow {
  documentId: string;
  slug?: string | null;
  fullName?: string | null;
  /** The zh-Hans full name, needed to mask an English row (its pinyin may be spelled any way). */
  zhFullName?: string | null;
  roleTitle?: string | null;
  kind?: string | null;
  consent?: ConsentState | string | null;
  portrait?: {
    url?: string | null;
    alternativeText?: string | null;
    width?: number | null;
    height?: number | null;
    /** Strapi's upload formats (thumbnail, small, medium, large), for responsive images. */
    formats?: Record<string, { url?: string | null; width?: number | null } | null> | null;
  } | null;
}

export const isPublicProfile = (row: { consent?: string | null }): boolean => row.consent !== 'withdrawn';
export const isAnonymised = (row: { consent?: string | null }): boolean => row.consent === 'anonymised';

export const surnameOf = (zhName: string): string => {
  const name = zhName.trim();
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s));
  return compound ?? Array.from(name)[0] ?? '';
};

export const surnamePinyin = (surname: string): string => {
  const syllables = pinyin(surname, { toneType: 'none', type: 'array', surname: 'all', v: true }) as string[];
  const joined = syllables.join('');
  return joined ? joined[0].toUpperCase() + joined.slice(1) : '';
};

/** The name readers see. */
export const publicName = (row: ProfileRow, locale: Locale): string => {
  if (!isAnonymised(row)) return row.fullName ?? '';
  const zh = row.zhFullName ?? (locale === 'zh-Hans' ? row.fullName : null) ?? '';
  const surname = surnameOf(zh);
  if (!surname) return locale === 'zh-Hans' ? '某' : '(name withheld)';
  return locale === 'zh-Hans' ? `${surname}某` : `${surnamePinyin(surname)} (name withheld)`;
};

/** The public address of a person who is not named: a stable token from the documentId. */
export const anonymousSlug = (documentId: string): string =>
  `anon-${createHash('sha256').update(`chronicle-profile:${documentId}`).digest('hex').slice(0, 12)}`;

/** An anonymised person's slug must not spell the name: a stable token from the documentId. */
export const publicSlug = (row: ProfileRow): string => (isAnonymised(row) ? anonymousSlug(row.documentId) : (row.slug ?? ''));

/**
 * Consents whose stored slug (the name in pinyin) is never a public address: at that slug
 * the person is "not here" exactly like a slug never published (same status, same body,
 * same queries); their public address is `anonymousSlug`, which answers 410 once withdrawn.
 */
export const UNNAMED_CONSENTS = ['anonymised', 'withdrawn'] as const;
export const isNamed = (row: { consent?: string | null }): boolean =>
  !(UNNAMED_CONSENTS as readonly string[]).includes(String(row.consent));

export interface PersonRef {
  slug: string;
  name: string;
  roleTitle: string | null;
  kind: string | null;
  anonymised: boolean;
}

/** A person as named inside another record (an event's actors, a report's featured people). */
export const personRef = (row: ProfileRow, locale: Locale): PersonRef | null => {
  if (!isPublicProfile(row)) return null;
  return {
    slug: publicSlug(row),
    name: publicName(row, locale),
    roleTitle: row.roleTitle ?? null,
    kind: row.kind ?? null,
    anonymised: isAnonymised(row),
  };
};

export const personRefs = (rows: ProfileRow[] | null | undefined, locale: Locale): PersonRef[] =>
  (rows ?? []).map((r) => personRef(r, locale)).filter((r): r is PersonRef => r !== null);

export interface PortraitOut {
  url: string;
  alt: string | null;
  width: number | null;
  height: number | null;
  /** Every stored size, narrowest first (the original included when its width is known): the site's srcset. */
  sources: Array<{ url: string; width: number }>;
}

const portraitSources = (portrait: NonNullable<ProfileRow['portrait']>): Array<{ url: string; width: number }> => {
  const sizes = Object.values(portrait.formats ?? {})
    .filter((f): f is { url: string; width: number } => Boolean(f?.url) && Number.isFinite(f?.width))
    .map((f) => ({ url: f.url, width: f.width }));
  if (portrait.url && portrait.width) sizes.push({ url: portrait.url, width: portrait.width });
  const seen = new Set<number>();
  return sizes.sort((a, b) => a.width - b.width).filter((s) => !seen.has(s.width) && seen.add(s.width));
};

/** A portrait, unless the person is anonymised. */
export const publicPortrait = (row: ProfileRow): PortraitOut | null => {
  if (isAnonymised(row) || !row.portrait?.url) return null;
  return {
    url: row.portrait.url,
    alt: row.portrait.alternativeText ?? null,
    width: row.portrait.width ?? null,
    height: row.portrait.height ?? null,
    sources: portraitSources(row.portrait),
  };
};

/** Quotes, unless the person is anonymised (a quote can identify its speaker). */
export const publicQuotes = <Q>(row: ProfileRow, quotes: Q[] | null | undefined): Q[] =>
  isAnonymised(row) ? [] : [...(quotes ?? [])];
