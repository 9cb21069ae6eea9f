/**
 * Stage 1 of the reader: the sticky regular expressions each stage matches at a position, the
 * trigger that finds candidate starts, and the guards that tell a date from a count or a word.
 */
import { PART_BY_WORD, RELATIVE_BY_WORD, SEASONS } from './words';
import { HOLIDAY_WORDS } from './holidays';

const alt = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');

const CN = '零〇一二两三四五六七八九十';
const NUM2 = `\\d{1,2}|[${CN}]{1,3}`;
const sticky = (source: string): RegExp => new RegExp(source, 'y');

export const RE = {
  approxPre: sticky('(?:大约|大概|约)'),
  relative: sticky(`(?:${alt(RELATIVE_BY_WORD.keys())})`),
  iso: sticky('(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d.])'),
  year: sticky(`(\\d{4}|[零〇一二三四五六七八九]{4})年`),
  year2: sticky(`(\\d{2})年(?=(?:\\d{1,2}|[${CN}]{1,2})月)`),
  relYear: sticky('(今年|去年|明年|前年|本年|当年)'),
  month: sticky(`(${NUM2})月(份)?`),
  relMonth: sticky('(本月|当月|上个?月|下个?月)'),
  day: sticky(`(${NUM2})(日|号)`),
  // 初 before 步/次/心 starts another word (3月初步统计: "preliminary figures for March").
  monthPart: sticky(`月?(上中旬|中下旬|上旬|中旬|下旬|初(?![步次心衷级])|底|末|中(?![\\u4e00-\\u9fff]))`),
  yearPart: sticky(`(?:年)?(初|底|末|终|中(?![\\u4e00-\\u9fff]))`),
  bareVague: sticky('(月初|月中|月底|月末|上旬|中旬|下旬|年初|年中|年底|年末|年终|岁末)'),
  season: sticky(`(?:${alt(Object.keys(SEASONS))})`),
  weekday: sticky('[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?'),
  part: sticky(`(?:${alt(PART_BY_WORD.keys())})`),
  clock: sticky(`(${NUM2})(时|点)(?:(\\d{1,2}|[${CN}]{1,3})分|(半)|(整)|(钟))?`),
  colon: sticky('(\\d{1,2})[:：](\\d{2})(?![\\d:：])'),
  approxPost: sticky('(?:许|左右|前后|多)'),
  range: sticky('(?:起至|至|到|——|—|–|－|-|~|～)'),
};

/** Candidate starts: anything a date expression can begin with. */
export const TRIGGER = new RegExp(
  `[0-9${CN}]|${alt([
    ...RELATIVE_BY_WORD.keys(),
    ...PART_BY_WORD.keys(),
    ...Object.keys(SEASONS),
    ...HOLIDAY_WORDS,
    '正月',
    '冬月',
    '腊月',
    '今年',
    '去年',
    '明年',
    '前年',
    '本年',
    '当年',
    '本月',
    '当月',
    '上月',
    '上个月',
    '下月',
    '下个月',
    '月初',
    '月中',
    '月底',
    '月末',
    '上旬',
    '中旬',
    '下旬',
    '年初',
    '年中',
    '年底',
    '年末',
    '年终',
    '岁末',
    '大约',
    '大概',
    '约',
  ])}`,
  'g',
);

export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
export const CN_NUMERAL = new RegExp(`[${CN}]`);
/** 时 starting a word rather than ending a clock time (时间, 时候, 时期 …). */
export const SHI_WORD = /^[间候期代段刻空差速效长髦尚常机事光局势限针节令辰分钟]/;
/**
 * What must follow an unmarked clock time (no day, no part of the day before it) to be
 * read as one: 3点建议 is three suggestions, 差一点 is "nearly". Arabic 3点 may also end
 * a clause; Chinese 一点/一时 may not, being words of their own.
 */
export const CLOCK_TAIL_ARABIC = /^(?:钟|半|多|许|左右|前后|整|[\d零〇一二三四五六七八九十]+分|$|[^\u3400-\u9fff])/;
export const CLOCK_TAIL_CHINESE = /^(?:钟|半|多|许|左右|前后|整|[\d零〇一二三四五六七八九十]+分)/;
/** Words before a number that make it a count, an ordinal or a habit rather than a date. */
export const BLOCKING_PREFIX = /(?:第|每|近|几|数|这|那|连续|持续|最近|每隔)$/;
export const HABITUAL_BEFORE = /(?:每天|每日|每周|每逢|天天|平时|平日|经常|通常|往往|一般)$/;
export const DAY_ONLY_BLOCKING_PREFIX = /[这那前后头半多个月]$/; // 月: what is left of a month that did not parse (13月5日)
export const DAY_ONLY_BLOCKING_SUFFIX = /^(?:内|之内|以内|里|来|间|多|左右)/;
/** 号 alone is a house, a line, a size … unless it is clearly followed by a time or a break. */
export const HAO_DAY_TAIL = new RegExp(`^(?:$|[^\\u3400-\\u9fff]|${alt(PART_BY_WORD.keys())}|[起至到前后当开以])`);
