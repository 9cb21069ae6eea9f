/**
 * The embeds' own words in both languages (site/embed/). Kept beside the embeds rather than
 * in ../strings.ts: the shared words (site name, timeline, corrections, error pages) come from
 * there, these are only what a framed card says about itself. Pure module.
 */
import type { Locale } from '../../domain/enums';

const zh = {
  /** Attribution at the foot of every embed. */
  from: (site: string) => `来源：${site}`,
  moreTimeline: (site: string) => `在${site}查看完整时间线`,
  readReport: '阅读全文',
  readProfile: '查看完整事迹',
  /** Said to screen readers after a link that opens a new tab. */
  newTab: '（在新标签页打开）',
  newestFirst: '最新的在前',
  published: '发布于',
  corrected: '最近更正于',
  hasCorrections: (n: number) => `本文有 ${n} 条更正或说明`,
  profileCorrected: (n: number) => `此页有 ${n} 条更正或说明`,
  beijingTime: '时间为北京时间',
  shown: (shown: number) => `显示最新的 ${shown} 个事件`,
  filtered: '筛选：',
  embedLabel: (title: string) => `${title}（嵌入内容）`,
  siteHome: '网站首页',
};

type EmbedStrings = typeof zh;

const en: EmbedStrings = {
  from: (site: string) => `From ${site}`,
  moreTimeline: (site: string) => `More on ${site}: the whole timeline`,
  readReport: 'Read the whole report',
  readProfile: 'Read the whole commendation',
  newTab: ' (opens in a new tab)',
  newestFirst: 'Newest first',
  published: 'Published',
  corrected: 'Last corrected',
  hasCorrections: (n: number) => `This report has ${n} ${n === 1 ? 'correction or clarification' : 'corrections or clarifications'}`,
  profileCorrected: (n: number) => `This page has ${n} ${n === 1 ? 'correction or clarification' : 'corrections or clarifications'}`,
  beijingTime: 'Times are Beijing time',
  shown: (shown: number) => `The newest ${shown} events`,
  filtered: 'Filter: ',
  embedLabel: (title: string) => `${title} (embedded)`,
  siteHome: 'Home page',
};

export const EMBED_STRINGS: Record<Locale, EmbedStrings> = { 'zh-Hans': zh, en };
