/**
 * The newsroom's corrections and withdrawal notices, newest first, across every public type
 * (GET /api/chronicle/corrections, the /corrections page and its Atom feed). Corrections are
 * components, stored apart from their records (a component table, and a link table per
 * type), so each type is read with one SQL statement that joins its published rows to their
 * corrections, ordered by the correction's date, after the cursor, at most a page + 1; the
 * withdrawal notices likewise from the draft rows of withdrawn records. domain/corrections.ts
 * merges the per-type reads into one page. At most two statements per type and one for the
 * names of people not named, whatever the page size: no read per record.
 *
 * Which row of a document counts follows the other lists: the published row in the requested
 * locale, else the zh-Hans one (written in SQL as NOT EXISTS, like repositories/figures.ts).
 * Reports under embargo and people who withdrew consent are left out; a withdrawn record is
 * named only by its type (and a report's or a chronicle's address, which answers 410 with the
 * same notice): its title is no longer public.
 *
 * Deleting a record that had been public does not take its notice off the list: its tombstone
 * (content-types/tombstone, one per deleted locale) is read as a withdrawal of its type, dated
 * when it was withdrawn (else when it was deleted), with the reason it carried (one more
 * statement per type). A deleted person's tombstone is not listed: the address still answers
 * 410, but a list of people removed is not something a person who asked to be removed expects.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import type { CorrectionEntry, CorrectionsPage } from '../../contracts/public';
import { componentUid, typeUid } from '../../domain/content-types';
import {
  afterCursor,
  entryPublicId,
  tombstoneEntryId,
  TOMBSTONE_ID_BASE,
  CORRECTED_TYPES,
  decodeEntryCursor,
  displayInstant,
  mergePage,
  PUBLIC_TYPE_NAMES,
  typeOfPublicName,
  type CorrectedType,
  type EntryKey,
  type EntryKind,
  type PublicTypeName,
} from '../../domain/corrections';
import { DEFAULT_LOCALE, type Locale } from '../../domain/enums';
import { isPublicProfile, publicName, publicSlug, type ProfileRow } from '../../domain/public-person';
import { NEWSROOM_TIME_ZONE } from '../../domain/time-zone';
import { ChronicleError } from '../../errors';
import { DEFAULT_LIMIT, type RowReader } from './rows';
import { iso, type Row } from './values';

export interface CorrectionsParams {
  locale?: Locale;
  type?: PublicTypeName;
  cursor?: string;
  limit?: number;
}

/** The record's own columns each type reads besides its keys. */
const RECORD_FIELDS: Record<CorrectedType, string[]> = {
  'field-report': ['slug', 'title'],
  chronicle: ['slug', 'title'],
  'frontline-profile': ['slug', 'fullName', 'consent'],
  'timeline-event': ['slug', 'title', 'occurredAt'],
  'grid-statistic': ['slug', 'label'],
};

/** The types whose withdrawn records keep an address (it answers 410 with the notice). */
const ADDRESSED: ReadonlySet<CorrectedType> = new Set(['field-report', 'chronicle']);

type Read = EntryKey & { row: Row; kind: EntryKind; text: string };

/**
 * A bound on a row id, kept inside PostgreSQL's integer range: a cursor of another id space
 * (a tombstone's list id is below -10^12) compared with a component's id means "all" or "none",
 * and so does the clamped bound, since row ids are positive and below 2^31.
 */
const idBound = (value: number) => Math.max(-2_147_483_647, Math.min(2_147_483_647, value));

export const correctionsResource = (strapi: Core.Strapi, rows: RowReader) => {
  const knex = strapi.db.connection as unknown as Knex;
  const schema = () => strapi.db.getSchemaName?.() as string | undefined;
  const table = (name: string, alias: string) => `${schema() ? `${schema()}.` : ''}${name} as ${alias}`;
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as any;
  const column = (m: any, attribute: string): string => {
    const name = m.attributes[attribute]?.columnName;
    if (!name) throw new Error(`corrections: ${m.uid} has no column for ${attribute}`);
    return name as string;
  };

  const run = async (qb: Knex.QueryBuilder): Promise<Row[]> => {
    if (strapi.db.inTransaction()) return strapi.db.transaction(async ({ trx }) => (await qb.transacting(trx as never)) as Row[]);
    return (await qb) as Row[];
  };

  /**
   * One type's entries of one kind of component (`corrections` of published rows, or the
   * `withdrawalNotice` of withdrawn ones), newest first, after the cursor, at most `take`.
   */
  const readType = async (type: CorrectedType, field: 'corrections' | 'withdrawalNotice', locale: Locale, take: number, cursor?: EntryKey): Promise<Read[]> => {
    const record = meta(typeUid(type));
    const link = record.attributes[field]?.joinTable;
    if (!link) throw new Error(`corrections: ${type}.${field} has no link table`);
    const component = meta(componentUid(field === 'corrections' ? 'correction' : 'withdrawal-notice'));
    const e = (attribute: string) => `e.${column(record, attribute)}`;
    const t = (attribute: string) => `t.${column(record, attribute)}`;
    const c = (attribute: string) => `c.${column(component, attribute)}`;
    const withdrawal = field === 'withdrawalNotice';
    // A withdrawal notice's list id is the negative of its component id (domain/corrections.ts).
    const sign = withdrawal ? -1 : 1;

    const select: Record<string, string> = { entryId: c('id'), date: c('date'), documentId: e('documentId'), locale: e('locale') };
    for (const f of RECORD_FIELDS[type]) select[f] = e(f);
    if (withdrawal) select.text = c('reason');
    else Object.assign(select, { text: c('text'), kind: c('kind') });

    const qb = knex
      .from(table(record.tableName, 'e'))
      .join(table(link.name, 'l'), `l.${link.joinColumn.name}`, e('id'))
      .join(table(component.tableName, 'c'), c('id'), `l.${link.inverseJoinColumn.name}`)
      .where('l.field', field)
      .select(select)
      .whereNotNull(c('date'));

    if (withdrawal) {
      // As the 410 of its address reads it (rows.assertNotWithdrawn): a draft row not (again) live.
      qb.whereNull(e('publishedAt')).where((w) => w.whereNull(e('workflowState')).orWhereNotIn(e('workflowState'), ['published', 'corrected']));
      qb.whereNotExists(
        knex
          .select(knex.raw('1'))
          .from(table(record.tableName, 't'))
          .where(t('documentId'), knex.ref(e('documentId')))
          .where(t('locale'), knex.ref(e('locale')))
          .whereNotNull(t('publishedAt'))
      );
    } else {
      qb.whereNotNull(e('publishedAt'));
      if (type === 'field-report') qb.where((w) => w.whereNull(e('embargoUntil')).orWhere(e('embargoUntil'), '<=', new Date()));
    }
    if (type === 'frontline-profile') qb.where((w) => w.whereNull(e('consent')).orWhere(e('consent'), '<>', 'withdrawn'));

    if (locale === DEFAULT_LOCALE) qb.where(e('locale'), locale);
    else {
      // zh-Hans stands in for a document that has no row of its own in the requested locale:
      // none published (a correction), none published or withdrawn (a notice).
      qb.where((w) =>
        w.where(e('locale'), locale).orWhere((z) =>
          z.where(e('locale'), DEFAULT_LOCALE).whereNotExists(
            knex
              .select(knex.raw('1'))
              .from(table(record.tableName, 't'))
              .where(t('documentId'), knex.ref(e('documentId')))
              .where(t('locale'), locale)
              .where((p) => (withdrawal ? p.whereNotNull(t('publishedAt')).orWhere(t('workflowState'), 'withdrawn') : p.whereNotNull(t('publishedAt'))))
          )
        )
      );
    }

    if (cursor) {
      const bound = afterCursor(type, cursor);
      if ('atOrBefore' in bound) qb.where(c('date'), '<=', new Date(bound.atOrBefore));
      else if ('idBelow' in bound) {
        const at = new Date(bound.at);
        // id < idBelow in list ids: for a notice, -componentId < idBelow.
        qb.where((w) =>
          w.where(c('date'), '<', at).orWhere((s) => s.where(c('date'), at).where(c('id'), withdrawal ? '>' : '<', idBound(sign * bound.idBelow)))
        );
      } else qb.where(c('date'), '<', new Date(bound.before));
    }
    qb.orderBy([
      { column: c('date'), order: 'desc' },
      { column: c('id'), order: withdrawal ? 'asc' : 'desc' },
    ]).limit(take);

    return (await run(qb)).flatMap((r) => {
      const date = iso(r.date);
      if (!date) return [];
      return [{ date, type, id: sign * Number(r.entryId), row: r, kind: (withdrawal ? 'withdrawal' : r.kind) as EntryKind, text: String(r.text ?? '') }];
    });
  };

  /**
   * One type's tombstones as withdrawal entries, newest first, after the cursor, at most `take`:
   * in the requested locale, else the zh-Hans one of a document with nothing in that locale.
   */
  const readTombstones = async (type: CorrectedType, locale: Locale, take: number, cursor?: EntryKey): Promise<Read[]> => {
    if (type === 'frontline-profile') return [];
    const tomb = meta(typeUid('tombstone'));
    const record = meta(typeUid(type));
    const x = (attribute: string) => `x.${column(tomb, attribute)}`;
    const y = (attribute: string) => `y.${column(tomb, attribute)}`;
    const t = (attribute: string) => `t.${column(record, attribute)}`;
    const dateSql = `COALESCE(${x('withdrawnAt')}, ${x('deletedAt')})`;
    const qb = knex
      .from(table(tomb.tableName, 'x'))
      .select({ entryId: x('id'), documentId: x('subjectDocumentId'), locale: x('subjectLocale'), slug: x('slug'), text: x('reason') })
      .select(knex.raw(`${dateSql} as notice_at`))
      .where(x('contentUid'), typeUid(type));
    if (locale === DEFAULT_LOCALE) qb.where(x('subjectLocale'), locale);
    else {
      qb.where((w) =>
        w.where(x('subjectLocale'), locale).orWhere((z) =>
          z
            .where(x('subjectLocale'), DEFAULT_LOCALE)
            .whereNotExists(
              knex
                .select(knex.raw('1'))
                .from(table(tomb.tableName, 'y'))
                .where(y('contentUid'), knex.ref(x('contentUid')))
                .where(y('subjectDocumentId'), knex.ref(x('subjectDocumentId')))
                .where(y('subjectLocale'), locale)
            )
            .whereNotExists(
              knex
                .select(knex.raw('1'))
                .from(table(record.tableName, 't'))
                .where(t('documentId'), knex.ref(x('subjectDocumentId')))
                .where(t('locale'), locale)
            )
        )
      );
    }
    if (cursor) {
      const bound = afterCursor(type, cursor);
      if ('atOrBefore' in bound) qb.whereRaw(`${dateSql} <= ?`, [new Date(bound.atOrBefore)]);
      else if ('idBelow' in bound) {
        const at = new Date(bound.at);
        // list id = -(BASE + tombstone id) < idBelow  ⇔  tombstone id > -idBelow - BASE
        qb.where((w) =>
          w.whereRaw(`${dateSql} < ?`, [at]).orWhere((s) => s.whereRaw(`${dateSql} = ?`, [at]).where(x('id'), '>', idBound(-bound.idBelow - TOMBSTONE_ID_BASE)))
        );
      } else qb.whereRaw(`${dateSql} < ?`, [new Date(bound.before)]);
    }
    qb.orderByRaw(`${dateSql} desc`).orderBy(x('id'), 'asc').limit(take);
    return (await run(qb)).flatMap((r) => {
      const at = iso(r.notice_at);
      if (!at) return [];
      return [{ date: at, type, id: tombstoneEntryId(Number(r.entryId)), row: r, kind: 'withdrawal' as EntryKind, text: String(r.text ?? '') }];
    });
  };

  const serialize = (entry: Read, locale: Locale): CorrectionEntry => {
    const { row, type } = entry;
    const withdrawn = entry.kind === 'withdrawal';
    let slug: string | null = (row.slug as string) ?? null;
    let title: string | null = (row.title as string) ?? (row.label as string) ?? null;
    if (type === 'frontline-profile') {
      slug = publicSlug(row as ProfileRow);
      title = publicName(row as ProfileRow, locale);
    }
    if (withdrawn) {
      title = null;
      if (!ADDRESSED.has(type)) slug = null;
    }
    const occurredAt = iso(row.occurredAt);
    return {
      id: entryPublicId(PUBLIC_TYPE_NAMES[type] as PublicTypeName, entry.id),
      kind: entry.kind,
      date: entry.date,
      displayDate: displayInstant(entry.date, locale) as string,
      text: entry.text,
      record: {
        type: PUBLIC_TYPE_NAMES[type] as PublicTypeName,
        slug,
        title,
        withdrawn,
        occurredOn: type === 'timeline-event' && occurredAt && !withdrawn ? DateTime.fromISO(occurredAt).setZone(NEWSROOM_TIME_ZONE).toISODate() : null,
      },
      locale: row.locale as Locale,
      fallback: row.locale !== locale,
    };
  };

  return {
    async corrections(params: CorrectionsParams): Promise<CorrectionsPage> {
      const locale = params.locale ?? DEFAULT_LOCALE;
      const limit = params.limit ?? DEFAULT_LIMIT;
      let cursor: EntryKey | undefined;
      if (params.cursor) {
        const decoded = decodeEntryCursor(params.cursor);
        if ('error' in decoded) throw new ChronicleError(400, decoded.error);
        cursor = decoded;
      }
      const types = params.type ? [typeOfPublicName(params.type)] : [...CORRECTED_TYPES];
      const reads: Read[][] = [];
      for (const type of types) {
        reads.push(await readType(type, 'corrections', locale, limit + 1, cursor));
        reads.push(await readType(type, 'withdrawalNotice', locale, limit + 1, cursor));
        reads.push(await readTombstones(type, locale, limit + 1, cursor));
      }
      const { items, nextCursor } = mergePage(reads, limit);
      // English rows of people not named are masked as their zh-Hans name is (one read).
      const people = await rows.withZhNames(items.filter((i) => i.type === 'frontline-profile').map((i) => i.row));
      const named = new Map(people.map((p) => [`${p.documentId}:${p.locale}`, p]));
      const data = items
        .map((i) => (i.type === 'frontline-profile' ? { ...i, row: named.get(`${i.row.documentId}:${i.row.locale}`) ?? i.row } : i))
        .filter((i) => i.type !== 'frontline-profile' || isPublicProfile(i.row))
        .map((i) => serialize(i, locale));
      return { data, meta: { locale, limit, nextCursor } };
    },
  };
};
