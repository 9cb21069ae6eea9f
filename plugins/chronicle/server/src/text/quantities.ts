/**
 * Figures as Chinese reports state them — 893个, 10万余次, 近50万人, 千余名, 两千三百万 —
 * read into value + qualifier + unit of count, so a reporter can turn a sentence into a
 * `grid-statistic` without retyping. Just as important is what is NOT a figure: dates,
 * clock times, ordinals, phone and house numbers, names with numbers in them (207所社区,
 * 六十六中) and the many words that merely contain a numeral (一线, 万无一失). Pure module.
 *
 * Value is always in base units: 10万余次 is 100000 次 and 300万元 is 3000000 元, so
 * figures can be summed and compared; the reporter's wording stays in `text`.
 */
import type { Qualifier } from '../domain/enums';
import {
  NUMBER_SOURCE,
  parseNumber,
  toHalfWidth,
  hasMultiplier,
  isArabic,
  tidyNumber,
  CHINESE_DIGITS,
} from './numerals';

export interface QuantityMatch {
  /** The matched span as written, qualifiers included. */
  text: string;
  /** UTF-16 offset of the span in the text given. */
  index: number;
  value: number;
  qualifier: Qualifier;
  /** Unit of count (人次, 名, 个 …), '%' for percentages, '' for a bare number. */
  unit: string;
}

/**
 * Units of count. Written as they appear; `UNIT_CANONICAL` folds variants together.
 * Deliberately absent: 年 月 日 号 时 点 分 (dates and clock times), 岁 (ages are not
 * statistics), 层 级 队 班 (as often a name or a rank as a count), 期 届 (ordinal-like).
 */
export const UNITS_OF_COUNT: readonly string[] = (
  '人次 辆次 架次 车次 台次 户次 艘次 班次 批次 场次 航次 剂次 人份 万元 亿元 平方公里 平方千米 平方米 立方米 公顷 千米 公里 厘米 毫米 公斤 千克 毫升 千瓦时 ' +
  '个多小时 个半小时 个小时 个钟头 个多月 个半月 个月 个星期 个礼拜 分钟 小时 钟头 星期 礼拜 名 个 人 位 次 支 家 户 份 轮 间 元 条 处 辆 台 件 栋 幢 ' +
  '座 所 批 组 只 箱 袋 斤 吨 头 匹 棵 株 本 册 张 套 场 起 例 项 种 类 篇 块 片 桶 瓶 盒 包 艘 架 床 趟 餐 顿 遍 倍 剂 针 部 根 把 顶 副 ' +
  '双 米 克 升 亩 天 周 秒 度'
).split(' ');

const UNIT_CANONICAL: Readonly<Record<string, string>> = {
  个小时: '小时',
  个钟头: '小时',
  钟头: '小时',
  个多小时: '小时',
  个半小时: '小时',
  个多月: '个月',
  个半月: '个月',
  个星期: '周',
  个礼拜: '周',
  星期: '周',
  礼拜: '周',
  万元: '元',
  亿元: '元',
  平方千米: '平方公里',
  千米: '公里',
  千克: '公斤',
};

const QUALIFIER_WORDS: Readonly<Record<string, Qualifier>> = {
  至少: 'at-least',
  不少于: 'at-least',
  不低于: 'at-least',
  上: 'at-least',
  将近: 'nearly',
  接近: 'nearly',
  近: 'nearly',
  大约: 'about',
  约有: 'about',
  大概: 'about',
  约: 'about',
  来: 'about',
  左右: 'about',
  上下: 'about',
  超过: 'more-than',
  不止: 'more-than',
  逾: 'more-than',
  超: 'more-than',
  余: 'more-than',
  多: 'more-than',
  几: 'more-than',
  以上: 'more-than',
  有余: 'more-than',
};

/** "Fewer than" has no qualifier in our vocabulary; better no figure than a wrong one. */
const UPPER_BOUNDS = ['不到', '不足', '不超过', '少于', '低于', '以下', '以内', '之内'];

/** Single-character qualifiers that are also the end of a common word (附近, 节约, 赶超). */
const PRE_QUALIFIER_WORDS = new Set(
  (
    '附近 最近 临近 靠近 邻近 亲近 贴近 就近 逼近 走近 挨近 新近 远近 赶超 高超 入超 出超 预约 节约 制约 相约 签约 邀约 公约 条约 合约 违约 特约 履约 隐约 ' +
    '契约'
  ).split(' '),
);

/**
 * Words and set phrases in which a numeral is part of the word, not a count. Most are
 * already refused because the numeral is followed by something that is not a unit
 * (一线, 一切); these are the ones where it is followed by a unit-like character.
 */
export const NUMERAL_IDIOMS: readonly string[] = (
  '一起 一次性 一条龙 一把手 一家人 一家子 一台戏 一批批 一件事 一场空 一头雾水 一本正经 一张一弛 一天到晚 一年四季 三天两头 三番五次 千家万户 万家灯火 百家争鸣 ' +
  '千方百计 万无一失 万众一心 九死一生 成千上万 千千万万 一五一十 十全十美 三三两两 七嘴八舌 四面八方 五湖四海 一举两得 三令五申 千钧一发 十万火急 一传十 十传百 ' +
  '一个劲 一块儿 一块钱 一张嘴 一口气 一次次 一个个 一名名 一处处 一件件 一点点 一些 四处 一部分 一条心 一头扎 一把抓 信心百倍 万一 一一 之一 唯一 统一 同一 ' +
  '单一 划一 专一 第一线 一线 一面 一方面'
).split(' ');

/** 一X一Y(一Z): policy slogans and set phrases (一户一策, 一日一户一访, 一心一意). */
const PARALLEL_ONE = /一[\u4e00-\u9fff]一[\u4e00-\u9fff](?:一[\u4e00-\u9fff])*/g;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const unitAlternation = [...UNITS_OF_COUNT]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');
const idiomRe = new RegExp(
  [...NUMERAL_IDIOMS]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|'),
  'g',
);

const QUANTITY_RE = new RegExp(
  `(?<pre>至少|不少于|不低于|不止|将近|接近|大约|约有|大概|超过|不到|不足|不超过|少于|低于|近|约|逾|超|上(?=[百千万亿]))?` +
    `(?:百分之(?<pctnum>${NUMBER_SOURCE})|(?<num>${NUMBER_SOURCE}))` +
    `(?<infix>余|多|来|几)?(?<big>[万亿萬億](?![米克瓦]))?` +
    `(?:(?<pct>%|‰)|(?<unit>${unitAlternation}))?` +
    `(?<post>以上|左右|上下|之多|有余|以下|以内|之内)?`,
  'g',
);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Characters that glue a number into a code, an id, a clock time or a version. */
const ID_NEIGHBOUR = /[0-9A-Za-z._\-/:#@]/;
const DATE_TIME_SUFFIX = /^[年月日号时点分秒]/;
/** Before a number: an ordinal (第3), a rate (每10万), a weekday (周一) or a lunar day (初五). */
const ORDINAL_PREFIXES = ['第', '每', '周', '星期', '礼拜', '初', '每隔', '排名', '编号', 'No', '№'];
/** A 所 that is followed by a place word is a work-unit name (207所社区), not three institutes. */
const NAME_AFTER_UNIT: Readonly<Record<string, RegExp>> = {
  所: /^(?:社区|小区|宿舍|家属院|家属区|大院|生活区|住宅区|街道|路|街)/,
};
const CHINESE_DIGIT_ONLY = new RegExp(`^[${Object.keys(CHINESE_DIGITS).join('')}]$`);
/** 两、三个 and 一、二大队: single digits in a list are an estimate or names. */
const ENUMERATION_BEFORE = /[一二两三四五六七八九十][、，,]$/;
const ENUMERATION_AFTER = /^[、，,][一二两三四五六七八九十]/;

interface Span {
  start: number;
  end: number;
}

function idiomSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of [idiomRe, PARALLEL_ONE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function insideIdiom(spans: Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).start <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
    const s = spans[i] as Span;
    if (s.start <= at && at < s.end) return true;
  }
  return false;
}

function endsWithAny(before: string, words: readonly string[]): boolean {
  return words.some((w) => before.endsWith(w));
}

/** The first qualifier that says something, in reading order (近…, …余…, …以上). */
function qualifierOf(...words: Array<string | undefined>): Qualifier {
  for (const w of words) {
    const q = w ? QUALIFIER_WORDS[w] : undefined;
    if (q) return q;
  }
  return 'exact';
}

/** A bare number after these is a phone, an id or a code (拨打110, 编号2048), not a magnitude. */
const CODE_BEFORE =
  /(?:拨打|拨通|致电|电话|热线|编号|代码|邮编|型号|车牌|航班|号码|尾号|房号|门牌|工号|学号|证号|QQ|qq|微信)[:：]?\s*$/;

/** The low end of a range written just before a figure (3至5人, 10-20名), if there is one. */
const RANGE_LOW = /(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)([至到~～—－-])$/;

/** All figures in a text (at most `limit`), in order of appearance. Never throws on odd input. */
export function parseQuantities(text: string, limit = Number.POSITIVE_INFINITY): QuantityMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const t = toHalfWidth(text);
  const idioms = idiomSpans(t);
  const out: QuantityMatch[] = [];
  QUANTITY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = QUANTITY_RE.exec(t)) !== null) {
    const g = m.groups ?? {};
    let start = m.index;
    const end = start + m[0].length;
    let pre: string | undefined = g.pre;
    const numText = g.num ?? g.pctnum ?? '';
    const numStart = start + (pre ? pre.length : 0) + (g.pctnum !== undefined ? 3 : 0);
    const unitRaw = g.unit;
    const post = g.post;
    const infix = g.infix;
    const isPercent = g.pct !== undefined || g.pctnum !== undefined;
    if (!numText) continue;

    // A one-character qualifier glued to the word before it is that word's ending (附近).
    if (pre && pre.length === 1 && start > 0 && PRE_QUALIFIER_WORDS.has(t[start - 1] + pre)) {
      start += 1;
      pre = undefined;
    }
    if ((pre && UPPER_BOUNDS.includes(pre)) || (post && UPPER_BOUNDS.includes(post))) continue;

    const before = t.slice(Math.max(0, start - 4), start);
    const after = t.slice(end, end + 6);
    const nextChar = t[end] ?? '';
    if (endsWithAny(before, ORDINAL_PREFIXES)) continue;
    if (insideIdiom(idioms, numStart)) continue;

    // The tail of a longer run of digits or numerals (bounded in NUMBER_SOURCE) is no number.
    if (/[\d零〇一二两三四五六七八九十百千万亿]/.test(t[numStart - 1] ?? '') && !pre) continue;
    // 数百辆, 几十个, 若干: a vague magnitude, not a figure anyone counted.
    if (/[数几]/.test(t[numStart - 1] ?? '') && !pre) continue;
    const parsed = parseNumber(numText);
    if (parsed === null) continue;
    const chinese = !isArabic(numText);
    // 三四个, 一二大队: adjacent digits are an estimate or a list, not a number.
    if (chinese && numText.length > 1 && !hasMultiplier(numText)) continue;
    if (
      chinese &&
      CHINESE_DIGIT_ONLY.test(numText) &&
      (ENUMERATION_BEFORE.test(before) || ENUMERATION_AFTER.test(t.slice(numStart + 1, numStart + 3)))
    ) {
      continue;
    }
    if (infix === '几' && !/[十百千万亿]$/.test(numText)) continue;

    let unit = '';
    // 五十余万, 10多万: the qualifier sits between the number and its multiplier.
    let value = g.big ? tidyNumber(parsed * (/[亿億]/.test(g.big) ? 1e8 : 1e4)) : parsed;
    let unitQualifier: string | undefined;
    if (isPercent) {
      unit = g.pct === '‰' ? '‰' : '%';
    } else if (unitRaw) {
      // The unit has to stand alone: 一次次 is "again and again", 207所社区 is a name.
      if (nextChar === unitRaw[unitRaw.length - 1]) continue;
      const nameRule = NAME_AFTER_UNIT[unitRaw];
      if (nameRule && nameRule.test(after)) continue;
      if (unitRaw.startsWith('个多')) unitQualifier = '多';
      if (unitRaw.startsWith('个半')) value += 0.5;
      unit = UNIT_CANONICAL[unitRaw] ?? unitRaw;
    } else {
      // A bare number counts only as a clear magnitude with nothing word-like after it:
      // 六十六中, 11岁, 3号楼 and 2022年 all end up here and are refused.
      if (DATE_TIME_SUFFIX.test(after) || HAN.test(nextChar)) continue;
      if (/^[-.:]?\d/.test(after) || /^[A-Za-z]/.test(after)) continue;
      if (chinese && !hasMultiplier(numText)) continue;
      if (CODE_BEFORE.test(t.slice(Math.max(0, start - 6), start))) continue;
      if (
        !chinese &&
        /^\d+$/.test(numText) &&
        (numText.length >= 7 || (numText.length > 1 && numText.startsWith('0')))
      ) {
        continue; // phone numbers, ids, area codes
      }
    }

    let qualifier = qualifierOf(pre, infix, unitQualifier, post);
    const range = pre ? null : RANGE_LOW.exec(t.slice(Math.max(0, start - 12), start));
    if (range) {
      // 3至5人 → at least 3: the low end was refused on its own (a bare number before 至).
      const lowText = range[1] as string;
      const low = parseNumber(lowText);
      const lowStart = start - range[0].length;
      const beforeLow = t.slice(Math.max(0, lowStart - 4), lowStart);
      const hyphen = range[2] === '-';
      if (low === null || low >= value || endsWithAny(beforeLow, ORDINAL_PREFIXES)) continue;
      if (ID_NEIGHBOUR.test(t[lowStart - 1] ?? '')) continue;
      if (hyphen && (lowText.startsWith('0') || lowText.length > 4 || numText.length > 4)) continue;
      start = lowStart;
      value = low;
      qualifier = 'at-least';
    } else if (ID_NEIGHBOUR.test(t[start - 1] ?? '')) {
      continue; // part of a code, an id, a phone number or a clock time (12:30)
    }

    out.push({ text: text.slice(start, end), index: start, value, qualifier, unit });
  }
  return out;
}

/** The figure in a single expression such as '10万余次', or null when there is none. */
export function parseQuantity(text: string): QuantityMatch | null {
  return parseQuantities(text)[0] ?? null;
}
