/**
 * Who is told of which workflow step, and what they are told (docs/editors.md, "Notices").
 * Reporters hear what happens to their work (changes requested, approved, scheduled,
 * published, corrected, withdrawn); editors hear that something waits for review. The
 * message is in the recipient's admin language (zh-Hans unless they chose English), times in
 * Beijing time. Pure module: the service (services/notifications.ts) looks up the people,
 * stores the notices and sends the e-mail.
 */
import type { WorkflowState } from './enums';
import { NEWSROOM_TIME_ZONE } from './time-zone';

export const NOTIFICATION_KINDS = [
  'submitted',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'corrected',
  'withdrawn',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A committed workflow step, as the notices and webhooks hear of it. */
export interface TransitionFacts {
  uid: string;
  documentId: string;
  locale: string;
  title: string;
  from: WorkflowState;
  to: WorkflowState;
  /** The step's note (for a correction: its text). */
  note?: string | null;
  scheduledFor?: string | null;
  at: Date;
}

export type NoticeLanguage = 'zh-Hans' | 'en';

/** Who hears of a kind of step: the editors (everyone who may approve) or the document's authors. */
export type Audience = 'editors' | 'authors';

/** The longest note carried by a notice or an e-mail, in characters (the history has the rest). */
export const NOTE_EXCERPT_LENGTH = 280;

/**
 * The notice a step gives, if any. A submission is a step into review from outside it (an
 * edit recorded during review is not); taking a submission back, unscheduling and the return
 * of a withdrawn record to draft tell nobody.
 */
export const kindOfTransition = (from: WorkflowState, to: WorkflowState): NotificationKind | undefined => {
  if (to === 'in_review') return from === 'in_review' ? undefined : 'submitted';
  if (to === 'approved') return from === 'in_review' ? 'approved' : undefined;
  if (to === 'changes_requested' || to === 'scheduled' || to === 'published' || to === 'corrected' || to === 'withdrawn') return to;
  return undefined;
};

/**
 * Does a step by this actor tell anyone? People's steps and the scheduler's publications do;
 * the demo loader, imports and scripts walk records through the workflow in bulk and tell
 * nobody (no notices, e-mails or webhooks).
 */
export const tellsPeople = (actor: { kind: 'user' | 'system'; name: string }): boolean =>
  actor.kind === 'user' || actor.name === 'system:scheduler';

export const audienceOf = (kind: NotificationKind): Audience => (kind === 'submitted' ? 'editors' : 'authors');

/**
 * The admin users to tell: the editors for a submission, else the document's author and its
 * last submitter; never the person who took the step, each person once.
 */
export const recipientsOf = (
  kind: NotificationKind,
  people: { actorId?: number | null; authors: ReadonlyArray<number | null | undefined>; editors: readonly number[] }
): number[] => {
  const pool = audienceOf(kind) === 'editors' ? people.editors : people.authors;
  const out: number[] = [];
  for (const id of pool) {
    if (typeof id !== 'number' || id === people.actorId || out.includes(id)) continue;
    out.push(id);
  }
  return out;
};

/** The admin's preferred language (admin::user.preferedLanguage) as a notice language: Chinese unless English. */
export const noticeLanguage = (preferred: string | null | undefined): NoticeLanguage =>
  typeof preferred === 'string' && preferred.toLowerCase().startsWith('en') ? 'en' : 'zh-Hans';

/** A note shortened to the excerpt length, whitespace folded; null when there is none. */
export const noteExcerpt = (note: string | null | undefined, max = NOTE_EXCERPT_LENGTH): string | null => {
  const folded = (note ?? '').replace(/\s+/g, ' ').trim();
  if (!folded) return null;
  const chars = [...folded];
  return chars.length <= max ? folded : `${chars.slice(0, max - 1).join('')}…`;
};

/** An instant in Beijing time: `2022年3月8日 20:00` in Chinese (24-hour), `8 Mar 2022, 20:00` in English. */
export const beijingTime = (iso: string, language: NoticeLanguage): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: NEWSROOM_TIME_ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value])
  );
  if (language === 'zh-Hans') return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`;
  const month = new Intl.DateTimeFormat('en-GB', { timeZone: NEWSROOM_TIME_ZONE, month: 'short' }).format(date);
  return `${Number(parts.day)} ${month} ${parts.year}, ${parts.hour}:${parts.minute} (Beijing time)`;
};

export interface NoticeFacts {
  kind: NotificationKind;
  title: string;
  actor: string;
  note?: string | null;
  /** For a scheduled publication: when it will go out. */
  scheduledFor?: string | null;
}

const untitled = (language: NoticeLanguage) => (language === 'zh-Hans' ? '（无标题）' : '(untitled)');

/** One line saying what happened, for the notice list and the e-mail subject. */
export const noticeHeadline = (facts: NoticeFacts, language: NoticeLanguage): string => {
  const title = facts.title.trim() || untitled(language);
  const zh: Record<NotificationKind, string> = {
    submitted: `${facts.actor} 提交了《${title}》，等待审核`,
    changes_requested: `《${title}》需要修改`,
    approved: `《${title}》已通过审核`,
    scheduled: `《${title}》已安排发布`,
    published: `《${title}》已发布`,
    corrected: `《${title}》已刊登更正`,
    withdrawn: `《${title}》已撤回`,
  };
  const en: Record<NotificationKind, string> = {
    submitted: `${facts.actor} submitted “${title}” for review`,
    changes_requested: `Changes requested on “${title}”`,
    approved: `“${title}” was approved`,
    scheduled: `“${title}” is scheduled for publication`,
    published: `“${title}” was published`,
    corrected: `A correction was published on “${title}”`,
    withdrawn: `“${title}” was withdrawn`,
  };
  return (language === 'zh-Hans' ? zh : en)[facts.kind];
};

/** The e-mail: subject and plain-text body, with the link to the document in the admin. */
export const noticeEmail = (facts: NoticeFacts, language: NoticeLanguage, link: string): { subject: string; text: string } => {
  const zh = language === 'zh-Hans';
  const lines = [noticeHeadline(facts, language), ''];
  lines.push(zh ? `操作人：${facts.actor}` : `By: ${facts.actor}`);
  if (facts.kind === 'scheduled' && facts.scheduledFor) {
    lines.push(zh ? `发布时间（北京时间）：${beijingTime(facts.scheduledFor, language)}` : `Goes out: ${beijingTime(facts.scheduledFor, language)}`);
  }
  const note = noteExcerpt(facts.note);
  if (note) lines.push(zh ? `附言：${note}` : `Note: ${note}`);
  lines.push('', zh ? `打开稿件：${link}` : `Open it: ${link}`, '', zh ? '—— 编辑部（Chronicle）' : '— the newsroom (Chronicle)');
  return { subject: `[${zh ? '编辑部' : 'Newsroom'}] ${noticeHeadline(facts, language)}`, text: lines.join('\n') };
};

/** Where a document is edited in the admin, under the admin's base URL (`/admin` or absolute). */
export const adminDocumentPath = (adminBase: string, uid: string, documentId: string, locale: string): string =>
  `${adminBase.replace(/\/+$/, '')}/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
