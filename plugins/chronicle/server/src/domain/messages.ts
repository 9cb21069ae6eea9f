/**
 * The refusals of ours that an editor meets, by stable code, in both of the newsroom's
 * languages (docs/workflow.md#refusals-in-the-admins-language). A refusal carries its code and
 * its parameters in `details` (`details.code`, `details.params`); its `message` is rendered in
 * the language the request asked for (`Accept-Language`: zh… gives zh-Hans, anything else
 * English; the admin sends its own language on every request, admin/src/utils/admin-language.ts,
 * because Strapi's own toasts show `error.message` as it is and cannot be reached by a plugin).
 * One language at a time: never both joined. A client that wants the other language, or its
 * own wording, keys on `details.code`; the codes are stable.
 *
 * Pure module; its only import is the newsroom's time zone. Parameters are plain data (state and type keys, titles, ISO
 * times); each language names them in its own words.
 */

import { newsroomClock } from './time-zone';

export type MessageLanguage = 'zh-Hans' | 'en';
export type MessageParams = Record<string, unknown>;

/** A refusal by code: what the server sends in `details` and what a package item's reason is. */
export interface CodedMessage {
  code: MessageCode;
  params?: MessageParams;
}

type Render = (p: MessageParams, language: MessageLanguage) => string;

const STATES: Record<string, [string, string]> = {
  draft: ['草稿', 'draft'],
  in_review: ['待审', 'in review'],
  changes_requested: ['退回修改', 'changes requested'],
  approved: ['已审定', 'approved'],
  scheduled: ['定时发布', 'scheduled'],
  published: ['已发布', 'published'],
  corrected: ['已更正', 'corrected'],
  withdrawn: ['已撤回', 'withdrawn'],
};

const TYPES: Record<string, [string, string]> = {
  unit: ['单位', 'unit'],
  contributor: ['作者', 'contributor'],
  'frontline-profile': ['一线人物', 'frontline profile'],
  'field-report': ['稿件', 'field report'],
  chronicle: ['纪实', 'chronicle'],
  'timeline-event': ['时间线事件', 'timeline event'],
  'grid-statistic': ['网格数据', 'grid statistic'],
  'workflow-transition': ['流程记录', 'workflow transition'],
  tombstone: ['撤稿存档', 'tombstone'],
};

/** What still points at a unit or a contributor (middlewares/documents/lifecycle.ts). */
const REFERENCES: Record<string, [string, string]> = {
  'sub-units': ['下级单位', 'sub-units'],
  profiles: ['一线人物', 'profiles'],
  figures: ['网格数据', 'figures'],
  chronicles: ['纪实', 'chronicles'],
  events: ['时间线事件', 'events'],
  bylines: ['署名', 'bylines'],
};

const PERMISSIONS: Record<string, [string, string]> = {
  submit: ['提交', 'submit'],
  approve: ['审定', 'approve'],
  publish: ['发布', 'publish'],
};

/** A figure's check state (domain/verification.ts VERIFICATION_STATES). */
const CHECK_STATES: Record<string, [string, string]> = {
  unverified: ['未核实', 'unverified'],
  verified: ['已核实', 'verified'],
  disputed: ['有争议', 'disputed'],
};

/** A fact-check state's name in one language (the audit note of a verification step writes both). */
export const factCheckLabel = (state: string, language: MessageLanguage): string =>
  CHECK_STATES[state]?.[language === 'zh-Hans' ? 0 : 1] ?? state;

/** What a source still lacks (domain/verification.ts sourceProblems: the form field it names). */
const SOURCE_PARTS: Record<string, [string, string]> = {
  sourceTitle: ['文件标题', 'the document’s title'],
  sourceUrl: ['有效的网址（http/https）', 'a valid http(s) URL'],
  sourceName: ['发言人姓名', 'the official’s name'],
  sourceOffice: ['发言人职务', 'the official’s office'],
  sourceKind: ['来源类型', 'the kind of source'],
};

/**
 * Field names in Chinese, for field messages and request problems (the admin's field labels,
 * admin/src/translations). A path is named by its full form, else its last named segment
 * (`dateline.date`, `corrections.0.date`), else as it is.
 */
const FIELDS: Record<string, string> = {
  id: 'ID',
  title: '标题',
  name: '名称',
  fullName: '姓名',
  label: '名称',
  slug: '网址标识',
  value: '数值',
  occurredAt: '发生时间',
  endAt: '结束时间',
  periodStart: '起始日期',
  periodEnd: '截止日期',
  asOf: '统计截至',
  embargoUntil: '禁发至',
  verifiedAt: '核实时间',
  'dateline.date': '电头日期',
  date: '日期',
  saidOn: '讲话日期',
  awardedOn: '表彰日期',
  uid: '内容类型',
  documentId: '文档 ID',
  locale: '语言版本',
  to: '目标状态',
  state: '状态',
  note: '备注',
  publishAt: '发布时间',
  updatedAt: '更新时间',
  correction: '更正',
  'correction.kind': '更正类型',
  'correction.text': '更正内容',
  text: '文本',
  dateline: '电头日期',
  reportDocumentId: '稿件 ID',
  start: '开始时间',
  end: '结束时间',
  precision: '时间精度',
  approximate: '是否约数',
  qualifier: '数量修饰',
  unit: '计量单位',
  metric: '指标键',
  unitName: '单位名称',
  sources: '来源',
};
/** The lists of a request body whose items a path counts from 0 (the extraction's accept). */
const ITEMS: Record<string, string> = { events: '事件', statistics: '数字', rejected: '拒绝项' };
const fieldZh = (path: unknown): string => {
  const full = String(path ?? '');
  const item = /^(events|statistics|rejected)\.(\d+)(?:\.(.+))?$/.exec(full);
  if (item) return `第 ${Number(item[2]) + 1} 个${ITEMS[item[1]]}${item[3] ? `的${fieldZh(item[3])}` : ''}`;
  if (FIELDS[full]) return FIELDS[full];
  const last = full.split('.').reverse().find((segment) => segment && !/^\d+$/.test(segment));
  return (last && FIELDS[last]) || full;
};

/** One problem of a request's body or query (validation/issues.ts issueParts): its English text as written, its kind for other languages. */
const issueZh = (issue: any, l: MessageLanguage): string => {
  const field = fieldZh(issue?.field);
  const options = list(issue?.options).map((o) => {
    const key = String(o);
    if (issue?.field === 'uid') return `“${type(key.split('.').pop(), l)}”`;
    if (issue?.field === 'to' || issue?.field === 'state') return `“${state(key, l)}”`;
    return key;
  });
  switch (issue?.kind) {
    case 'unknown':
      return `${issue?.where === 'query' ? '未知的查询参数' : '未知字段'}：${list(issue?.keys).join('、')}`;
    case 'options':
      return `${field}须为以下之一：${options.join('、')}`;
    case 'datetime':
      return `${field}须为带时区的 ISO 8601 日期时间，如 2022-03-08T08:00:00+08:00`;
    case 'required':
      return `须填写${field}`;
    case 'too-long':
      return `${field}过长（最多 ${issue?.max} 个字符）`;
    case 'date':
      return `${field}须为实际存在的日期，格式为 YYYY-MM-DD`;
    case 'not-text':
      return `${field}不是文本（含有二进制数据或无效的 UTF-8 字符）`;
    case 'fingerprint':
      return `${field}须为提取结果中的标识`;
    case 'end-before-start':
      return `${field}不能早于开始时间`;
    case 'nothing':
      return '没有要采纳或拒绝的内容';
    case 'negative':
      return `${field}不能为负数`;
    case 'number':
      return `${field}须为数字`;
    case 'metric':
      return `${field}须为以短横线连接的小写英文键，如 video-calls`;
    default:
      return `${field}的值有误`;
  }
};

const pick = (table: Record<string, [string, string]>, key: unknown, language: MessageLanguage) =>
  table[String(key)]?.[language === 'zh-Hans' ? 0 : 1] ?? String(key);
const zh = (language: MessageLanguage) => language === 'zh-Hans';
const state = (key: unknown, language: MessageLanguage) => pick(STATES, key, language);
const type = (key: unknown, language: MessageLanguage) => pick(TYPES, key, language);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An ISO instant in Beijing time, 24-hour (the newsroom's zone, whatever the reader's). */
const beijing = (iso: unknown, language: MessageLanguage): string => {
  const date = new Date(String(iso));
  if (Number.isNaN(date.getTime())) return String(iso);
  const c = newsroomClock(date);
  return zh(language) ? `${c.year}年${c.month}月${c.day}日 ${c.time}（北京时间）` : `${c.date} ${c.time} (Beijing time)`;
};

/** Both languages of one code. */
const both = (zhText: (p: MessageParams) => string, enText: (p: MessageParams) => string): Render => (p, language) =>
  zh(language) ? zhText(p) : enText(p);

/** A package item's line: its title, its state and, when its own rules said so, why. */
const itemLine = (item: any, language: MessageLanguage): string => {
  const reason = item?.reason?.code ? renderMessage(item.reason.code, item.reason.params ?? {}, language) : '';
  return zh(language)
    ? `《${item?.title ?? ''}》（${state(item?.state, language)}${reason ? `：${reason}` : ''}）`
    : `"${item?.title ?? ''}" (${state(item?.state, language)}${reason ? `: ${reason}` : ''})`;
};

const VERBS: Record<string, [string, string]> = {
  approved: ['审定', 'approved'],
  scheduled: ['定时发布', 'scheduled'],
  published: ['发布', 'published'],
};

export const MESSAGES = {
  // The state machine (domain/workflow.ts).
  'workflow.no-transition': ((p, l) => {
    const options = list(p.options);
    return zh(l)
      ? `无法从“${state(p.from, l)}”转为“${state(p.to, l)}”` + (options.length ? `；“${state(p.from, l)}”可转为：${options.map((o) => `“${state(o, l)}”`).join('、')}` : '')
      : `cannot go from ${p.from} to ${p.to}` + (options.length ? `; from ${p.from} the document can go to ${options.join(', ')}` : '');
  }) as Render,
  'workflow.needs-permission': ((p, l) =>
    zh(l)
      ? `转为“${state(p.to, l)}”需要编辑流程的“${pick(PERMISSIONS, p.permission, l)}”权限`
      : `moving a document to ${p.to} needs the workflow "${p.permission}" permission`) as Render,
  'workflow.author-or-editor': both(() => '只有作者或编辑可以这样做', () => 'only the author or an editor can do this'),
  'workflow.own-work': both(() => '作者不能审定自己的稿件', () => 'an author cannot approve their own work'),
  'workflow.changed-since-submitted': both(
    () => '提交审核后您修改过此稿件，须由另一位编辑审定',
    () => 'you changed this document since it was submitted; another editor must approve it'
  ),
  'workflow.note-required.changes': both(() => '请填写备注，告诉作者需要修改什么', () => 'a note telling the author what to change is required'),
  'workflow.note-required.withdrawal': both(() => '撤稿须填写公开理由', () => 'a public reason for the withdrawal is required'),
  'workflow.correction-required': both(() => '须填写更正（类型和内容）', () => 'a correction (kind and text) is required'),
  'workflow.publish-at.required': both(() => '定时发布须填写发布时间', () => 'publishAt is required to schedule publication'),
  'workflow.publish-at.invalid': both(() => '发布时间须为带时区的 ISO 8601 日期时间', () => 'publishAt must be an ISO 8601 date-time'),
  'workflow.publish-at.past': both(() => '发布时间必须晚于现在', () => 'publishAt must be in the future'),
  'workflow.publish-at.before-embargo': ((p, l) =>
    zh(l) ? `发布时间早于禁发期（${beijing(p.embargo, l)}）` : `publishAt is before the embargo (${p.embargo})`) as Render,
  'workflow.embargoed': ((p, l) =>
    zh(l) ? `禁发至 ${beijing(p.embargo, l)}，请改为定时发布` : `embargoed until ${p.embargo}; schedule it instead`) as Render,
  'workflow.scheduled-later': ((p, l) =>
    zh(l) ? `已定于 ${beijing(p.scheduledFor, l)} 发布；如需立即发布，请先取消定时发布` : `scheduled for ${p.scheduledFor}; unschedule it to publish now`) as Render,

  // The workflow service (services/workflow.ts).
  'workflow.unknown-type': ((p, l) =>
    zh(l) ? '此类内容不经过编辑流程' : `uid must be one of ${list(p.uids).join(', ')}`) as Render,
  'workflow.no-version': ((p, l) =>
    zh(l) ? `找不到此${type(p.type, l)}的 ${p.locale} 版本（${p.documentId}）` : `no ${p.locale} version of ${p.type} ${p.documentId}`) as Render,
  'workflow.stale': both(() => '您读取之后此文档已有变动，请重新加载后再试', () => 'the document changed since you read it; reload it and try again'),
  'workflow.race': both(() => '他人同时修改了此文档，请重新加载后再试', () => 'someone else changed this document at the same moment; reload it and try again'),
  'workflow.alt-text': ((p, l) =>
    zh(l) ? `发布前每张图片都须有替代文字：${list(p.fields).join('、')}` : `alt text is required for every image before publishing: ${list(p.fields).join(', ')}`) as Render,
  'workflow.private-markup': ((p, l) =>
    zh(l)
      ? `私密标记无法安全读取，因此不能${pick(VERBS, p.to, l)}：${list(p.problems).join('；')}`
      : `private markup cannot be read safely, so this cannot be ${p.to}: ${list(p.problems).join('; ')}`) as Render,
  'workflow.invalid-request': ((p, l) =>
    zh(l) ? `请求有误：${p.problem ?? ''}` : `invalid request: ${p.problem ?? ''}`) as Render,

  // A report is a package (domain/package.ts).
  'package.blocked': ((p, l) => {
    const items = list(p.items).map((item) => itemLine(item, l));
    return zh(l)
      ? `稿件的关联条目尚不能一并${pick(VERBS, p.to, l)}，请先处理：${items.join('、')}`
      : `the report cannot be ${pick(VERBS, p.to, l)} until its linked items can go with it: ${items.join(', ')}`;
  }) as Render,

  // The document guards under the Content Manager (middlewares/documents/*).
  'document.not-yours': ((p, l) =>
    zh(l) ? `您无权修改他人的${type(p.type, l)}，未作任何更改。` : `You may not change this ${p.type}: it belongs to someone else, and nothing was changed.`) as Render,
  'document.cannot-copy': ((p, l) =>
    zh(l) ? `您无权复制此${type(p.type, l)}：您无法读取它。` : `You may not copy this ${p.type}: you cannot read it.`) as Render,
  'document.cannot-create': ((p, l) => (zh(l) ? `您无权新建${type(p.type, l)}。` : `You may not create a ${p.type}.`)) as Render,
  'document.admin-only': both(() => '编辑部的内容只能在管理后台中编写，未作任何更改。', () => 'The newsroom is written through the admin panel only; nothing was changed.'),
  'document.write-not-allowed': both(() => '不允许此写入操作', () => 'this write is not allowed'),
  'document.unknown-write': ((p, l) =>
    zh(l) ? `编辑部不允许对${type(p.type, l)}执行“${p.action}”操作，未作任何更改` : `"${p.action}" is not a write the newsroom allows on ${p.type}; nothing was changed`) as Render,
  'document.audit-append-only': both(
    () => '流程记录只能追加：不能直接写入或修改',
    () => 'The audit trail is append-only: workflow transitions cannot be written or changed directly'
  ),
  'document.stale-revision': ((p, l) =>
    zh(l)
      ? `在您打开之后，他人已保存此文档（您打开的是第 ${p.sent} 版，现为第 ${p.stored ?? '?'} 版）。本次未保存任何内容。表单现已显示包含对方修改的最新版本；可在“您未保存的修改”面板中恢复您的修改，核对后再保存。`
      : `Someone else saved this document after you opened it (you opened revision ${p.sent}; it is now at revision ${p.stored ?? '?'}). ` +
        'Nothing was saved. The form now shows the current version with their changes; the "Your unsaved changes" panel puts yours back, to check against theirs and save again.') as Render,
  'document.publish-after-edit': both(
    () => '未发布，也未保存任何内容：此稿件是按原样审定的，您的修改需要重新审核。请先保存修改（稿件将退回审核），再经审定后发布。',
    () =>
      'Not published, and nothing was saved: this document was approved as it stood, and your changes to it need a new review. ' +
      'Save your changes (the document goes back to review), then have it approved again before publishing.'
  ),
  'document.publishing-needs-editor': both(() => '发布需要编辑或指定的系统操作者，未作任何更改', () => 'publishing needs an editor or a named system actor; nothing was changed'),
  'document.one-locale': both(() => '每次只能发布或撤下一种语言版本', () => 'publish and unpublish one locale at a time'),
  'document.referenced': ((p, l) => {
    const by = list(p.by).map((b: any) => (zh(l) ? `${b?.count ?? ''} 条${pick(REFERENCES, b?.what, l)}` : `${b?.count ?? ''} ${b?.what ?? ''}`));
    return zh(l)
      ? `此${type(p.type, l)}仍被以下内容引用：${by.join('、')}；请先改指或移除它们`
      : `this ${p.type} is still referenced by ${by.join(', ')}; reassign or remove those first`;
  }) as Render,
  'document.delete-published': both(() => '此文档已发布：请先撤稿再删除', () => 'this document is published: withdraw it before deleting it'),
  'unit.cycle': ((p, l) =>
    zh(l)
      ? `上级单位不能是本单位或其下级单位（${list(p.chain).join(' → ')}）`
      : `parent would make a cycle (${list(p.chain).join(' → ')}): a unit cannot be inside itself`) as Render,
  'slug.permanent': ((p, l) =>
    zh(l)
      ? `此${type(p.type, l)}已在“${p.slug}”公开发布，网址不可更改，请保留原网址标识`
      : `slug: this ${p.type} has been public at "${p.slug}", and a published address is permanent; keep that slug`) as Render,
  'slug.taken': ((p, l) =>
    zh(l) ? `网址标识“${p.slug}”已被另一${type(p.type, l)}使用` : `slug "${p.slug}" is already used by another ${p.type}`) as Render,

  // The fact check of figures (domain/verification.ts, services/verification.ts, the workflow's approval gate).
  'figure.not-found': ((p, l) => (zh(l) ? `找不到该数字（${p.documentId}）` : `no figure ${p.documentId}`)) as Render,
  'figure.verify.not-editor': both(() => '只有编辑可以核实数字', () => 'only an editor may check a figure'),
  'figure.verify.own-figure': both(
    () => '不能核实自己录入的数字，请由另一位编辑核实',
    () => 'you cannot check a figure you wrote yourself; another editor must check it'
  ),
  'figure.verify.same-state': ((p, l) =>
    zh(l) ? `该数字已是“${pick(CHECK_STATES, p.state, l)}”` : `the figure is already ${pick(CHECK_STATES, p.state, l)}`) as Render,
  'figure.verify.note-required': both(() => '标记争议时须说明理由', () => 'a note saying what is disputed is required'),
  'figure.verify.source-incomplete': ((p, l) =>
    zh(l)
      ? `核实前须填写来源：${list(p.missing).map((m) => pick(SOURCE_PARTS, m, l)).join('、')}`
      : `a verified figure needs its source: ${list(p.missing).map((m) => pick(SOURCE_PARTS, m, l)).join(', ')}`) as Render,
  'figure.verify.unverified': ((p, l) => {
    const figures = list(p.figures) as Array<{ label?: string; display?: string; state?: string }>;
    return zh(l)
      ? `以下数字尚未经编辑核实，不能审定：${figures.map((f) => `“${f.label ?? ''}” ${f.display ?? ''}（${pick(CHECK_STATES, f.state, l)}）`).join('、')}`
      : `these figures have not been verified by an editor, so this cannot be approved: ${figures.map((f) => `"${f.label ?? ''}" ${f.display ?? ''} (${pick(CHECK_STATES, f.state, l)})`).join(', ')}`;
  }) as Render,

  // Field rules under the Content Manager (domain/validation.ts): shown next to the field.
  'field.empty': ((p, l) => (zh(l) ? `${fieldZh(p.field)}不能为空` : `${p.field} must not be empty`)) as Render,
  'field.required': ((p, l) => (zh(l) ? `须填写${fieldZh(p.field)}` : `${p.field} is required`)) as Render,
  'field.not-before': ((p, l) =>
    zh(l) ? `${fieldZh(p.field)}不能早于${fieldZh(p.earlier)}` : `${p.field} must not be before ${p.earlier}`) as Render,
  'field.negative': ((p, l) => (zh(l) ? `${fieldZh(p.field)}不能为负数` : `${p.field} must be zero or more`)) as Render,
  'field.dateline-future': ((p, l) =>
    zh(l)
      ? `电头日期不能晚于明天（北京时间），最晚为 ${p.latest}`
      : `dateline.date must not be in the future (at most ${p.latest}, tomorrow in Asia/Shanghai)`) as Render,
  'field.date-empty-text': ((p, l) =>
    zh(l) ? `${fieldZh(p.field)}格式有误，请按 2022-03-08 的格式填写；不填请留空` : `${p.field} must be a date such as 2022-03-08, or null to leave it empty`) as Render,
  'field.date': ((p, l) => (zh(l) ? `${fieldZh(p.field)}格式有误，请按 2022-03-08 的格式填写` : `${p.field} must be a date such as 2022-03-08`)) as Render,
  'field.year-range': ((p, l) =>
    zh(l)
      ? `${fieldZh(p.field)}须在 ${p.minYear} 年至 ${p.maxYear} 年之间`
      : `${p.field} must be between the years ${p.minYear} and ${p.maxYear}`) as Render,
  'field.number': ((p, l) =>
    zh(l) ? `${fieldZh(p.field)}须为阿拉伯数字，如 1200 或 3.5` : `${p.field} must be a number written in digits, such as 1200 or 3.5`) as Render,
  'field.too-large': ((p, l) => (zh(l) ? `${fieldZh(p.field)}最大为 ${p.max}` : `${p.field} must be at most ${p.max}`)) as Render,
  'field.slug-text': both(() => '网址标识须为文本', () => 'slug must be text'),
  'field.slug-form': both(
    () => '网址标识只能包含小写字母 a–z、数字 0–9 和单个连字符（最多 96 个字符）',
    () => 'slug may contain only lower-case letters a–z, digits 0–9 and single hyphens (at most 96)'
  ),
  'field.slug-reserved': ((p, l) =>
    zh(l)
      ? `以“${p.prefix}”开头的网址标识留给匿名人物的公开地址使用`
      : `slugs starting with "${p.prefix}" are reserved for anonymised people's public addresses`) as Render,
  'field.private-markup': ((p, l) =>
    zh(l)
      ? `${fieldZh(p.field)}：私密标记（{{private: …}}、{{anon: …}}、::: private）只能用于正文或引文，请在此处删除`
      : `${p.field}: private markup ({{private: …}}, {{anon: …}}, ::: private) only works in the body or citation; remove it here`) as Render,
  'field.id': both(() => 'ID 由服务器分配，不能在请求中设置', () => 'id is assigned by the server and cannot be set in a request body'),

  // Requests of the admin's own routes (workflow, extraction, revisions, fact check, notices, calendar).
  'request.invalid': ((p, l) =>
    zh(l) ? list(p.issues).map((issue) => issueZh(issue, l)).join('；') : list(p.issues).map((issue: any) => String(issue?.en ?? '')).join('; ')) as Render,
  'request.unknown-locale': ((p, l) =>
    zh(l) ? `语言版本须为以下之一：${list(p.locales).join('、')}` : `locale must be one of ${list(p.locales).join(', ')}`) as Render,
  'request.admin-required': both(() => '需要以管理后台用户身份登录', () => 'an admin user is required'),
  'request.cursor': both(() => '游标（cursor）无效：须为本接口返回的游标', () => 'cursor: not a cursor returned by this API'),
  'request.mark-read': ((p, l) =>
    zh(l)
      ? `请发送 {"ids": [通知编号]} 或 {"all": true}：${list(p.issues).map((issue) => issueZh(issue, l)).join('；')}`
      : `send {"ids": [notice ids]} or {"all": true}: ${list(p.issues).map((issue: any) => String(issue?.en ?? '')).join('; ')}`) as Render,
  'request.calendar-day': ((p, l) =>
    zh(l) ? `${p.field === 'to' ? '结束日期（to）' : '开始日期（from）'}须为实际存在的日期，格式为 YYYY-MM-DD` : `${p.field} must be a calendar day written YYYY-MM-DD`) as Render,
  'request.calendar-reversed': both(() => '结束日期（to）不能早于开始日期（from）', () => 'to must not be before from'),
  'request.calendar-span': ((p, l) => (zh(l) ? `日期范围最多 ${p.max} 天` : `the range may span at most ${p.max} days`)) as Render,
  'request.if-match': both(
    () => 'If-Match 须为文档的更新时间（ISO 8601 日期时间）',
    () => 'If-Match must carry the document’s updatedAt as an ISO 8601 date-time'
  ),
  'extract.too-large': ((p, l) =>
    zh(l)
      ? `文本为 ${p.size}，超过 ${p.limit} 的上限，请分成几篇再提取。`
      : `The text is ${p.size}, more than the ${p.limit} allowed: split it into several reports.`) as Render,
  'extract.timeout': ((p, l) => (zh(l) ? '提取超时，请缩短文本后重试。' : `${p.detail ?? 'the extraction took too long'}: try a shorter text.`)) as Render,
  'extract.report-not-found': ((p, l) =>
    zh(l)
      ? `找不到该稿件（${p.documentId}${p.locale ? `，${p.locale} 版本` : ''}）`
      : `no field report ${p.documentId}${p.locale ? ` in ${p.locale}` : ''}`) as Render,
  'extract.report-forbidden': ((p, l) =>
    zh(l)
      ? `您无权${p.action === 'read' ? '读取' : '修改'}此稿件（${p.documentId}）`
      : `you may not ${p.action === 'read' ? 'read' : 'edit'} field report ${p.documentId}`) as Render,
  'extract.cannot-create': ((p, l) =>
    zh(l) ? `您无权新建${type(p.type, l)}` : `you may not create ${p.type === 'timeline-event' ? 'timeline events' : 'grid statistics'}`) as Render,
  // Search (domain/search.ts parseQuery).
  'search.q-required': both(() => '请输入要搜索的内容（q）', () => 'q: say what to search for'),
  'search.q-too-long': ((p, l) => (zh(l) ? `搜索内容过长：最多 ${p.max} 个字` : `q: at most ${p.max} characters`)) as Render,
  'search.q-too-short': ((p, l) =>
    zh(l)
      ? `“${p.term}”太短：每个词至少两个字（单个汉字可以，如姓氏“张”）`
      : `q: "${p.term}" is too short: each word needs at least two characters (a single Chinese character, such as a surname, is allowed)`) as Render,
  'search.q-too-many-words': ((p, l) => (zh(l) ? `搜索词过多：最多 ${p.max} 个` : `q: at most ${p.max} words`)) as Render,
} satisfies Record<string, Render>;

export type MessageCode = keyof typeof MESSAGES;

export const isMessageCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, code);

/** The text of a code in one language. */
export function renderMessage(code: MessageCode, params: MessageParams = {}, language: MessageLanguage = 'en'): string {
  return MESSAGES[code](params, language);
}

/**
 * The language a request asks for: its `Accept-Language`'s first tag (zh, zh-CN, zh-Hans… give
 * zh-Hans); English otherwise, and when it says nothing (scripts, API clients).
 */
export function languageOf(acceptLanguage: string | null | undefined): MessageLanguage {
  const first = String(acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-Hans' : 'en';
}
