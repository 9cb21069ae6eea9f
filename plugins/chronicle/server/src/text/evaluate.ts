/**
 * Measuring the extractor against hand annotations, so a change to the rules shows up
 * as a number rather than as a reporter's complaint. Dates match on what the timeline
 * stores (start, end, precision, approximate); figures on value, qualifier and unit.
 * Labels are reported separately: they are a suggestion the reporter edits anyway.
 * Pure module.
 */
import type { Precision, Qualifier } from '../domain/enums';
import type { ExtractResult } from './extract';

export interface ExpectedDate {
  expression: string;
  start: string;
  end?: string;
  precision: Precision;
  approximate: boolean;
}

export interface ExpectedFigure {
  expression: string;
  value: number;
  qualifier: Qualifier;
  unit: string;
  label: string;
}

export interface Expected {
  dates: ExpectedDate[];
  figures: ExpectedFigure[];
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Expected items no proposal matched (their expressions). */
  missed: string[];
  /** Proposals no expected item matched (their expressions or texts). */
  spurious: string[];
}

export interface Score {
  dates: PrecisionRecall;
  figures: PrecisionRecall & { labelAccuracy: number };
}

type EventLike = Pick<ExtractResult['events'][number], 'text' | 'start' | 'end' | 'precision' | 'approximate'> & {
  sentence?: string;
  /** Results shaped before issue #15 kept the expression here and the sentence in `text`. */
  expression?: string;
};
type StatisticLike = Pick<ExtractResult['statistics'][number], 'text' | 'value' | 'qualifier' | 'unit' | 'label'> & {
  expression?: string;
};
type Proposals = { events: EventLike[]; statistics: StatisticLike[] };

function pr(tp: number, fp: number, fn: number, missed: string[], spurious: string[]): PrecisionRecall {
  // Nothing proposed is perfectly precise; nothing expected is perfectly recalled.
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn, missed, spurious };
}

/** Same instant, whatever offset it was written with. */
function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isFinite(ta) && ta === tb;
}

function labelsAgree(expected: string, proposed: string): boolean {
  if (!expected || !proposed) return false;
  return expected.includes(proposed) || proposed.includes(expected);
}

/**
 * Precision and recall of proposals against expectations, matching one to one (an
 * expected figure mentioned twice must be proposed twice).
 */
export function score(expected: Expected, proposals: Proposals): Score {
  // Dates
  const usedEvents = new Set<number>();
  const missedDates: string[] = [];
  for (const d of expected.dates) {
    const k = proposals.events.findIndex(
      (e, i) =>
        !usedEvents.has(i) &&
        sameInstant(e.start, d.start) &&
        sameInstant(e.end, d.end) &&
        e.precision === d.precision &&
        e.approximate === d.approximate,
    );
    if (k >= 0) usedEvents.add(k);
    else missedDates.push(d.expression);
  }
  const spuriousDates = proposals.events
    .filter((_, i) => !usedEvents.has(i))
    .map((e) => `${e.expression ?? e.text} @ ${e.sentence ?? e.text}`);
  const dates = pr(usedEvents.size, spuriousDates.length, missedDates.length, missedDates, spuriousDates);

  // Figures: prefer a proposal whose label also agrees, so label accuracy is not
  // understated when the same value appears twice with different labels.
  const usedStats = new Set<number>();
  const missedFigures: string[] = [];
  let labelHits = 0;
  for (const f of expected.figures) {
    const candidates = proposals.statistics
      .map((s, i) => ({ s, i }))
      .filter(
        ({ s, i }) => !usedStats.has(i) && s.value === f.value && s.qualifier === f.qualifier && s.unit === f.unit,
      );
    const pick = candidates.find(({ s }) => labelsAgree(f.label, s.label)) ?? candidates[0];
    if (pick) {
      usedStats.add(pick.i);
      if (labelsAgree(f.label, pick.s.label)) labelHits += 1;
    } else missedFigures.push(f.expression);
  }
  const spuriousFigures = proposals.statistics
    .filter((_, i) => !usedStats.has(i))
    .map((s) => s.expression ?? s.text ?? String(s.value));
  const figures = {
    ...pr(usedStats.size, spuriousFigures.length, missedFigures.length, missedFigures, spuriousFigures),
    labelAccuracy: usedStats.size === 0 ? 1 : labelHits / usedStats.size,
  };
  return { dates, figures };
}

/** Add up several scores (one per story) into one, recomputing the ratios from the counts. */
export function combineScores(scores: Score[]): Score {
  const sum = (pick: (s: Score) => PrecisionRecall): PrecisionRecall => {
    const tp = scores.reduce((n, s) => n + pick(s).truePositives, 0);
    const fp = scores.reduce((n, s) => n + pick(s).falsePositives, 0);
    const fn = scores.reduce((n, s) => n + pick(s).falseNegatives, 0);
    return pr(
      tp,
      fp,
      fn,
      scores.flatMap((s) => pick(s).missed),
      scores.flatMap((s) => pick(s).spurious),
    );
  };
  const figures = sum((s) => s.figures);
  const labelHits = scores.reduce((n, s) => n + s.figures.labelAccuracy * s.figures.truePositives, 0);
  return {
    dates: sum((s) => s.dates),
    figures: { ...figures, labelAccuracy: figures.truePositives === 0 ? 1 : labelHits / figures.truePositives },
  };
}

/** A byline block: consecutive lines that start with a byline role and a name. */
const BYLINE_BLOCK = /^(?:(?:记者|通讯员|编辑|摄影|责任编辑)[ \t\u3000]+\S[^\n]*(?:\n|$))+/gm;

/**
 * A newspaper page as separate stories: each story ends at its byline block (记者 …,
 * 通讯员 … on lines of their own). Text after the last block is the last story.
 */
export function splitStories(page: string): string[] {
  return page
    .split(BYLINE_BLOCK)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
