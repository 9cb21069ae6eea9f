/**
 * Request bodies of the extraction routes, validated at the edge: what a client may send,
 * with limits, and one readable message for everything wrong with it. Pure module (zod).
 */
import { z } from 'zod';
import { LOCALES, METRIC_PATTERN, PRECISIONS, QUALIFIERS } from '../domain/enums';
import { FINGERPRINT_RE, isValidDateline, MAX_ROUTE_TEXT_BYTES, textProblem } from '../text/proposals';
import { describeIssues, issueParts } from './issues';

const MAX_ITEMS = 500;

const dateline = z
  .string({ error: 'must be a string in the form YYYY-MM-DD' })
  .refine(isValidDateline, { message: 'must be a real date in the form YYYY-MM-DD' });

const documentId = z.string().trim().min(1, { message: 'must not be empty' }).max(64);

/** An ISO 8601 instant with a time zone (Z or ±hh:mm), as the extractor writes it. */
const instant = z
  .string({ error: 'must be an ISO 8601 date-time with an offset' })
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v) && Number.isFinite(Date.parse(v)), {
    message: 'must be an ISO 8601 date-time with an offset, e.g. 2022-02-24T12:00:00+08:00',
  });

const fingerprint = z.string().regex(FINGERPRINT_RE, { message: 'must be a fingerprint from /chronicle/extract' });

export const extractBody = z
  .object({
    text: z.string({ error: 'is required and must be a string' }).superRefine((value, ctx) => {
      const problem = textProblem(value, MAX_ROUTE_TEXT_BYTES);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.replace(/^text /, '') });
    }),
    dateline: dateline.optional(),
    reportDocumentId: documentId.optional(),
  })
  .strict();

export type ExtractBody = z.infer<typeof extractBody>;

export const acceptedEvent = z
  .object({
    fingerprint,
    title: z.string().trim().min(1, { message: 'must not be empty' }).max(200),
    start: instant,
    end: instant.nullable().optional(),
    precision: z.enum(PRECISIONS),
    approximate: z.boolean(),
    /** The sentence it was read from; kept as the event's description. */
    text: z.string().max(4000).optional(),
  })
  .strict()
  .refine((e) => !e.end || Date.parse(e.end) >= Date.parse(e.start), { message: 'end must not be before start', path: ['end'] });

export const acceptedStatistic = z
  .object({
    fingerprint,
    label: z.string().trim().min(1, { message: 'must not be empty' }).max(120),
    value: z.number({ error: 'must be a number' }).finite().min(0, { message: 'must be zero or more' }),
    qualifier: z.enum(QUALIFIERS),
    unit: z.string().max(16),
    metric: z
      .string()
      .max(64)
      .regex(new RegExp(METRIC_PATTERN), { message: 'must be a kebab-case key such as video-calls' }),
    text: z.string().max(4000).optional(),
    /** The unit the extractor named in the sentence (name or short name): becomes the figure's scope unit. */
    unitName: z.string().trim().max(100).optional(),
  })
  .strict();

/** What a proposal was read from: its kind and expression, so it is recognised after its sentence is edited. */
const source = z.object({ kind: z.enum(['event', 'statistic']), text: z.string().min(1).max(200) }).strict();

export const acceptBody = z
  .object({
    reportDocumentId: documentId,
    locale: z.enum(LOCALES),
    events: z.array(acceptedEvent).max(MAX_ITEMS).default([]),
    statistics: z.array(acceptedStatistic).max(MAX_ITEMS).default([]),
    rejected: z.array(fingerprint).max(MAX_ITEMS * 4).default([]),
    /** Optional, per fingerprint sent: the proposal's kind and expression. */
    sources: z.record(z.string().regex(FINGERPRINT_RE, { message: 'must be a fingerprint from /chronicle/extract' }), source).optional(),
  })
  .strict()
  .refine((b) => b.events.length + b.statistics.length + b.rejected.length > 0, {
    message: 'nothing to accept or reject: send events, statistics or rejected',
  });

export type AcceptBody = z.infer<typeof acceptBody>;
export type AcceptedEvent = z.infer<typeof acceptedEvent>;
export type AcceptedStatistic = z.infer<typeof acceptedStatistic>;

/** This module's own messages by kind, for their other language (domain/messages `request.invalid`). */
const KINDS: Array<[string, string]> = [
  ['is required and must be a string', 'required'],
  ['must not be empty', 'required'],
  ['is empty', 'required'],
  ['contains ', 'not-text'],
  ['must be a string in the form YYYY-MM-DD', 'date'],
  ['must be a real date in the form YYYY-MM-DD', 'date'],
  ['must be an ISO 8601 date-time', 'datetime'],
  ['must be a fingerprint', 'fingerprint'],
  ['end must not be before start', 'end-before-start'],
  ['nothing to accept or reject', 'nothing'],
  ['must be zero or more', 'negative'],
  ['must be a number', 'number'],
  ['must be a kebab-case key', 'metric'],
];

/** The body parsed, or one message naming each problem with its path (and the problems as `request.invalid` parameters). */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown
): { data: z.infer<S> } | { problem: string; issues: ReturnType<typeof issueParts> } {
  const parsed = schema.safeParse(body ?? {});
  return parsed.success ? { data: parsed.data } : { problem: describeIssues(parsed.error, 'field'), issues: issueParts(parsed.error, 'field', KINDS) };
}
