import fc from 'fast-check';
import { parseQuantities, parseQuantity } from '../quantities';
import type { Qualifier } from '../../domain/enums';
import { QUALIFIERS } from '../../domain/enums';

type Row = [string, number, Qualifier, string];

describe('parseQuantity: figures as reported', () => {
  test.each<Row>([
    // The newsroom's own cases
    ['893个', 893, 'exact', '个'],
    ['10万余次', 100000, 'more-than', '次'],
    ['近50万人', 500000, 'nearly', '人'],
    ['4800余人次', 4800, 'more-than', '人次'],
    ['900余辆次', 900, 'more-than', '辆次'],
    ['1144名', 1144, 'exact', '名'],
    ['132支', 132, 'exact', '支'],
    ['千余名', 1000, 'more-than', '名'],
    ['两千三百万', 23000000, 'exact', ''],
    ['60余名', 60, 'more-than', '名'],
    ['350余名', 350, 'more-than', '名'],
    ['17个', 17, 'exact', '个'],
    // Units of count, longest first
    ['5架次', 5, 'exact', '架次'],
    ['12户', 12, 'exact', '户'],
    ['3家', 3, 'exact', '家'],
    ['200份', 200, 'exact', '份'],
    ['4轮', 4, 'exact', '轮'],
    ['6间', 6, 'exact', '间'],
    ['500元', 500, 'exact', '元'],
    ['300万元', 3000000, 'exact', '元'],
    ['1.2亿元', 120000000, 'exact', '元'],
    ['1200.6亿元', 120060000000, 'exact', '元'],
    ['3.9万户', 39000, 'exact', '户'],
    ['201.9毫米', 201.9, 'exact', '毫米'],
    ['10分钟', 10, 'exact', '分钟'],
    ['24小时', 24, 'exact', '小时'],
    ['10个小时', 10, 'exact', '小时'],
    ['3天', 3, 'exact', '天'],
    ['8条', 8, 'exact', '条'],
    ['15处', 15, 'exact', '处'],
    ['23辆', 23, 'exact', '辆'],
    ['9台', 9, 'exact', '台'],
    ['40件', 40, 'exact', '件'],
    ['6栋', 6, 'exact', '栋'],
    ['2座', 2, 'exact', '座'],
    ['3所', 3, 'exact', '所'],
    ['5批', 5, 'exact', '批'],
    ['7组', 7, 'exact', '组'],
    ['100只', 100, 'exact', '只'],
    ['300箱', 300, 'exact', '箱'],
    ['50袋', 50, 'exact', '袋'],
    ['500斤', 500, 'exact', '斤'],
    ['12吨', 12, 'exact', '吨'],
    ['35公里', 35, 'exact', '公里'],
    ['35千米', 35, 'exact', '公里'],
    ['1200平方米', 1200, 'exact', '平方米'],
    ['3.5平方公里', 3.5, 'exact', '平方公里'],
    ['5000人份', 5000, 'exact', '人份'],
    ['2万剂次', 20000, 'exact', '剂次'],
    ['3个月', 3, 'exact', '个月'],
    ['两个星期', 2, 'exact', '周'],
    ['两名', 2, 'exact', '名'],
    ['十一起', 11, 'exact', '起'],
    // Qualifiers before the number
    ['近千人', 1000, 'nearly', '人'],
    ['将近300名', 300, 'nearly', '名'],
    ['接近2万人', 20000, 'nearly', '人'],
    ['约300人', 300, 'about', '人'],
    ['大约50户', 50, 'about', '户'],
    ['超过1000人', 1000, 'more-than', '人'],
    ['超10万人次', 100000, 'more-than', '人次'],
    ['逾千人', 1000, 'more-than', '人'],
    ['至少5人', 5, 'at-least', '人'],
    ['不少于20名', 20, 'at-least', '名'],
    ['上千人', 1000, 'at-least', '人'],
    ['上万名', 10000, 'at-least', '名'],
    ['上百辆', 100, 'at-least', '辆'],
    // Qualifiers inside and after
    ['二十多名', 20, 'more-than', '名'],
    ['10多个', 10, 'more-than', '个'],
    ['十几个', 10, 'more-than', '个'],
    ['十来个', 10, 'about', '个'],
    ['300人左右', 300, 'about', '人'],
    ['50岁上下'.replace('岁', '人'), 50, 'about', '人'],
    ['10个小时以上', 10, 'more-than', '小时'],
    ['1个多小时', 1, 'more-than', '小时'],
    ['一个半小时', 1.5, 'exact', '小时'],
    ['两个多月', 2, 'more-than', '个月'],
    ['2000以上', 2000, 'more-than', ''],
    ['10万余', 100000, 'more-than', ''],
    ['50余万人', 500000, 'more-than', '人'],
    ['10多万人', 100000, 'more-than', '人'],
    ['五十余万人', 500000, 'more-than', '人'],
    ['3千余人', 3000, 'more-than', '人'],
    // Percentages
    ['85%', 85, 'exact', '%'],
    ['85％', 85, 'exact', '%'],
    ['12.5%', 12.5, 'exact', '%'],
    ['百分之三十', 30, 'exact', '%'],
    ['近90%', 90, 'nearly', '%'],
    ['3‰', 3, 'exact', '‰'],
    // Full-width digits
    ['８９３个', 893, 'exact', '个'],
    // Ranges: at least the low end
    ['3至5人', 3, 'at-least', '人'],
    ['10到20名', 10, 'at-least', '名'],
    ['10-20名', 10, 'at-least', '名'],
    ['三到五个', 3, 'at-least', '个'],
    // Bare magnitudes
    ['1200', 1200, 'exact', ''],
    ['3.5万', 35000, 'exact', ''],
    ['1,144', 1144, 'exact', ''],
  ])('%s → %d %s %s', (text, value, qualifier, unit) => {
    const q = parseQuantity(text);
    expect(q).not.toBeNull();
    expect(q).toMatchObject({ value, qualifier, unit, index: 0 });
    expect(q?.text).toBe(text);
  });
});

describe('parseQuantities: not figures', () => {
  test.each([
    // Ordinals
    ['第3轮'],
    ['第二批'],
    ['第一例'],
    ['第二十五中学'],
    ['第一线'],
    ['第一时间'],
    // Dates and clock times
    ['2月23日'],
    ['3月6日'],
    ['24日'],
    ['12时'],
    ['凌晨1点'],
    ['9时30分'],
    ['2022年'],
    ['22年'],
    ['12:30'],
    ['2022-03-06'],
    ['周一'],
    ['星期三'],
    ['初五'],
    // Phones, ids, codes
    ['13812345678'],
    ['0351-1234567'],
    ['COVID-19'],
    ['G5高速'],
    ['No.5'],
    ['遇险请拨打110。'],
    ['热线12345'],
    ['编号：2048，'],
    // House numbers and names
    ['3号楼'],
    ['101室'],
    ['207所社区'],
    ['他住在304所社区的宿舍'],
    ['六十六中'],
    ['11岁'],
    ['3楼'],
    ['5单元'],
    // Words containing numerals
    ['一线'],
    ['一面组织撤离，一面加固堤坝'],
    ['万无一失'],
    ['一日一户一访'],
    ['一户一策'],
    ['一心一意'],
    ['一二大队'],
    ['消防一、二中队'],
    ['一切'],
    ['一直'],
    ['一起'],
    ['统一部署'],
    ['唯一'],
    ['千方百计'],
    ['千家万户'],
    ['成千上万'],
    ['四处奔波'],
    ['一次次'],
    ['一个个'],
    ['一部分'],
    ['以防万一。'],
    ['千万不要'],
    ['百姓'],
    // Estimates and lists that are not one number
    ['两、三个小时'],
    ['三四个'],
    ['五六十人'],
    ['一两天'],
    // Upper bounds we cannot represent
    ['不到10人'],
    ['不足百人'],
    ['10人以下'],
    ['5公里以内'],
    // Distributive
    ['每一名网格员'],
    ['每10万人'],
    // Nothing at all
    [''],
    ['没有数字'],
  ])('%j → nothing', (text) => {
    expect(parseQuantities(text)).toEqual([]);
  });
});

describe('parseQuantities: in running text', () => {
  test.each<[string, Array<[string, number, Qualifier, string]>]>([
    ['全市新建893个服务站', [['893个', 893, 'exact', '个']]],
    ['热线全年接听来电10万余次，办结率很高', [['10万余次', 100000, 'more-than', '次']]],
    [
      '累计投入巡查力量4800余人次、巡逻车900余辆次',
      [
        ['4800余人次', 4800, 'more-than', '人次'],
        ['900余辆次', 900, 'more-than', '辆次'],
      ],
    ],
    [
      '消防救援支队出动消防车23辆、指战员110余名',
      [
        ['23辆', 23, 'exact', '辆'],
        ['110余名', 110, 'more-than', '名'],
      ],
    ],
    ['7月20日下午4时许，郑州市区降雨量达201.9毫米', [['201.9毫米', 201.9, 'exact', '毫米']]],
    ['2021年7月，全省紧急转移群众14.5万人', [['14.5万人', 145000, 'exact', '人']]],
    [
      '大火持续燃烧了3个多小时，烧毁厂房6间',
      [
        ['3个多小时', 3, 'more-than', '小时'],
        ['6间', 6, 'exact', '间'],
      ],
    ],
    [
      '救援队员从废墟中救出被困群众12人，其中儿童3人',
      [
        ['12人', 12, 'exact', '人'],
        ['3人', 3, 'exact', '人'],
      ],
    ],
    [
      '全区共排查隐患点1,203处，整改率达98.5%',
      [
        ['1,203处', 1203, 'exact', '处'],
        ['98.5%', 98.5, 'exact', '%'],
      ],
    ],
    ['附近3个村的村民', [['3个', 3, 'exact', '个']]],
    ['城东街道的52名志愿者开展“一户一策”帮扶', [['52名', 52, 'exact', '名']]],
    ['每隔两、三个小时巡查堤坝', []],
    ['二十五中1144名学生全部撤离', [['1144名', 1144, 'exact', '名']]],
    ['今年35岁的李师傅', []],
    ['王队长从警18年，是9岁孩子的父亲', []],
    ['第3轮检测共采样2.3万人', [['2.3万人', 23000, 'exact', '人']]],
    ['联系电话：0351-1234567，13812345678', []],
    ['他住在3号楼101室', []],
    ['高新区投入资金上亿元', [['上亿元', 100000000, 'at-least', '元']]],
    ['2022年全市GDP达到1.2万亿元', [['1.2万亿元', 1.2e12, 'exact', '元']]],
    [
      '受灾人口达两千三百万，紧急转移五十余万人',
      [
        ['两千三百万', 23000000, 'exact', ''],
        ['五十余万人', 500000, 'more-than', '人'],
      ],
    ],
  ])('%s', (text, expected) => {
    const got = parseQuantities(text).map((q) => [q.text, q.value, q.qualifier, q.unit]);
    expect(got).toEqual(expected);
    for (const q of parseQuantities(text)) expect(text.slice(q.index, q.index + q.text.length)).toBe(q.text);
  });
});

describe('parseQuantities: robustness', () => {
  test('never throws, and every match points at its own text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const q of parseQuantities(s)) {
          expect(s.slice(q.index, q.index + q.text.length)).toBe(q.text);
          expect(Number.isFinite(q.value)).toBe(true);
          expect(QUALIFIERS).toContain(q.qualifier);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on Chinese-like noise', () => {
    const pieces = fc.constantFrom(
      '一',
      '二',
      '两',
      '十',
      '百',
      '千',
      '万',
      '亿',
      '余',
      '多',
      '近',
      '约',
      '个',
      '名',
      '人次',
      '第',
      '年',
      '月',
      '日',
      '时',
      '点',
      '、',
      '，',
      '%',
      '1',
      '0',
      '.',
      '-',
      '所',
      '社区',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        for (const q of parseQuantities(s)) expect(s.slice(q.index, q.index + q.text.length)).toBe(q.text);
      }),
      { numRuns: 1000 },
    );
  });

  test.each([[null], [undefined], [42]])('non-string %p → nothing', (input) => {
    expect(parseQuantities(input as unknown as string)).toEqual([]);
    expect(parseQuantity(input as unknown as string)).toBeNull();
  });
});
