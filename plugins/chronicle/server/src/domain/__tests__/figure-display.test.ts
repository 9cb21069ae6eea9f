import { displayFigure, enCountWord, EN_COUNT_WORDS } from '../figure-display';

describe('English units of count', () => {
  test.each([
    [149, 'exact', '名', '149名', '149 people'],
    [52, 'exact', '人', '52人', '52 people'],
    [3, 'exact', '位', '3位', '3 people'],
    [4800, 'more-than', '人次', '4800余人次', 'more than 4,800 person-times'],
    [100000, 'more-than', '次', '10万余次', 'more than 100,000 times'],
    [900, 'more-than', '辆次', '900余辆次', 'more than 900 vehicle-times'],
    [12, 'about', '辆', '约12辆', 'about 12 vehicles'],
    [132, 'exact', '支', '132支', '132 teams'],
    [2000, 'at-least', '户', '至少2000户', 'at least 2,000 households'],
    [50, 'nearly', '份', '近50份', 'nearly 50 copies'],
    [7, 'exact', '轮', '7轮', '7 rounds'],
  ] as const)('%d %s %s → %s / %s', (value, qualifier, unit, zh, en) => {
    expect(displayFigure(value, qualifier, unit)).toEqual({ 'zh-Hans': zh, en });
  });

  test('one is singular, everything else plural (decimals too)', () => {
    expect(displayFigure(1, 'exact', '名').en).toBe('1 person');
    expect(displayFigure(1, 'more-than', '轮').en).toBe('more than 1 round');
    expect(displayFigure(1, 'exact', '份').en).toBe('1 copy');
    expect(displayFigure(1.5, 'exact', '次').en).toBe('1.5 times');
    expect(displayFigure(0, 'exact', '人次').en).toBe('0 person-times');
  });

  test('classifiers that only stand for the label’s noun (个, 家), unknown units and no unit stay bare numbers', () => {
    expect(displayFigure(893, 'exact', '个')).toEqual({ 'zh-Hans': '893个', en: '893' });
    expect(displayFigure(3, 'exact', '家')).toEqual({ 'zh-Hans': '3家', en: '3' });
    expect(displayFigure(20, 'exact', '台')).toEqual({ 'zh-Hans': '20台', en: '20' });
    expect(displayFigure(300, 'about', null)).toEqual({ 'zh-Hans': '约300', en: 'about 300' });
    expect(displayFigure(300, 'about', '')).toEqual({ 'zh-Hans': '约300', en: 'about 300' });
    expect(enCountWord(5, '个')).toBe('');
  });

  test('every word has a singular and a plural, and says "units" for nothing (a unit is the newsroom’s own word)', () => {
    for (const [unit, [one, many]] of Object.entries(EN_COUNT_WORDS)) {
      expect([unit, one.length > 0, many.length > 0]).toEqual([unit, true, true]);
      expect(`${one} ${many}`).not.toMatch(/\bunits?\b/);
    }
  });
});
