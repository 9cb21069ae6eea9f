/**
 * The query parameters the site's pages accept (strict: anything else is a 400 page), with
 * the language as `lang`. Which page takes which schema is said in site/routes.ts, the site's
 * route table. Share-tracking parameters that other sites append to links (utm_*, fbclid,
 * gclid) are ignored rather than refused, so a shared link still opens. Pure module.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { LOCALES, PROFILE_KINDS, SLUG_PATTERN, type Locale, type ProfileKind } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';

const slug = z.string().regex(new RegExp(SLUG_PATTERN), 'must be a slug (lower-case letters, digits and hyphens)').max(96);
const lang = z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day, YYYY-MM-DD')
  .refine((s) => DateTime.fromISO(s, { zone: NEWSROOM_TIME_ZONE }).isValid, 'is not a real calendar day');
/** An empty value from a GET form ('All units') means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A page that takes only the language. */
export const langOnlyQuery = z.object({ lang: optional(lang) }).strict();

export const timelinePageQuery = z
  .object({ lang: optional(lang), unit: optional(slug), from: optional(day), to: optional(day) })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const honoursPageQuery = z
  .object({
    lang: optional(lang),
    unit: optional(slug),
    kind: optional(z.enum(PROFILE_KINDS, { message: `must be one of ${PROFILE_KINDS.join(', ')}` })),
  })
  .strict();

/** Files (sitemap.xml, robots.txt, assets) take no parameter at all. */
export const noPageQuery = z.object({}).strict();

const IGNORED = /^(utm_[a-z]+|fbclid|gclid)$/;

export type SiteQuery = { lang?: Locale; unit?: string; from?: string; to?: string; kind?: ProfileKind };

/** A page's query checked against its schema: the values, or the first problem as one sentence. */
export const parsePageQuery = (schema: z.ZodType, raw: Record<string, unknown>): { data: SiteQuery } | { problem: string } => {
  const query = Object.fromEntries(Object.entries(raw).filter(([k]) => !IGNORED.test(k)));
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') return { problem: `${key}: give it once, as plain text` };
  }
  const parsed = schema.safeParse(query);
  if (parsed.success) return { data: parsed.data as SiteQuery };
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') return { problem: `unknown query parameter: ${issue.keys.join(', ')}` };
  return { problem: `${issue.path.join('.') || 'query'}: ${issue.message}` };
};
