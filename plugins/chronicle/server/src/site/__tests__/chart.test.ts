import { chartGroups, linearScale, niceStep, tickLabel } from '../chart';

describe('chart scale', () => {
  test('nice steps are 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100000)).toBe(50000);
    expect(niceStep(4800)).toBe(2000);
    expect(niceStep(9)).toBe(5);
    expect(niceStep(0)).toBe(1);
  });

  test('one linear scale from zero: bars proportional to the values, ticks at every step to the end', () => {
    const scale = linearScale([1000, 149, 52]);
    expect(scale.domainMax).toBe(1000);
    expect(scale.ticks).toEqual([
      { value: 0, percent: 0 },
      { value: 500, percent: 50 },
      { value: 1000, percent: 100 },
    ]);
    expect(scale.percent(1000)).toBe(100);
    expect(scale.percent(149)).toBe(14.9);
    expect(scale.percent(52)).toBe(5.2);
    expect(scale.percent(0)).toBe(0);
  });

  test('a tiny non-zero value keeps a visible bar', () => {
    expect(linearScale([1000000, 1]).percent(1)).toBeGreaterThan(0);
  });

  test('axis numbers as each language writes them', () => {
    expect(tickLabel(100000, 'zh-Hans')).toBe('10万');
    expect(tickLabel(100000, 'en')).toBe('100,000');
    expect(tickLabel(500, 'zh-Hans')).toBe('500');
  });
});

describe('chart groups', () => {
  const f = (metric: string, countUnit: string | null, value: number) => ({ metric, countUnit, value });
  test('figures share a chart only with the same metric and unit of count, largest first', () => {
    const groups = chartGroups([f('grid-workers', '名', 52), f('checkpoints', '个', 17), f('grid-workers', '名', 1000), f('grid-workers', '人', 3), f('grid-workers', '名', 149)]);
    expect(groups.map((g) => [g.metric, g.countUnit, g.figures.map((x) => x.value)])).toEqual([
      ['grid-workers', '名', [1000, 149, 52]],
      ['checkpoints', '个', [17]],
      ['grid-workers', '人', [3]],
    ]);
  });
});
