/**
 * Is a figure a statistic? The quantity parser finds every number with a unit of count;
 * many are not things a reporter would chart: how long someone worked (24小时值守,
 * 三个多小时), how far away something was (两米, 离家约5公里), a numeral inside a name
 * (一办十三组, 五地七所), a round's number (十三轮次), a house number (12栋2单元), a rate
 * (每天两次), a service phone number (119, 12345). This module decides by the unit and the
 * words around the figure, looking at a few characters either side only (so extraction
 * stays linear), and names the rule it applied so a reviewer can see why. Pure module.
 */
import type { QuantityMatch } from './quantities';

export type FigureRule =
  | 'count'
  | 'percentage'
  | 'amount'
  | 'measure'
  | 'duration-total'
  | 'bare-number';

export type RejectRule =
  | 'duration'
  | 'distance'
  | 'name'
  | 'ordinal'
  | 'address'
  | 'rate'
  | 'service-number'
  | 'temperature'
  | 'slogan'
  | 'score'
  | 'unitless';

export type Verdict = { keep: true; rule: FigureRule } | { keep: false; rule: RejectRule };

/** Units that measure time: a duration, not a count, unless it is a counted total. */
export const DURATION_UNITS = new Set(['秒', '分钟', '小时', '天', '周', '个月']);
/** Units that measure length: a distance or a spacing, unless it is a measured extent. */
export const DISTANCE_UNITS = new Set(['米', '公里', '厘米']);
const MONEY_UNITS = new Set(['元']);
const MEASURE_UNITS = new Set(['毫米', '平方米', '平方公里', '立方米', '公顷', '亩', '吨', '公斤', '斤', '克', '升', '毫升', '千瓦时', '度']);

const CLAUSE_END = /[，,。；;！!？?：:\n]/;
/** A duration that is a total someone counted up (通话时长1850余小时, 累计服务时长超过900小时). */
const TOTAL_BEFORE = /(?:时长|工时|累计|共计|总计|合计|总共)/;
const TOTAL_AFTER = /^(?:的)?(?:志愿服务|服务时长|工时|时长)/;
/** Spacing, location and one trip: 保持两米距离, 相隔一米以上, 距岸边约15米处, 离家约5公里的桥洞, 往返约6公里. */
const DISTANCE_BEFORE = /(?:距离?|相距|相隔|间隔|保持|隔开|(?<![撤脱分远隔])离|往返|来回|步行|徒步|驱车|驾车|开车|骑行)/;
/** 累计行程1.2万公里: a distance someone added up is a statistic. */
const DISTANCE_TOTAL_BEFORE = /(?:累计|共计|总计|合计|总行程|行程)/;
const DISTANCE_AFTER = /^(?:以上|以内|左右)?(?:处|外|远|开外|以外|距离|间距|线|范围)/;
/** 一办十三组, 五地七所, 三区两组: a numeral after a numeral-and-character block is part of a name. */
const NAME_BLOCK_BEFORE = /[一二两三四五六七八九十百\d][\u4e00-\u9fff]$/;
/** 十三轮次 is a round's number; 累计开展13轮次 is a count of rounds. */
const COUNTING_VERB_BEFORE = /(?:累计|共|开展了?|完成了?|进行了?|组织了?)$/;
/** 12栋2单元, 5幢301室: a building number followed by a unit or room number. */
const ADDRESS_AFTER = /^[\d一二三四五六七八九十]+(?:单元|层|楼|室|号|门|栋|幢)/;
const ADDRESS_UNITS = new Set(['栋', '幢', '座', '号', '楼']);
/** 每天两次, 每人5份: a frequency right after 每 is a rate, not a total. */
const RATE_BEFORE = /每(?:天|日|周|月|年|晚|人|户|次|个|名|家)$/;
/**
 * 每班4人, 每个网格配备1名网格长: a figure in a clause that distributes over a body (每 and
 * anything but a span of time) is a norm, not a total, unless a totalling word comes
 * between. 每天接听电话200多个 is the day's volume, which reporters do report.
 */
const RATE_CLAUSE = /每(?![天日周月年晚夜逢当])[^累共总合]*$/;
/**
 * Units that are also the last character of a name: 社区二组, 五地七所, 后勤处, 三部. After
 * the character that ends a place or an organisation (区, 村, 队, 所 …) the numeral and the
 * unit are that body's name, not a count (分成三组 and 共5组 are counts).
 */
const NAME_UNITS = new Set(['组', '所', '处', '部', '片', '队', '班', '排', '连']);
const BODY_END = /[区村镇乡街路院所站队部委局科组社厂校场司团营连]$/;
/** 二组、三组: a list of names continues a name of the same unit. */
const NAME_LIST_BEFORE = /[一二两三四五六七八九十\d](?:组|所|处|部|片|队|班|排|连)[、，,和及与]$/;
/** “四个一”, “三个到位”: a numbered slogan written as a short quotation. */
const SLOGAN_OPEN = /[“"「『‘][^”"」』’，。；]{0,3}$/;
const SLOGAN_CLOSE = /^[^“"「『‘，。；]{0,4}[”"」』’]/;
/** 38.5℃, 零下5摄氏度: a temperature. */
const TEMPERATURE_AFTER = /^(?:℃|°C|°|摄氏度)/;
/** 3比1, 2:0: a score or a ratio. */
const SCORE_AROUND = /比$/;
/** A bare number (no unit, no multiplier) is a statistic only after a word that says so. */
const BARE_STATISTIC_BEFORE = /(?:达到?|为|是|共计?|累计|合计|总计|总数|人数|数量|数字|至)[:：]?$/;
/** Emergency and public-service numbers, which reports quote bare (接到119指挥中心, 拨打了12345). */
const SERVICE_NUMBERS = new Set(['110', '119', '120', '122', '12110', '12315', '12320', '12345', '12348', '12355', '12356', '95119', '96110']);

/** The clause before the figure (back to the last comma or stop), at most `max` characters. */
function clauseBefore(text: string, index: number, max = 12): string {
  let from = index;
  while (from > 0 && index - from < max && !CLAUSE_END.test(text[from - 1] as string)) from -= 1;
  return text.slice(from, index);
}

/** Why a figure is (or is not) a statistic. `text` is the text the match's index refers to. */
export function classifyFigure(text: string, q: Pick<QuantityMatch, 'index' | 'text' | 'unit' | 'value'>): Verdict {
  const end = q.index + q.text.length;
  const before = clauseBefore(text, q.index);
  const after = text.slice(end, end + 8);
  const digitsOnly = /^\d+$/.test(q.text);

  if (!q.unit && digitsOnly && SERVICE_NUMBERS.has(q.text)) return { keep: false, rule: 'service-number' };
  if (TEMPERATURE_AFTER.test(after)) return { keep: false, rule: 'temperature' };
  if (!q.unit && (SCORE_AROUND.test(before) || after.startsWith('比'))) return { keep: false, rule: 'score' };
  if (SLOGAN_OPEN.test(text.slice(Math.max(0, q.index - 4), q.index)) && SLOGAN_CLOSE.test(text.slice(end, end + 5))) {
    return { keep: false, rule: 'slogan' };
  }
  if (RATE_BEFORE.test(before)) return { keep: false, rule: 'rate' };
  // A norm is a handful per body; 为每户居民送去米面油3000余份 is the total handed out.
  if (q.value < 100 && RATE_CLAUSE.test(clauseBefore(text, q.index, 20))) return { keep: false, rule: 'rate' };
  if (NAME_BLOCK_BEFORE.test(before) && /^[一二两三四五六七八九十百]/.test(q.text)) return { keep: false, rule: 'name' };
  if (NAME_UNITS.has(q.unit) && /^[\d一二两三四五六七八九十]+[组所处部片队班排连]$/.test(q.text)) {
    if (BODY_END.test(before) || NAME_LIST_BEFORE.test(before)) return { keep: false, rule: 'name' };
  }
  if (q.unit === '轮' && after.startsWith('次') && !COUNTING_VERB_BEFORE.test(before)) return { keep: false, rule: 'ordinal' };
  if (ADDRESS_UNITS.has(q.unit) && ADDRESS_AFTER.test(after)) return { keep: false, rule: 'address' };

  if (DURATION_UNITS.has(q.unit)) {
    if (TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(after)) return { keep: true, rule: 'duration-total' };
    return { keep: false, rule: 'duration' };
  }
  if (DISTANCE_UNITS.has(q.unit)) {
    if (DISTANCE_TOTAL_BEFORE.test(before)) return { keep: true, rule: 'measure' };
    if (DISTANCE_BEFORE.test(before) || DISTANCE_AFTER.test(after)) return { keep: false, rule: 'distance' };
    return { keep: true, rule: 'measure' };
  }
  if (q.unit === '%' || q.unit === '‰') return { keep: true, rule: 'percentage' };
  if (MONEY_UNITS.has(q.unit)) return { keep: true, rule: 'amount' };
  if (MEASURE_UNITS.has(q.unit)) return { keep: true, rule: 'measure' };
  if (!q.unit) {
    if (!/[万亿]/.test(q.text) && !BARE_STATISTIC_BEFORE.test(before)) return { keep: false, rule: 'unitless' };
    return { keep: true, rule: 'bare-number' };
  }
  return { keep: true, rule: 'count' };
}
