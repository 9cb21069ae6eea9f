/**
 * Figures by metric. Figures of one metric and unit of count share one chart on one scale
 * (./chart.ts), drawn as HTML bars with axis values, so every word and number on it is page
 * text, readable on a phone; the same numbers follow in a table. A metric with a single figure
 * is shown as that number, not as a bar scaled to itself. Roll-ups are explained in words next
 * to the figures they differ from, and listed at the end.
 */
import type { SiteContext } from '../context';
import type { FigureData, RollupData, StatisticsData } from '../data';
import { chartGroups, linearScale, tickLabel, type ChartGroup } from '../chart';
import { Layout } from '../layout';
import { FigureCorrections, FigureSource, figureText, ListLimit } from '../parts';
import { pathOf } from '../routes';

const when = (f: FigureData) => f.asOf ?? (f.periodEnd ? `${f.periodStart ?? ''}–${f.periodEnd}` : f.periodStart) ?? '';

const groupId = (g: ChartGroup<FigureData>) => `${g.metric}${g.countUnit ? `-${encodeURIComponent(g.countUnit).replace(/%/g, '')}` : ''}`;

const labelLang = (ctx: SiteContext, f: FigureData) => (f.locale !== ctx.locale ? f.locale : undefined);

const BarChart = ({ ctx, group, id }: { ctx: SiteContext; group: ChartGroup<FigureData>; id: string }) => {
  const { figures } = group;
  const scale = linearScale(figures.map((f) => f.value));
  const names = figures.map((f) => f.unit?.name ?? '—');
  const repeated = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  const captionId = `chart-${id}`;
  const intervals = Math.max(1, scale.ticks.length - 1);
  const grid = { backgroundSize: `${100 / intervals}% 100%` };
  return (
    <figure className="bar-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-caption">
        {ctx.t.chartAxis(ctx.t.chartOf(figures[0].label))}
      </figcaption>
      <ol className="bars">
        {figures.map((f, i) => (
          <li key={f.slug} className="bar-row" data-value={f.value}>
            <span className="bar-label">{repeated.has(names[i]) ? `${names[i]} ${when(f)}` : names[i]}</span>
            <span className="bar-track" style={grid}>
              <span className="bar" style={{ width: `${scale.percent(f.value)}%` }} />
            </span>
            <span className="bar-value">{figureText(ctx, f)}</span>
          </li>
        ))}
      </ol>
      <div className="bar-axis" aria-hidden="true">
        <span className="bar-axis-track">
          {scale.ticks.map((tick, i) => (
            <span
              key={tick.value}
              className={`tick${i === 0 ? ' tick-first' : i === scale.ticks.length - 1 ? ' tick-last' : ''}`}
              style={{ left: `${tick.percent}%` }}
              data-value={tick.value}
            >
              {tickLabel(tick.value, ctx.locale)}
            </span>
          ))}
        </span>
      </div>
    </figure>
  );
};

/** The roll-ups of a group's metric and unit of count, each said in words beside the unit's own figure. */
const RollupNotes = ({ ctx, group, rollups }: { ctx: SiteContext; group: ChartGroup<FigureData>; rollups: RollupData[] }) => {
  const mine = rollups.filter((r) => r.metric === group.metric && (r.countUnit ?? null) === group.countUnit);
  if (!mine.length) return null;
  return (
    <ul className="rollup-notes">
      {mine.map((r) => {
        const own = group.figures.find((f) => f.unit?.slug === r.unit.slug && !f.additive);
        return (
          <li key={r.unit.slug} className="rollup-note">
            {ctx.t.rollupExplained(r.unit.name, r.display[ctx.locale], r.count, own ? figureText(ctx, own) : null)}
          </li>
        );
      })}
    </ul>
  );
};

const FigureTable = ({ ctx, figures }: { ctx: SiteContext; figures: FigureData[] }) => {
  const { t } = ctx;
  return (
    <table className="data-table">
      <caption className="visually-hidden">{figures[0].label}</caption>
      <thead>
        <tr>
          <th scope="col">{t.unit}</th>
          <th scope="col">{t.figure}</th>
          <th scope="col">{t.asOf}</th>
          <th scope="col">{t.source}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.slug}>
            <th scope="row">{f.unit ? <a href={ctx.href(pathOf('unit', f.unit.slug))}>{f.unit.name}</a> : '—'}</th>
            <td>
              {figureText(ctx, f)}
              <br />
              <FigureSource ctx={ctx} figure={f} />
            </td>
            <td>{when(f)}</td>
            <td>{f.source ? <a href={ctx.href(pathOf('report', f.source.slug))}>{f.source.title}</a> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

export const StatisticsPage = ({ ctx, statistics, moreAt }: { ctx: SiteContext; statistics: StatisticsData; moreAt?: string }) => {
  const { t } = ctx;
  const groups = chartGroups(statistics.figures);
  const charts = groups.filter((g) => g.figures.length > 1);
  const singles = groups.filter((g) => g.figures.length === 1);
  return (
    <Layout ctx={ctx} title={t.statistics} description={t.statisticsIntro}>
      <h1>{t.statistics}</h1>
      <p>{t.statisticsIntro}</p>
      {charts.length ? <p className="note">{t.chartScale}</p> : null}
      {charts.map((group) => {
        const id = groupId(group);
        return (
          <section key={id} aria-labelledby={`metric-${id}`} className="metric">
            <h2 id={`metric-${id}`} lang={labelLang(ctx, group.figures[0])}>
              {group.figures[0].label}
            </h2>
            <BarChart ctx={ctx} group={group} id={id} />
            <RollupNotes ctx={ctx} group={group} rollups={statistics.rollups} />
            <FigureTable ctx={ctx} figures={group.figures} />
          </section>
        );
      })}
      {singles.length ? (
        <section aria-labelledby="single-figures" className="single-figures-section">
          <h2 id="single-figures">{t.singleFigures}</h2>
          <p className="note">{t.singleFiguresIntro}</p>
          <ul className="single-figures">
            {singles.map((group) => {
              const f = group.figures[0];
              return (
                <li key={f.slug} className="single-figure">
                  <h3 lang={labelLang(ctx, f)}>{f.label}</h3>
                  <p className="big-figure">{figureText(ctx, f)}</p>
                  <p className="note">
                    <FigureSource ctx={ctx} figure={f} />
                  </p>
                  <p className="note">
                    {f.unit ? <a href={ctx.href(pathOf('unit', f.unit.slug))}>{f.unit.name}</a> : null}
                    {when(f) ? ` · ${t.asOf} ${when(f)}` : ''}
                    {f.source ? (
                      <>
                        {' · '}
                        <a href={ctx.href(pathOf('report', f.source.slug))}>{f.source.title}</a>
                      </>
                    ) : null}
                  </p>
                  <RollupNotes ctx={ctx} group={group} rollups={statistics.rollups} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <FigureCorrections ctx={ctx} figures={statistics.figures} />
      {statistics.more && moreAt ? <ListLimit ctx={ctx} shown={statistics.figures.length} api={moreAt} /> : null}
      {statistics.rollups.length ? (
        <section aria-labelledby="rollups">
          <h2 id="rollups">{t.rollups}</h2>
          <p>{t.rollupsIntro}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t.metric}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.figure}</th>
                <th scope="col">{t.summedFigures}</th>
              </tr>
            </thead>
            <tbody>
              {statistics.rollups.map((r, i) => (
                <tr key={i}>
                  <td>{statistics.figures.find((f) => f.metric === r.metric)?.label ?? r.metric}</td>
                  <th scope="row">
                    <a href={ctx.href(pathOf('unit', r.unit.slug))}>{r.unit.name}</a>
                  </th>
                  <td>{r.display[ctx.locale]}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {statistics.excluded ? <p className="rollups-excluded">{t.verify.excluded(statistics.excluded.unverified, statistics.excluded.disputed)}</p> : null}
        </section>
      ) : null}
    </Layout>
  );
};
