/** The honour roll: people grouped by unit, filtered by unit and kind with a GET form. */
import { PROFILE_KINDS } from '../../domain/enums';
import type { SiteContext } from '../context';
import type { ProfileSummary } from '../data';
import { itemList } from '../json-ld';
import { Layout } from '../layout';
import { ListLimit, PersonCard, UnitSelect } from '../parts';
import type { UnitNode } from '../unit-tree';
import { pathOf } from '../routes';

export const HonoursPage = ({
  ctx,
  people,
  units,
  filters,
  moreAt,
}: {
  ctx: SiteContext;
  people: ProfileSummary[];
  units: Array<{ unit: UnitNode; depth: number }>;
  filters: { unit?: string; kind?: string };
  /** When the list was cut short: the API list that has all of it. */
  moreAt?: string;
}) => {
  const { t } = ctx;
  // Groups follow the unit tree's order, so a grid comes after its community.
  const order = new Map(units.map(({ unit }, i) => [unit.slug, i]));
  const groups = new Map<string, { name: string; people: ProfileSummary[] }>();
  for (const person of people) {
    const key = person.unit?.slug ?? '';
    if (!groups.has(key)) groups.set(key, { name: person.unit?.name ?? t.allUnits, people: [] });
    groups.get(key)!.people.push(person);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  return (
    <Layout
      ctx={ctx}
      title={t.honours}
      description={t.tagline}
      jsonLd={[itemList(t.honours, people.map((p) => ({ url: ctx.absolute(ctx.href(pathOf('profile', p.slug))), name: p.name })))]}
    >
      <h1>{t.honours}</h1>
      <form className="filters" method="get" action={ctx.href(pathOf('honours'), {}, 'zh-Hans')} aria-label={t.filter}>
        {ctx.locale !== 'zh-Hans' ? <input type="hidden" name="lang" value={ctx.locale} /> : null}
        <UnitSelect label={t.unit} allLabel={t.allUnits} units={units} selected={filters.unit} />
        <label>
          {t.kind}
          <select name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t.allKinds}</option>
            {PROFILE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.apply}</button>
      </form>
      {sorted.map(([key, group]) => (
        <section key={key || 'none'} aria-labelledby={`unit-${key || 'none'}`}>
          <h2 id={`unit-${key || 'none'}`}>{key ? <a href={ctx.href(pathOf('unit', key))}>{group.name}</a> : group.name}</h2>
          <ul className="people-grid">
            {group.people.map((p) => (
              <PersonCard key={p.slug} ctx={ctx} person={p} />
            ))}
          </ul>
        </section>
      ))}
      {moreAt ? <ListLimit ctx={ctx} shown={people.length} api={moreAt} /> : null}
    </Layout>
  );
};
