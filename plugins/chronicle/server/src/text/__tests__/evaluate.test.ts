import fs from 'fs';
import path from 'path';
import {
  score,
  combineScores,
  splitStories,
  type Expected,
  type ExpectedDate,
  type ExpectedFigure,
  type Score,
} from '../evaluate';
import { extract, type ExtractResult } from '../extract';
import { parseDates } from '../dates';
import annotations from '../__fixtures__/seed-annotations.json';

// __tests__ → text → src → server → chronicle → plugins → main → /work, then shared/seeds.
const SEEDS = path.resolve(__dirname, '../../../../../../../shared/seeds');

interface Story {
  id: string;
  dateline: string;
  dates: ExpectedDate[];
  alsoMentioned: ExpectedDate[];
  figures: ExpectedFigure[];
}

const stories = annotations.stories as unknown as Story[];

const event = (
  start: string,
  extra: Partial<ExtractResult['events'][number]> = {},
): ExtractResult['events'][number] => ({
  text: 's',
  expression: 'e',
  start,
  precision: 'day',
  approximate: false,
  confidence: 0.9,
  ...extra,
});
const stat = (
  value: number,
  extra: Partial<ExtractResult['statistics'][number]> = {},
): ExtractResult['statistics'][number] => ({
  text: 's',
  expression: String(value),
  value,
  qualifier: 'exact',
  unit: '名',
  label: '网格员',
  confidence: 0.9,
  ...extra,
});

describe('score', () => {
  const expected: Expected = {
    dates: [
      { expression: '2月23日', start: '2022-02-23T00:00:00+08:00', precision: 'day', approximate: false },
      { expression: '当日下午3时许', start: '2022-03-05T15:00:00+08:00', precision: 'hour', approximate: true },
    ],
    figures: [
      { expression: '52名', value: 52, qualifier: 'exact', unit: '名', label: '网格员' },
      { expression: '千余名', value: 1000, qualifier: 'more-than', unit: '名', label: '网格员' },
    ],
  };

  test('perfect proposals', () => {
    const s = score(expected, {
      events: [
        event('2022-02-23T00:00:00+08:00'),
        event('2022-03-05T07:00:00Z', { precision: 'hour', approximate: true }),
      ],
      statistics: [stat(52), stat(1000, { qualifier: 'more-than' })],
    });
    expect(s.dates).toMatchObject({ precision: 1, recall: 1, f1: 1, truePositives: 2 });
    expect(s.figures).toMatchObject({ precision: 1, recall: 1, labelAccuracy: 1 });
  });

  test.each<[string, ExtractResult, Partial<Score['dates']>, Partial<Score['figures']>]>([
    ['nothing proposed', { events: [], statistics: [] }, { precision: 1, recall: 0 }, { precision: 1, recall: 0 }],
    [
      'wrong precision or flag does not count',
      {
        events: [
          event('2022-02-23T00:00:00+08:00', { precision: 'hour' }),
          event('2022-03-05T15:00:00+08:00', { precision: 'hour' }),
        ],
        statistics: [],
      },
      { precision: 0, recall: 0, falsePositives: 2, falseNegatives: 2 },
      {},
    ],
    [
      'wrong qualifier does not count',
      { events: [], statistics: [stat(52), stat(1000)] },
      {},
      { precision: 0.5, recall: 0.5, missed: ['千余名'], spurious: ['1000'] },
    ],
    [
      'one proposal matches one expectation only',
      { events: [event('2022-02-23T00:00:00+08:00'), event('2022-02-23T00:00:00+08:00')], statistics: [] },
      { precision: 0.5, recall: 0.5 },
      {},
    ],
    [
      'labels are scored apart from the figure',
      {
        events: [],
        statistics: [stat(52, { label: '民警' }), stat(1000, { qualifier: 'more-than', label: '名网格员' })],
      },
      {},
      { precision: 1, recall: 1, labelAccuracy: 0.5 },
    ],
  ])('%s', (_name, proposals, dates, figures) => {
    const s = score(expected, proposals);
    expect(s.dates).toMatchObject(dates);
    expect(s.figures).toMatchObject(figures);
  });

  test('nothing expected and nothing proposed is a perfect score', () => {
    const s = score({ dates: [], figures: [] }, { events: [], statistics: [] });
    expect(s.dates).toMatchObject({ precision: 1, recall: 1 });
  });

  test('combineScores adds counts, not ratios', () => {
    const a = score(expected, { events: [event('2022-02-23T00:00:00+08:00')], statistics: [] });
    const b = score(
      { dates: [expected.dates[0] as ExpectedDate], figures: [] },
      { events: [event('2022-02-23T00:00:00+08:00')], statistics: [] },
    );
    const c = combineScores([a, b]);
    expect(c.dates).toMatchObject({ truePositives: 2, falseNegatives: 1, precision: 1, recall: 2 / 3 });
  });
});

describe('splitStories', () => {
  test.each<[string, number]>([
    ['一篇。\n记者 张三\n通讯员 李四 王五 文/摄\n二篇。\n记者 赵六\n三篇。', 3],
    ['一篇。\n记者 张三', 1],
    ['本报讯(记者 张三 通讯员 李四)正文。', 1],
    ['', 0],
  ])('%j → %d stories', (page, n) => {
    expect(splitStories(page)).toHaveLength(n);
  });
});

describe('the seed page, annotated by hand', () => {
  const file = path.join(SEEDS, annotations.seed);

  function readSeed(): string {
    if (!fs.existsSync(SEEDS)) {
      throw new Error(`Seed folder not found at ${SEEDS}: the evaluation needs shared/seeds next to the project.`);
    }
    if (!fs.existsSync(file)) throw new Error(`Seed file ${annotations.seed} not found in ${SEEDS}.`);
    return fs.readFileSync(file, 'utf8');
  }

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
