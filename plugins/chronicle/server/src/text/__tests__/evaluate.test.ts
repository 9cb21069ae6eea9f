import {
  score,
  combineScores,
  splitStories,
  type Expected,
  type ExpectedDate,
  type ExpectedFigure,
  type Score,
} from '../evaluate';
import { type ExtractResult } from '../extract';

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
