/**
 * Reader-facing labels for enum keys in both locales (GLOSSARY.md), for the public API.
 * Pure module.
 */
import type { BylineRole, DutyRole, Locale } from './enums';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const BYLINE_ROLE_LABELS: Labels<BylineRole> = {
  reporter: { 'zh-Hans': '记者', en: 'reporter' },
  correspondent: { 'zh-Hans': '通讯员', en: 'correspondent' },
  'text-and-photos': { 'zh-Hans': '文/摄', en: 'text and photos' },
  photographer: { 'zh-Hans': '摄', en: 'photographer' },
  editor: { 'zh-Hans': '编辑', en: 'editor' },
  translator: { 'zh-Hans': '译', en: 'translated by' },
};

export const DUTY_ROLE_LABELS: Labels<DutyRole> = {
  information: { 'zh-Hans': '信息员', en: 'information officer' },
  publicity: { 'zh-Hans': '宣传员', en: 'publicity officer' },
  service: { 'zh-Hans': '服务员', en: 'service officer' },
  mediation: { 'zh-Hans': '矛盾员', en: 'dispute mediator' },
  'co-management': { 'zh-Hans': '协管员', en: 'assistant administrator' },
  outreach: { 'zh-Hans': '温馨问候员', en: 'wellbeing caller' },
  counselling: { 'zh-Hans': '心理疏导员', en: 'counsellor' },
  screening: { 'zh-Hans': '先行排查员', en: 'advance screener' },
  'site-organising': { 'zh-Hans': '现场组织员', en: 'on-site organiser' },
  'home-visit': { 'zh-Hans': '入户引导员', en: 'home-visit guide' },
  'special-needs': { 'zh-Hans': '特需情报员', en: 'special-needs liaison' },
  errands: { 'zh-Hans': '红色代办员', en: 'errand runner' },
  supplies: { 'zh-Hans': '生活保障员', en: 'supplies officer' },
  logistics: { 'zh-Hans': '后勤保障', en: 'logistics' },
  command: { 'zh-Hans': '指挥调度', en: 'command' },
  security: { 'zh-Hans': '安保', en: 'security' },
  transfer: { 'zh-Hans': '转运', en: 'transfer' },
  sampling: { 'zh-Hans': '核酸采样', en: 'sampling' },
};

export const labelOf = <K extends string>(labels: Labels<K>, key: string | null | undefined, locale: Locale): string =>
  (key && (labels as Record<string, Record<Locale, string>>)[key]?.[locale]) || (key ?? '');
