/**
 * What every public resource reads the same way: published rows only, in the requested
 * locale and in zh-Hans (a document with no published row in the requested locale is served
 * in zh-Hans with `fallback: true`), through explicit select lists; keyset cursors decoded
 * (or refused with a 400) in one place; the detail lookup with its 404 and its 410 for a
 * withdrawn record; the unit sub-tree of a filter; a person's public address; the profile card.
 */
import type { ProfileSummary } from '../../contracts/public';
import type { Core } from '@strapi/strapi';
import { PLUGIN_NAME, typeUid, type AnyTypeName } from '../../domain/content-types';
import { decodeCursor, encodeCursor, pageAfter, type CursorPosition, type SortDirection } from '../../domain/cursor';
import { DEFAULT_LOCALE, type Locale } from '../../domain/enums';
import { DUTY_ROLE_LABELS, labelOf } from '../../domain/public-labels';
import {
  anonymousSlug,
  isAnonymised,
  isPublicProfile,
  publicName,
  publicPortrait,
  publicSlug,
  UNNAMED_CONSENTS,
  type ProfileRow,
} from '../../domain/public-person';
import { descendants } from '../../domain/rollup';
import { ChronicleError } from '../../errors';
import type { RevisionsService } from '../revisions';
import { iso, translationStale, unitRef, type Row } from './values';

export type { Row } from './values';
/** A document's row in the locale chosen for it. */
export interface Picked {
  row: Row;
  fallback: boolean;
}

export const DEFAULT_LIMIT = 25;
export const PUBLISHED = { publishedAt: { $notNull: true } };

export const UNIT_SELECT = ['documentId', 'slug', 'name', 'shortName', 'kind', 'description', 'locale'];
export const UNIT_REF_SELECT = ['documentId', 'slug', 'name'];
export const PROFILE_REF_SELECT = ['documentId', 'slug', 'fullName', 'roleTitle', 'kind', 'consent', 'locale'];
export const REPORT_REF_SELECT = ['documentId', 'slug', 'title', 'locale'];
export const EVENT_SELECT = ['documentId', 'slug', 'title', 'description', 'occurredAt', 'endAt', 'precision', 'approximate', 'timeZone', 'place', 'importance', 'locale'];
/** Events as a report or a profile lists them (values.eventRef). */
export const EVENT_REF_SELECT = ['documentId', 'slug', 'title', 'occurredAt', 'precision', 'approximate', 'timeZone'];
/** The public fields of a correction component (domain/corrections.ts): never more. */
export const CORRECTION_SELECT = ['date', 'kind', 'text'];
export const FILE_SELECT = ['url', 'alternativeText', 'caption', 'width', 'height', 'mime'];
/** Portraits also carry Strapi's upload formats: the site builds its srcset from them. */
export const PORTRAIT_SELECT = [...FILE_SELECT, 'formats'];

/** Reports past their embargo only: a published report under embargo is still unseen. */
export const reportVisible = () => ({
  ...PUBLISHED,
  $or: [{ embargoUntil: { $null: true } }, { embargoUntil: { $lte: new Date() } }],
});

export const localesFor = (locale: Locale): Locale[] => (locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE]);

/** Group rows by document and keep the requested locale's, else the default's. */
export const pickLocale = (rows: Row[], locale: Locale): Picked[] => {
  const order: string[] = [];
  const chosen = new Map<string, Row>();
  for (const row of rows) {
    const current = chosen.get(row.documentId);
    if (!current) {
      order.push(row.documentId);
      chosen.set(row.documentId, row);
    } else if (current.locale !== locale && row.locale === locale) {
      chosen.set(row.documentId, row);
    }
  }
  return order.map((id) => {
    const row = chosen.get(id) as Row;
    return { row, fallback: row.locale !== locale };
  });
};

/** The position a reader's cursor names, or a 400 saying why it is not one of this list's. */
export const cursorAt = (cursor: string, list: string): CursorPosition => {
  const position = decodeCursor(cursor, list);
  if ('error' in position) throw new ChronicleError(400, position.error);
  return position;
};

type Key = (p: { row: Row }) => { key: string; documentId: string };

/** One page of a list read whole (sorted by `key`), after the reader's cursor. */
export const pageOf = <T>(
  list: string,
  items: Picked[],
  key: Key,
  direction: SortDirection,
  params: { cursor?: string; limit?: number },
  serialize: (p: Picked) => T
) => {
  const limit = params.limit ?? DEFAULT_LIMIT;
  const after = params.cursor ? cursorAt(params.cursor, list) : undefined;
  const { items: page, hasMore } = pageAfter(items, key, direction, limit, after);
  const last = page[page.length - 1];
  return {
    data: page.map(serialize),
    nextCursor: hasMore && last ? encodeCursor({ list, direction, ...key(last) }) : null,
    limit,
  };
};

/** What readers see of a person wherever people are listed: the honour roll, a profile, a card. */
export const PROFILE_CARD_POPULATE = {
  unit: { select: UNIT_REF_SELECT },
  portrait: { select: PORTRAIT_SELECT },
  dutyRoles: { select: ['role'] },
};

/** A person as the honour roll lists them: the ProfileSummary contract less its locale fields. */
export const profileCard = (row: Row, locale: Locale): Omit<ProfileSummary, 'locale' | 'fallback'> => ({
  slug: publicSlug(row as ProfileRow),
  name: publicName(row as ProfileRow, locale),
  roleTitle: (row.roleTitle as string) ?? null,
  kind: row.kind as string,
  anonymised: isAnonymised(row),
  unit: unitRef(row.unit),
  portrait: publicPortrait(row as ProfileRow),
  dutyRoles: ((row.dutyRoles ?? []) as Row[]).map((d) => ({ key: d.role as string, label: labelOf(DUTY_ROLE_LABELS, d.role, locale) })),
  translationStale: translationStale(row),
});

/** The records with a public address of their own. */
export type DetailType = 'field-report' | 'chronicle' | 'frontline-profile';
const DETAIL_NAMES: Record<DetailType, string> = { 'field-report': 'report', chronicle: 'chronicle', 'frontline-profile': 'profile' };

/**
 * Where a profile's public address is looked for: a token is one of the people not named
 * (matched by documentId afterwards); any other slug only among the named, so a real-name
 * slug of an anonymised or withdrawn person reads exactly like a slug never published.
 */
export const profileAddress = (slug: string): Row =>
  slug.startsWith('anon-')
    ? { consent: { $in: [...UNNAMED_CONSENTS] } }
    : { slug, $or: [{ consent: null }, { consent: { $notIn: [...UNNAMED_CONSENTS] } }] };

/** The reads every resource shares, bound to one Strapi. */
export const rowReader = (strapi: Core.Strapi) => {
  const query = (type: AnyTypeName) => strapi.db.query(typeUid(type) as never) as any;

  const unitRows = async (locale: Locale): Promise<Picked[]> => {
    const rows = (await query('unit').findMany({
      where: { locale: { $in: localesFor(locale) } },
      select: UNIT_SELECT,
      populate: { parent: { select: ['documentId'] } },
      orderBy: [{ slug: 'asc' }, { documentId: 'asc' }],
    })) as Row[];
    return pickLocale(rows, locale);
  };

  /**
   * A unit and everything below it, as documentIds and as the row ids of every locale (for
   * SQL on link tables); a 400 for a slug that names no unit.
   */
  const unitScopeRows = async (slug: string): Promise<{ documentIds: Set<string>; rowIds: number[] }> => {
    const rows = (await query('unit').findMany({
      select: ['id', 'documentId', 'slug'],
      populate: { parent: { select: ['documentId'] } },
    })) as Row[];
    const unit = rows.find((r) => r.slug === slug);
    if (!unit) throw new ChronicleError(400, `unit: no unit has the slug "${slug}"`);
    const units = rows.map((r) => ({ id: r.documentId as string, parentId: (r.parent?.documentId as string) ?? null }));
    const documentIds = descendants(unit.documentId, units);
    return { documentIds, rowIds: rows.filter((r) => documentIds.has(r.documentId)).map((r) => Number(r.id)) };
  };

  /** The documentIds of a unit and everything below it; a 400 for a slug that names no unit. */
  const unitScope = async (slug: string): Promise<Set<string>> => (await unitScopeRows(slug)).documentIds;

  /** The documentId of a public profile by its public slug (anonymised ones have a token). */
  const profileDocumentId = async (slug: string): Promise<string | null> => {
    const rows = (await query('frontline-profile').findMany({
      where: { ...PUBLISHED, ...profileAddress(slug) },
      select: ['documentId', 'slug', 'consent'],
    })) as Row[];
    const match = rows.find((r) => isPublicProfile(r) && publicSlug(r as ProfileRow) === slug);
    return match ? (match.documentId as string) : null;
  };

  /** zh-Hans names of anonymised people, so an English row can be masked as the Chinese one. */
  const withZhNames = async (people: Row[]): Promise<Row[]> => {
    const ids = [...new Set(people.filter((p) => isAnonymised(p) && p.locale !== DEFAULT_LOCALE).map((p) => p.documentId))];
    if (!ids.length) return people;
    const zh = (await query('frontline-profile').findMany({
      where: { ...PUBLISHED, documentId: { $in: ids }, locale: DEFAULT_LOCALE },
      select: ['documentId', 'fullName'],
    })) as Row[];
    const names = new Map(zh.map((r) => [r.documentId, r.fullName]));
    return people.map((p) => (names.has(p.documentId) ? { ...p, zhFullName: names.get(p.documentId) } : p));
  };

  /**
   * A record withdrawn by the editors keeps a public notice at its address: 410 with the
   * reason and date, in the requested language when it exists. That holds while it is
   * being reworked after the withdrawal (the notice stays until it is published again) and
   * after it is deleted (its tombstone keeps the notice).
   */
  const assertNotWithdrawn = async (type: DetailType, slug: string, locale: Locale): Promise<void> => {
    // A person's notice stays at the address readers knew: the token for someone not named.
    const address = type === 'frontline-profile' ? profileAddress(slug) : { slug };
    const drafts = (await query(type).findMany({
      where: { ...address, publishedAt: null, workflowState: { $notIn: ['published', 'corrected'] }, locale: { $in: localesFor(locale) } },
      select: ['documentId', 'locale', 'workflowState', ...(type === 'frontline-profile' ? ['consent'] : [])],
      populate: { withdrawalNotice: { select: ['reason', 'date'] } },
    })) as Row[];
    const noticed = drafts.filter(
      (r) =>
        (r.workflowState === 'withdrawn' || r.withdrawalNotice) &&
        !(type === 'frontline-profile' && slug.startsWith('anon-') && anonymousSlug(r.documentId) !== slug)
    );
    let [chosen] = pickLocale(noticed, locale);
    if (!chosen) {
      // Deleted after it was public: its tombstone keeps the notice (under the public address).
      const tombstones = (await query('tombstone').findMany({
        where: { contentUid: typeUid(type), slug, subjectLocale: { $in: localesFor(locale) } },
        select: ['subjectLocale', 'reason', 'withdrawnAt'],
        orderBy: { id: 'desc' },
      })) as Row[];
      [chosen] = pickLocale(
        tombstones.map((t) => ({ locale: t.subjectLocale, withdrawalNotice: { reason: t.reason, date: t.withdrawnAt } })),
        locale
      );
    }
    if (!chosen) return;
    const notice = chosen.row.withdrawalNotice as Row | null;
    throw new ChronicleError(410, `this ${DETAIL_NAMES[type]} has been withdrawn`, {
      withdrawal: { reason: notice?.reason ?? null, date: iso(notice?.date) },
    });
  };

  /**
   * The row to serve at a record's public address, from its rows in the candidate locales;
   * none: the 410 of a withdrawn record, else a 404 with `notFound`.
   */
  const detail = async (type: DetailType, slug: string, locale: Locale, rows: Row[], notFound: string): Promise<Picked> => {
    const [chosen] = pickLocale(rows, locale);
    if (chosen) return chosen;
    await assertNotWithdrawn(type, slug, locale);
    throw new ChronicleError(404, notFound);
  };

  /**
   * Marks the translated rows (not zh-Hans) whose Chinese original changed after they were
   * translated (services/revisions.ts): the serializers then say `translationStale: true`.
   */
  const markStale = async (type: 'field-report' | 'chronicle' | 'frontline-profile' | 'timeline-event', found: Array<Row | undefined>): Promise<void> => {
    const translated = found.filter((r): r is Row => Boolean(r && r.locale && r.locale !== DEFAULT_LOCALE));
    const byLocale = new Map<string, Row[]>();
    for (const row of translated) byLocale.set(row.locale, [...(byLocale.get(row.locale) ?? []), row]);
    const revisions = strapi.plugin(PLUGIN_NAME).service('revisions') as RevisionsService;
    for (const [locale, list] of byLocale) {
      const stale = await revisions.staleTranslations(typeUid(type), [...new Set(list.map((r) => r.documentId as string))], locale);
      for (const row of list) if (stale.has(row.documentId)) row.translationStale = true;
    }
  };

  return { strapi, query, unitRows, unitScopeRows, unitScope, profileDocumentId, withZhNames, assertNotWithdrawn, detail, markStale };
};

export type RowReader = ReturnType<typeof rowReader>;
