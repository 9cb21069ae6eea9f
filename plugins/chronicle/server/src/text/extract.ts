/**
 * Proposals from a filed report: timeline events (a dated sentence) and statistics (a
 * figure, with the noun phrase it counts), for the reporter to accept or reject in the
 * admin panel or with `chronicle extract`. Proposals, not facts: every one carries a
 * confidence, and the rules favour missing a doubtful figure over inventing one.
 * Pure module.
 */
import type { Precision, Qualifier } from '../domain/enums';
import { DateCursor, type DateMatch, type DateRule } from './dates';
import { parseQuantities, UNITS_OF_COUNT, type QuantityMatch } from './quantities';
import { isArabic, hasMultiplier } from './numerals';
import { classifyFigure, type FigureRule } from './classify';

/** Proposals returned at most, unless the caller says otherwise (the rest is cut, `truncated`). */
export const DEFAULT_MAX_PROPOSALS = 1000;
/** A sentence longer than this is shown as a window around the expression. */
export const SENTENCE_MAX = 240;
/**
 * Date expressions read in one sentence at most: a sentence names a handful; a "sentence"
 * of thousands of dates is not prose, and the day after it is whatever the limit reached.
 */
const MAX_DATES_PER_SENTENCE = 100;

export interface ExtractOptions {
  /** The report's date, YYYY-MM-DD; relative dates resolve against it. */
  dateline: string;
  /** Known organisation names; the longest one in a figure's sentence becomes its unitName. */
  unitNames?: string[];
  /** At most this many proposals (events and statistics together); default 1000. */
  maxProposals?: number;
}

/** Where a proposal was read from: the expression, its place in the source, its sentence. */
export interface ProposalSource {
  /** The expression itself, as written (2月24日晚上9时许, 4800余人次). */
  text: string;
  /** Offset of the expression in the source text (UTF-16 code units, as JavaScript counts). */
  offset: number;
  /** Offset just past the expression: source.slice(offset, endOffset) === text. */
  endOffset: number;
  /** The sentence the expression is in, trimmed; a long one is cut to a window around it (…). */
  sentence: string;
}

export interface ProposedEvent extends ProposalSource {
  start: string;
  end?: string;
  precision: Precision;
  approximate: boolean;
  /** Why it resolved to this date: see DateRule (date, day-of-month, quoted-speech …). */
  rule: DateRule;
  confidence: number;
}

export interface ProposedStatistic extends ProposalSource {
  value: number;
  qualifier: Qualifier;
  unit: string;
  /** The noun phrase counted (视频通话, 党组织 …). */
  label: string;
  unitName?: string;
  /** Why it is proposed as a statistic: count, amount, percentage, measure, duration-total, bare-number. */
  rule: FigureRule;
  confidence: number;
}

export interface ExtractResult {
  events: ProposedEvent[];
  statistics: ProposedStatistic[];
  /** True when more proposals were found than `maxProposals` allows; the rest were left out. */
  truncated?: boolean;
}

export interface Sentence {
  text: string;
  /** Offset of the untrimmed sentence in the source text. */
  index: number;
}

/** Characters the splitter acts on; everything else is skipped in one regex step. */
const SPECIAL = /[。！？!?；;…]+|[\n\r“「『‘”」』’"]/g;
const OPENING_QUOTES = new Set(['“', '「', '『', '‘']);
const CLOSING_QUOTES = new Set(['”', '」', '』', '’']);
/** After a quotation closes, these mean the sentence goes on (“……！”他说 does not). */
const CONTINUES_AFTER_QUOTE = /^[，,、：:）)》]/;
/** An unclosed quotation mark should not swallow the rest of a long report. */
const MAX_QUOTE_SPAN = 400;

/**
 * Sentences on Chinese (and ASCII) end punctuation and line breaks. End punctuation
 * inside a quotation does not end the sentence; the closing quote does, unless the
 * sentence visibly goes on after it.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  let start = 0;
  let depth = 0;
  let asciiQuote = false;
  let quoteOpenedAt = -1;
  /** Index just past end punctuation met inside a quotation, or -1. */
  let endedInsideQuoteAt = -1;
  const push = (end: number): void => {
    if (end > start && /\S/.test(text.slice(start, end))) out.push({ text: text.slice(start, end), index: start });
    start = end;
    endedInsideQuoteAt = -1;
  };
  // Only what follows end punctuation inside a quotation may be spaces and still close it.
  const quoteEndsSentence = (i: number): boolean =>
    endedInsideQuoteAt >= 0 &&
    !/\S/.test(text.slice(endedInsideQuoteAt, i)) &&
    !CONTINUES_AFTER_QUOTE.test(text[i + 1] ?? '');
  SPECIAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPECIAL.exec(text)) !== null) {
    const i = m.index;
    const ch = m[0];
    if ((depth > 0 || asciiQuote) && i - quoteOpenedAt > MAX_QUOTE_SPAN) {
      depth = 0;
      asciiQuote = false;
      endedInsideQuoteAt = -1;
    }
    if (ch === '\n' || ch === '\r') {
      push(i + 1);
      depth = 0;
      asciiQuote = false;
    } else if (OPENING_QUOTES.has(ch)) {
      if (depth === 0) quoteOpenedAt = i;
      depth += 1;
    } else if (ch === '"') {
      asciiQuote = !asciiQuote;
      if (asciiQuote) quoteOpenedAt = i;
      else if (depth === 0 && quoteEndsSentence(i)) push(i + 1);
    } else if (CLOSING_QUOTES.has(ch)) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && !asciiQuote && quoteEndsSentence(i)) push(i + 1);
    } else {
      // A run of end punctuation (。！？……).
      let j = i + ch.length;
      if (depth > 0 || asciiQuote) {
        endedInsideQuoteAt = j;
        continue;
      }
      // Closing quotes straight after the end mark belong to this sentence.
      while (j < text.length && CLOSING_QUOTES.has(text[j] as string)) j++;
      push(j);
      SPECIAL.lastIndex = j;
    }
  }
  push(text.length);
  return out;
}

// ---------------------------------------------------------------------------------
// Labels

/** Words that end a counted noun phrase when they follow it (…名网格员通过…, …个工作组同步…). */
const AFTER_STOPS = (
  '通过 进行 开展 参与 参加 组成 成为 全部 全体 全力 全面 全程 同步 同时 分别 共同 投入 出动 累计 坚持 负责 协助 帮助 赶赴 前往 到达 完成 实现 提供 接受 ' +
  '进入 离开 迅速 立即 连夜 日夜 正在 已经 先后 陆续 纷纷 一起 一同 轮流 跟车 随车 参战 获救 被困 受伤 死亡 转移 撤离 得到 其中 以上 左右 包括 冲锋 奔赴 ' +
  '活跃 坚守 值守 下沉 深入 走访 入户 到位 就位 到岗 上岗 到场 在 向 为 对 从 跟 把 被 将 已 都 均 不 没 也 还 又 再 就 才 各 每 是 由 给 让 于 至 并 且 或 的 了 着 过 ' +
  '和 与 及 等 共 达 来 去 参 赴'
).split(' ');

/**
 * Words that link a noun to its figure (降雨量达201.9毫米, 覆盖率超过85%): dropped from
 * the end of the text before a figure.
 */
const LINKING_WORDS =
  '达到 已达 高达 多达 突破 超过 共有 约有 累计 共计 合计 总计 达 为 是 有 共 计 约 近 逾 了 已'.split(' ');

/**
 * Verbs, prepositions and place words before a counted noun; the noun is what follows
 * the last of them (投入警力, 救出被困群众, 郑州市区降雨量).
 */
const BEFORE_CUTS = (
  '投入 出动 派出 调集 调派 集结 安排 设立 成立 下设 组建 组织 发放 发动 动员 覆盖 持续 连续 坚持 位于 其中 包括 每天 每日 全体 全部 建成 救出 转移 疏散 ' +
  '安置 救助 收治 排查 摸排 检测 采样 接种 走访 慰问 捐赠 筹集 购买 运送 配送 发现 处置 受理 办理 新增 完成 实现 惠及 涉及 服务 帮助 市区 街道 社区 全市 ' +
  '全省 全区 全县 省 市 区 县 镇 乡 村 较 比 为 与 和 向 对 在 从 了 的 是 将 把 于 等 及'
).split(' ');

/** Verbs whose object, when it is people counted straight after them, reads best as "… 人数" (覆盖近50万人). */
const PEOPLE_VERBS = '覆盖 惠及 涉及 服务 帮助 救助 转移 疏散 安置 救出 接待 走访 慰问 检测 接种 采样'.split(' ');

const AFTER_STOP_SET = wordSet(AFTER_STOPS);
const BEFORE_CUT_SET = wordSet(BEFORE_CUTS);
const UNITS_BY_LENGTH = [...UNITS_OF_COUNT].sort((a, b) => b.length - a.length);
const TIME_UNITS = new Set(['分钟', '小时', '天', '周', '个月', '秒']);
const PERSON_UNITS = new Set(['人', '名', '位', '人次']);
const HAN_RUN_AFTER = /^[\u3400-\u9fff]+/;
const HAN_RUN_BEFORE = /[\u3400-\u9fff]+$/;
const QUOTED_AFTER = /^[“"「『《]([^”"」』》]{1,16})[”"」』》]/;

/** A word list as sets by length, so a position can be tested without scanning the list. */
interface WordSet {
  lengths: number[];
  words: Set<string>;
}

function wordSet(words: readonly string[]): WordSet {
  return { lengths: [...new Set(words.map((w) => w.length))].sort((a, b) => b - a), words: new Set(words) };
}

function wordEndsAt(run: string, end: number, set: WordSet): boolean {
  return set.lengths.some((n) => end - n >= 0 && set.words.has(run.slice(end - n, end)));
}

function wordStartsAt(run: string, start: number, set: WordSet): boolean {
  return set.lengths.some((n) => start + n <= run.length && set.words.has(run.slice(start, start + n)));
}

/** The run up to the first stop word. */
function cutAtFirst(run: string, stops: WordSet): string {
  for (let k = 0; k < run.length; k++) if (wordStartsAt(run, k, stops)) return run.slice(0, k);
  return run;
}

/** What follows the rightmost cut word that still leaves at least two characters. */
function tailAfterLastCut(run: string, cuts: WordSet): string {
  for (let end = run.length - 2; end >= 1; end--) if (wordEndsAt(run, end, cuts)) return run.slice(end);
  return run;
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Label lengths tried, best first: most counted nouns are two two-character words (视频连线). */
const LABEL_LENGTHS = [4, 5, 6, 3];

/**
 * The end of a run of characters before a figure, cut where a word starts (by the runtime's
 * ICU word breaker): 犯罪嫌疑人 rather than 罪嫌疑人, 视频连线 rather than 众视频连线.
 */
function trimLabel(run: string): string {
  if (run.length <= 4) return run;
  const starts = new Set<number>();
  for (const seg of wordSegmenter.segment(run)) starts.add(seg.index);
  const n = LABEL_LENGTHS.find((len) => len <= run.length && starts.has(run.length - len)) ?? 4;
  return run.slice(-n);
}

/** The noun phrase a figure counts, and whether it was found in the text (not guessed from the unit). */
export function labelFor(
  sentence: string,
  q: Pick<QuantityMatch, 'index' | 'text' | 'unit'>,
): { label: string; found: boolean } {
  // A label sits within a few characters of its figure: look no further (linear time).
  const afterText = sentence.slice(q.index + q.text.length, q.index + q.text.length + 40);
  const quoted = QUOTED_AFTER.exec(afterText);
  if (quoted && quoted[1] && /[\u3400-\u9fff]/.test(quoted[1])) return { label: quoted[1].trim(), found: true };
  const afterRun = HAN_RUN_AFTER.exec(afterText.slice(0, 24))?.[0] ?? '';
  if (TIME_UNITS.has(q.unit)) {
    // A duration measures an activity, which is a verb phrase: 24小时坚守, 停留10分钟.
    const activity = afterRun.slice(0, 2) + cutAtFirst(afterRun.slice(2), AFTER_STOP_SET);
    if (activity.length >= 2) return { label: activity.slice(0, 6), found: true };
  } else {
    const after = cutAtFirst(afterRun, AFTER_STOP_SET).slice(0, 8);
    if (after.length >= 1) return { label: after, found: true };
  }

  // A counted noun sits within a few characters of its figure; looking further only costs time.
  let beforeRun = HAN_RUN_BEFORE.exec(sentence.slice(Math.max(0, q.index - 16), q.index))?.[0] ?? '';
  const runStart = q.index - beforeRun.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of LINKING_WORDS) {
      if (beforeRun.length > w.length && beforeRun.endsWith(w)) {
        beforeRun = beforeRun.slice(0, -w.length);
        changed = true;
      }
    }
  }
  if (PERSON_UNITS.has(q.unit)) {
    const verb = PEOPLE_VERBS.find((v) => beforeRun.endsWith(v));
    if (verb) return { label: `${verb}人数`, found: true };
  }
  // 1小时降雨量201.9毫米: the run starts right after another figure, with its unit.
  if (/\d/.test(sentence[runStart - 1] ?? '')) {
    const unit = UNITS_BY_LENGTH.find((u) => beforeRun.startsWith(u) && beforeRun.length - u.length >= 2);
    if (unit) beforeRun = beforeRun.slice(unit.length);
  }
  const before = tailAfterLastCut(beforeRun, BEFORE_CUT_SET);
  if (before.length >= 2) return { label: trimLabel(before), found: true };
  if (PERSON_UNITS.has(q.unit)) return { label: '人', found: false };
  return { label: q.unit, found: false };
}

// ---------------------------------------------------------------------------------
// Confidence

/** 一个, 一名, 一次: the numeral is the indefinite article far more often than a count. */
function isArticleOne(q: QuantityMatch): boolean {
  return q.value === 1 && q.qualifier === 'exact' && /^[一壹]/.test(q.text);
}

function statisticConfidence(q: QuantityMatch, labelFound: boolean, rule: FigureRule): number {
  let c = 0.6;
  const arabic = isArabic(q.text);
  if (arabic || hasMultiplier(q.text)) c += 0.2;
  else c -= 0.1;
  if (q.unit) c += 0.1;
  else c -= 0.2;
  if (labelFound) c += 0.1;
  if (TIME_UNITS.has(q.unit) && rule !== 'duration-total') c -= 0.2;
  return Math.max(0.05, Math.min(0.99, Math.round(c * 100) / 100));
}

/** The sentence, or a window of it around [from, to) when it is long. */
function sentenceAround(trimmed: string, from: number, to: number): string {
  if (trimmed.length <= SENTENCE_MAX) return trimmed;
  const margin = Math.max(20, Math.floor((SENTENCE_MAX - (to - from)) / 2));
  const a = Math.max(0, from - margin);
  const b = Math.min(trimmed.length, to + margin);
  return `${a > 0 ? '…' : ''}${trimmed.slice(a, b)}${b < trimmed.length ? '…' : ''}`;
}

function eventConfidence(d: DateMatch): number {
  if (d.precision === 'month' && d.approximate) return 0.5;
  if (/^(?:当|同|次|翌|第二|隔|前一|头一|今|昨|前天|前日|明|后天)/.test(d.text)) return 0.7;
  if (/月/.test(d.text) || /年/.test(d.text) || /^\d{4}[-/.]/.test(d.text)) return 0.9;
  if (/日|号/.test(d.text)) return 0.8;
  return 0.65; // a time of day resolved against the day last named
}

// ---------------------------------------------------------------------------------

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unitNameMatcher(names: string[] | undefined): ((sentence: string) => string | undefined) | null {
  const list = (names ?? []).filter((n) => typeof n === 'string' && n.trim().length > 0).map((n) => n.trim());
  if (list.length === 0) return null;
  const re = new RegExp(
    [...new Set(list)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|'),
    'g',
  );
  return (sentence) => {
    let best: string | undefined;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(sentence)) !== null) {
      if (!best || m[0].length > best.length) best = m[0];
      re.lastIndex = m.index + 1; // overlapping names: a longer one may start inside a shorter one
    }
    return best;
  };
}

/**
 * Events and statistics proposed from a report's text. Dates carry from sentence to
 * sentence (当日 is the day last named); each dated sentence gives one event, dated by
 * its first date expression. Throws only on an invalid dateline.
 */
export function extract(text: string, options: ExtractOptions): ExtractResult {
  const cursor = new DateCursor({ dateline: options.dateline });
  const result: ExtractResult = { events: [], statistics: [] };
  if (typeof text !== 'string' || text.length === 0) return result;
  const findUnitName = unitNameMatcher(options.unitNames);
  const max = options.maxProposals ?? DEFAULT_MAX_PROPOSALS;
  let count = 0;
  const room = (): boolean => {
    if (count < max) {
      count += 1;
      return true;
    }
    result.truncated = true;
    return false;
  };

  const sentences = splitSentences(text);
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k] as Sentence;
    if (result.truncated) break;
    const raw = sentence.text;
    const trimmed = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const source = (index: number, expression: string): ProposalSource => ({
      text: expression,
      offset: sentence.index + index,
      endOffset: sentence.index + index + expression.length,
      sentence: sentenceAround(trimmed, index - lead, index - lead + expression.length),
    });
    const dates = cursor.parse(raw, MAX_DATES_PER_SENTENCE, sentences[k + 1]?.text);
    const first = dates[0];
    if (first && room()) {
      const event: ProposedEvent = {
        ...source(first.index, first.text),
        start: first.start,
        precision: first.precision,
        approximate: first.approximate,
        rule: first.rule,
        confidence: eventConfidence(first),
      };
      if (first.end) event.end = first.end;
      result.events.push(event);
    }

    // Figures beyond the room left are not read at all (those refused below do not count).
    const quantities = parseQuantities(raw, Math.max(0, max - count) * 4 + 16);
    if (quantities.length === 0) continue;
    const unitName = findUnitName ? findUnitName(raw) : undefined;
    let previous: { end: number; label: string } | null = null;
    for (const q of quantities) {
      if (isArticleOne(q)) continue;
      const verdict = classifyFigure(raw, q);
      if (!verdict.keep) continue;
      if (!room()) break;
      let { label, found } = labelFor(raw, q);
      // 倒塌房屋3.9万户、8.2万间: the next figure of a list counts the same thing.
      // 网格员4名和5名: so does a figure right after a connective that joins it to the last one.
      const joined = previous && previous.end === q.index - 1 && /[、，,和及与]/.test(raw[q.index - 1] ?? '');
      if (previous && joined && (!found || /^[和及与]/.test(raw[q.index - 1] ?? ''))) {
        label = previous.label;
        found = true;
      }
      previous = { end: q.index + q.text.length, label };
      const stat: ProposedStatistic = {
        ...source(q.index, q.text),
        value: q.value,
        qualifier: q.qualifier,
        unit: q.unit,
        label,
        rule: verdict.rule,
        confidence: statisticConfidence(q, found, verdict.rule),
      };
      if (unitName) stat.unitName = unitName;
      result.statistics.push(stat);
    }
  }
  return result;
}
