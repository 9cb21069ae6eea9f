/**
 * The honour roll and one person's profile. People go through ../../domain/public-person.ts,
 * the one place where consent is applied: a person not named has a token for a slug and a
 * masked name, and a withdrawn person's address answers 410 and says nothing else about them.
 */
import { compareKeys, encodeCursor } from '../../domain/cursor';
import type { ProfileAnswer, ProfilesPage } from '../../contracts/public';
import { publicCorrections } from '../../domain/corrections';
import { DEFAULT_LOCALE, type Locale } from '../../domain/enums';
import { anonymousSlug, isPublicProfile, publicQuotes, publicSlug, type ProfileRow } from '../../domain/public-person';
import { redactPlainText } from '../../domain/redaction';
import { renderMarkdown } from '../../domain/safe-markdown';
import { ChronicleError } from '../../errors';
import type { LocaleOnlyQuery, ProfilesQuery } from '../../validation/public-query';
import {
  CORRECTION_SELECT,
  cursorAt,
  DEFAULT_LIMIT,
  EVENT_REF_SELECT,
  localesFor,
  pageOf,
  pickLocale,
  PROFILE_CARD_POPULATE,
  PROFILE_REF_SELECT,
  profileAddress,
  profileCard,
  PUBLISHED,
  REPORT_REF_SELECT,
  reportVisible,
  type Picked,
  type RowReader,
} from './rows';
import { day, displayDay, eventRef, ref, type Row } from './values';

const WITHDRAWN = 'this profile has been withdrawn';

export const profilesResource = (rows: RowReader) => ({
  async profiles(params: ProfilesQuery): Promise<ProfilesPage> {
    const locale = params.locale ?? DEFAULT_LOCALE;
    // The honour roll is ordered by public slug. A named person's public slug is the stored
    // slug, so those are read a page at a time from the (locale, slug, document_id) index,
    // after the cursor; an anonymised person's is a token derived from the documentId, so
    // those few are read whole (consent index) and merged in. Then only the page's rows are
    // read in full with their portraits and duty roles.
    const after = params.cursor ? cursorAt(params.cursor, 'profiles') : undefined;
    const base = {
      ...PUBLISHED,
      locale: { $in: localesFor(locale) },
      // kind is shared by every locale of a document, so filtering rows equals filtering documents
      ...(params.kind ? { kind: params.kind } : {}),
    };
    const keySelect = ['documentId', 'slug', 'consent', 'locale'];
    const withUnit = params.unit ? { populate: { unit: { select: ['documentId'] } } } : {};
    const rowLimit = ((params.limit ?? DEFAULT_LIMIT) + 1) * localesFor(locale).length;
    const named = (await rows.query('frontline-profile').findMany({
      where: {
        ...base,
        consent: { $in: ['consented', 'public-duty'] },
        ...(after ? { $or: [{ slug: { $gt: after.key } }, { slug: after.key, documentId: { $gt: after.documentId } }] } : {}),
      },
      select: keySelect,
      ...withUnit,
      orderBy: [{ slug: 'asc' }, { documentId: 'asc' }],
      // A unit filter drops rows after the read: read them all then (a unit's people are few).
      ...(params.unit ? {} : { limit: rowLimit }),
    })) as Row[];
    const anonymised = (await rows.query('frontline-profile').findMany({
      where: { ...base, consent: 'anonymised' },
      select: keySelect,
      ...withUnit,
    })) as Row[];
    let picked = pickLocale([...named, ...anonymised], locale).filter((p) => isPublicProfile(p.row));
    if (params.unit) {
      const scope = await rows.unitScope(params.unit);
      picked = picked.filter((p) => p.row.unit && scope.has(p.row.unit.documentId));
    }
    const key = (p: { row: Row }) => ({ key: publicSlug(p.row as ProfileRow), documentId: p.row.documentId as string });
    picked.sort((a, b) => compareKeys(key(a), key(b), 'asc'));
    // Named rows past the last one read may sort before anonymised ones still to come: the
    // page may only reach as far as the named rows read, unless they were all read.
    const namedComplete = Boolean(params.unit) || named.length < rowLimit;
    const lastNamed = named.length ? { key: named[named.length - 1].slug as string, documentId: named[named.length - 1].documentId as string } : null;
    const usable = namedComplete || !lastNamed ? picked : picked.filter((p) => compareKeys(key(p), lastNamed, 'asc') <= 0);
    const { data: page, nextCursor: usableCursor, limit } = pageOf('profiles', usable, key, 'asc', params, (p) => p);
    const lastOfPage = page[page.length - 1];
    const nextCursor =
      usableCursor ?? (usable.length < picked.length && lastOfPage ? encodeCursor({ list: 'profiles', direction: 'asc', ...key(lastOfPage) }) : null);
    const full = page.length
      ? ((await rows.query('frontline-profile').findMany({
          where: { ...PUBLISHED, documentId: { $in: page.map((p) => p.row.documentId) }, locale: { $in: page.map((p) => p.row.locale) } },
          select: PROFILE_REF_SELECT,
          populate: PROFILE_CARD_POPULATE,
        })) as Row[])
      : [];
    await rows.markStale('frontline-profile', full);
    const byKey = new Map((await rows.withZhNames(full)).map((r) => [`${r.documentId}:${r.locale}`, r]));
    const data = page
      .map(({ row: keyRow, fallback }) => ({ row: byKey.get(`${keyRow.documentId}:${keyRow.locale}`), fallback }))
      .filter((p): p is Picked => Boolean(p.row))
      .map(({ row, fallback }) => ({ ...profileCard(row, locale), locale: row.locale as Locale, fallback }));
    return { data, meta: { locale, limit, nextCursor } };
  },

  async profile(slug: string, params: LocaleOnlyQuery): Promise<ProfileAnswer> {
    const locale = params.locale ?? DEFAULT_LOCALE;
    let where: Row = profileAddress(slug);
    if (slug.startsWith('anon-')) {
      // The token names one person not named; a withdrawn one answers 410 (docs/security.md, consent).
      const unnamed = (await rows.query('frontline-profile').findMany({
        where: { ...PUBLISHED, ...where, locale: { $in: localesFor(locale) } },
        select: ['documentId', 'consent'],
      })) as Row[];
      const person = unnamed.filter((r) => anonymousSlug(r.documentId) === slug);
      if (person.length && person.every((r) => r.consent === 'withdrawn')) throw new ChronicleError(410, WITHDRAWN);
      where = { consent: 'anonymised', documentId: person.length ? person[0].documentId : null };
    }
    const found = (await rows.query('frontline-profile').findMany({
      where: { ...PUBLISHED, ...where, locale: { $in: localesFor(locale) } },
      select: [...PROFILE_REF_SELECT, 'citation'],
      populate: {
        ...PROFILE_CARD_POPULATE,
        deeds: { select: ['date', 'precision', 'summary'], populate: { sourceReport: { select: REPORT_REF_SELECT, where: reportVisible() } } },
        quotes: { select: ['text', 'context', 'saidOn'] },
        honours: { select: ['title', 'awardedBy', 'awardedOn', 'documentNo'] },
        reports: { select: REPORT_REF_SELECT, where: reportVisible(), orderBy: { slug: 'asc' } },
        events: { select: EVENT_REF_SELECT, where: PUBLISHED, orderBy: [{ occurredAt: 'asc' }, { documentId: 'asc' }] },
        corrections: { select: CORRECTION_SELECT },
      },
    })) as Row[];
    const matching = found.filter((r) => publicSlug(r as ProfileRow) === slug);
    const { row, fallback } = await rows.detail('frontline-profile', slug, locale, await rows.withZhNames(matching), 'no published profile has this address');
    // A withdrawn person's URL answers 410, and says nothing else about them.
    if (!isPublicProfile(row)) throw new ChronicleError(410, WITHDRAWN);
    await rows.markStale('frontline-profile', [row]);
    return {
      data: {
        ...profileCard(row, locale),
        citationHtml: renderMarkdown(row.citation),
        deeds: ((row.deeds ?? []) as Row[]).map((d) => {
          const date = day(d.date) as string;
          return {
            date,
            precision: d.precision as string,
            displayDate: displayDay(date, d.precision, locale),
            summary: redactPlainText(d.summary as string),
            source: ref(d.sourceReport),
          };
        }),
        quotes: publicQuotes(row as ProfileRow, (row.quotes ?? []) as Row[]).map((q) => ({
          text: redactPlainText(q.text as string),
          context: (q.context as string) ?? null,
          saidOn: day(q.saidOn),
        })),
        honours: ((row.honours ?? []) as Row[]).map((h) => ({
          title: h.title as string,
          awardedBy: (h.awardedBy as string) ?? null,
          awardedOn: day(h.awardedOn),
          documentNo: (h.documentNo as string) ?? null,
        })),
        reports: ((row.reports ?? []) as Row[]).map((r) => ref(r)),
        events: ((row.events ?? []) as Row[]).map((e) => eventRef(e, locale)),
        corrections: publicCorrections(row.corrections, locale),
        locale: row.locale as Locale,
        fallback,
      },
      meta: { locale },
    };
  },
});
