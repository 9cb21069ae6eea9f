/** A unit: where it sits in the tree, the units below, its people, figures and events. */
import type { SiteContext } from '../context';
import type { EventData, FigureData, ProfileSummary } from '../data';
import { Layout } from '../layout';
import { EventList, FigureList, ListLimit, PersonCard, UnitChain } from '../parts';
import type { UnitNode } from '../unit-tree';
import { pathOf } from '../routes';

export const UnitPage = ({
  ctx,
  chain,
  people,
  figures,
  events,
  morePeopleAt,
  moreFiguresAt,
}: {
  ctx: SiteContext;
  chain: UnitNode[];
  people: ProfileSummary[];
  figures: FigureData[];
  events: EventData[];
  /** When a list was cut short: the API list that has all of it. */
  morePeopleAt?: string;
  moreFiguresAt?: string;
}) => {
  const { t } = ctx;
  const unit = chain[chain.length - 1];
  return (
    <Layout ctx={ctx} title={unit.name} description={unit.description ?? undefined}>
      <UnitChain ctx={ctx} units={chain.slice(0, -1)} />
      <h1>{unit.name}</h1>
      <p className="role">{t.unitKinds[unit.kind] ?? unit.kind}</p>
      {unit.description ? <p>{unit.description}</p> : null}
      {unit.children.length ? (
        <section aria-labelledby="sub-units">
          <h2 id="sub-units">{t.subUnits}</h2>
          <ul className="link-list">
            {unit.children.map((u) => (
              <li key={u.slug}>
                <a href={ctx.href(pathOf('unit', u.slug))}>{u.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {people.length ? (
        <section aria-labelledby="unit-people">
          <h2 id="unit-people">{t.unitPeople}</h2>
          <ul className="people-grid">
            {people.map((p) => (
              <PersonCard key={p.slug} ctx={ctx} person={p} />
            ))}
          </ul>
          {morePeopleAt ? <ListLimit ctx={ctx} shown={people.length} api={morePeopleAt} /> : null}
        </section>
      ) : null}
      {figures.length ? (
        <section aria-labelledby="unit-figures">
          <h2 id="unit-figures">{t.unitFigures}</h2>
          <FigureList ctx={ctx} figures={figures} />
          {moreFiguresAt ? <ListLimit ctx={ctx} shown={figures.length} api={moreFiguresAt} /> : null}
        </section>
      ) : null}
      {events.length ? (
        <section aria-labelledby="unit-events">
          <h2 id="unit-events">{t.events}</h2>
          <EventList ctx={ctx} events={events} />
          <p>
            <a href={ctx.href(pathOf('timeline'), { unit: unit.slug })}>{t.allEvents}</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
};
