/**
 * A figure as readers see it, in both locales: 100000 more-than 次 → '10万余次' and
 * 'more than 100,000 times'; 500000 nearly 人 → '近50万人' and 'nearly 500,000 people'.
 * English gets the unit of count's word where it has one (GLOSSARY.md); where the Chinese
 * word is only a classifier (个, 家 …) the English is the bare number and the figure's label
 * names what was counted. Pure module.
 */
import type { Qualifier } from './enums';

const ZH_PREFIX: Record<Qualifier, string> = { exact: '', 'more-than': '', nearly: '近', about: '约', 'at-least': '至少' };
const EN_PREFIX: Record<Qualifier, string> = {
  exact: '',
  'more-than': 'more than ',
  nearly: 'nearly ',
  about: 'about ',
  'at-least': 'at least ',
};

/**
 * English words (singular, plural) for the units of count that carry a meaning of their own,
 * as GLOSSARY.md translates them. Left out on purpose: 个 and 家, classifiers that take
 * whatever noun the label has ("893个党组织" is 893 Party organisations, "3家医院" three
 * hospitals), where a word of our own — "units", "firms" — would be wrong or, for "units",
 * read as the newsroom's own units; and measures of time, money or space, which the
 * statistics do not hold.
 */
export const EN_COUNT_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  名: ['person', 'people'],
  人: ['person', 'people'],
  位: ['person', 'people'],
  人次: ['person-time', 'person-times'],
  次: ['time', 'times'],
  辆次: ['vehicle-time', 'vehicle-times'],
  辆: ['vehicle', 'vehicles'],
  支: ['team', 'teams'],
  户: ['household', 'households'],
  份: ['copy', 'copies'],
  轮: ['round', 'rounds'],
};

/** The English word for `value` of this unit of count, or '' when it has none. */
export const enCountWord = (value: number, countUnit: string | null): string => {
  const words = countUnit ? EN_COUNT_WORDS[countUnit] : undefined;
  if (!words) return '';
  return value === 1 ? words[0] : words[1];
};

const trimDecimals = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** Chinese newspaper style: digits below 万, then 万 / 亿 when the figure is round enough. */
export const zhNumber = (value: number): string => {
  if (value >= 1e8 && Math.round(value) % 1e7 === 0) return `${trimDecimals(value / 1e8)}亿`;
  if (value >= 1e4 && Math.round(value) % 1e3 === 0) return `${trimDecimals(value / 1e4)}万`;
  return trimDecimals(value);
};

/** One formatter for all: toLocaleString builds a new one per call (25 µs), and a response may print thousands. */
const EN_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
export const enNumber = (value: number): string => EN_NUMBER.format(value);

export interface FigureDisplay {
  'zh-Hans': string;
  en: string;
}

export const displayFigure = (value: number, qualifier: Qualifier, countUnit: string | null): FigureDisplay => {
  const unit = countUnit ?? '';
  // 余 sits between the number and the unit of count: 4800余人次, 10万余次.
  const zh = `${ZH_PREFIX[qualifier]}${zhNumber(value)}${qualifier === 'more-than' ? '余' : ''}${unit}`;
  const word = enCountWord(value, countUnit);
  return { 'zh-Hans': zh, en: `${EN_PREFIX[qualifier]}${enNumber(value)}${word ? ` ${word}` : ''}` };
};
