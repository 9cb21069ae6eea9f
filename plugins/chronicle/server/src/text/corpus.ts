/**
 * The extractor's own annotated corpus (__fixtures__/corpus): passages written for the
 * project with gold dates and figures and hard negatives, read into the `Expected` shape
 * that `score` takes, and scored per class of error so a change to the rules shows which
 * kind of expression it helped or broke. Pure module.
 */
import { DateTime } from 'luxon';
import type { Precision, Qualifier } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import { combineScores, score, type Expected, type ExpectedDate, type ExpectedFigure, type Score } from './evaluate';
import type { ExtractResult } from './extract';

/** [expression, local start, precision, approximate, class, end?] */
export type DateTuple = [string, string, Precision, boolean, string, string?];
/** [expression, value, qualifier, unit, label, class?] */
export type FigureTuple = [string, number, Qualifier, string, string, string?];

export interface CorpusPassage {
  id: string;
  dateline: string;
  text: string;
  dates: DateTuple[];
  figures: FigureTuple[];
  /** Hard negatives: [expression, class]. */
  not: Array<[string, string]>;
}

export interface CorpusFile {
  description?: string;
  part: string;
  passages: CorpusPassage[];
}

/** A local time in the newsroom's zone as the ISO instant the extractor writes. */
function instantOf(local: string): string {
  const dt = DateTime.fromISO(local, { zone: NEWSROOM_TIME_ZONE });
  if (!dt.isValid) throw new RangeError(`Invalid gold time ${JSON.stringify(local)}`);
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

export function expectedOf(p: CorpusPassage): Expected {
  const dates: ExpectedDate[] = p.dates.map(([expression, start, precision, approximate, , end]) => {
    const d: ExpectedDate = { expression, start: instantOf(start), precision, approximate };
    if (end) d.end = instantOf(end);
    return d;
  });
  const figures: ExpectedFigure[] = p.figures.map(([expression, value, qualifier, unit, label]) => ({ expression, value, qualifier, unit, label }));
  return { dates, figures };
}

export interface ClassTally {
  /** Gold items of the class (for negatives: the negatives of the class). */
  total: number;
  /** Gold items missed, or negatives proposed. */
  errors: string[];
}

export interface CorpusReport {
  score: Score;
  perPassage: Array<{ id: string; score: Score }>;
  /** 'date:quote', 'figure:duration-stat', 'not:duration' … → tally. */
  classes: Record<string, ClassTally>;
}

function tally(classes: Record<string, ClassTally>, key: string): ClassTally {
  return (classes[key] ??= { total: 0, errors: [] });
}

/**
 * Scores every passage with `run` (the extractor, or a stand-in) and sorts the errors by
 * class: missed gold dates and figures by their class, and proposals that hit a hard
 * negative by the negative's class; any other spurious proposal counts as 'other'.
 */
export function scoreCorpus(passages: CorpusPassage[], run: (p: CorpusPassage) => ExtractResult): CorpusReport {
  const classes: Record<string, ClassTally> = {};
  const perPassage = passages.map((p) => {
    const result = run(p);
    const s = score(expectedOf(p), result);
    const missedDates = [...s.dates.missed];
    for (const d of p.dates) {
      const t = tally(classes, `date:${d[4]}`);
      t.total += 1;
      const k = missedDates.indexOf(d[0]);
      if (k >= 0) {
        missedDates.splice(k, 1);
        t.errors.push(`${p.id}: ${d[0]}`);
      }
    }
    const missedFigures = [...s.figures.missed];
    for (const f of p.figures) {
      const t = tally(classes, `figure:${f[5] ?? 'plain'}`);
      t.total += 1;
      const k = missedFigures.indexOf(f[0]);
      if (k >= 0) {
        missedFigures.splice(k, 1);
        t.errors.push(`${p.id}: ${f[0]}`);
      }
    }
    for (const [, cls] of p.not) tally(classes, `not:${cls}`).total += 1;
    const spurious = [...s.figures.spurious, ...s.dates.spurious.map((x) => x.split(' @ ')[0] ?? x)];
    for (const expr of spurious) {
      const neg = p.not.find(([n]) => n.includes(expr) || expr.includes(n));
      tally(classes, neg ? `not:${neg[1]}` : 'not:other').errors.push(`${p.id}: ${expr}`);
    }
    return { id: p.id, score: s };
  });
  return { score: combineScores(perPassage.map((x) => x.score)), perPassage, classes };
}
