/**
 * The query parameters each public route accepts, as strict zod schemas: anything not
 * listed (filters, where, lookup, populate, status, fields, sort on other keys, pagination
 * of Strapi's own shape …) is refused with a 400 that names it. Values arrive as strings
 * from koa's query parser; a repeated parameter arrives as an array and is refused too.
 * Pure module.
 */
import { z } from 'zod';
import { normaliseLocale } from './share-params';
import { DateTime } from 'luxon';
import { LOCALES, PROFILE_KINDS, SLUG_PATTERN, METRIC_PATTERN } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import { PUBLIC_TYPES } from '../domain/corrections';

const slugParam = z.string().regex(new RegExp(SLUG_PATTERN), 'must be a slug (lower-case letters, digits and hyphens)').max(96);

const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day, YYYY-MM-DD')
  .refine((s) => DateTime.fromISO(s, { zone: NEWSROOM_TIME_ZONE }).isValid, 'is not a real calendar day');

const limitParam = z
  .string()
  .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 100, 'must be a whole number from 1 to 100');

/** zh-Hans or en; the spellings browsers and apps send (zh-CN, zh_CN, en-US) mean the same. */
export const localeParam = z.preprocess(normaliseLocale, z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }));

const cursorParam = z.string().min(1).max(400);

const search = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length >= 1 && s.length <= 100, 'must be 1 to 100 characters');

/** The timeline's filters: the list's, and the live stream's (GET /timeline/live). */
const timelineFilters = {
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  unit: slugParam.optional(),
  profile: z.string().max(96).regex(new RegExp(SLUG_PATTERN), 'must be a slug').optional(),
  chronicle: slugParam.optional(),
  q: search.optional(),
  locale: localeParam.optional(),
};

export const timelineQuery = z
  .object({
    ...timelineFilters,
    cursor: cursorParam.optional(),
    limit: limitParam.optional(),
    sort: z.enum(['occurredAt', '-occurredAt'], { message: 'can only be occurredAt or -occurredAt' }).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type TimelineQuery = z.infer<typeof timelineQuery>;

/**
 * The live timeline: the same filters (no paging: a stream has no page), and the position to
 * resume from for browsers that cannot send Last-Event-ID (checked by domain/live's parseLastEventId).
 */
export const liveTimelineQuery = z
  .object({ ...timelineFilters, lastEventId: z.string().max(20).optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type LiveTimelineQuery = z.infer<typeof liveTimelineQuery>;

export const reportsQuery = z
  .object({
    locale: localeParam.optional(),
    chronicle: slugParam.optional(),
    profile: z.string().max(96).regex(new RegExp(SLUG_PATTERN), 'must be a slug').optional(),
    tag: z.string().trim().min(1).max(40).optional(),
    cursor: cursorParam.optional(),
    limit: limitParam.optional(),
  })
  .strict();
export type ReportsQuery = z.infer<typeof reportsQuery>;

export const profilesQuery = z
  .object({
    locale: localeParam.optional(),
    unit: slugParam.optional(),
    kind: z.enum(PROFILE_KINDS, { message: `must be one of ${PROFILE_KINDS.join(', ')}` }).optional(),
    cursor: cursorParam.optional(),
    limit: limitParam.optional(),
  })
  .strict();
export type ProfilesQuery = z.infer<typeof profilesQuery>;

export const statisticsQuery = z
  .object({
    locale: localeParam.optional(),
    metric: z.string().regex(new RegExp(METRIC_PATTERN), 'must be a metric key').max(64).optional(),
    unit: slugParam.optional(),
    cursor: cursorParam.optional(),
    limit: limitParam.optional(),
  })
  .strict();
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

/** The corrections list: a locale, a record type, a page. */
export const correctionsQuery = z
  .object({
    locale: localeParam.optional(),
    type: z.enum(PUBLIC_TYPES, { message: `must be one of ${PUBLIC_TYPES.join(', ')}` }).optional(),
    cursor: cursorParam.optional(),
    limit: limitParam.optional(),
  })
  .strict();
export type CorrectionsQuery = z.infer<typeof correctionsQuery>;

/**
 * Search: q is checked by the search itself (domain/search.ts parseQuery), whose refusals are
 * coded and answered in the reader's language; here only its shape (one value, not huge).
 */
export const searchQuery = z
  .object({
    q: z.string().max(1000, 'must be at most 100 characters').optional(),
    locale: localeParam.optional(),
    cursor: cursorParam.optional(),
    limit: limitParam.optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuery>;

/** Routes that take only a locale (units, detail pages, feeds). */
export const localeOnlyQuery = z.object({ locale: localeParam.optional() }).strict();
export type LocaleOnlyQuery = z.infer<typeof localeOnlyQuery>;

export const noQuery = z.object({}).strict();

/** oEmbed's maxwidth and maxheight: whole pixels. */
const dimension = z
  .string()
  .regex(/^\d{1,5}$/, 'must be a whole number of pixels from 1 to 10000')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 10000, 'must be a whole number of pixels from 1 to 10000');

/**
 * GET /api/chronicle/oembed (https://oembed.com): the address to embed, the format (json; any
 * other is answered 501 by the controller, as the specification asks) and the size limits.
 */
export const oembedQuery = z
  .object({
    url: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required: the address of a timeline, commendation or report page of this site' : 'must be given once, as text') })
      .min(1, 'must not be empty')
      .max(2000, 'must be at most 2000 characters'),
    format: z.string().min(1, 'must not be empty').max(20, 'must be json').optional(),
    maxwidth: dimension.optional(),
    maxheight: dimension.optional(),
  })
  .strict();
export type OEmbedQuery = z.infer<typeof oembedQuery>;

/** Path parameter of the detail routes: a slug, or an anonymised profile's token. */
export const slugPath = slugParam;
