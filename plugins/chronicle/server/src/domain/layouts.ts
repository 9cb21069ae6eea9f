/**
 * How each type looks in the Content Manager: list columns, the order of the edit form,
 * which field names a related record, and labels. Pure data; services/layouts applies it.
 */
import type { TypeName } from './content-types';

export interface LayoutSpec {
  mainField: string;
  defaultSortBy: string;
  defaultSortOrder: 'ASC' | 'DESC';
  list: string[];
  /** Edit form order; rows are packed by Strapi's default field sizes. '|' starts a new row. */
  edit: string[];
  /** Fields shown read-only (managed by the plugin). */
  readOnly?: string[];
  /** For relation fields: the target field shown in the picker. */
  relationLabels?: Record<string, string>;
  /** Help text under a field. */
  descriptions?: Record<string, string>;
}

export const LAYOUT_VERSION = 1;

export const LAYOUTS: Record<TypeName, LayoutSpec> = {
  unit: {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'kind', 'parent', 'slug'],
    edit: ['name', 'shortName', '|', 'kind', 'parent', '|', 'description', '|', 'slug', '|', 'children'],
    relationLabels: { parent: 'name', children: 'name', profiles: 'fullName', statistics: 'label', chronicles: 'title', events: 'title' },
    descriptions: { slug: 'Leave empty: filled from the name in pinyin / 留空则按名称拼音自动生成' },
  },
  contributor: {
    mainField: 'name',
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    list: ['name', 'kind', 'affiliation'],
    edit: ['name', 'kind', '|', 'affiliation', 'adminUser', '|', 'slug'],
    relationLabels: { adminUser: 'email' },
  },
  'frontline-profile': {
    mainField: 'fullName',
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    list: ['fullName', 'roleTitle', 'unit', 'consent', 'workflowState'],
    edit: [
      'fullName', 'roleTitle', '|', 'kind', 'unit', '|', 'consent', 'portrait', '|', 'citation', '|',
      'dutyRoles', '|', 'deeds', '|', 'quotes', '|', 'honours', '|', 'privateNotes', '|', 'reports', 'events', '|',
      'slug', 'workflowState',
    ],
    readOnly: ['workflowState'],
    relationLabels: { unit: 'name', reports: 'title', events: 'title' },
    descriptions: {
      consent: 'anonymised: shown as surname + 某, no portrait; withdrawn: removed from every public page',
      privateNotes: 'Never published: health, family and other sensitive details / 仅内部可见',
    },
  },
  'field-report': {
    mainField: 'title',
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    list: ['title', 'kicker', 'workflowState', 'embargoUntil'],
    edit: [
      'kicker', '|', 'title', '|', 'dek', '|', 'dateline', '|', 'bylines', '|', 'body', '|', 'cover', '|', 'photos', '|',
      'profiles', 'chronicle', '|', 'events', 'statistics', '|', 'tags', '|', 'embargoUntil', 'workflowState', '|',
      'corrections', '|', 'slug',
    ],
    readOnly: ['workflowState'],
    relationLabels: { profiles: 'fullName', chronicle: 'title', events: 'title', statistics: 'label' },
    descriptions: { embargoUntil: 'Not published before this time (Asia/Shanghai) / 解禁时间' },
  },
  chronicle: {
    mainField: 'title',
    defaultSortBy: 'periodStart',
    defaultSortOrder: 'DESC',
    list: ['title', 'subjectUnit', 'periodStart', 'periodEnd', 'workflowState'],
    edit: [
      'title', '|', 'subjectUnit', '|', 'periodStart', 'periodEnd', '|', 'summary', '|', 'body', '|', 'events', 'reports', '|',
      'slug', 'workflowState',
    ],
    readOnly: ['workflowState'],
    relationLabels: { subjectUnit: 'name', events: 'title', reports: 'title' },
  },
  'timeline-event': {
    mainField: 'title',
    defaultSortBy: 'occurredAt',
    defaultSortOrder: 'ASC',
    list: ['title', 'occurredAt', 'precision', 'chronicle', 'workflowState'],
    edit: [
      'title', '|', 'occurredAt', 'endAt', '|', 'precision', 'approximate', 'timeZone', '|', 'description', '|', 'place', 'importance', '|',
      'units', 'actors', '|', 'chronicle', 'sourceReport', '|', 'statistics', '|', 'media', '|', 'slug', 'workflowState',
    ],
    readOnly: ['workflowState'],
    relationLabels: { units: 'name', actors: 'fullName', chronicle: 'title', sourceReport: 'title', statistics: 'label' },
    descriptions: {
      precision: 'How exactly the time is known: 2月24日 is "day", 中午12时 is "hour" / 时间精度',
      approximate: 'The source says 许, 左右, 多 or 约 / 原文含“许、左右、多、约”',
    },
  },
  'grid-statistic': {
    mainField: 'label',
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    list: ['label', 'value', 'qualifier', 'countUnit', 'scopeUnit', 'workflowState'],
    edit: [
      'label', 'metric', '|', 'value', 'qualifier', 'countUnit', '|', 'scopeUnit', 'additive', '|', 'periodStart', 'periodEnd', 'asOf', '|',
      'sourceReport', 'events', '|', 'slug', 'workflowState',
    ],
    readOnly: ['workflowState'],
    relationLabels: { scopeUnit: 'name', sourceReport: 'title', events: 'title' },
    descriptions: {
      qualifier: '10万余次 → more-than; 近50万 → nearly; 约 → about / 余、多 → more-than',
      metric: 'Stable key, e.g. video-calls / 指标键',
      additive: 'May figures of this metric be summed up the unit tree? / 可否向上级单位汇总',
    },
  },
  'workflow-transition': {
    mainField: 'to',
    defaultSortBy: 'at',
    defaultSortOrder: 'DESC',
    list: ['contentUid', 'subjectDocumentId', 'from', 'to', 'actorName', 'at'],
    edit: ['contentUid', 'subjectDocumentId', 'subjectLocale', '|', 'from', 'to', '|', 'actorName', 'at', '|', 'note'],
    readOnly: ['contentUid', 'subjectDocumentId', 'subjectLocale', 'from', 'to', 'actorName', 'at', 'note', 'actor'],
  },
};
