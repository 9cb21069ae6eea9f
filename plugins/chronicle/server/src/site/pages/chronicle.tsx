/** A chronicle (纪实): its period, summary, body and its events in time order. */
import type { SiteContext } from '../context';
import type { ChronicleData } from '../data';
import { FallbackNotice, Layout } from '../layout';
import { Corrections, EventList, TranslationStaleNotice } from '../parts';
import { pathOf } from '../routes';

export const ChroniclePage = ({ ctx, chronicle }: { ctx: SiteContext; chronicle: ChronicleData }) => {
  const { t } = ctx;
  const lang = chronicle.locale !== ctx.locale ? chronicle.locale : undefined;
  return (
    <Layout ctx={ctx} title={chronicle.title} description={chronicle.summary} ogType="article">
      <FallbackNotice ctx={ctx} fallback={chronicle.fallback} />
      <TranslationStaleNotice ctx={ctx} record={chronicle} />
      <article className="chronicle" lang={lang}>
        <header className="article-header">
          <h1>{chronicle.title}</h1>
          {chronicle.summary ? <p className="dek">{chronicle.summary}</p> : null}
          <p className="dateline">
            {t.period}:{' '}
            {chronicle.periodStart ? <time dateTime={chronicle.periodStart}>{chronicle.displayPeriod.start}</time> : null}
            {chronicle.periodEnd ? (
              <>
                {' – '}
                <time dateTime={chronicle.periodEnd}>{chronicle.displayPeriod.end}</time>
              </>
            ) : null}
            {chronicle.subjectUnit ? (
              <>
                {' · '}
                <a href={ctx.href(pathOf('unit', chronicle.subjectUnit.slug))}>{chronicle.subjectUnit.name}</a>
              </>
            ) : null}
          </p>
        </header>
        {chronicle.bodyHtml ? <div className="body" dangerouslySetInnerHTML={{ __html: chronicle.bodyHtml }} /> : null}
        <section aria-labelledby="events">
          <h2 id="events">{t.events}</h2>
          <EventList ctx={ctx} events={chronicle.events} />
        </section>
        <Corrections ctx={ctx} corrections={chronicle.corrections} />
      </article>
      {chronicle.reports.length ? (
        <section aria-labelledby="chronicle-reports">
          <h2 id="chronicle-reports">{t.chronicleReports}</h2>
          <ul className="link-list">
            {chronicle.reports.map((r) =>
              r ? (
                <li key={r.slug}>
                  <a href={ctx.href(pathOf('report', r.slug))}>{r.title}</a>
                </li>
              ) : null
            )}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
};
