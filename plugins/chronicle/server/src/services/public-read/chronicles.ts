/** One chronicle at its address: its period, its body, its events in order and its reports. */
import type { ChronicleAnswer } from '../../contracts/public';
import { publicCorrections } from '../../domain/corrections';
import { DEFAULT_LOCALE, type Locale } from '../../domain/enums';
import { redactPlainText } from '../../domain/redaction';
import { renderMarkdown } from '../../domain/safe-markdown';
import type { LocaleOnlyQuery } from '../../validation/public-query';
import { serializeEvent, type eventReader } from './events';
import { CORRECTION_SELECT, localesFor, pickLocale, PUBLISHED, REPORT_REF_SELECT, reportVisible, UNIT_REF_SELECT, type RowReader } from './rows';
import { day, displayDay, ref, translationStale, unitRef, type Row } from './values';

export const chroniclesResource = (rows: RowReader, events: ReturnType<typeof eventReader>) => ({
  async chronicle(slug: string, params: LocaleOnlyQuery): Promise<ChronicleAnswer> {
    const locale = params.locale ?? DEFAULT_LOCALE;
    const found = (await rows.query('chronicle').findMany({
      where: { ...PUBLISHED, slug, locale: { $in: localesFor(locale) } },
      select: ['documentId', 'slug', 'title', 'summary', 'body', 'periodStart', 'periodEnd', 'locale'],
      populate: {
        subjectUnit: { select: UNIT_REF_SELECT },
        reports: { select: REPORT_REF_SELECT, where: reportVisible(), orderBy: { slug: 'asc' } },
        corrections: { select: CORRECTION_SELECT },
      },
    })) as Row[];
    const { row, fallback } = await rows.detail('chronicle', slug, locale, found, `no published chronicle has the slug "${slug}"`);
    const eventRows = await events.eventRows({ chronicle: { documentId: row.documentId } }, locale, [{ occurredAt: 'asc' }, { documentId: 'asc' }]);
    await rows.markStale('chronicle', [row]);
    await rows.markStale('timeline-event', eventRows);
    const start = day(row.periodStart);
    const end = day(row.periodEnd);
    return {
      data: {
        slug: row.slug as string,
        title: row.title as string,
        subjectUnit: unitRef(row.subjectUnit),
        periodStart: start,
        periodEnd: end,
        displayPeriod: {
          start: start ? displayDay(start, 'day', locale) : null,
          end: end ? displayDay(end, 'day', locale) : null,
        },
        summary: redactPlainText((row.summary as string) ?? null),
        bodyHtml: renderMarkdown(row.body),
        events: pickLocale(eventRows, locale).map((p) => serializeEvent(p.row, p.fallback, locale)),
        reports: ((row.reports ?? []) as Row[]).map((r) => ref(r)),
        corrections: publicCorrections(row.corrections, locale),
        locale: row.locale as Locale,
        fallback,
        translationStale: translationStale(row),
      },
      meta: { locale },
    };
  },
});
