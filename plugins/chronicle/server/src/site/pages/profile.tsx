/**
 * The commendation page: portrait, name (anonymised by the read service, docs/security.md), role,
 * unit chain, duty badges, citation, deeds as a small timeline, quotes, honours, source
 * reports with bylines, a share button; the print stylesheet turns it into a one-page sheet.
 */
import type { SiteContext } from '../context';
import type { ProfileData, ReportSummary } from '../data';
import { person } from '../json-ld';
import { FallbackNotice, Layout } from '../layout';
import { Bylines, Corrections, DutyBadges, Portrait, ShareButton, TranslationStaleNotice, UnitChain } from '../parts';
import type { UnitNode } from '../unit-tree';
import { pathOf } from '../routes';

export const ProfilePage = ({ ctx, profile, chain, reports }: { ctx: SiteContext; profile: ProfileData; chain: UnitNode[]; reports: ReportSummary[] }) => {
  const { t } = ctx;
  const url = ctx.absolute(ctx.alternate(ctx.locale));
  const card = ctx.absolute(ctx.href(pathOf('card', profile.slug)));
  const lang = profile.locale !== ctx.locale ? profile.locale : undefined;
  const role = profile.roleTitle ?? t.kinds[profile.kind] ?? profile.kind;
  const description = [role, profile.unit?.name].filter(Boolean).join(' · ');
  return (
    <Layout
      ctx={ctx}
      title={profile.name}
      description={description}
      ogType="profile"
      image={card}
      bodyClass="page-commendation"
      jsonLd={[
        person({
          url,
          name: profile.name,
          jobTitle: role,
          organisation: profile.unit?.name ?? null,
          image: profile.portrait ? ctx.absolute(profile.portrait.url) : null,
          awards: profile.honours.map((h) => h.title),
          description: description || null,
        }),
      ]}
    >
      <FallbackNotice ctx={ctx} fallback={profile.fallback} />
      <TranslationStaleNotice ctx={ctx} record={profile} />
      <article className="commendation" lang={lang}>
        <header className="commendation-header">
          <Portrait portrait={profile.portrait} name={profile.name} sizes="(max-width: 600px) 40vw, 240px" />
          <div>
            <p className="kicker">{t.honours}</p>
            <h1>{profile.name}</h1>
            {profile.anonymised ? <p className="note">{t.anonymised}</p> : null}
            <p className="role">{role}</p>
            <UnitChain ctx={ctx} units={chain} />
            <DutyBadges ctx={ctx} roles={profile.dutyRoles} />
          </div>
        </header>
        {profile.citationHtml ? (
          <section aria-labelledby="citation" className="citation">
            <h2 id="citation">{t.citation}</h2>
            {/* citationHtml comes from the read service's safe markdown renderer (raw HTML off). */}
            <div dangerouslySetInnerHTML={{ __html: profile.citationHtml }} />
          </section>
        ) : null}
        {profile.deeds.length ? (
          <section aria-labelledby="deeds" className="deeds">
            <h2 id="deeds">{t.deeds}</h2>
            <ol className="mini-timeline">
              {profile.deeds.map((d, i) => (
                <li key={`${d.date}-${i}`}>
                  <time dateTime={d.date}>{d.displayDate}</time>
                  <p>
                    {d.summary}
                    {d.source ? (
                      <>
                        {' '}
                        <a href={ctx.href(pathOf('report', d.source.slug))}>{d.source.title}</a>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {profile.quotes.length ? (
          <section aria-labelledby="quotes" className="quotes">
            <h2 id="quotes">{t.quotes}</h2>
            {profile.quotes.map((q, i) => (
              <figure key={i}>
                <blockquote>
                  <p>{q.text}</p>
                </blockquote>
                {q.context ? <figcaption>{q.context}</figcaption> : null}
              </figure>
            ))}
          </section>
        ) : null}
        {profile.honours.length ? (
          <section aria-labelledby="honours-received" className="honours-received">
            <h2 id="honours-received">{t.honoursReceived}</h2>
            <ul>
              {profile.honours.map((h, i) => (
                <li key={i}>
                  <strong>{h.title}</strong>
                  {h.awardedBy ? ` · ${h.awardedBy}` : ''}
                  {h.awardedOn ? (
                    <>
                      {' · '}
                      <time dateTime={h.awardedOn}>{h.awardedOn}</time>
                    </>
                  ) : null}
                  {h.documentNo ? ` · ${t.documentNo} ${h.documentNo}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <Corrections ctx={ctx} corrections={profile.corrections} />
      </article>
      {reports.length ? (
        <section aria-labelledby="sources" className="sources">
          <h2 id="sources">{t.sources}</h2>
          <ul className="link-list">
            {reports.map((r) => (
              <li key={r.slug}>
                <a href={ctx.href(pathOf('report', r.slug))}>{r.title}</a>
                <Bylines bylines={r.bylines} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ShareButton ctx={ctx} url={url} title={profile.name} />
    </Layout>
  );
};
