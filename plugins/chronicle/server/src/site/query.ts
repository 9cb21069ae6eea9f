/**
 * The query parameters each site page accepts (strict: anything else is a 400 page), with
 * the language as `lang`. Share-tracking parameters that other sites append to links
 * (utm_*, fbclid, gclid) are ignored rather than refused, so a shared link still opens.
 * Pure module.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { LOCALES, PROFILE_KINDS, SLUG_PATTERN, type Locale, type ProfileKind } from '../domain/enums';
import type { PageName } from './paths';

const slug = z.string().regex(new RegExp(SLUG_PATTERN), 'must be a slug (lower-case letters, digits and hyphens)').max(96);
const lang = z.enum(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a calendar day, YYYY-MM-DD')
  .refine((s) => DateTime.fromISO(s, { zone: 'Asia/Shanghai' }).isValid, 'is not a real calendar day');
/** An empty value from a GET form ('All units') means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const langOnly = z.object({ lang: optional(lang) }).strict();

const SCHEMAS: Record<PageName, z.ZodType> = {
  home: langOnly,
  report: langOnly,
  profile: langOnly,
  chronicle: langOnly,
  unit: langOnly,
  statistics: langOnly,
  card: langOnly,
  timeline: z
    .object({ lang: optional(lang), unit: optional(slug), from: optional(day), to: optional(day) })
    .strict()
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] }),
  honours: z
    .object({
      lang: optional(lang),
      unit: optional(slug),
      kind: optional(z.enum(PROFILE_KINDS, { message: `must be one of ${PROFILE_KINDS.join(', ')}` })),
    })
    .strict(),
  sitemap: z.object({}).strict(),
  robots: z.object({}).strict(),
  asset: z.object({}).strict(),
};

const IGNORED = /^(utm_[a-z]+|fbclid|gclid)$/;

export type SiteQuery = { lang?: Locale; unit?: string; from?: string; to?: string; kind?: ProfileKind };

export const parseSiteQuery = (page: PageName, raw: Record<string, unknown>): { data: SiteQuery } | { problem: string } => {
  const query = Object.fromEntries(Object.entries(raw).filter(([k]) => !IGNORED.test(k)));
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') return { problem: `${key}: give it once, as plain text` };
  }
  const parsed = SCHEMAS[page].safeParse(query);
  if (parsed.success) return { data: parsed.data as SiteQuery };
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') return { problem: `unknown query parameter: ${issue.keys.join(', ')}` };
  return { problem: `${issue.path.join('.') || 'query'}: ${issue.message}` };
};
