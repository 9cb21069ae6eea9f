/**
 * Geometry of the statistics page's horizontal bar charts, drawn as SVG on the server.
 * No charting library is installed (no d3-scale or d3-shape in node_modules), and a bar
 * chart needs only a linear scale from zero and "nice" gridlines, so this is the small
 * hand geometry: a linear scale, a 1-2-5 tick step and one bar per unit. Pure module.
 */

export interface BarInput {
  label: string;
  value: number;
  /** The figure as printed, qualifier included ('10万余次', 'more than 100,000 times'). */
  display: string;
}

export interface Bar extends BarInput {
  /** The label as drawn: cut with an ellipsis to fit the label column (the table has it whole). */
  shortLabel: string;
  y: number;
  width: number;
  labelY: number;
}

export interface Tick {
  value: number;
  x: number;
}

export interface BarChart {
  width: number;
  height: number;
  plotLeft: number;
  plotWidth: number;
  barHeight: number;
  bars: Bar[];
  ticks: Tick[];
}

/** The smallest 1, 2 or 5 × 10^n step that splits `max` into at most `count` intervals. */
export const niceStep = (max: number, count = 4): number => {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) as number;
  return step;
};

/** Rough advance width in em: CJK and full-width forms are square, other characters about half. */
const widthEm = (text: string) =>
  Array.from(text).reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.56), 0);

export const fitLabel = (label: string, width: number, fontSize: number): string => {
  if (widthEm(label) * fontSize <= width) return label;
  let out = '';
  for (const ch of Array.from(label)) {
    if ((widthEm(out + ch) + 1) * fontSize > width) break;
    out += ch;
  }
  return `${out}…`;
};

export interface ChartOptions {
  width?: number;
  /** Room on the left for unit names. */
  labelWidth?: number;
  /** Room on the right for the printed figure; by default as wide as the widest one needs. */
  valueWidth?: number;
  barHeight?: number;
  gap?: number;
  /** The labels' font size in px, to fit them in labelWidth. */
  fontSize?: number;
}

export const barChart = (inputs: BarInput[], options: ChartOptions = {}): BarChart => {
  const { width = 640, labelWidth = 180, barHeight = 22, gap = 12, fontSize = 13 } = options;
  // English figures carry their unit of count ('more than 4,800 person-times'): leave them room.
  const valueWidth = options.valueWidth ?? Math.ceil(Math.max(0, ...inputs.map((b) => widthEm(b.display))) * fontSize) + 12;
  const plotLeft = labelWidth;
  const plotWidth = Math.max(40, width - labelWidth - valueWidth);
  const max = Math.max(0, ...inputs.map((b) => b.value));
  const step = niceStep(max);
  const domainMax = max > 0 ? Math.ceil(max / step) * step : 1;
  const scale = (v: number) => (Math.max(0, v) / domainMax) * plotWidth;
  const top = 8;
  const bars = inputs.map((input, i) => {
    const y = top + i * (barHeight + gap);
    // A non-zero figure keeps at least a hairline, so a small unit is still visibly there.
    const w = input.value > 0 ? Math.max(2, scale(input.value)) : 0;
    return { ...input, shortLabel: fitLabel(input.label, labelWidth - 12, fontSize), y, width: Math.round(w * 10) / 10, labelY: y + barHeight / 2 };
  });
  const ticks: Tick[] = [];
  for (let v = 0; v <= domainMax + step / 2; v += step) ticks.push({ value: v, x: Math.round((plotLeft + scale(v)) * 10) / 10 });
  const height = top + inputs.length * (barHeight + gap) + 20;
  return { width, height, plotLeft, plotWidth, barHeight, bars, ticks };
};
