/**
 * The admin routes' payloads: the editorial workflow (/chronicle/workflow/*) and extraction
 * (/chronicle/extract, /chronicle/extract/accept), requests and answers. The server's
 * validators (../validation/extraction.ts, ../validation/workflow.ts) add the messages and
 * the cross-field rules; a unit test keeps them accepting exactly these shapes. The admin
 * panels import the types from here (type-only: see plugins/chronicle/admin/tsconfig.json).
 *
 * Pure module with no import beyond zod and the vocabularies: the admin compiles it.
 */
import { z } from 'zod';
import { CORRECTION_KINDS, LOCALES, PRECISIONS, QUALIFIERS, WORKFLOW_STATES } from '../domain/enums';
import { SOURCE_KINDS, VERIFICATION_ACTIONS, VERIFICATION_STATES } from '../domain/verification';

const state = z.enum(WORKFLOW_STATES);
const instant = z.iso.datetime();
/** An ISO 8601 date-time with its offset (2022-03-08T08:00:00+08:00 or …Z), as a client may send it. */
const offsetDateTime = z.iso.datetime({ offset: true });

// ---- workflow -------------------------------------------------------------------------

/** Which document, in which locale: every workflow request names one. */
const subject = {
  uid: z.string(),
  documentId: z.string(),
  locale: z.string(),
};

/** POST /chronicle/workflow/transition */
export const transitionRequest = z.strictObject({
  ...subject,
  to: state,
  note: z.string().nullish(),
  publishAt: offsetDateTime.nullish(),
  correction: z.strictObject({ kind: z.enum(CORRECTION_KINDS), text: z.string() }).nullish(),
  /** The document's updatedAt as the client last read it (or send it as If-Match): a different one is a 409. */
  updatedAt: offsetDateTime.nullish(),
});

/** One step of a document's history, oldest first. `actor` is the name recorded with the step. */
export const historyEntry = z.strictObject({
  from: z.string(),
  to: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  at: instant,
});

/**
 * One item of a field report's package: an event or figure accepted from the report, which
 * moves with it through the workflow (../domain/package.ts, docs/workflow.md).
 */
export const packageItem = z.strictObject({
  type: z.enum(['timeline-event', 'grid-statistic']),
  documentId: z.string(),
  title: z.string(),
  state,
  /** The report's next steps this item stops by its state (history answer only; absent when none). */
  blocks: z.array(state).optional(),
});
/** A field report's package, as the caller may read it; absent for the other types. */
const packageField = { package: z.array(packageItem).optional() };

/** The answer to a transition: the new state and the history that now ends with it. */
export const transitionAnswer = z.strictObject({ state, history: z.array(historyEntry), ...packageField });

/** GET /chronicle/workflow/history?uid&documentId&locale */
export const historyQuery = z.strictObject(subject);
/** Its answer: the state, what the current user may do next, and the history. */
export const workflowInfo = z.strictObject({ state, available: z.array(state), history: z.array(historyEntry), ...packageField });

/** GET /chronicle/workflow/queue?state */
export const queueQuery = z.strictObject({ state: state.optional() });

export const queueItem = z.strictObject({
  uid: z.string(),
  type: z.string(),
  documentId: z.string(),
  locale: z.string(),
  title: z.string(),
  state,
  updatedAt: instant,
  scheduledFor: instant.nullable(),
  author: z.string().nullable(),
  mine: z.boolean(),
  ...packageField,
});

/** What waits for whom: counts by state, the sections a newsroom works through, and every item. */
export const queueAnswer = z.strictObject({
  counts: z.record(z.string(), z.int()),
  sections: z.strictObject({
    mine: z.array(queueItem),
    awaitingReview: z.array(queueItem),
    changesRequested: z.array(queueItem),
    approved: z.array(queueItem),
    recentlyPublished: z.array(queueItem),
  }),
  items: z.array(queueItem),
});

// ---- revisions ------------------------------------------------------------------------

/**
 * GET /chronicle/revisions/:uid/:documentId?locale&since: what to compare the newest revision
 * with: the version last approved (else last submitted), last submitted, or a revision number.
 */
export const revisionsQuery = z.strictObject({
  locale: z.string(),
  since: z.string().regex(/^(approved|submitted|\d{1,9})$/).optional(),
});
export type RevisionSince = 'approved' | 'submitted' | number;

/** One saved revision of a locale: the save counter after the save, what made it, who, when. */
export const revisionEntry = z.strictObject({
  number: z.int(),
  action: z.string(),
  editor: z.string(),
  savedAt: instant,
});

/** A piece of a text diff: unchanged (possibly cut to its context with …), inserted, deleted. */
export const textSegment = z.strictObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

/** What changed in one field (a component's field is named `dateline.place`). */
export const fieldChange = z.discriminatedUnion('kind', [
  z.strictObject({ field: z.string(), kind: z.literal('text'), segments: z.array(textSegment) }),
  z.strictObject({ field: z.string(), kind: z.literal('value'), before: z.string().nullable(), after: z.string().nullable() }),
  /** Items added and removed; both empty: the same items in a new order. */
  z.strictObject({ field: z.string(), kind: z.literal('list'), added: z.array(z.string()), removed: z.array(z.string()) }),
]);

export const revisionsAnswer = z.strictObject({
  uid: z.string(),
  documentId: z.string(),
  locale: z.string(),
  /** The revision compared with, and why it was chosen (with the workflow step it was taken at); null: none recorded. */
  base: revisionEntry
    .extend({
      reason: z.enum(['approved', 'submitted', 'revision', 'first']),
      step: z.strictObject({ actor: z.string(), at: instant, revision: z.int() }).nullable(),
    })
    .nullable(),
  current: revisionEntry.nullable(),
  changes: z.array(fieldChange),
  /** Newest first (the latest 50). */
  revisions: z.array(revisionEntry),
  /** A translation: whether the Chinese changed after it was translated; null for the Chinese itself. */
  translationStale: z.boolean().nullable(),
});

// ---- extraction -----------------------------------------------------------------------

/** The fingerprint of a proposal (../text/proposals.ts FINGERPRINT_RE). */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{32}$/;
const fingerprint = z.string().regex(FINGERPRINT_PATTERN);

/** POST /chronicle/extract */
export const extractRequest = z.strictObject({
  text: z.string(),
  dateline: z.string().optional(),
  reportDocumentId: z.string().optional(),
});

/** Where a proposal was read from: the expression as written, its offsets in the text sent, its sentence. */
const proposalSource = {
  text: z.string(),
  offset: z.int(),
  endOffset: z.int(),
  sentence: z.string(),
};

export const eventProposal = z.strictObject({
  ...proposalSource,
  fingerprint,
  title: z.string(),
  start: z.string(),
  end: z.string().optional(),
  precision: z.enum(PRECISIONS),
  approximate: z.boolean(),
  /** Why it resolved to this date (../text/dates.ts DateRule). */
  rule: z.string(),
  confidence: z.number(),
});

export const statisticProposal = z.strictObject({
  ...proposalSource,
  fingerprint,
  label: z.string(),
  value: z.number(),
  qualifier: z.enum(QUALIFIERS),
  /** The unit of count as written (名, 人次 …); '' when there is none. */
  unit: z.string(),
  unitName: z.string().optional(),
  metric: z.string(),
  /** Why it is proposed (../text/classify.ts FigureRule). */
  rule: z.string(),
  confidence: z.number(),
});

/** The answer to /chronicle/extract: the proposals not yet decided for the report. */
export const extractAnswer = z.strictObject({
  dateline: z.string(),
  events: z.array(eventProposal),
  statistics: z.array(statisticProposal),
  /** True when the text held more proposals than were returned. */
  truncated: z.boolean(),
});

/** A proposal accepted as a draft timeline event, as the reporter corrected it. */
export const acceptedEvent = z.strictObject({
  fingerprint,
  title: z.string(),
  start: z.string(),
  end: z.string().nullable().optional(),
  precision: z.enum(PRECISIONS),
  approximate: z.boolean(),
  /** The sentence it was read from; kept as the event's description. */
  text: z.string().optional(),
});

/** A proposal accepted as a draft figure. */
export const acceptedStatistic = z.strictObject({
  fingerprint,
  label: z.string(),
  value: z.number(),
  qualifier: z.enum(QUALIFIERS),
  unit: z.string(),
  metric: z.string(),
  text: z.string().optional(),
  /** The unit named in the sentence (name or short name): becomes the figure's scope unit. */
  unitName: z.string().optional(),
});

/** POST /chronicle/extract/accept: the accept payload. */
export const acceptRequest = z.strictObject({
  reportDocumentId: z.string(),
  locale: z.enum(LOCALES),
  events: z.array(acceptedEvent).optional(),
  statistics: z.array(acceptedStatistic).optional(),
  /** Fingerprints of proposals rejected: they are not proposed again for this report. */
  rejected: z.array(fingerprint).optional(),
  /** Per fingerprint sent: the proposal's kind and expression, kept with the decision. */
  sources: z.record(z.string(), z.strictObject({ kind: z.enum(['event', 'statistic']), text: z.string() })).optional(),
});

/** What was made: the drafts created, how many rejections were recorded, what had been decided already. */
export const acceptAnswer = z.strictObject({
  events: z.array(z.strictObject({ documentId: z.string(), title: z.string() })),
  statistics: z.array(z.strictObject({ documentId: z.string(), label: z.string() })),
  rejected: z.int(),
  /** Fingerprints left alone because they were already decided for this report. */
  alreadyDecided: z.array(z.string()),
});

// ---- fact check (issue #17) -------------------------------------------------------------

/** A figure's source as the editor may give it with a verification (the form's source fields). */
export const figureSourceInput = z.strictObject({
  kind: z.enum(SOURCE_KINDS, { message: `source.kind must be one of ${SOURCE_KINDS.join(', ')}` }),
  title: z.string().trim().max(200).nullish(),
  page: z.string().trim().max(40).nullish(),
  url: z.string().trim().max(500).nullish(),
  name: z.string().trim().max(80).nullish(),
  office: z.string().trim().max(120).nullish(),
});

/** POST /chronicle/figures/:documentId/verification — an editor who did not write the figure verifies or disputes it. */
export const verificationRequest = z.strictObject({
  action: z.enum(VERIFICATION_ACTIONS, { message: `action must be one of ${VERIFICATION_ACTIONS.join(', ')}` }),
  /** Why (required to dispute; kept private). */
  note: z.string().max(1000).nullish(),
  /** Fills or corrects the figure's source and method as the check is taken (else the stored ones). */
  source: figureSourceInput.nullish(),
  method: z.string().max(1000).nullish(),
});

/** The Fact check panel's view of a figure (GET and the POST's answer). The checker's name is for the newsroom only. */
export const verificationInfo = z.strictObject({
  documentId: z.string(),
  state: z.enum(VERIFICATION_STATES),
  source: z.strictObject({
    kind: z.enum(SOURCE_KINDS).nullable(),
    title: z.string().nullable(),
    page: z.string().nullable(),
    url: z.string().nullable(),
    name: z.string().nullable(),
    office: z.string().nullable(),
  }),
  method: z.string().nullable(),
  checker: z.string().nullable(),
  checkedAt: instant.nullable(),
  note: z.string().nullable(),
  /** Whether the caller may verify or dispute it now (an editor who did not write it). */
  mayCheck: z.boolean(),
  /** Why not, when not: a code and a bilingual message. */
  refusal: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});

// ---- notifications and calendar ------------------------------------------------------

/** The notice kinds (../domain/notifications.ts NOTIFICATION_KINDS; a unit test keeps them equal). */
export const NOTICE_KINDS = ['submitted', 'changes_requested', 'approved', 'scheduled', 'published', 'corrected', 'withdrawn'] as const;

/** GET /chronicle/notifications?cursor&limit&unread */
export const notificationsQuery = z.strictObject({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationItem = z.strictObject({
  id: z.int(),
  kind: z.enum(NOTICE_KINDS),
  uid: z.string(),
  documentId: z.string(),
  locale: z.string(),
  title: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  scheduledFor: instant.nullable(),
  createdAt: instant,
  readAt: instant.nullable(),
});

/** The caller's own notices, newest first; `unread` counts all of their unread ones. */
export const notificationsAnswer = z.strictObject({
  items: z.array(notificationItem),
  unread: z.int(),
  nextCursor: z.string().nullable(),
});

/** POST /chronicle/notifications/read: some of the caller's notices, or all of them. */
export const markReadRequest = z.union([
  z.strictObject({ ids: z.array(z.int().positive()).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);
export const markReadAnswer = z.strictObject({ updated: z.int(), unread: z.int() });

/** GET /chronicle/calendar?from&to: Beijing days YYYY-MM-DD, both included (../domain/calendar.ts). */
export const calendarQuery = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD'),
});

export const calendarItem = z.strictObject({
  kind: z.enum(['approved', 'scheduled', 'embargo', 'published']),
  uid: z.string(),
  type: z.string(),
  documentId: z.string(),
  locale: z.string(),
  title: z.string(),
  state,
  at: instant,
  /** HH:mm in Beijing, 24-hour. */
  time: z.string().regex(/^\d{2}:\d{2}$/),
});

export const calendarAnswer = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** The newsroom's zone (domain/time-zone.ts): Asia/Shanghai. */
  timeZone: z.string(),
  days: z.array(z.strictObject({ day: z.string(), items: z.array(calendarItem) })),
});

// ---- types ----------------------------------------------------------------------------

export type TransitionRequest = z.input<typeof transitionRequest>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type TransitionAnswer = z.infer<typeof transitionAnswer>;
export type WorkflowInfo = z.infer<typeof workflowInfo>;
export type QueueItem = z.infer<typeof queueItem>;
export type PackageItemAnswer = z.infer<typeof packageItem>;
export type QueueAnswer = z.infer<typeof queueAnswer>;
export type RevisionEntry = z.infer<typeof revisionEntry>;
export type TextSegment = z.infer<typeof textSegment>;
export type FieldChange = z.infer<typeof fieldChange>;
export type RevisionsAnswer = z.infer<typeof revisionsAnswer>;
export type ExtractRequest = z.input<typeof extractRequest>;
export type EventProposal = z.infer<typeof eventProposal>;
export type StatisticProposal = z.infer<typeof statisticProposal>;
export type ExtractAnswer = z.infer<typeof extractAnswer>;
export type AcceptedEvent = z.infer<typeof acceptedEvent>;
export type AcceptedStatistic = z.infer<typeof acceptedStatistic>;
export type AcceptRequest = z.input<typeof acceptRequest>;
export type AcceptAnswer = z.infer<typeof acceptAnswer>;
export type VerificationRequest = z.input<typeof verificationRequest>;
export type VerificationInfo = z.infer<typeof verificationInfo>;
export type NotificationItem = z.infer<typeof notificationItem>;
export type NotificationsAnswer = z.infer<typeof notificationsAnswer>;
export type MarkReadRequest = z.infer<typeof markReadRequest>;
export type MarkReadAnswer = z.infer<typeof markReadAnswer>;
export type CalendarAnswer = z.infer<typeof calendarAnswer>;
export type CalendarItem = z.infer<typeof calendarItem>;
