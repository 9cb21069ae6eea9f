import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseDate, parseDates, DateCursor, formatDisplayDate, type DateContext } from '../dates';
import type { Precision } from '../../domain/enums';
import { PRECISIONS } from '../../domain/enums';

const police: DateContext = { dateline: '2022-03-06' };
const brief: DateContext = { dateline: '2022-03-07' };
const after = (year: number, month: number, day?: number): DateContext => ({
  dateline: '2022-03-06',
  last: { year, month, day },
});

type Row = [string, DateContext, string, Precision, boolean];

describe('parseDate: the newsroom cases', () => {
  test.each<Row>([
    ['2月23日', police, '2022-02-23T00:00:00+08:00', 'day', false],
    ['24日', after(2022, 2, 23), '2022-02-24T00:00:00+08:00', 'day', false],
    ['3月6日', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['2月25日清晨', police, '2022-02-25T05:00:00+08:00', 'part-of-day', false],
    ['当日下午3时许', after(2022, 3, 5), '2022-03-05T15:00:00+08:00', 'hour', true],
    ['中午12时左右', after(2022, 2, 24), '2022-02-24T12:00:00+08:00', 'hour', true],
    ['凌晨1点多', after(2022, 2, 24), '2022-02-24T01:00:00+08:00', 'hour', true],
    ['晚上9时', after(2022, 3, 5), '2022-03-05T21:00:00+08:00', 'hour', false],
    ['2月26日晚11时', police, '2022-02-26T23:00:00+08:00', 'hour', false],
    ['当晚6时', after(2022, 3, 5), '2022-03-05T18:00:00+08:00', 'hour', false],
    // 中午 as a part of the day starts at 11:00 (GLOSSARY: noon 11–13)
    ['3月5日中午', brief, '2022-03-05T11:00:00+08:00', 'part-of-day', false],
    ['初春', police, '2022-02-01T00:00:00+08:00', 'month', true],
    ['从2月24日', police, '2022-02-24T00:00:00+08:00', 'day', false],
  ])('%s → %s %s approx=%s', (expr, ctx, start, precision, approximate) => {
    const d = parseDate(expr, ctx);
    expect(d).not.toBeNull();
    expect(d).toMatchObject({ start, precision, approximate });
  });

  test('ranges: 至, 到 and dashes', () => {
    for (const expr of [
      '2月23日至3月6日',
      '2月23日到3月6日',
      '2月23日—3月6日',
      '2月23日——3月6日',
      '2月23日-3月6日',
      '2月23日～3月6日',
    ]) {
      const d = parseDate(expr, police);
      expect(d).toMatchObject({
        text: expr,
        start: '2022-02-23T00:00:00+08:00',
        end: '2022-03-06T00:00:00+08:00',
        precision: 'day',
      });
    }
  });
});

describe('parseDate: forms', () => {
  const ctx = after(2022, 3, 5);
  test.each<Row>([
    // Full dates
    ['2022年3月6日', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['2021年12月31日', police, '2021-12-31T00:00:00+08:00', 'day', false],
    ['２０２２年３月６日', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['二〇二二年三月六日', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['2022-03-06', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['2022/3/6', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['2022.3.6', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['22年3月6日', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['3月5号', police, '2022-03-05T00:00:00+08:00', 'day', false],
    ['一月十五日', police, '2022-01-15T00:00:00+08:00', 'day', false],
    ['十二月三十一日', police, '2021-12-31T00:00:00+08:00', 'day', false],
    ['2022年3月', police, '2022-03-01T00:00:00+08:00', 'month', false],
    ['3月份', police, '2022-03-01T00:00:00+08:00', 'month', false],
    // 初步 (preliminary) is not 月初
    ['3月初步统计', police, '2022-03-01T00:00:00+08:00', 'month', false],
    ['一月份', police, '2022-01-01T00:00:00+08:00', 'month', false],
    ['2019年', police, '2019-01-01T00:00:00+08:00', 'year', false],
    ['今年3月', police, '2022-03-01T00:00:00+08:00', 'month', false],
    ['去年12月', police, '2021-12-01T00:00:00+08:00', 'month', false],
    ['本月5日', police, '2022-03-05T00:00:00+08:00', 'day', false],
    ['上月28日', police, '2022-02-28T00:00:00+08:00', 'day', false],
    // Day only, with and without a month named before
    // No month named yet: a day well past the dateline's is last month's
    ['24日', police, '2022-02-24T00:00:00+08:00', 'day', false],
    ['10日', police, '2022-03-10T00:00:00+08:00', 'day', false],
    ['5日', police, '2022-03-05T00:00:00+08:00', 'day', false],
    ['28日', after(2022, 2, 1), '2022-02-28T00:00:00+08:00', 'day', false],
    ['5号，', police, '2022-03-05T00:00:00+08:00', 'day', false],
    // Clock times and parts of the day
    ['3月5日3时', police, '2022-03-05T03:00:00+08:00', 'hour', false],
    ['3月5日15时', police, '2022-03-05T15:00:00+08:00', 'hour', false],
    ['3月5日3点', police, '2022-03-05T03:00:00+08:00', 'hour', false],
    ['3月5日9时30分', police, '2022-03-05T09:30:00+08:00', 'minute', false],
    ['3月5日9点半', police, '2022-03-05T09:30:00+08:00', 'minute', false],
    ['3月5日9点钟', police, '2022-03-05T09:00:00+08:00', 'hour', false],
    ['3月5日9时05分', police, '2022-03-05T09:05:00+08:00', 'minute', false],
    ['3月5日十一时', police, '2022-03-05T11:00:00+08:00', 'hour', false],
    ['3月5日两点', police, '2022-03-05T02:00:00+08:00', 'hour', false],
    ['3月5日下午两点多', police, '2022-03-05T14:00:00+08:00', 'hour', true],
    ['3月5日九点零五分', police, '2022-03-05T09:05:00+08:00', 'minute', false],
    ['3月5日10:30', police, '2022-03-05T10:30:00+08:00', 'minute', false],
    ['下午3时', ctx, '2022-03-05T15:00:00+08:00', 'hour', false],
    ['下午15时', ctx, '2022-03-05T15:00:00+08:00', 'hour', false],
    ['中午12时', ctx, '2022-03-05T12:00:00+08:00', 'hour', false],
    ['中午1时', ctx, '2022-03-05T13:00:00+08:00', 'hour', false],
    ['上午11时', ctx, '2022-03-05T11:00:00+08:00', 'hour', false],
    ['上午9时30分', ctx, '2022-03-05T09:30:00+08:00', 'minute', false],
    ['晚11时', ctx, '2022-03-05T23:00:00+08:00', 'hour', false],
    ['晚上9时', ctx, '2022-03-05T21:00:00+08:00', 'hour', false],
    ['夜里10点', ctx, '2022-03-05T22:00:00+08:00', 'hour', false],
    ['凌晨1点', ctx, '2022-03-05T01:00:00+08:00', 'hour', false],
    ['凌晨0时', ctx, '2022-03-05T00:00:00+08:00', 'hour', false],
    ['凌晨12点', ctx, '2022-03-05T00:00:00+08:00', 'hour', false],
    ['傍晚6时', ctx, '2022-03-05T18:00:00+08:00', 'hour', false],
    ['清晨6时', ctx, '2022-03-05T06:00:00+08:00', 'hour', false],
    ['早上7点', ctx, '2022-03-05T07:00:00+08:00', 'hour', false],
    ['早8时', ctx, '2022-03-05T08:00:00+08:00', 'hour', false],
    ['深夜11点', ctx, '2022-03-05T23:00:00+08:00', 'hour', false],
    ['深夜12点', ctx, '2022-03-06T00:00:00+08:00', 'hour', false],
    ['半夜12点', ctx, '2022-03-06T00:00:00+08:00', 'hour', false],
    ['半夜1点', ctx, '2022-03-06T01:00:00+08:00', 'hour', false],
    ['晚上12点', ctx, '2022-03-06T00:00:00+08:00', 'hour', false],
    ['24时', ctx, '2022-03-06T00:00:00+08:00', 'hour', false],
    ['15时', ctx, '2022-03-05T15:00:00+08:00', 'hour', false],
    ['3时许', ctx, '2022-03-05T03:00:00+08:00', 'hour', true],
    ['约10时', ctx, '2022-03-05T10:00:00+08:00', 'hour', true],
    ['下午约3时', ctx, '2022-03-05T15:00:00+08:00', 'hour', true],
    ['10时左右', ctx, '2022-03-05T10:00:00+08:00', 'hour', true],
    ['10时前后', ctx, '2022-03-05T10:00:00+08:00', 'hour', true],
    ['两点多', ctx, '2022-03-05T02:00:00+08:00', 'hour', true],
    ['9时30分许', ctx, '2022-03-05T09:30:00+08:00', 'minute', true],
    // Bare parts of the day start at the part's start
    ['当日下午', ctx, '2022-03-05T12:00:00+08:00', 'part-of-day', false],
    ['2月25日清晨', police, '2022-02-25T05:00:00+08:00', 'part-of-day', false],
    ['3月5日凌晨', police, '2022-03-05T00:00:00+08:00', 'part-of-day', false],
    ['3月5日上午', police, '2022-03-05T08:00:00+08:00', 'part-of-day', false],
    ['3月5日傍晚', police, '2022-03-05T17:00:00+08:00', 'part-of-day', false],
    ['3月5日晚上', police, '2022-03-05T18:00:00+08:00', 'part-of-day', false],
    ['3月5日晚，', police, '2022-03-05T18:00:00+08:00', 'part-of-day', false],
    ['3月5日深夜', police, '2022-03-05T23:00:00+08:00', 'part-of-day', false],
    ['3月5日中午左右', police, '2022-03-05T11:00:00+08:00', 'part-of-day', true],
    ['当晚', ctx, '2022-03-05T18:00:00+08:00', 'part-of-day', false],
    ['下午', ctx, '2022-03-05T12:00:00+08:00', 'part-of-day', false],
    // Relative days
    ['当日', ctx, '2022-03-05T00:00:00+08:00', 'day', false],
    ['当天', ctx, '2022-03-05T00:00:00+08:00', 'day', false],
    ['同日', ctx, '2022-03-05T00:00:00+08:00', 'day', false],
    ['次日', ctx, '2022-03-06T00:00:00+08:00', 'day', false],
    ['翌日', ctx, '2022-03-06T00:00:00+08:00', 'day', false],
    ['第二天', ctx, '2022-03-06T00:00:00+08:00', 'day', false],
    ['次日凌晨3时', ctx, '2022-03-06T03:00:00+08:00', 'hour', false],
    ['前一天', ctx, '2022-03-04T00:00:00+08:00', 'day', false],
    ['今天', police, '2022-03-06T00:00:00+08:00', 'day', false],
    ['今日上午', police, '2022-03-06T08:00:00+08:00', 'part-of-day', false],
    ['今晨', police, '2022-03-06T05:00:00+08:00', 'part-of-day', false],
    ['昨天', police, '2022-03-05T00:00:00+08:00', 'day', false],
    ['昨晚10时', police, '2022-03-05T22:00:00+08:00', 'hour', false],
    ['前天', police, '2022-03-04T00:00:00+08:00', 'day', false],
    ['明天', police, '2022-03-07T00:00:00+08:00', 'day', false],
    // Approximate dates
    ['2月24日左右', police, '2022-02-24T00:00:00+08:00', 'day', true],
    ['3月6日前后', police, '2022-03-06T00:00:00+08:00', 'day', true],
    ['约2月24日', police, '2022-02-24T00:00:00+08:00', 'day', true],
    // Weekdays in brackets are skipped
    ['3月5日（周六）上午10时', police, '2022-03-05T10:00:00+08:00', 'hour', false],
    ['3月5日(星期六)', police, '2022-03-05T00:00:00+08:00', 'day', false],
  ])('%s → %s %s approx=%s', (expr, context, start, precision, approximate) => {
    const d = parseDate(expr, context);
    expect(d).not.toBeNull();
    expect(d).toMatchObject({ start, precision, approximate });
  });
});

describe('parseDate: vague periods', () => {
  test.each<[string, DateContext, string, Precision]>([
    ['初春', police, '2022-02-01T00:00:00+08:00', 'month'],
    ['早春', police, '2022-02-01T00:00:00+08:00', 'month'],
    ['仲春', police, '2022-03-01T00:00:00+08:00', 'month'],
    ['暮春', police, '2022-04-01T00:00:00+08:00', 'month'],
    // Within two months after the dateline stays in its year; further back a year
    ['初夏', police, '2022-05-01T00:00:00+08:00', 'month'],
    ['仲夏', police, '2021-06-01T00:00:00+08:00', 'month'],
    ['盛夏', { dateline: '2022-08-01' }, '2022-07-01T00:00:00+08:00', 'month'],
    ['初冬', police, '2021-11-01T00:00:00+08:00', 'month'],
    ['深秋', { dateline: '2021-11-20' }, '2021-10-01T00:00:00+08:00', 'month'],
    ['3月初', police, '2022-03-01T00:00:00+08:00', 'month'],
    ['3月上旬', police, '2022-03-01T00:00:00+08:00', 'month'],
    ['3月中旬', police, '2022-03-11T00:00:00+08:00', 'month'],
    ['2月下旬', police, '2022-02-21T00:00:00+08:00', 'month'],
    ['2月底', police, '2022-02-21T00:00:00+08:00', 'month'],
    ['2月末', police, '2022-02-21T00:00:00+08:00', 'month'],
    ['本月初', police, '2022-03-01T00:00:00+08:00', 'month'],
    ['上月底', police, '2022-02-21T00:00:00+08:00', 'month'],
    ['月初', police, '2022-03-01T00:00:00+08:00', 'month'],
    ['月底', after(2022, 2, 10), '2022-02-21T00:00:00+08:00', 'month'],
    ['下旬', after(2022, 2, 10), '2022-02-21T00:00:00+08:00', 'month'],
    ['年初', police, '2022-01-01T00:00:00+08:00', 'month'],
    ['年底', police, '2022-12-01T00:00:00+08:00', 'month'],
    ['2021年底', police, '2021-12-01T00:00:00+08:00', 'month'],
    ['2021年末', police, '2021-12-01T00:00:00+08:00', 'month'],
    ['今年初', police, '2022-01-01T00:00:00+08:00', 'month'],
    ['去年年底', police, '2021-12-01T00:00:00+08:00', 'month'],
  ])('%s → %s', (expr, ctx, start, precision) => {
    expect(parseDate(expr, ctx)).toMatchObject({ start, precision, approximate: true });
  });
});

describe('parseDate: year of a date written without one', () => {
  test.each<[string, string, string]>([
    // Within two months after the dateline: this year; further: last year
    ['3月6日', '2022-03-06', '2022-03-06T00:00:00+08:00'],
    ['4月10日', '2022-03-06', '2022-04-10T00:00:00+08:00'],
    ['5月20日', '2022-03-06', '2021-05-20T00:00:00+08:00'],
    ['12月30日', '2022-03-06', '2021-12-30T00:00:00+08:00'],
    ['12月30日', '2022-12-31', '2022-12-30T00:00:00+08:00'],
    ['1月2日', '2022-12-31', '2022-01-02T00:00:00+08:00'],
    ['2月29日', '2024-03-01', '2024-02-29T00:00:00+08:00'],
    ['7月20日', '2021-07-21', '2021-07-20T00:00:00+08:00'],
  ])('%s with dateline %s → %s', (expr, dateline, start) => {
    expect(parseDate(expr, { dateline })?.start).toBe(start);
  });

  test('a year written out earlier carries forward while dates move on', () => {
    const found = parseDates('2019年7月，他入职。7月20日，他第一次出警。', police);
    expect(found.map((d) => d.start)).toEqual(['2019-07-01T00:00:00+08:00', '2019-07-20T00:00:00+08:00']);
  });

  test('…but not backwards into the past of that year', () => {
    const found = parseDates('2021年12月30日，他入职。3月1日，他第一次出警。', police);
    expect(found.map((d) => d.start)).toEqual(['2021-12-30T00:00:00+08:00', '2022-03-01T00:00:00+08:00']);
  });

  test('2月30日 is not a date', () => {
    expect(parseDate('2月30日', police)).toBeNull();
  });

  test('13月 is not a month', () => {
    expect(parseDate('13月5日', police)).toBeNull();
  });
});

describe('parseDate: ranges', () => {
  test.each<[string, DateContext, string, string, Precision]>([
    ['2月23日至26日', police, '2022-02-23T00:00:00+08:00', '2022-02-26T00:00:00+08:00', 'day'],
    ['3月5日下午3时至5时', police, '2022-03-05T15:00:00+08:00', '2022-03-05T17:00:00+08:00', 'hour'],
    ['3月5日晚10时至次日凌晨2时', police, '2022-03-05T22:00:00+08:00', '2022-03-06T02:00:00+08:00', 'hour'],
    ['3月5日晚10时至2时', police, '2022-03-05T22:00:00+08:00', '2022-03-06T02:00:00+08:00', 'hour'],
    ['12月28日至1月3日', police, '2021-12-28T00:00:00+08:00', '2022-01-03T00:00:00+08:00', 'day'],
    ['2021年12月28日至2022年1月3日', police, '2021-12-28T00:00:00+08:00', '2022-01-03T00:00:00+08:00', 'day'],
    ['9时至11时', after(2022, 3, 5), '2022-03-05T09:00:00+08:00', '2022-03-05T11:00:00+08:00', 'hour'],
    // The month written once: 1至2月, 3-5月.
    ['1至2月', police, '2022-01-01T00:00:00+08:00', '2022-02-01T00:00:00+08:00', 'month'],
    ['3-5月', { dateline: '2022-06-10' }, '2022-03-01T00:00:00+08:00', '2022-05-01T00:00:00+08:00', 'month'],
  ])('%s', (expr, ctx, start, end, precision) => {
    expect(parseDate(expr, ctx)).toMatchObject({ text: expr, start, end, precision });
  });

  test('a separator followed by something else is no range', () => {
    const d = parseDate('2月24日到南寨村', police);
    expect(d).toMatchObject({ text: '2月24日', start: '2022-02-24T00:00:00+08:00' });
    expect(d?.end).toBeUndefined();
  });
});

describe('parseDate: holidays', () => {
  test.each<[string, string, string, boolean]>([
    // Fixed days, and lunar festivals from the Chinese calendar of that year.
    ['元旦前后', '2022-01-08', '2022-01-01T00:00:00+08:00', true],
    ['今年元旦', '2022-01-08', '2022-01-01T00:00:00+08:00', false],
    ['除夕夜', '2021-02-13', '2021-02-11T18:00:00+08:00', false],
    ['春节', '2023-01-25', '2023-01-22T00:00:00+08:00', false],
    ['中秋节当天', '2022-09-12', '2022-09-10T00:00:00+08:00', false],
    ['端午节', '2020-06-30', '2020-06-25T00:00:00+08:00', false],
    ['清明节', '2021-04-06', '2021-04-04T00:00:00+08:00', false],
    ['去年国庆节', '2022-03-01', '2021-10-01T00:00:00+08:00', false],
    ['全国消防日', '2023-11-10', '2023-11-09T00:00:00+08:00', false],
  ])('%s (dateline %s)', (expr, dateline, start, approximate) => {
    expect(parseDate(expr, { dateline })).toMatchObject({ start, approximate, rule: 'holiday' });
  });

  test.each<[string, string, string]>([
    // Days of the Chinese calendar: the latest such day up to about two months after the dateline.
    ['腊月二十六', '2022-01-29', '2022-01-28T00:00:00+08:00'],
    ['正月初七', '2023-01-30', '2023-01-28T00:00:00+08:00'],
    ['八月十五', '2022-09-12', '2022-09-10T00:00:00+08:00'],
  ])('lunar %s (dateline %s)', (expr, dateline, start) => {
    expect(parseDate(expr, { dateline })).toMatchObject({ text: expr, start, precision: 'day', rule: 'lunar' });
  });

  test('a solar month with a day written as a date is not lunar', () => {
    expect(parseDate('八月十五日', { dateline: '2022-09-12' })).toMatchObject({ start: '2022-08-15T00:00:00+08:00' });
    expect(parseDates('五月一个晴朗的下午', { dateline: '2022-06-12' }).map((d) => d.rule)).not.toContain('lunar');
  });

  test('a stretch around a holiday, and short names that are other words, date nothing', () => {
    expect(parseDates('春节假期7天，热线共接听来电2.1万个。', { dateline: '2023-02-03' })).toEqual([]);
    expect(parseDates('国庆期间，全市交警共查处违法行为213起。', { dateline: '2022-10-09' })).toEqual([]);
    expect(parseDates('社区为老人送去了元宵和汤圆。', { dateline: '2022-02-16' })).toEqual([]);
    expect(parseDates('他在五一路上巡逻。', { dateline: '2022-05-03' })).toEqual([]);
  });
});

describe('parseDates: not dates', () => {
  test.each([
    ['24小时'],
    ['10个小时'],
    ['3个月'],
    ['22年'],
    ['从警18年'],
    ['11岁'],
    ['今年35岁'],
    ['第一时间'],
    ['一时间'],
    ['一时半会儿'],
    ['一日一户一访'],
    ['一日三餐'],
    ['近3日'],
    ['3日内'],
    ['前3日'],
    ['连续3日'],
    ['5号楼'],
    ['3号线'],
    ['三点建议'],
    ['差一点。'],
    ['一时，'],
    ['这3点'],
    ['3点建议'],
    ['每天早上'],
    ['每晚'],
    ['每月初'],
    ['日夜坚守'],
    ['连日'],
    ['多日'],
    ['往日'],
    ['春天里'],
    ['岁月中'],
    ['截至目前初步统计'],
    ['午饭'],
    ['初步统计'],
    ['1144名'],
    ['4800余人次'],
    ['0351-1234567'],
    ['13812345678'],
    ['比分3:1'],
    ['三月的春风'],
    // Needs a day named earlier; none was
    ['当日'],
    ['当晚6时'],
    ['中午12时左右'],
    ['半夜'],
    ['比赛当天'],
    ['3年前的今天'],
    ['两天后的晚上'],
    [''],
  ])('%j → nothing', (text) => {
    expect(parseDates(text, police)).toEqual([]);
  });
});

describe('parseDates: not dates, even with a day named before', () => {
  test.each([
    ['差一点。'],
    ['一时，'],
    ['一时半会儿'],
    ['三点建议'],
    ['3点建议'],
    ['这3点'],
    ['24小时'],
    ['10个小时'],
    ['第一时间'],
    ['每天早上'],
    ['每晚'],
    ['日夜坚守'],
    ['一日三餐'],
    ['近3日'],
    ['3日内'],
    ['春天里'],
    ['午饭'],
    ['比分3:1'],
    ['有一点累'],
    ['时间不早了'],
    ['平时下午3点'],
    ['每天下午3点'],
    ['一般上午9时'],
  ])('%j → nothing', (text) => {
    expect(parseDates(text, after(2022, 3, 5))).toEqual([]);
  });
});

describe('DateCursor: context across sentences', () => {
  test('当日, 当晚, 次日 follow the day last named', () => {
    const cursor = new DateCursor({ dateline: '2022-06-14' });
    const texts = [
      '6月12日中午，水库水位开始上涨。',
      '当日下午3时许，镇政府发出转移通知。',
      '当晚6时，最后一批村民撤离。',
      '晚上9时，抢险队加固堤坝。',
      '次日上午，水位回落。',
    ];
    const starts = texts.map((t) => cursor.parse(t).map((d) => d.start));
    expect(starts).toEqual([
      ['2022-06-12T11:00:00+08:00'],
      ['2022-06-12T15:00:00+08:00'],
      ['2022-06-12T18:00:00+08:00'],
      ['2022-06-12T21:00:00+08:00'],
      ['2022-06-13T08:00:00+08:00'],
    ]);
    expect(cursor.context.last).toMatchObject({ year: 2022, month: 6, day: 13 });
  });

  test('24日 inherits the month last named', () => {
    const found = parseDates('事情要从5月8日说起。9日，第一批救援物资运抵灾区。', { dateline: '2022-05-20' });
    expect(found.map((d) => d.start)).toEqual(['2022-05-08T00:00:00+08:00', '2022-05-09T00:00:00+08:00']);
  });

  test('a range moves the context to its end', () => {
    const found = parseDates('从7月25日至8月10日，累计巡查河道40余次。5日，险情解除。', { dateline: '2022-08-12' });
    expect(found[1]?.start).toBe('2022-08-05T00:00:00+08:00');
  });

  test('a context may be given up front', () => {
    expect(parseDate('当日', { dateline: '2022-03-07', last: { year: 2022, month: 3, day: 5 } })?.start).toBe(
      '2022-03-05T00:00:00+08:00',
    );
  });

  test('a month without a day cannot anchor 当日', () => {
    expect(parseDates('3月，当日', police).map((d) => d.text)).toEqual(['3月']);
  });

  test('accepts a bare dateline string', () => {
    expect(new DateCursor('2022-03-06').parse('3月6日')).toHaveLength(1);
  });

  test.each([['2022-3-6'], ['not a date'], ['2022-02-30'], ['']])('rejects dateline %j', (dateline) => {
    expect(() => new DateCursor({ dateline })).toThrow(RangeError);
  });
});

describe('parseDates: offsets and text', () => {
  test('each match points at its own text', () => {
    const text = '7月20日下午4时许，郑州市区降雨量达201.9毫米。当晚8时，地铁5号线停运。次日凌晨，救援队赶到。';
    const found = parseDates(text, { dateline: '2021-07-22' });
    expect(found.map((d) => d.text)).toEqual(['7月20日下午4时许', '当晚8时', '次日凌晨']);
    for (const d of found) expect(text.slice(d.index, d.index + d.text.length)).toBe(d.text);
    expect(found.map((d) => d.start)).toEqual([
      '2021-07-20T16:00:00+08:00',
      '2021-07-20T20:00:00+08:00',
      '2021-07-21T00:00:00+08:00',
    ]);
  });

  test('full-width text keeps original offsets', () => {
    const text = '截至３月６日１５时，';
    const [d] = parseDates(text, police);
    expect(d?.text).toBe('３月６日１５时');
    expect(d?.index).toBe(2);
    expect(d?.start).toBe('2022-03-06T15:00:00+08:00');
  });

  test('never throws on noise, and every result is a valid ISO instant', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const d of parseDates(s, police)) {
          expect(DateTime.fromISO(d.start).isValid).toBe(true);
          expect(PRECISIONS).toContain(d.precision);
          expect(s.slice(d.index, d.index + d.text.length)).toBe(d.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on date-like noise', () => {
    const pieces = fc.constantFrom(
      '2',
      '3',
      '12',
      '31',
      '十',
      '一',
      '年',
      '月',
      '日',
      '号',
      '时',
      '点',
      '分',
      '半',
      '许',
      '多',
      '左右',
      '当日',
      '当晚',
      '次日',
      '下午',
      '凌晨',
      '晚',
      '至',
      '—',
      '初',
      '底',
      '旬',
      '，',
      '。',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), (parts) => {
        const s = parts.join('');
        for (const d of parseDates(s, police)) {
          expect(DateTime.fromISO(d.start).isValid).toBe(true);
          if (d.end) expect(DateTime.fromISO(d.end) > DateTime.fromISO(d.start)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatDisplayDate', () => {
  test.each<[string, Precision, boolean, string, string]>([
    ['2022-02-24T12:00:00+08:00', 'hour', true, '2022年2月24日中午12时左右', 'around noon, 24 February 2022'],
    ['2022-02-23T00:00:00+08:00', 'day', false, '2022年2月23日', '23 February 2022'],
    ['2022-02-23T00:00:00+08:00', 'day', true, '2022年2月23日左右', 'around 23 February 2022'],
    ['2022-03-05T15:00:00+08:00', 'hour', true, '2022年3月5日下午3时左右', 'around 3 p.m., 5 March 2022'],
    ['2022-03-05T15:00:00+08:00', 'hour', false, '2022年3月5日下午3时', '3 p.m., 5 March 2022'],
    ['2022-02-26T23:00:00+08:00', 'hour', false, '2022年2月26日晚上11时', '11 p.m., 26 February 2022'],
    ['2022-03-05T21:00:00+08:00', 'hour', false, '2022年3月5日晚上9时', '9 p.m., 5 March 2022'],
    ['2022-03-05T18:00:00+08:00', 'hour', false, '2022年3月5日晚上6时', '6 p.m., 5 March 2022'],
    ['2022-02-24T01:00:00+08:00', 'hour', true, '2022年2月24日凌晨1时左右', 'around 1 a.m., 24 February 2022'],
    ['2022-02-24T00:00:00+08:00', 'hour', false, '2022年2月24日凌晨0时', 'midnight, 24 February 2022'],
    ['2022-02-24T06:00:00+08:00', 'hour', false, '2022年2月24日清晨6时', '6 a.m., 24 February 2022'],
    ['2022-02-24T10:00:00+08:00', 'hour', false, '2022年2月24日上午10时', '10 a.m., 24 February 2022'],
    ['2022-02-24T13:00:00+08:00', 'hour', false, '2022年2月24日下午1时', '1 p.m., 24 February 2022'],
    ['2022-02-24T09:30:00+08:00', 'minute', false, '2022年2月24日上午9时30分', '9:30 a.m., 24 February 2022'],
    ['2022-02-24T12:05:00+08:00', 'minute', false, '2022年2月24日中午12时5分', '12:05 p.m., 24 February 2022'],
    ['2022-02-24T00:05:00+08:00', 'minute', false, '2022年2月24日凌晨0时5分', '12:05 a.m., 24 February 2022'],
    ['2022-02-25T05:00:00+08:00', 'part-of-day', false, '2022年2月25日清晨', 'early morning, 25 February 2022'],
    ['2022-03-05T11:00:00+08:00', 'part-of-day', false, '2022年3月5日中午', 'noon, 5 March 2022'],
    ['2022-03-05T12:00:00+08:00', 'part-of-day', false, '2022年3月5日下午', 'afternoon, 5 March 2022'],
    ['2022-03-05T00:00:00+08:00', 'part-of-day', false, '2022年3月5日凌晨', 'before dawn, 5 March 2022'],
    ['2022-03-05T08:00:00+08:00', 'part-of-day', false, '2022年3月5日上午', 'morning, 5 March 2022'],
    ['2022-03-05T17:00:00+08:00', 'part-of-day', false, '2022年3月5日傍晚', 'dusk, 5 March 2022'],
    ['2022-03-05T18:00:00+08:00', 'part-of-day', false, '2022年3月5日晚上', 'evening, 5 March 2022'],
    ['2022-03-05T23:00:00+08:00', 'part-of-day', false, '2022年3月5日深夜', 'late at night, 5 March 2022'],
    ['2022-02-01T00:00:00+08:00', 'month', false, '2022年2月', 'February 2022'],
    ['2022-02-01T00:00:00+08:00', 'month', true, '2022年2月左右', 'around February 2022'],
    ['2022-01-01T00:00:00+08:00', 'year', false, '2022年', '2022'],
    // Stored as UTC, shown in the newsroom's zone
    ['2022-02-24T04:00:00Z', 'hour', false, '2022年2月24日中午12时', 'noon, 24 February 2022'],
    ['2022-02-23T16:00:00.000Z', 'day', false, '2022年2月24日', '24 February 2022'],
  ])('%s %s approx=%s', (start, precision, approximate, zh, en) => {
    expect(formatDisplayDate(start, precision, approximate, 'zh-Hans')).toBe(zh);
    expect(formatDisplayDate(start, precision, approximate, 'en')).toBe(en);
  });

  test('another time zone when asked', () => {
    expect(formatDisplayDate('2022-02-24T04:00:00Z', 'hour', false, 'en', 'UTC')).toBe('4 a.m., 24 February 2022');
  });

  test('invalid input throws', () => {
    expect(() => formatDisplayDate('nope', 'day', false, 'en')).toThrow(RangeError);
  });

  test('property: zh-Hans display parses back to the same instant, precision and flag', () => {
    const precision = fc.constantFrom<'day' | 'hour' | 'minute'>('day', 'hour', 'minute');
    const instant = fc.date({
      min: new Date('1992-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, precision, fc.boolean(), (date, p, approximate) => {
        const start = DateTime.fromJSDate(date, { zone: 'Asia/Shanghai' }).startOf(p);
        const iso = start.toISO({ suppressMilliseconds: true }) as string;
        const shown = formatDisplayDate(iso, p, approximate, 'zh-Hans');
        const back = parseDate(shown, { dateline: `${start.year}-06-15` });
        expect(back).not.toBeNull();
        expect(back?.text).toBe(shown);
        expect(back?.start).toBe(iso);
        expect(back?.precision).toBe(p);
        expect(back?.approximate).toBe(approximate);
      }),
      { numRuns: 1000 },
    );
  });

  test('property: part-of-day display parses back too', () => {
    const hour = fc.constantFrom(0, 5, 8, 11, 12, 17, 18, 23);
    fc.assert(
      fc.property(
        fc.integer({ min: 1995, max: 2090 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        hour,
        (y, m, d, h) => {
          const iso = DateTime.fromObject({ year: y, month: m, day: d, hour: h }, { zone: 'Asia/Shanghai' }).toISO({
            suppressMilliseconds: true,
          }) as string;
          const shown = formatDisplayDate(iso, 'part-of-day', false, 'zh-Hans');
          expect(parseDate(shown, { dateline: `${y}-06-15` })).toMatchObject({
            start: iso,
            precision: 'part-of-day',
            approximate: false,
          });
        },
      ),
    );
  });
});
