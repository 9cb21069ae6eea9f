/**
 * The vocabulary of Chinese date expressions: parts of the day and the hour each starts at,
 * words for days relative to another, seasons and the vague parts of a month or a year.
 */
export type PartName = 'before-dawn' | 'early-morning' | 'morning' | 'noon' | 'afternoon' | 'dusk' | 'evening' | 'late-night';

/** Start hour of each part of the day; all different, so a start hour names its part. */
export const PART_START: Readonly<Record<PartName, number>> = {
  'before-dawn': 0,
  'early-morning': 5,
  morning: 8,
  noon: 11,
  afternoon: 12,
  dusk: 17,
  evening: 18,
  'late-night': 23,
};

const PART_WORDS: ReadonlyArray<[string, PartName]> = [
  ['凌晨', 'before-dawn'],
  ['拂晓', 'early-morning'],
  ['黎明', 'early-morning'],
  ['清晨', 'early-morning'],
  ['早晨', 'early-morning'],
  ['早上', 'early-morning'],
  ['一早', 'early-morning'],
  ['上午', 'morning'],
  ['中午', 'noon'],
  ['午间', 'noon'],
  ['正午', 'noon'],
  ['下午', 'afternoon'],
  ['午后', 'afternoon'],
  ['傍晚', 'dusk'],
  ['黄昏', 'dusk'],
  ['晚上', 'evening'],
  ['晚间', 'evening'],
  ['夜里', 'evening'],
  ['夜间', 'evening'],
  ['半夜', 'late-night'],
  ['深夜', 'late-night'],
  ['午夜', 'late-night'],
  ['早', 'morning'],
  ['晚', 'evening'],
  ['夜', 'evening'],
];
export const PART_BY_WORD = new Map(PART_WORDS);

/** Words relative to the day last mentioned (or, for 今/昨/明, to the dateline). */
const RELATIVE_DAYS: ReadonlyArray<[string, { base: 'last' | 'dateline'; offset: number; part?: PartName }]> = [
  ['当日', { base: 'last', offset: 0 }],
  ['当天', { base: 'last', offset: 0 }],
  ['同日', { base: 'last', offset: 0 }],
  ['是日', { base: 'last', offset: 0 }],
  ['当晚', { base: 'last', offset: 0, part: 'evening' }],
  ['当夜', { base: 'last', offset: 0, part: 'evening' }],
  ['次日', { base: 'last', offset: 1 }],
  ['翌日', { base: 'last', offset: 1 }],
  ['第二天', { base: 'last', offset: 1 }],
  ['第二日', { base: 'last', offset: 1 }],
  ['隔天', { base: 'last', offset: 1 }],
  ['次晚', { base: 'last', offset: 1, part: 'evening' }],
  ['翌晨', { base: 'last', offset: 1, part: 'early-morning' }],
  ['前一天', { base: 'last', offset: -1 }],
  ['前一日', { base: 'last', offset: -1 }],
  ['头一天', { base: 'last', offset: -1 }],
  ['今天', { base: 'dateline', offset: 0 }],
  ['今日', { base: 'dateline', offset: 0 }],
  ['今晨', { base: 'dateline', offset: 0, part: 'early-morning' }],
  ['今早', { base: 'dateline', offset: 0, part: 'early-morning' }],
  ['今晚', { base: 'dateline', offset: 0, part: 'evening' }],
  ['今夜', { base: 'dateline', offset: 0, part: 'evening' }],
  ['昨天', { base: 'dateline', offset: -1 }],
  ['昨日', { base: 'dateline', offset: -1 }],
  ['昨晚', { base: 'dateline', offset: -1, part: 'evening' }],
  ['昨夜', { base: 'dateline', offset: -1, part: 'evening' }],
  ['前天', { base: 'dateline', offset: -2 }],
  ['前日', { base: 'dateline', offset: -2 }],
  ['明天', { base: 'dateline', offset: 1 }],
  ['明日', { base: 'dateline', offset: 1 }],
  ['后天', { base: 'dateline', offset: 2 }],
];
export const RELATIVE_BY_WORD = new Map(RELATIVE_DAYS);

/** Seasons by the traditional reckoning (spring from 立春): month each phrase points at. */
export const SEASONS: Readonly<Record<string, number>> = {
  早春: 2,
  初春: 2,
  仲春: 3,
  暮春: 4,
  晚春: 4,
  春末: 4,
  初夏: 5,
  仲夏: 6,
  盛夏: 7,
  晚夏: 7,
  夏末: 7,
  初秋: 8,
  仲秋: 9,
  深秋: 10,
  晚秋: 10,
  秋末: 10,
  初冬: 11,
  隆冬: 12,
  深冬: 12,
  冬末: 1,
};

/** Day of the month each vague part of a month starts on. */
export const MONTH_PARTS: Readonly<Record<string, number>> = {
  初: 1,
  上旬: 1,
  上中旬: 1,
  中: 11,
  中旬: 11,
  中下旬: 11,
  底: 21,
  末: 21,
  下旬: 21,
};
export const YEAR_PARTS: Readonly<Record<string, number>> = { 初: 1, 中: 6, 底: 12, 末: 12, 终: 12 };
