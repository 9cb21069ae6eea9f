import fc from 'fast-check';
import { DEFAULT_MAX_PROPOSALS, extract, splitSentences, labelFor } from '../extract';
import { parseQuantity } from '../quantities';

describe('splitSentences', () => {
  test.each<[string, string[]]>([
    ['一。二。', ['一。', '二。']],
    ['一！二？三；四', ['一！', '二？', '三；', '四']],
    ['ASCII!marks?work;too', ['ASCII!', 'marks?', 'work;', 'too']],
    ['省略……然后', ['省略……', '然后']],
    ['一行\n二行\r\n三行', ['一行\n', '二行\r', '三行']],
    ['他说：“我们能行。”大家都笑了。', ['他说：“我们能行。”', '大家都笑了。']],
    ['“终于通车了!”5月9日,大桥正式开放。', ['“终于通车了!”', '5月9日,大桥正式开放。']],
    ['“雨不停，我们不撤。”，他说。', ['“雨不停，我们不撤。”，他说。']],
    ['这场“大考”中，队员坚守。', ['这场“大考”中，队员坚守。']],
    ['他说：“走吧。我们一起。”', ['他说：“走吧。我们一起。”']],
    ['“一。”“二。”', ['“一。”', '“二。”']],
    ['结束。”下一句。', ['结束。”', '下一句。']],
    ['', []],
    ['   \n  ', []],
  ])('%j', (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  test('offsets point into the source', () => {
    const text = '第一句。\n第二句！“第三句。”第四句';
    for (const s of splitSentences(text)) expect(text.slice(s.index, s.index + s.text.length)).toBe(s.text);
  });

  test('an unclosed quotation does not swallow the rest of the report', () => {
    const text = `他说：“${'很长的话，'.repeat(100)}后来。又一句。`;
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences[sentences.length - 1]?.text).toBe('又一句。');
  });

  test('the pieces always add up to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const joined = splitSentences(s)
          .map((x) => x.text)
          .join('');
        expect(joined.replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('labelFor: the noun phrase counted', () => {
  test.each<[string, string, string]>([
    ['全市新建893个党群服务站，覆盖所有街道', '893个', '党群服务站'],
    ['与群众视频连线10万余次', '10万余次', '视频连线'],
    // Cut where a word starts, not at a fixed width.
    ['当天抓获犯罪嫌疑人2385名', '2385名', '犯罪嫌疑人'],
    ['累计平均降雨量327.6毫米', '327.6毫米', '平均降雨量'],
    ['热线全年接听群众来电3万余次，办结率98%', '3万余次', '群众来电'],
    ['汛期累计投入巡查力量4800余人次、巡逻车900余辆次', '4800余人次', '巡查力量'],
    ['汛期累计投入巡查力量4800余人次、巡逻车900余辆次', '900余辆次', '巡逻车'],
    ['城东街道的52名志愿者通过电话回访独居老人', '52名', '志愿者'],
    ['实验中学1144名学生全部安全撤离', '1144名', '学生'],
    ['医护人员组成132支“流动医疗队”，深入乡村', '132支', '流动医疗队'],
    ['消防救援支队出动消防车23辆、指战员110余名', '23辆', '消防车'],
    ['消防救援支队出动消防车23辆、指战员110余名', '110余名', '指战员'],
    ['全镇77个村的网格员开展排查', '77个', '村'],
    ['对城区17个易涝点进行排水', '17个', '易涝点'],
    ['指挥部下设17个专项组同步运转', '17个', '专项组'],
    ['60余名队员跟车转运物资', '60余名', '队员'],
    ['300名消防员在河堤一线迅速集结', '300名', '消防员'],
    ['31名志愿者为解决9家商户不能营业带来的困难奔走', '9家', '商户'],
    ['全员体检覆盖近50万人', '近50万人', '覆盖人数'],
    ['全省紧急转移14.5万人', '14.5万人', '转移人数'],
    ['全市新增确诊病例3例', '3例', '确诊病例'],
    ['覆盖率超过85%', '85%', '覆盖率'],
    ['小店区累计建成充电桩1,203处', '1,203处', '充电桩'],
    ['全省紧急转移群众14.5万人', '14.5万人', '群众'],
    ['救援队员从废墟中救出被困群众12人', '12人', '被困群众'],
    ['郑州市区降雨量达201.9毫米', '201.9毫米', '降雨量'],
    ['全体队员24小时坚守抢险一线', '24小时', '坚守抢险一线'],
    ['他每天坚持巡堤10个小时以上', '10个小时以上', '巡堤'],
    ['现场共发放口罩5000只、消毒液300瓶', '5000只', '口罩'],
    ['现场共发放口罩5000只、消毒液300瓶', '300瓶', '消毒液'],
    ['全市共有3所方舱医院投入使用', '3所', '方舱医院'],
    ['气象站1小时降雨量达201.9毫米', '201.9毫米', '降雨量'],
    ['接报量较去年同期增长23%', '23%', '同期增长'],
  ])('%s: %s → %s', (sentence, expression, label) => {
    const q = parseQuantity(sentence.slice(sentence.indexOf(expression)));
    expect(q).not.toBeNull();
    const index = sentence.indexOf(expression);
    expect(labelFor(sentence, { index, text: expression, unit: q?.unit ?? '' }).label).toBe(label);
  });
});

describe('extract', () => {
  test('empty text gives empty results', () => {
    expect(extract('', { dateline: '2022-03-06' })).toEqual({ events: [], statistics: [] });
  });

  test('an invalid dateline is a programming error', () => {
    expect(() => extract('3月6日', { dateline: 'yesterday' })).toThrow(RangeError);
  });

  test('one event per dated sentence, dated by its first date', () => {
    const text = '8月3日，镇政府接到求助，一名游客8月1日进山后失联。搜救队立即出发。当晚8时，游客被找到。';
    const { events } = extract(text, { dateline: '2022-08-05' });
    expect(events.map((e) => [e.text, e.start, e.precision])).toEqual([
      ['8月3日', '2022-08-03T00:00:00+08:00', 'day'],
      // 当晚 follows the date mentioned last, 8月1日
      ['当晚8时', '2022-08-01T20:00:00+08:00', 'hour'],
    ]);
    expect(events[0]?.sentence).toBe('8月3日，镇政府接到求助，一名游客8月1日进山后失联。');
    for (const e of events) expect(text.slice(e.offset, e.endOffset)).toBe(e.text);
    expect(events.map((e) => e.rule)).toEqual(['date', 'relative-day']);
  });

  test('the date context carries across sentences', () => {
    const text =
      '6月12日中午，水库水位开始上涨。镇长又向县里汇报险情。当日下午3时许，县防汛办答复。当晚6时，村民开始撤离。晚上9时，抢险队赶到。';
    const { events } = extract(text, { dateline: '2022-06-14' });
    expect(events.map((e) => [e.start, e.precision, e.approximate])).toEqual([
      ['2022-06-12T11:00:00+08:00', 'part-of-day', false],
      ['2022-06-12T15:00:00+08:00', 'hour', true],
      ['2022-06-12T18:00:00+08:00', 'hour', false],
      ['2022-06-12T21:00:00+08:00', 'hour', false],
    ]);
  });

  test('ranges keep their end', () => {
    const { events } = extract('从7月25日至8月10日，累计巡查河道40余次。', { dateline: '2022-08-12' });
    expect(events[0]).toMatchObject({ start: '2022-07-25T00:00:00+08:00', end: '2022-08-10T00:00:00+08:00' });
  });

  test.each<[string, string, Array<[number, string, string, string]>]>([
    [
      'flood',
      '7月20日下午4时许，郑州市区降雨量达201.9毫米。全省紧急转移群众14.5万人，其中郑州市转移3.2万人。',
      [
        [201.9, 'exact', '毫米', '降雨量'],
        [145000, 'exact', '人', '群众'],
        [32000, 'exact', '人', '转移人数'],
      ],
    ],
    [
      'fire',
      '接警后，消防救援支队出动消防车23辆、指战员110余名，经过3个多小时扑救，大火被扑灭。',
      [
        [23, 'exact', '辆', '消防车'],
        [110, 'more-than', '名', '指战员'],
        // 3个多小时 of firefighting is a duration, not a statistic
      ],
    ],
    [
      'a list counts the same thing',
      '灾害造成倒塌房屋3.9万户、8.2万间，直接经济损失1200.6亿元。',
      [
        [39000, 'exact', '户', '倒塌房屋'],
        [82000, 'exact', '间', '倒塌房屋'],
        [120060000000, 'exact', '元', '经济损失'],
      ],
    ],
    [
      'rescue',
      '救援队员从废墟中救出被困群众12人，其中儿童3人，无人员死亡。',
      [
        [12, 'exact', '人', '被困群众'],
        [3, 'exact', '人', '儿童'],
      ],
    ],
    [
      'another district',
      '截至2021年底，小店区累计建成充电桩1,203处，覆盖率超过85%。',
      [
        [1203, 'exact', '处', '充电桩'],
        [85, 'more-than', '%', '覆盖率'],
      ],
    ],
    [
      'articles and idioms are not figures',
      '这是一个消防世家，兄弟俩一个在城东，一个在城西；每一名队员都是一面旗帜，确保万无一失。',
      [],
    ],
    ['names and ages are not figures', '今年35岁的李师傅住在304所社区，他从警18年，孩子9岁。', []],
  ])('statistics: %s', (_name, text, expected) => {
    const { statistics } = extract(text, { dateline: '2022-03-06' });
    expect(statistics.map((s) => [s.value, s.qualifier, s.unit, s.label])).toEqual(expected);
    for (const s of statistics) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(text.slice(s.offset, s.endOffset)).toBe(s.text);
      expect(s.sentence.includes(s.text)).toBe(true);
    }
  });

  test('the expression is the text, with its offsets in the source, its sentence and its rule', () => {
    const text = '  2月24日晚上9时许，民警出动。\n全市出动警力4800余人次，通话时长1850余小时。';
    const { events, statistics } = extract(text, { dateline: '2022-03-06' });
    expect(events).toEqual([
      expect.objectContaining({
        text: '2月24日晚上9时许',
        offset: 2,
        endOffset: 12,
        sentence: '2月24日晚上9时许，民警出动。',
        rule: 'date',
        start: '2022-02-24T21:00:00+08:00',
      }),
    ]);
    expect(statistics.map((s) => [s.text, text.slice(s.offset, s.endOffset), s.rule, s.sentence])).toEqual([
      ['4800余人次', '4800余人次', 'count', '全市出动警力4800余人次，通话时长1850余小时。'],
      ['1850余小时', '1850余小时', 'duration-total', '全市出动警力4800余人次，通话时长1850余小时。'],
    ]);
  });

  test('quoted 今天/昨天 resolve against the day the speaker spoke, named outside the quotation', () => {
    const text = '8月9日，记者见到了队长。“昨天下午我们找到了背包，今天又进了山。”他说。当天傍晚，雨停了。';
    const { events } = extract(text, { dateline: '2023-08-12' });
    expect(events.map((e) => [e.text, e.start, e.rule])).toEqual([
      ['8月9日', '2023-08-09T00:00:00+08:00', 'date'],
      ['昨天下午', '2023-08-08T12:00:00+08:00', 'quoted-speech'],
      // 今天 in the quotation was the 9th too: 当天 is that day.
      ['当天傍晚', '2023-08-09T17:00:00+08:00', 'relative-day'],
    ]);
    // Outside a quotation 昨天 is the day before the dateline; with no day named, so is a quoted one.
    expect(extract('昨天，水位回落。', { dateline: '2023-08-12' }).events[0]?.start).toBe('2023-08-11T00:00:00+08:00');
    expect(extract('“昨天水位回落了。”他说。', { dateline: '2023-08-12' }).events[0]?.start).toBe('2023-08-11T00:00:00+08:00');
  });

  test('a quotation is spoken on the day its attribution names, before or after it', () => {
    // The attribution follows the quotation, in the next sentence or after the closing mark.
    const after = extract('“我们前天晚上就把沙袋备好了。”8月9日，在堤坝上，村主任对记者说。', { dateline: '2021-08-12' });
    expect(after.events.map((e) => [e.text, e.start, e.rule])).toEqual([
      ['前天晚上', '2021-08-07T18:00:00+08:00', 'quoted-speech'],
      ['8月9日', '2021-08-09T00:00:00+08:00', 'date'],
    ]);
    const same = extract('“昨天我们就到了，”8月9日，队长说。', { dateline: '2021-08-12' });
    expect(same.events[0]).toMatchObject({ text: '昨天', start: '2021-08-08T00:00:00+08:00', rule: 'quoted-speech' });
    // A day after the quotation with no verb of speech is not its attribution.
    const notSpeech = extract('3月1日，记者来到村里。“昨天刚下过雨。”3月5日，道路修通。', { dateline: '2022-03-06' });
    expect(notSpeech.events[1]).toMatchObject({ text: '昨天', start: '2022-02-28T00:00:00+08:00' });
  });

  test("a quotation's 昨晚 after a story of one night is that night, when the speaker spoke the next day", () => {
    const text = '1月7日夜间，我市遭遇强降雪。环卫部门连夜出动作业人员。“昨天晚上我们一直干到今天早上。”环卫工人说。';
    const { events } = extract(text, { dateline: '2021-01-08' });
    expect(events.map((e) => [e.text, e.start])).toEqual([
      ['1月7日夜间', '2021-01-07T18:00:00+08:00'],
      ['昨天晚上', '2021-01-07T18:00:00+08:00'],
    ]);
    // An early-morning story keeps the day it named as the day of speech: 昨晚 is the night before.
    const dawn = extract('7月15日凌晨3时许，暴雨导致道路积水。“昨晚我一夜没合眼。”村支书说。', { dateline: '2022-07-16' });
    expect(dawn.events[1]).toMatchObject({ text: '昨晚', start: '2022-07-14T18:00:00+08:00' });
  });

  test('a day and its time split by a comma are one expression', () => {
    const { events } = extract('3月13日，凌晨4点30分，记者走进楼栋。10月8日，19时30分，一辆车撞上护栏。5月5日，3点建议被采纳。', {
      dateline: '2022-10-09',
    });
    expect(events.map((e) => [e.text, e.start, e.precision, e.rule])).toEqual([
      ['3月13日，凌晨4点30分', '2022-03-13T04:30:00+08:00', 'minute', 'comma-joined'],
      ['10月8日，19时30分', '2022-10-08T19:30:00+08:00', 'minute', 'comma-joined'],
      ['5月5日', '2022-05-05T00:00:00+08:00', 'day', 'date'],
    ]);
  });

  test('day-only dates and times of day that inherit their day', () => {
    const { events } = extract('22日晚7时许，河水上涨。11月27日，网格员很忙。早晨五点多，她到了门口；中午12时许，她去送药。13时15分许，她回来了。', {
      dateline: '2022-11-28',
    });
    expect(events.map((e) => [e.text, e.start, e.rule])).toEqual([
      ['22日晚7时许', '2022-11-22T19:00:00+08:00', 'day-of-month'],
      ['11月27日', '2022-11-27T00:00:00+08:00', 'date'],
      ['早晨五点多', '2022-11-27T05:00:00+08:00', 'inherited-day'],
      ['中午12时许', '2022-11-27T12:00:00+08:00', 'inherited-day'],
      ['13时15分许', '2022-11-27T13:15:00+08:00', 'inherited-day'],
    ]);
  });

  test('at most maxProposals proposals, then truncated', () => {
    const text = '共有1名、'.repeat(50);
    const capped = extract(text, { dateline: '2022-03-06', maxProposals: 10 });
    expect(capped.statistics).toHaveLength(10);
    expect(capped.truncated).toBe(true);
    const all = extract(text, { dateline: '2022-03-06', maxProposals: 100 });
    expect(all.statistics).toHaveLength(50);
    expect(all.truncated).toBeUndefined();
  });

  test('a long sentence is shown as a window around the expression', () => {
    const text = `${'网格员'.repeat(200)}走访了300户${'居民'.repeat(200)}。`;
    const [s] = extract(text, { dateline: '2022-03-06' }).statistics;
    expect(s?.text).toBe('300户');
    expect(s?.sentence.length).toBeLessThanOrEqual(242);
    expect(s?.sentence).toMatch(/^….*300户.*…$/);
  });

  test('unitName: the longest known name in the sentence', () => {
    const text = '公安小店分局下设12个工作组。坞城街道与居民电话联系3万余次。龙城街道有40名网格员。';
    const { statistics } = extract(text, {
      dateline: '2022-03-06',
      unitNames: ['小店分局', '公安小店分局', '坞城街道', '坞城', '  ', ''],
    });
    expect(statistics.map((s) => s.unitName)).toEqual(['公安小店分局', '坞城街道', undefined]);
  });

  test('unitName: overlapping names, the longer starting later', () => {
    const { statistics } = extract('小店区公安分局出动警车20辆。', {
      dateline: '2022-03-06',
      unitNames: ['小店区', '区公安分局'],
    });
    expect(statistics[0]?.unitName).toBe('区公安分局');
  });

  test('confidence is higher for Arabic figures with a unit and a label', () => {
    const { statistics } = extract('新建893个服务站。受灾人口达两千三百万，另有两名队员受伤。', {
      dateline: '2022-03-06',
    });
    const by = (v: number) => statistics.find((s) => s.value === v)?.confidence ?? -1;
    expect(by(893)).toBeGreaterThan(by(23000000));
    expect(by(893)).toBeGreaterThan(by(2));
  });

  test('events carry a confidence, vague ones lowest', () => {
    const { events } = extract('2月18日，降温。初春的河道显得冷清。当日下午，队员巡河。', { dateline: '2022-03-06' });
    expect(events.map((e) => e.confidence)).toEqual([0.9, 0.5, 0.7]);
  });

  test('binary garbage: harmless results, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        const r = extract(s, { dateline: '2022-03-06' });
        for (const e of r.events) expect(typeof e.start).toBe('string');
        for (const st of r.statistics) expect(Number.isFinite(st.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    expect(() => extract(bytes, { dateline: '2022-03-06' })).not.toThrow();
    expect(() => extract('\u0000\uFFFD\uD800\uDFFF'.repeat(100), { dateline: '2022-03-06' })).not.toThrow();
  });

  test('5 MB of report text: the first 1000 proposals, the rest cut (truncated), in seconds', () => {
    const paragraph = [
      '7月20日下午4时许，郑州市区降雨量达201.9毫米。',
      '当晚8时，消防救援支队出动消防车23辆、指战员110余名，转移群众1200余人。',
      '次日凌晨，救援队员从废墟中救出被困群众12人，其中儿童3人。',
      '截至2021年底，小店区累计建成充电桩1,203处，覆盖率超过85%。',
      '“我们能行！”他说。每一名队员都是一面旗帜，确保万无一失。',
      '坞城街道与居民电话联系3万余次，新建120个服务站。\n',
    ].join('');
    const repeat = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(paragraph, 'utf8'));
    const text = paragraph.repeat(repeat);
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const t0 = Date.now();
    const r = extract(text, { dateline: '2021-07-22', unitNames: ['坞城街道', '小店区', '消防救援支队'] });
    const elapsed = Date.now() - t0;
    expect(r.events.length + r.statistics.length).toBe(DEFAULT_MAX_PROPOSALS);
    expect(r.events.length).toBeGreaterThan(200);
    expect(r.truncated).toBe(true);
    // Linear growth is measured by bench/extract.js; this only says the cap stops the work.
    expect(elapsed).toBeLessThan(10_000);
  });
});
