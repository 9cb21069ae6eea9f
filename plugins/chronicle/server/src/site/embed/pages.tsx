/**
 * The embeddable pages (issue 19, docs/site.md#embeds): what another site frames — the
 * timeline as a compact list, newest first; one commendation; one report — and their error
 * pages. Light on purpose: one stylesheet of ours (/embed.css, light and dark), no script, no
 * font or image from anywhere else, no cookie. Every link opens the canonical page in a new
 * tab; the foot of each says where it comes from. Published content only: the loaders read
 * through the public read service, as the full pages do.
 */
import type { ReactNode } from 'react';
import { formatDisplayDate } from '../../text/dates/display';
import type { SiteContext } from '../context';
import type { EventData, ProfileData, ReportData } from '../data';
import { contentLang, FallbackNotice } from '../layout';
import { Bylines, CorrectionNotes, Corrections, Dateline, DutyBadges, Portrait } from '../parts';
import type { ErrorInfo } from '../pages/error';
import { pathOf } from '../routes';
import { EMBED_STRINGS } from './strings';

/** An instant (UTC) as the newsroom shows it: day and time in Asia/Shanghai. */
const shown = (ctx: SiteContext, iso: string) => {
  try {
    return formatDisplayDate(iso, 'minute', false, ctx.locale);
  } catch {
    return iso.slice(0, 10);
  }
};

/** A link to our canonical page, opening in a new tab (said to screen readers too). */
export const Out = ({ ctx, href, children, className }: { ctx: SiteContext; href: string; children: ReactNode; className?: string }) => (
  <a href={ctx.absolute(href)} target="_blank" rel="noopener" className={className}>
    {children}
    <span className="visually-hidden">{EMBED_STRINGS[ctx.locale].newTab}</span>
  </a>
);

export const EmbedLayout = ({ ctx, title, children }: { ctx: SiteContext; title: string; children: ReactNode }) => {
  const { t } = ctx;
  const e = EMBED_STRINGS[ctx.locale];
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* A frame of a page that has its own address: search engines should index that one. */}
        <meta name="robots" content="noindex" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} — ${t.siteName}`}</title>
        <link rel="stylesheet" href="/embed.css" />
      </head>
      <body className="embed">
        <main className="embed-main">{children}</main>
        <footer className="embed-footer">
          <Out ctx={ctx} href={ctx.href(pathOf('home'))} className="embed-source">
            {e.from(t.siteName)}
          </Out>
        </footer>
      </body>
    </html>
  );
};

/** The corrections of a record the embed shows, as the full page shows them; and the date of the newest. */
const lastCorrected = (corrections: Array<{ date: string | null }>) =>
  corrections
    .map((c) => c.date)
    .filter((d): d is string => Boolean(d))
    .sort()
    .pop();

export interface TimelineEmbedProps {
  ctx: SiteContext;
  events: EventData[];
  /** What the selection is, in words (unit, period), or nothing for the whole timeline. */
  filterText: string | null;
  /** The newest events only: more are on the site. */
  more: boolean;
}

export const TimelineEmbed = ({ ctx, events, filterText, more }: TimelineEmbedProps) => {
  const { t } = ctx;
  const e = EMBED_STRINGS[ctx.locale];
  const full = ctx.href(pathOf('timeline'), ctx.query);
  const title = filterText ? `${t.timeline} · ${filterText}` : t.timeline;
  return (
    <EmbedLayout ctx={ctx} title={title}>
      <header className="embed-header">
        <p className="embed-kicker">{t.siteName}</p>
        <h1>
          <Out ctx={ctx} href={full}>
            {title}
          </Out>
        </h1>
        <p className="embed-meta">
          {more ? `${e.shown(events.length)} · ` : ''}
          {e.newestFirst} · {e.beijingTime}
        </p>
      </header>
      {events.length ? (
        <ol className="embed-events">
          {events.map((ev) => (
            <li key={ev.slug} lang={contentLang(ctx, ev.locale)}>
              <time dateTime={ev.occurredAt} className="embed-date">
                {ev.displayDate}
              </time>
              <h2 className="embed-event-title">
                <Out ctx={ctx} href={`${full}#event-${ev.slug}`}>
                  {ev.title}
                </Out>
              </h2>
              {ev.description ? <p className="embed-text">{ev.description}</p> : null}
              {ev.place || ev.units.length ? <p className="embed-meta">{[...new Set([ev.place, ...ev.units.map((u) => u.name)].filter(Boolean))].join(' · ')}</p> : null}
              <CorrectionNotes ctx={ctx} corrections={ev.corrections} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.noEvents}</p>
      )}
      <p className="embed-more">
        <Out ctx={ctx} href={full}>
          {e.moreTimeline(t.siteName)}
        </Out>
      </p>
    </EmbedLayout>
  );
};

export const ProfileEmbed = ({ ctx, profile }: { ctx: SiteContext; profile: ProfileData }) => {
  const { t } = ctx;
  const e = EMBED_STRINGS[ctx.locale];
  const page = ctx.href(pathOf('profile', profile.slug));
  const role = profile.roleTitle ?? t.kinds[profile.kind] ?? profile.kind;
  const corrected = lastCorrected(profile.corrections);
  return (
    <EmbedLayout ctx={ctx} title={profile.name}>
      <FallbackNotice ctx={ctx} fallback={profile.fallback} />
      <article className="embed-card embed-profile" lang={contentLang(ctx, profile.locale)}>
        <header className="embed-profile-header">
          <Portrait portrait={profile.portrait} name={profile.name} sizes="96px" />
          <div>
            <p className="embed-kicker">{t.honours}</p>
            <h1>
              <Out ctx={ctx} href={page}>
                {profile.name}
              </Out>
            </h1>
            {profile.anonymised ? <p className="embed-meta">{t.anonymised}</p> : null}
            <p className="embed-meta">{[role, profile.unit?.name].filter(Boolean).join(' · ')}</p>
            <DutyBadges ctx={ctx} roles={profile.dutyRoles} />
          </div>
        </header>
        {profile.honours.length ? (
          <ul className="embed-honours">
            {profile.honours.map((h, i) => (
              <li key={i}>
                <strong>{h.title}</strong>
                {h.awardedBy ? ` · ${h.awardedBy}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        {/* citationHtml comes from the read service's safe markdown renderer (raw HTML off). */}
        {profile.citationHtml ? <div className="embed-text" dangerouslySetInnerHTML={{ __html: profile.citationHtml }} /> : null}
        {corrected ? (
          <p className="embed-corrected" role="note">
            {e.profileCorrected(profile.corrections.length)} · {e.corrected} <time dateTime={corrected}>{shown(ctx, corrected)}</time>
          </p>
        ) : null}
        <Corrections ctx={ctx} corrections={profile.corrections} />
        <p className="embed-more">
          <Out ctx={ctx} href={page}>
            {e.readProfile}
          </Out>
        </p>
      </article>
    </EmbedLayout>
  );
};

export const ReportEmbed = ({ ctx, report }: { ctx: SiteContext; report: ReportData }) => {
  const e = EMBED_STRINGS[ctx.locale];
  const page = ctx.href(pathOf('report', report.slug));
  const corrected = lastCorrected(report.corrections);
  return (
    <EmbedLayout ctx={ctx} title={report.title}>
      <FallbackNotice ctx={ctx} fallback={report.fallback} />
      <article className="embed-card embed-report" lang={contentLang(ctx, report.locale)}>
        {report.kicker ? <p className="embed-kicker">{report.kicker}</p> : null}
        <h1>
          <Out ctx={ctx} href={page}>
            {report.title}
          </Out>
        </h1>
        {report.dek ? <p className="embed-text">{report.dek}</p> : null}
        <Dateline dateline={report.dateline} />
        <Bylines bylines={report.bylines} />
        <p className="embed-meta">
          {report.publishedAt ? (
            <>
              {e.published} <time dateTime={report.publishedAt}>{shown(ctx, report.publishedAt)}</time>
            </>
          ) : null}
          {corrected ? (
            <>
              {report.publishedAt ? ' · ' : ''}
              {e.corrected} <time dateTime={corrected}>{shown(ctx, corrected)}</time>
            </>
          ) : null}
          {report.publishedAt || corrected ? ` (${e.beijingTime})` : ''}
        </p>
        {corrected ? (
          <p className="embed-corrected" role="note">
            {e.hasCorrections(report.corrections.length)}
          </p>
        ) : null}
        <Corrections ctx={ctx} corrections={report.corrections} />
        <p className="embed-more">
          <Out ctx={ctx} href={page}>
            {e.readReport}
          </Out>
        </p>
      </article>
    </EmbedLayout>
  );
};

/** 400, 404, 410 and 500 inside a frame: small, in the reader's language, with the editors' notice for a withdrawal. */
export const EmbedErrorPage = ({ ctx, error }: { ctx: SiteContext; error: ErrorInfo }) => {
  const { t } = ctx;
  const title = { 400: t.badRequest, 404: t.notFound, 410: t.gone, 500: t.serverError }[error.status];
  return (
    <EmbedLayout ctx={ctx} title={title}>
      <div className="embed-card embed-error">
        <h1>{title}</h1>
        {error.status === 400 ? (
          <p>
            {t.badRequestText}
            <code>{error.message}</code>
          </p>
        ) : null}
        {error.status === 404 ? <p>{t.notFoundText}</p> : null}
        {error.status === 410 ? (
          <>
            <p>{error.person ? t.goneProfile : t.goneText}</p>
            {error.withdrawal?.reason ? (
              <p>
                {t.withdrawnReason}: {error.withdrawal.reason}
              </p>
            ) : null}
            {error.withdrawal?.date ? (
              <p>
                {t.withdrawnOn}: <time dateTime={error.withdrawal.date}>{error.withdrawal.date.slice(0, 10)}</time>
              </p>
            ) : null}
          </>
        ) : null}
        {error.status === 500 ? <p>{t.serverErrorText}</p> : null}
      </div>
    </EmbedLayout>
  );
};
