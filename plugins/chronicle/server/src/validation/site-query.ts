/**
 * The query parameters the site's pages read, with the language as `lang`. Which page takes
 * which schema is said in site/routes.ts, the site's route table. Pages are not the API: a
 * parameter a page does not read (WeChat's `from=singlemessage&isappinstalled=0`, `utm_*`,
 * anything else) is ignored, and the page's canonical link names only what it read; a bad
 * value of a parameter it reads (`lang=fr`, `from=2022-13-01`) is still a 400 page naming it.
 * WeChat's `from` (singlemessage, groupmessage, timeline) is not the timeline's `from` day and
 * is ignored too. Pure module.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { LOCALES, PROFILE_KINDS, SLUG_PATTERN, type Locale, type ProfileKind } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import { PUBLIC_TYPES, type PublicTypeName } from '../domain/corrections';
import { normaliseLocale, ownParameters } from './share-params';

const slug = z.string().regex(new RegExp(SLUG_PATTERN), 'must be a slug (lower-case letters, digits and hyphens)').max(96);
const lang = z.preprocess(normaliseLocale, z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` }));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day, YYYY-MM-DD')
  .refine((s) => DateTime.fromISO(s, { zone: NEWSROOM_TIME_ZONE }).isValid, 'is not a real calendar day');
/** An empty value from a GET form ('All units') means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A page that takes only the language. */
export const langOnlyQuery = z.object({ lang: optional(lang) }).strict();

/** The timeline: unit and period, and the cursor of a later page of its plain list. */
export const timelinePageQuery = z
  .object({ lang: optional(lang), unit: optional(slug), from: optional(day), to: optional(day), cursor: optional(z.string().max(400)) })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const honoursPageQuery = z
  .object({
    lang: optional(lang),
    unit: optional(slug),
    kind: optional(z.enum(PROFILE_KINDS, { message: `must be one of ${PROFILE_KINDS.join(', ')}` })),
  })
  .strict();

/** The corrections page: a type of record, and the cursor of an older page. */
export const correctionsPageQuery = z
  .object({
    lang: optional(lang),
    type: optional(z.enum(PUBLIC_TYPES, { message: `must be one of ${PUBLIC_TYPES.join(', ')}` })),
    cursor: optional(z.string().max(400)),
  })
  .strict();

/** The search page: the words (checked by the search itself, domain/search.ts) and a page's cursor. */
export const searchPageQuery = z
  .object({ lang: optional(lang), q: z.string().max(1000, 'must be at most 100 characters').optional(), cursor: optional(z.string().max(400)) })
  .strict();

/** Files (sitemap.xml, robots.txt, assets) take no parameter at all. */
export const noPageQuery = z.object({}).strict();

/** WeChat's `from`: where a link was shared (a chat, a group, Moments), never a day. */
const SHARE_SOURCE = /^(?:singlemessage|groupmessage|timeline|message|appmessage|session)$/i;

export type SiteQuery = { lang?: Locale; unit?: string; from?: string; to?: string; kind?: ProfileKind; type?: PublicTypeName; cursor?: string; q?: string };

/** A page's query checked against its schema: the values, or the first problem as one sentence. */
export const parsePageQuery = (schema: z.ZodType, raw: Record<string, unknown>): { data: SiteQuery } | { problem: string } => {
  const own = new Set(ownParameters(schema));
  const query = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => own.has(k) && !(k === 'from' && typeof v === 'string' && SHARE_SOURCE.test(v)))
  );
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') return { problem: `${key}: give it once, as plain text` };
  }
  const parsed = schema.safeParse(query);
  if (parsed.success) return { data: parsed.data as SiteQuery };
  // Only the page's own parameters reach the schema, so the problem is a value of one of them.
  const issue = parsed.error.issues[0];
  return { problem: `${issue.path.join('.') || 'query'}: ${issue.message}` };
};
