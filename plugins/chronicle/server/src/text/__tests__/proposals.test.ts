import fc from 'fast-check';
import { extract } from '../extract';
import {
  decodeText,
  eventTitle,
  EVENT_TITLE_MAX,
  fingerprint,
  FINGERPRINT_RE,
  isValidDateline,
  metricFor,
  textProblem,
  titleFromText,
  toCliJson,
  todayDateline,
  toMarkdownBody,
  toProposals,
} from '../proposals';
import { SLUG_RE } from '../slug';

const REPORT = [
  '2月23日，尖草坪区启动全域核酸检测。',
  '当日下午3时许，首批300余名志愿者到位。',
  '累计投入警力4800余人次、警车900余辆次。',
].join('\n');

describe('toCliJson', () => {
  test('has the keys of docs/extraction.md first, in order, then where and why; text is the expression', () => {
    const json = toCliJson(extract(REPORT, { dateline: '2022-03-06' }));
    expect(Object.keys(json)).toEqual(['events', 'statistics']);
    expect(json.events.length).toBeGreaterThan(0);
    for (const e of json.events) {
      expect(Object.keys(e)).toEqual(['text', 'start', 'precision', 'approximate', 'offset', 'endOffset', 'sentence', 'rule']);
      expect(e.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?\+08:00$/);
      expect(REPORT.slice(e.offset, e.endOffset)).toBe(e.text);
    }
    for (const s of json.statistics) {
      expect(Object.keys(s)).toEqual(['text', 'value', 'qualifier', 'unit', 'label', 'offset', 'endOffset', 'sentence', 'rule']);
      expect(REPORT.slice(s.offset, s.endOffset)).toBe(s.text);
    }
    expect(json.events[1]).toEqual({
      text: '当日下午3时许',
      start: '2022-02-23T15:00:00+08:00',
      precision: 'hour',
      approximate: true,
      offset: REPORT.indexOf('当日'),
      endOffset: REPORT.indexOf('当日') + 7,
      sentence: '当日下午3时许，首批300余名志愿者到位。',
      rule: 'relative-day',
    });
    expect(json.statistics).toContainEqual({
      text: '4800余人次',
      value: 4800,
      qualifier: 'more-than',
      unit: '人次',
      label: '警力',
      offset: REPORT.indexOf('4800'),
      endOffset: REPORT.indexOf('4800') + 7,
      sentence: '累计投入警力4800余人次、警车900余辆次。',
      rule: 'count',
    });
  });

  test('truncated appears only when proposals were cut', () => {
    expect(toCliJson(extract(REPORT, { dateline: '2022-03-06' })).truncated).toBeUndefined();
    expect(toCliJson(extract(REPORT, { dateline: '2022-03-06', maxProposals: 2 })).truncated).toBe(true);
  });
});

describe('isValidDateline', () => {
  test.each([
    ['2022-03-06', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2022-02-30', false],
    ['2022-13-01', false],
    ['2022-3-6', false],
    ['20220306', false],
    ['', false],
    [' 2022-03-06', false],
    [null, false],
    [20220306, false],
  ])('%j → %s', (value, ok) => {
    expect(isValidDateline(value)).toBe(ok);
  });

  test('today is a valid dateline in Asia/Shanghai', () => {
    expect(todayDateline(new Date('2022-03-06T16:30:00Z'))).toBe('2022-03-07');
    expect(isValidDateline(todayDateline())).toBe(true);
  });
});

describe('textProblem', () => {
  test.each<[unknown, RegExp | undefined]>([
    ['2月23日，网格员入户。', undefined],
    ['带制表符\t和换行\n的正文', undefined],
    ['', /empty/],
    ['  \n\t ', /empty/],
    [42, /string/],
    ['abc\u0000def', /NUL/],
    ['\u0001\u0002\u0003\u0004\u0005', /control characters/],
    ['坏字节\ufffd', /UTF-8/],
  ])('%j', (text, problem) => {
    const found = textProblem(text);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  test('refuses more than the limit, naming the sizes', () => {
    expect(textProblem('一'.repeat(20), 30)).toBe('text is 60 bytes, more than the 30 bytes allowed');
    expect(textProblem('一'.repeat(10), 30)).toBeUndefined();
  });
});

describe('decodeText', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test('reads UTF-8 and drops a BOM', () => {
    expect(decodeText(bytes('\ufeff3月6日，结果阴性。'))).toEqual({ text: '3月6日，结果阴性。' });
  });
  test('refuses NUL bytes, invalid UTF-8, GBK, empty files and oversized ones', () => {
    expect(decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ problem: expect.stringMatching(/NUL/) });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0xfd]))).toEqual({ problem: expect.stringMatching(/not valid UTF-8/) });
    // 网格 in GBK
    expect(decodeText(Uint8Array.from([0xcd, 0xf8, 0xb8, 0xf1]))).toEqual({ problem: expect.stringMatching(/not valid UTF-8/) });
    expect(decodeText(bytes(''))).toEqual({ problem: 'file is empty' });
    expect(decodeText(bytes('\n \n'))).toEqual({ problem: 'file is empty' });
    expect(decodeText(bytes('一二三'), 5)).toEqual({ problem: 'file is 9 bytes, more than the 5 bytes allowed' });
  });
  test('any bytes give text or a problem, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const r = decodeText(b);
        expect('text' in r || 'problem' in r).toBe(true);
      }),
    );
  });
});

describe('eventTitle', () => {
  test.each([
    ['2月23日，尖草坪区启动全域核酸检测。', '2月23日', '尖草坪区启动全域核酸检测'],
    ['当日下午3时许，首批志愿者到位。', '当日下午3时许', '首批志愿者到位'],
    ['3月6日,尖草坪区4轮全域核酸检测结果均为阴性,辖区不少居民欣喜地发现。', '3月6日', '尖草坪区4轮全域核酸检测结果均为阴性'],
    ['时间回到2月23日。', '2月23日', '时间回到2月23日'],
    ['据悉，7月20日郑州遭遇特大暴雨。', '7月20日', '据悉，7月20日郑州遭遇特大暴雨'],
    ['2021年7月20日。', '2021年7月20日', '2021年7月20日。'],
    // Issue 18: a date opened by 截至 / 自 is no title of its own.
    ['截至3月6日，全区累计完成核酸检测120万人次。', '3月6日', '全区累计完成核酸检测120万人次'],
    ['自2月23日起，分局民警全员在岗。', '2月23日', '分局民警全员在岗'],
  ])('%s', (sentence, expression, title) => {
    expect(eventTitle(sentence, expression)).toBe(title);
  });

  test('is never empty and never longer than the limit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0), (s) => {
        const t = eventTitle(s);
        expect(t.length).toBeGreaterThan(0);
        expect(t.length).toBeLessThanOrEqual(EVENT_TITLE_MAX);
      }),
    );
  });
});

describe('metricFor', () => {
  test.each([
    ['视频通话', '次', 'video-calls'],
    ['警力', '人次', 'police-deployments'],
    ['抢险队伍', '支', 'qiang-xian-dui-wu'],
    ['人', '人', 'ren'],
    ['', '次', 'ci'],
    ['', '', 'figure'],
    ['%%%', '', 'figure'],
  ])('%j %j → %s', (label, unit, metric) => {
    expect(metricFor(label, unit)).toBe(metric);
  });

  test('always matches the metric pattern and fits the field', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 4 }), (label, unit) => {
        const m = metricFor(label, unit);
        expect(m).toMatch(SLUG_RE);
        expect(m.length).toBeLessThanOrEqual(64);
      }),
    );
  });
});

describe('fingerprint and toProposals', () => {
  test('a fingerprint depends on the sentence and expression, not on edits or spacing', () => {
    const a = fingerprint('statistic', { sentence: '投入警力4800余人次。', text: '4800余人次' });
    expect(a).toMatch(FINGERPRINT_RE);
    expect(fingerprint('statistic', { sentence: ' 投入警力4800余人次。 ', text: '4800余人次' })).toBe(a);
    expect(fingerprint('event', { sentence: '投入警力4800余人次。', text: '4800余人次' })).not.toBe(a);
    expect(fingerprint('statistic', { sentence: '投入警力4800余人次。', text: '4800人次' })).not.toBe(a);
  });

  test('adds titles, metrics and fingerprints, and leaves out decided ones and repeats', () => {
    const result = extract(`${REPORT}\n${REPORT.split('\n')[2]}`, { dateline: '2022-03-06' });
    const all = toProposals(result);
    expect(all.events.map((e) => e.title)).toEqual(['尖草坪区启动全域核酸检测', '首批300余名志愿者到位']);
    // The repeated sentence is proposed once.
    expect(all.statistics.map((s) => [s.text, s.metric])).toEqual([
      ['300余名', 'volunteers'],
      ['4800余人次', 'police-deployments'],
      ['900余辆次', 'police-vehicle-trips'],
    ]);
    const decided = new Set([all.events[0]!.fingerprint, all.statistics[1]!.fingerprint]);
    const rest = toProposals(result, decided);
    expect(rest.events.map((e) => e.text)).toEqual(['当日下午3时许']);
    expect(rest.statistics.map((s) => s.text)).toEqual(['300余名', '900余辆次']);
    expect(rest.truncated).toBe(false);
  });
});

describe('report text', () => {
  test('toMarkdownBody keeps paragraphs, one blank line apart', () => {
    expect(toMarkdownBody('\u3000\u3000第一段。\r\n\r\n\r\n  第二段。\n第三段。\n')).toBe('第一段。\n\n第二段。\n\n第三段。');
  });
  test('titleFromText takes the first non-empty line, cut to length', () => {
    expect(titleFromText('\n  标题在此 \n正文')).toBe('标题在此');
    expect(titleFromText('一'.repeat(100), 10)).toBe(`${'一'.repeat(9)}…`);
  });
});
