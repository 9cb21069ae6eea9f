/**
 * Figures by metric: one server-drawn SVG bar chart per metric (bars by unit, each labelled
 * with the figure as reported, qualifier included), and the same numbers in a table for
 * screen readers and for readers who prefer numbers.
 */
import type { SiteContext } from '../context';
import type { FigureData, StatisticsData } from '../data';
import { barChart } from '../chart';
import { Layout } from '../layout';
import { FigureCorrections, figureText, ListLimit } from '../parts';
import { pathOf } from '../routes';

const byMetric = (figures: FigureData[]) => {
  const groups = new Map<string, FigureData[]>();
  for (const f of figures) groups.set(f.metric, [...(groups.get(f.metric) ?? []), f]);
  return [...groups.entries()];
};

const when = (f: FigureData) => f.asOf ?? (f.periodEnd ? `${f.periodStart ?? ''}–${f.periodEnd}` : f.periodStart) ?? '';

const Chart = ({ ctx, metric, figures }: { ctx: SiteContext; metric: string; figures: FigureData[] }) => {
  const names = figures.map((f) => f.unit?.name ?? '—');
  const repeated = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  const chart = barChart(
    figures.map((f, i) => ({ label: repeated.has(names[i]) ? `${names[i]} ${when(f)}` : names[i], value: f.value, display: figureText(ctx, f) })),
    { width: 680, labelWidth: 200 }
  );
  const titleId = `chart-${metric}`;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={titleId}>{ctx.t.chartOf(figures[0].label)}</title>
      {chart.ticks.map((tick) => (
        <line key={tick.value} x1={tick.x} x2={tick.x} y1={0} y2={chart.height - 16} className="chart-grid" />
      ))}
      {chart.bars.map((bar, i) => (
        <g key={i}>
          <text x={chart.plotLeft - 8} y={bar.labelY} className="chart-label" textAnchor="end" dominantBaseline="middle">
            {bar.shortLabel !== bar.label ? <title>{bar.label}</title> : null}
            {bar.shortLabel}
          </text>
          <rect x={chart.plotLeft} y={bar.y} width={bar.width} height={chart.barHeight} className="chart-bar" />
          <text x={chart.plotLeft + bar.width + 6} y={bar.labelY} className="chart-value" dominantBaseline="middle">
            {bar.display}
          </text>
        </g>
      ))}
    </svg>
  );
};

export const StatisticsPage = ({ ctx, statistics, moreAt }: { ctx: SiteContext; statistics: StatisticsData; moreAt?: string }) => {
  const { t } = ctx;
  const metrics = byMetric(statistics.figures);
  return (
    <Layout ctx={ctx} title={t.statistics} description={t.statisticsIntro}>
      <h1>{t.statistics}</h1>
      <p>{t.statisticsIntro}</p>
      {metrics.map(([metric, figures]) => (
        <section key={metric} aria-labelledby={`metric-${metric}`} className="metric">
          <h2 id={`metric-${metric}`} lang={figures[0].locale !== ctx.locale ? figures[0].locale : undefined}>
            {figures[0].label}
          </h2>
          <Chart ctx={ctx} metric={metric} figures={figures} />
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
                  <td>{figureText(ctx, f)}</td>
                  <td>{when(f)}</td>
                  <td>{f.source ? <a href={ctx.href(pathOf('report', f.source.slug))}>{f.source.title}</a> : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <FigureCorrections ctx={ctx} figures={statistics.figures} />
      {statistics.more && moreAt ? <ListLimit ctx={ctx} shown={statistics.figures.length} api={moreAt} /> : null}
      {statistics.rollups.length ? (
        <section aria-labelledby="rollups">
          <h2 id="rollups">{t.rollups}</h2>
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
        </section>
      ) : null}
    </Layout>
  );
};
