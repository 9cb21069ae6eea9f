/**
 * The names the newsroom sees for its own types, in each language of the admin, one at a
 * time: content-type and component names, field labels and enumeration values. The Content
 * Manager looks these up by id (a type's display name; `content-manager.content-types.<uid>.<field>`
 * for a field; the bare value for an enumeration option), falling back to the stored
 * label. FIELD_LABELS mirrors server/src/domain/layouts (a unit test keeps them equal): the
 * admin bundle cannot import server code.
 */

/** Field labels: [English, 中文]. */
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

/** Content types (by their display name) and components: [uid, English, 中文]. */
export const TYPES: Array<[string, string, string]> = [
  ['plugin::chronicle.unit', 'Unit', '单位'],
  ['plugin::chronicle.contributor', 'Contributor', '作者'],
  ['plugin::chronicle.frontline-profile', 'Frontline profile', '一线人物'],
  ['plugin::chronicle.field-report', 'Field report', '稿件'],
  ['plugin::chronicle.chronicle', 'Chronicle', '纪实'],
  ['plugin::chronicle.timeline-event', 'Timeline event', '时间线事件'],
  ['plugin::chronicle.grid-statistic', 'Grid statistic', '网格数据'],
  ['plugin::chronicle.workflow-transition', 'Workflow transition', '流程记录'],
  ['plugin::chronicle.tombstone', 'Tombstone', '撤稿存档'],
];

export const COMPONENTS: Array<[string, string, string]> = [
  ['chronicle.byline', 'Byline', '署名'],
  ['chronicle.dateline', 'Dateline', '电头'],
  ['chronicle.photo', 'Photo', '图片'],
  ['chronicle.correction', 'Correction', '更正'],
  ['chronicle.deed', 'Deed', '事迹'],
  ['chronicle.quote', 'Quote', '语录'],
  ['chronicle.honour', 'Honour', '荣誉'],
  ['chronicle.duty-role', 'Duty role', '职责'],
  ['chronicle.withdrawal-notice', 'Withdrawal notice', '撤稿说明'],
  ['chronicle.tag', 'Tag', '标签'],
];

/** Enumeration values of the newsroom's types: value → [English, 中文]. */
export const ENUM_LABELS: Record<string, [string, string]> = {
  // workflow states
  draft: ['Draft', '草稿'],
  in_review: ['In review', '待审'],
  changes_requested: ['Changes requested', '退回修改'],
  approved: ['Approved', '已审定'],
  scheduled: ['Scheduled', '定时发布'],
  published: ['Published', '已发布'],
  corrected: ['Corrected', '已更正'],
  withdrawn: ['Withdrawn', '已撤回'],
  // unit kinds
  district: ['District', '区'],
  subdistrict: ['Subdistrict', '街道'],
  community: ['Community', '社区'],
  grid: ['Grid', '网格'],
  'police-bureau': ['Police bureau', '公安分局'],
  'police-station': ['Police station', '派出所'],
  'police-brigade': ['Police brigade', '警务大队'],
  hospital: ['Hospital', '医院'],
  school: ['School', '学校'],
  enterprise: ['Enterprise', '企业'],
  other: ['Other', '其他'],
  // contributors and bylines
  reporter: ['Reporter', '记者'],
  correspondent: ['Correspondent', '通讯员'],
  photographer: ['Photographer', '摄影'],
  editor: ['Editor', '编辑'],
  'text-and-photos': ['Text and photos', '文/摄'],
  translator: ['Translated by', '译'],
  // profiles
  'grid-worker': ['Grid worker', '网格员'],
  police: ['Police', '民警'],
  medical: ['Medical', '医务人员'],
  volunteer: ['Volunteer', '志愿者'],
  official: ['Official', '干部'],
  // duty roles
  information: ['Information', '信息员'],
  publicity: ['Publicity', '宣传员'],
  service: ['Service', '服务员'],
  mediation: ['Mediation', '调解员'],
  'co-management': ['Co-management', '协管员'],
  outreach: ['Outreach', '联络员'],
  counselling: ['Counselling', '疏导员'],
  screening: ['Screening', '排查员'],
  'site-organising': ['Site organising', '现场组织'],
  'home-visit': ['Home visits', '入户走访'],
  'special-needs': ['Special needs', '特殊人群帮扶'],
  errands: ['Errands', '代购代办'],
  supplies: ['Supplies', '物资保障'],
  logistics: ['Logistics', '后勤'],
  command: ['Command', '指挥'],
  security: ['Security', '安保'],
  transfer: ['Transfer', '转运'],
  sampling: ['Sampling', '采样'],
  // consent
  consented: ['Consented', '已授权'],
  'public-duty': ['Public duty', '公职身份'],
  anonymised: ['Anonymised', '已匿名'],
  // precisions
  year: ['Year', '年'],
  month: ['Month', '月'],
  day: ['Day', '日'],
  'part-of-day': ['Part of day', '时段'],
  hour: ['Hour', '时'],
  minute: ['Minute', '分'],
  // qualifiers
  exact: ['Exact', '确数'],
  'more-than': ['More than (余, 多, 逾)', '以上（余、多、逾）'],
  nearly: ['Nearly (近)', '近'],
  about: ['About (约, 左右)', '约（约、左右）'],
  'at-least': ['At least (至少)', '至少'],
  // fact check (issue #17): states and kinds of source
  unverified: ['Unverified', '未核实'],
  verified: ['Verified', '已核实'],
  disputed: ['Disputed', '有争议'],
  document: ['Document (title, page)', '文件（标题、页码）'],
  url: ['Web page (URL)', '网页（网址）'],
  statement: ['Official’s statement', '官方表态'],
  'own-count': ['Reporter’s own count', '记者自行统计'],
  // corrections
  correction: ['Correction', '更正'],
  clarification: ['Clarification', '说明'],
  update: ['Update', '补充'],
};

/** The Content Manager's message ids for our names, in one language (0 English, 1 中文). */
export function labelMessages(language: 0 | 1): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uid, en, zh] of TYPES) {
    out[en] = language ? zh : en;
    for (const [field, names] of Object.entries(FIELD_LABELS)) out[`content-manager.content-types.${uid}.${field}`] = names[language];
  }
  for (const [uid, en, zh] of COMPONENTS) {
    out[en] = language ? zh : en;
    for (const [field, names] of Object.entries(FIELD_LABELS)) out[`content-manager.components.${uid}.${field}`] = names[language];
  }
  for (const [value, names] of Object.entries(ENUM_LABELS)) out[value] = names[language];
  return out;
}
