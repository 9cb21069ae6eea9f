/** The front page: latest reports, the timeline's latest events, people on the honour roll. */
import type { SiteContext } from '../context';
import type { EventData, ProfileSummary, ReportSummary } from '../data';
import { Layout } from '../layout';
import { EventList, PersonCard, ReportList } from '../parts';
import { pathOf } from '../routes';

export const HomePage = ({ ctx, reports, events, people }: { ctx: SiteContext; reports: ReportSummary[]; events: EventData[]; people: ProfileSummary[] }) => (
  <Layout ctx={ctx} title={ctx.t.siteName} description={ctx.t.tagline}>
    <h1 className="masthead">{ctx.t.siteName}</h1>
    <p className="tagline">{ctx.t.tagline}</p>
    <div className="home-grid">
      <section aria-labelledby="latest-reports">
        <h2 id="latest-reports">{ctx.t.latestReports}</h2>
        <ReportList ctx={ctx} reports={reports} />
      </section>
      <section aria-labelledby="latest-events">
        <h2 id="latest-events">{ctx.t.latestEvents}</h2>
        <EventList ctx={ctx} events={events} />
        <p>
          <a href={ctx.href(pathOf('timeline'))}>{ctx.t.allEvents}</a>
        </p>
      </section>
    </div>
    <section aria-labelledby="featured">
      <h2 id="featured">{ctx.t.featured}</h2>
      <ul className="people-grid">
        {people.map((p) => (
          <PersonCard key={p.slug} ctx={ctx} person={p} />
        ))}
      </ul>
      <p>
        <a href={ctx.href(pathOf('honours'))}>{ctx.t.allHonours}</a>
      </p>
    </section>
  </Layout>
);
