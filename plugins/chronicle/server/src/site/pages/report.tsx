/** A field report: dateline, kicker, title, dek, bylines, body, photos, corrections, related records. */
import type { SiteContext } from '../context';
import type { ReportData } from '../data';
import { newsArticle } from '../json-ld';
import { FallbackNotice, Layout } from '../layout';
import { Bylines, Corrections, Dateline, DisputedFigures, FigureList, TranslationStaleNotice } from '../parts';
import { pathOf } from '../routes';

export const ReportPage = ({ ctx, report }: { ctx: SiteContext; report: ReportData }) => {
  const { t } = ctx;
  const url = ctx.absolute(ctx.alternate(ctx.locale));
  const image = report.cover?.url ? ctx.absolute(report.cover.url) : null;
  const lang = report.locale !== ctx.locale ? report.locale : undefined;
  return (
    <Layout
      ctx={ctx}
      title={report.title}
      description={report.dek}
      ogType="article"
      image={image}
      jsonLd={[
        newsArticle({
          url,
          headline: report.title,
          description: report.dek,
          datePublished: report.publishedAt,
          dateModified: report.updatedAt,
          dateline: report.dateline.date,
          authors: report.bylines.map((b) => b.name),
          image,
          language: report.locale,
          publisherName: t.siteName,
        }),
      ]}
    >
      <FallbackNotice ctx={ctx} fallback={report.fallback} />
      <TranslationStaleNotice ctx={ctx} record={report} />
      <article className="report" lang={lang}>
        <header className="article-header">
          {report.kicker ? <p className="kicker">{report.kicker}</p> : null}
          <h1>{report.title}</h1>
          {report.dek ? <p className="dek">{report.dek}</p> : null}
          <Dateline dateline={report.dateline} />
          <Bylines bylines={report.bylines} />
        </header>
        {report.cover ? (
          <figure className="cover">
            <img src={report.cover.url} alt={report.cover.alt ?? ''} width={report.cover.width ?? undefined} height={report.cover.height ?? undefined} />
            {report.cover.caption || report.cover.credit ? (
              <figcaption>
                {report.cover.caption} {report.cover.credit ? <span className="credit">{`${t.credit} ${report.cover.credit}`}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}
        {/* bodyHtml is the public-read service's markdown-it output: raw HTML off, links limited to http(s)/mailto. */}
        <div className="body" dangerouslySetInnerHTML={{ __html: report.bodyHtml }} />
        {report.photos.length ? (
          <section aria-labelledby="photos">
            <h2 id="photos">{t.photos}</h2>
            {report.photos.map((p, i) =>
              p ? (
                <figure key={`${p.url}-${i}`} className="photo">
                  <img src={p.url} alt={p.alt ?? ''} width={p.width ?? undefined} height={p.height ?? undefined} loading="lazy" />
                  <figcaption>
                    {p.caption} {p.credit ? <span className="credit">{`${t.credit} ${p.credit}`}</span> : null}
                  </figcaption>
                </figure>
              ) : null
            )}
          </section>
        ) : null}
        <Corrections ctx={ctx} corrections={report.corrections} />
      </article>
      {report.profiles.length ? (
        <section aria-labelledby="people">
          <h2 id="people">{t.people}</h2>
          <ul className="link-list">
            {report.profiles.map((p) => (
              <li key={p.slug}>
                <a href={ctx.href(pathOf('profile', p.slug))}>{p.name}</a>
                {p.roleTitle ? ` · ${p.roleTitle}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.events.length ? (
        <section aria-labelledby="events">
          <h2 id="events">{t.events}</h2>
          <ol className="link-list">
            {report.events.map((e) => (
              <li key={e.slug}>
                <time dateTime={e.occurredAt ?? undefined}>{e.displayDate}</time> {e.title}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {report.statistics.length || report.disputedFigures.length ? (
        <section aria-labelledby="figures">
          <h2 id="figures">{t.figures}</h2>
          <FigureList ctx={ctx} figures={report.statistics} />
          <DisputedFigures ctx={ctx} figures={report.disputedFigures} />
        </section>
      ) : null}
    </Layout>
  );
};
