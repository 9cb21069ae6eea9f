import { barChart, fitLabel, niceStep } from '../chart';

describe('bar chart geometry', () => {
  test('nice steps are 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100000)).toBe(50000);
    expect(niceStep(4800)).toBe(2000);
    expect(niceStep(9)).toBe(5);
    expect(niceStep(0)).toBe(1);
  });

  test('bars are proportional to the values and fit the plot', () => {
    const chart = barChart(
      [
        { label: 'A', value: 100000, display: '10万余次' },
        { label: 'B', value: 50000, display: '5万次' },
        { label: 'C', value: 0, display: '0' },
      ],
      { width: 600, labelWidth: 100, valueWidth: 100 }
    );
    expect(chart.plotWidth).toBe(400);
    expect(chart.bars[0].width).toBe(400);
    expect(chart.bars[1].width).toBe(200);
    expect(chart.bars[2].width).toBe(0);
    expect(chart.bars[1].y).toBeGreaterThan(chart.bars[0].y);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 50000, 100000]);
    expect(chart.ticks[2].x).toBe(500);
  });

  test('without a valueWidth, the longest printed figure fits right of the longest bar', () => {
    const display = 'more than 4,800 person-times';
    const chart = barChart([{ label: 'A', value: 4800, display }, { label: 'B', value: 900, display: '900' }], { width: 680, labelWidth: 200 });
    const longest = chart.bars[0];
    // the text starts 6 px after the bar; at 13 px a Latin character is about 0.56 em wide
    expect(chart.plotLeft + longest.width + 6 + display.length * 0.56 * 13).toBeLessThanOrEqual(chart.width);
    expect(chart.plotWidth).toBeGreaterThan(200);
  });

  test('a tiny non-zero value keeps a visible bar', () => {
    const chart = barChart([{ label: 'A', value: 1000000, display: '' }, { label: 'B', value: 1, display: '' }]);
    expect(chart.bars[1].width).toBeGreaterThanOrEqual(2);
  });
});

test('long labels are cut to fit the label column, short ones kept', () => {
  expect(fitLabel('南寨街道', 180, 13)).toBe('南寨街道');
  const cut = fitLabel('Jiancaoping Public Security Sub-bureau', 188, 13);
  expect(cut.endsWith('…')).toBe(true);
  expect(cut.length).toBeLessThan(30);
  expect(barChart([{ label: 'Jiancaoping Public Security Sub-bureau', value: 1, display: '1' }], { labelWidth: 200 }).bars[0].shortLabel).toBe(cut);
});
