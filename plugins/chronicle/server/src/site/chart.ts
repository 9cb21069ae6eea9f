/**
 * The statistics page's charts: which figures share a chart, and the one linear scale each
 * chart draws them on. Bars are HTML (a percentage width in a track), so their labels, values
 * and axis numbers are page text at the page's own size, readable on a phone; no charting
 * library is needed for a linear scale from zero with "nice" 1-2-5 ticks. Pure module.
 *
 * Figures of the same metric and unit of count are comparable, so they share one chart and
 * one scale: 17个 and 1144名 never sit on scales of their own that make them look alike. A
 * metric with a single figure gets no chart (a bar scaled to itself says nothing): the page
 * shows the number.
 */
import { enNumber, zhNumber } from '../domain/figure-display';
import type { Locale } from '../domain/enums';

/** The smallest 1, 2 or 5 × 10^n step that splits `max` into at most `count` intervals. */
export const niceStep = (max: number, count = 4): number => {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) as number;
};

export interface Tick {
  value: number;
  /** Where the tick sits, in percent of the plot's width. */
  percent: number;
}

export interface Scale {
  /** The scale's end: the largest value rounded up to a whole step. */
  domainMax: number;
  step: number;
  ticks: Tick[];
  /** A value's bar length in percent of the plot's width (a non-zero value keeps a hairline). */
  percent: (value: number) => number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One linear scale from zero for all the given values, with ticks at every step. */
export const linearScale = (values: number[], count = 4): Scale => {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  const step = niceStep(max, count);
  const domainMax = max > 0 ? Math.ceil(max / step) * step : 1;
  const ticks: Tick[] = [];
  for (let i = 0; i * step <= domainMax + step / 2; i++) ticks.push({ value: i * step, percent: round(((i * step) / domainMax) * 100) });
  const percent = (value: number) => (value > 0 ? Math.max(0.5, round((Math.min(value, domainMax) / domainMax) * 100)) : 0);
  return { domainMax, step, ticks, percent };
};

/** An axis number as the page's language writes numbers: 10万 / 100,000. */
export const tickLabel = (value: number, locale: Locale): string => (locale === 'en' ? enNumber(value) : zhNumber(value));

export interface ChartGroup<F> {
  metric: string;
  countUnit: string | null;
  figures: F[];
}

/**
 * Figures grouped by metric and unit of count, in the order their groups first appear; each
 * group's figures largest first. Only a group of two or more is a chart.
 */
export const chartGroups = <F extends { metric: string; countUnit: string | null; value: number }>(figures: F[]): Array<ChartGroup<F>> => {
  const groups = new Map<string, ChartGroup<F>>();
  for (const f of figures) {
    const key = JSON.stringify([f.metric, f.countUnit ?? null]);
    const group = groups.get(key) ?? { metric: f.metric, countUnit: f.countUnit ?? null, figures: [] };
    group.figures.push(f);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, figures: [...g.figures].sort((a, b) => b.value - a.value) }));
};
