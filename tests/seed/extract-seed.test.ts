/**
 * The extraction scored on the hand-annotated seed page (the in-sample score: the rules were
 * first written with this page in view). Needs the seed folder: run by `npm run check:seed`.
 * The out-of-sample score on the project's own corpus is a unit test beside the text tools.
 */
import { combineScores, score, splitStories, type ExpectedDate, type ExpectedFigure } from '../../plugins/chronicle/server/src/text/evaluate';
import { extract } from '../../plugins/chronicle/server/src/text/extract';
import { parseDates } from '../../plugins/chronicle/server/src/text/dates';
import annotations from '../../plugins/chronicle/server/src/text/__fixtures__/seed-annotations.json';
import { readSeedFile } from './seeds';

interface Story {
  id: string;
  dateline: string;
  dates: ExpectedDate[];
  alsoMentioned: ExpectedDate[];
  figures: ExpectedFigure[];
}

const stories = annotations.stories as unknown as Story[];

describe('the seed page, annotated by hand', () => {
  const readSeed = () => readSeedFile(annotations.seed);

  test('the page splits into the annotated stories', () => {
    expect(splitStories(readSeed())).toHaveLength(stories.length);
  });

  test('extract reaches the agreed precision and recall', () => {
    const texts = splitStories(readSeed());
    const scores = stories.map((story, i) =>
      score({ dates: story.dates, figures: story.figures }, extract(texts[i] ?? '', { dateline: story.dateline })),
    );
    const total = combineScores(scores);
    // Printed so a change in the rules shows its effect in the test log.
    // eslint-disable-next-line no-console
    console.log(
      `seed evaluation — dates: P ${total.dates.precision.toFixed(3)} R ${total.dates.recall.toFixed(3)}; ` +
        `figures: P ${total.figures.precision.toFixed(3)} R ${total.figures.recall.toFixed(3)} ` +
        `labels ${total.figures.labelAccuracy.toFixed(3)}` +
        (total.dates.missed.length + total.figures.missed.length
          ? `; missed ${[...total.dates.missed, ...total.figures.missed].join(', ')}`
          : '') +
        (total.dates.spurious.length + total.figures.spurious.length
          ? `; spurious ${[...total.dates.spurious, ...total.figures.spurious].join(', ')}`
          : ''),
    );
    expect(total.dates.precision).toBeGreaterThanOrEqual(0.95);
    expect(total.dates.recall).toBeGreaterThanOrEqual(0.9);
    expect(total.figures.precision).toBeGreaterThanOrEqual(0.95);
    expect(total.figures.recall).toBeGreaterThanOrEqual(0.9);
    expect(total.figures.labelAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  test('every annotated date, and every other mention, is found by parseDates', () => {
    const texts = splitStories(readSeed());
    stories.forEach((story, i) => {
      const found = parseDates(texts[i] ?? '', { dateline: story.dateline });
      for (const d of [...story.dates, ...story.alsoMentioned]) {
        const hit = found.find(
          (f) =>
            f.start === d.start && f.precision === d.precision && f.approximate === d.approximate && f.end === d.end,
        );
        expect(hit ? d.expression : `missing ${d.expression}`).toBe(d.expression);
      }
      expect(found).toHaveLength(story.dates.length + story.alsoMentioned.length);
    });
  });

  test('annotations are well formed', () => {
    for (const story of stories) {
      expect(story.dateline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const d of [...story.dates, ...story.alsoMentioned]) expect(Number.isNaN(Date.parse(d.start))).toBe(false);
      for (const f of story.figures) expect(Number.isFinite(f.value)).toBe(true);
    }
  });
});
