/** The reports the Atom and JSON feeds carry (domain/feeds.ts writes the feeds themselves). */
import type { ReportSummary } from '../../contracts/public';
import type { Locale } from '../../domain/enums';
import { renderMarkdown } from '../../domain/safe-markdown';
import { serializeReportSummary, type reportsResource } from './reports';

export const feedsResource = (reports: ReturnType<typeof reportsResource>) => ({
  /** Reports for the feeds, newest dateline first, at most `max`. */
  async feedReports(locale: Locale, max: number): Promise<Array<ReportSummary & { bodyHtml: string }>> {
    const { picked } = await reports.allReports(locale, ['body']);
    return picked.slice(0, max).map(({ row }) => ({
      ...serializeReportSummary(row, row.locale !== locale, locale),
      bodyHtml: renderMarkdown(row.body),
    }));
  },
});
