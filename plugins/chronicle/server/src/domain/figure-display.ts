/**
 * A figure as readers see it, in both locales: 100000 more-than 次 → '10万余次' and
 * 'more than 100,000'; 500000 nearly 人 → '近50万人' and 'nearly 500,000'. The English form
 * carries no unit of count: the figure's label names what was counted. Pure module.
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

const trimDecimals = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** Chinese newspaper style: digits below 万, then 万 / 亿 when the figure is round enough. */
export const zhNumber = (value: number): string => {
  if (value >= 1e8 && Math.round(value) % 1e7 === 0) return `${trimDecimals(value / 1e8)}亿`;
  if (value >= 1e4 && Math.round(value) % 1e3 === 0) return `${trimDecimals(value / 1e4)}万`;
  return trimDecimals(value);
};

export const enNumber = (value: number): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: 4 });

export interface FigureDisplay {
  'zh-Hans': string;
  en: string;
}

export const displayFigure = (value: number, qualifier: Qualifier, countUnit: string | null): FigureDisplay => {
  const unit = countUnit ?? '';
  // 余 sits between the number and the unit of count: 4800余人次, 10万余次.
  const zh = `${ZH_PREFIX[qualifier]}${zhNumber(value)}${qualifier === 'more-than' ? '余' : ''}${unit}`;
  return { 'zh-Hans': zh, en: `${EN_PREFIX[qualifier]}${enNumber(value)}` };
};
