/**
 * How each type looks in the Content Manager: list columns, the order of the edit form,
 * which field names a related record, and labels. Pure data; services/layouts applies it.
 */
import type { TypeName } from './content-types';
import { NEWSROOM_TIME_ZONE } from './time-zone';

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

/** Text fields that take the whole width of the edit form. */
export const WIDE_FIELDS = ['title', 'name', 'fullName', 'dek', 'summary', 'description', 'label'];

/** Field labels in both of the newsroom's languages: "English · 中文". */
export const FIELD_LABELS: Record<string, [string, string]> = {
  name: ['Name', '名称'],
  shortName: ['Short name', '简称'],
  kind: ['Kind', '类别'],
  description: ['Description', '说明'],
  slug: ['Slug', '网址标识'],
  parent: ['Parent unit', '上级单位'],
  children: ['Sub-units', '下级单位'],
  profiles: ['Profiles', '人物'],
  statistics: ['Figures', '数据'],
  chronicles: ['Chronicles', '纪实'],
  events: ['Events', '事件'],
  affiliation: ['Affiliation', '所属单位'],
  adminUser: ['Admin account', '后台账号'],
  fullName: ['Full name', '姓名'],
  roleTitle: ['Role title', '职务'],
  unit: ['Unit', '单位'],
  dutyRoles: ['Duty roles', '职责'],
  portrait: ['Portrait', '肖像'],
  citation: ['Citation', '事迹'],
  deeds: ['Deeds', '事迹条目'],
  quotes: ['Quotes', '语录'],
  honours: ['Honours', '荣誉'],
  consent: ['Consent', '授权状态'],
  privateNotes: ['Private notes', '内部备注'],
  reports: ['Reports', '稿件'],
  workflowState: ['Workflow state', '流程状态'],
  sourceKind: ['Source kind', '来源类型'],
  sourceTitle: ['Source document', '来源文件'],
  sourcePage: ['Page', '页码'],
  sourceUrl: ['Source URL', '来源网址'],
  sourceName: ['Official’s name', '发言人'],
  sourceOffice: ['Official’s office', '发言人职务'],
  verificationMethod: ['How it was checked', '核实方法'],
  verificationState: ['Fact check', '核实状态'],
  verifiedAt: ['Checked at', '核实时间'],
  title: ['Title', '标题'],
  kicker: ['Kicker', '眉题'],
  dek: ['Dek', '导语'],
  body: ['Body', '正文'],
  dateline: ['Dateline', '电头'],
  bylines: ['Bylines', '署名'],
  cover: ['Cover photo', '封面图'],
  photos: ['Photos', '图片'],
  tags: ['Tags', '标签'],
  chronicle: ['Chronicle', '纪实'],
  embargoUntil: ['Embargo until', '解禁时间'],
  corrections: ['Corrections', '更正'],
  subjectUnit: ['Subject unit', '主体单位'],
  periodStart: ['Period start', '起始日期'],
  periodEnd: ['Period end', '结束日期'],
  summary: ['Summary', '摘要'],
  occurredAt: ['Occurred at', '发生时间'],
  endAt: ['Ended at', '结束时间'],
  precision: ['Precision', '时间精度'],
  approximate: ['Approximate', '约略时间'],
  timeZone: ['Time zone', '时区'],
  place: ['Place', '地点'],
  units: ['Units', '相关单位'],
  actors: ['People', '相关人物'],
  sourceReport: ['Source report', '来源稿件'],
  importance: ['Importance (1–5)', '重要程度'],
  media: ['Media', '多媒体'],
  metric: ['Metric key', '指标键'],
  label: ['Label', '名称'],
  value: ['Value', '数值'],
  qualifier: ['Qualifier', '限定词'],
  countUnit: ['Unit of count', '计量单位'],
  scopeUnit: ['Unit', '统计单位'],
  asOf: ['As of', '截至'],
  additive: ['Additive', '可汇总'],
  contentUid: ['Content type', '内容类型'],
  subjectDocumentId: ['Document', '文档'],
  subjectLocale: ['Locale', '语言'],
  from: ['From', '原状态'],
  to: ['To', '新状态'],
  actor: ['Actor', '操作人'],
  actorName: ['Actor', '操作人'],
  note: ['Note', '备注'],
  at: ['At', '时间'],
  // component fields
  contributor: ['Contributor', '作者'],
  role: ['Role', '角色'],
  date: ['Date', '日期'],
  image: ['Image', '图片'],
  caption: ['Caption', '图片说明'],
  credit: ['Credit', '署名'],
  alt: ['Alt text', '替代文字'],
  text: ['Text', '内容'],
  context: ['Context', '语境'],
  saidOn: ['Said on', '日期'],
  awardedBy: ['Awarded by', '授予单位'],
  awardedOn: ['Awarded on', '授予日期'],
  documentNo: ['Document no.', '文号'],
};

export const fieldLabel = (field: string): string | undefined => {
  const label = FIELD_LABELS[field];
  return label ? `${label[0]} · ${label[1]}` : undefined;
};

export const LAYOUT_VERSION = 4;

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
    descriptions: { embargoUntil: `Not published before this time (${NEWSROOM_TIME_ZONE}) / 解禁时间` },
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
    list: ['label', 'value', 'qualifier', 'countUnit', 'scopeUnit', 'verificationState', 'workflowState'],
    edit: [
      'label', 'metric', '|', 'value', 'qualifier', 'countUnit', '|', 'scopeUnit', 'additive', '|', 'periodStart', 'periodEnd', 'asOf', '|',
      'sourceKind', 'sourceTitle', 'sourcePage', '|', 'sourceUrl', '|', 'sourceName', 'sourceOffice', '|', 'verificationMethod', '|',
      'sourceReport', 'events', '|', 'slug', 'workflowState', 'verificationState',
    ],
    // The fact check is taken in the Fact check panel (核实), never typed into the form.
    readOnly: ['workflowState', 'verificationState'],
    relationLabels: { scopeUnit: 'name', sourceReport: 'title', events: 'title' },
    descriptions: {
      qualifier: 'As written: 10万余次 → More than; 近50万 → Nearly; 约 → About / 按原文：10万余次 → 以上；近50万 → 近；约 → 约',
      metric: 'Stable key, e.g. video-calls / 指标键',
      additive: 'May figures of this metric be summed up the unit tree? / 可否向上级单位汇总',
      sourceKind: 'Document (title, page), URL, official’s statement (name, office) or own count / 文件（标题、页码）、网址、官方表态（姓名、职务）或记者自行统计',
      verificationState: 'Set in the Fact check panel by an editor who did not write the figure / 由未录入该数字的编辑在“核实”面板中设定',
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
