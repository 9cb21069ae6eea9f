/**
 * The demo newsroom's shape (./types.ts) as a zod schema, so the JSON files under ./data are
 * checked when they are read and when the plugin is built (scripts/build-plugin.js). tsc checks
 * below that the schema and the interfaces describe the same data: a field added to one and not
 * the other fails the typecheck. Pure module: zod only.
 */
import { z } from 'zod';
import {
  BYLINE_ROLES,
  CONSENT_STATES,
  CONTRIBUTOR_KINDS,
  DATE_PRECISIONS,
  DUTY_ROLES,
  METRIC_PATTERN,
  PRECISIONS,
  PROFILE_KINDS,
  QUALIFIERS,
  SLUG_PATTERN,
  UNIT_KINDS,
} from '../domain/enums';
import { NEWSROOM_UTC_OFFSET } from '../domain/time-zone';
import type { DemoNewsroom } from './types';

const text = z.string().min(1);
const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a key is lowercase words joined by hyphens');
const slug = z.string().regex(new RegExp(SLUG_PATTERN), 'a slug is lowercase words joined by hyphens');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
/** A local time with the newsroom's offset, as the demo data writes its instants. */
const instant = z
  .string()
  .regex(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\${NEWSROOM_UTC_OFFSET}$`), `a time is YYYY-MM-DDThh:mm:ss${NEWSROOM_UTC_OFFSET}`);

/** Text in both locales; `en` may be left out. */
const bilingual = <T extends z.ZodType>(shape: T) => z.strictObject({ zh: shape, en: shape.optional() });

const unit = z.strictObject({
  key,
  slug,
  kind: z.enum(UNIT_KINDS),
  parent: key.optional(),
  text: bilingual(z.strictObject({ name: text, shortName: text.optional(), description: text.optional() })),
});

const contributor = z.strictObject({
  key,
  slug,
  kind: z.enum(CONTRIBUTOR_KINDS),
  text: bilingual(z.strictObject({ name: text, affiliation: text.optional() })),
});

const report = z.strictObject({
  key,
  slug,
  datelineDate: date,
  bylines: z.array(z.strictObject({ contributor: key, role: z.enum(BYLINE_ROLES) })),
  tags: z.array(text),
  profiles: z.array(key),
  chronicle: key.optional(),
  text: bilingual(
    z.strictObject({ title: text, kicker: text.optional(), dek: text.optional(), body: text, datelinePlace: text }),
  ),
});

const profile = z.strictObject({
  key,
  slug,
  kind: z.enum(PROFILE_KINDS),
  unit: key,
  dutyRoles: z.array(z.enum(DUTY_ROLES)),
  consent: z.enum(CONSENT_STATES),
  privateNotes: text.optional(),
  deeds: z.array(
    z.strictObject({
      date,
      precision: z.enum(DATE_PRECISIONS),
      report: key,
      text: bilingual(z.strictObject({ summary: text })),
    }),
  ),
  quotes: z.array(
    z.strictObject({
      saidOn: date.optional(),
      report: key.optional(),
      text: bilingual(z.strictObject({ text, context: text.optional() })),
    }),
  ),
  text: bilingual(z.strictObject({ fullName: text, roleTitle: text, citation: text })),
});

const chronicle = z.strictObject({
  key,
  slug,
  subjectUnit: key,
  periodStart: date,
  periodEnd: date,
  text: bilingual(z.strictObject({ title: text, summary: text, body: text })),
});

const event = z.strictObject({
  key,
  slug,
  occurredAt: instant,
  endAt: instant.optional(),
  precision: z.enum(PRECISIONS),
  approximate: z.boolean(),
  importance: z.number().int(),
  units: z.array(key),
  actors: z.array(key),
  chronicle: key.optional(),
  report: key,
  statistics: z.array(key),
  text: bilingual(z.strictObject({ title: text, description: text.optional(), place: text.optional() })),
});

const statistic = z.strictObject({
  key,
  slug,
  metric: z.string().regex(new RegExp(METRIC_PATTERN), 'a metric is lowercase words joined by hyphens'),
  value: z.number().finite(),
  qualifier: z.enum(QUALIFIERS),
  countUnit: text,
  scopeUnit: key,
  periodStart: date.optional(),
  periodEnd: date.optional(),
  asOf: date.optional(),
  report: key,
  /** The newspaper page the figure was printed on, when known: the demo's figures are verified against their report. */
  page: z.string().max(40).optional(),
  additive: z.boolean(),
  text: bilingual(z.strictObject({ label: text })),
});

/** Each collection's records, as one file (or, for the profiles, several) under ./data holds them. */
export const demoCollections = {
  units: z.array(unit),
  contributors: z.array(contributor),
  reports: z.array(report),
  profiles: z.array(profile),
  chronicles: z.array(chronicle),
  events: z.array(event),
  statistics: z.array(statistic),
};

export const demoNewsroomSchema = z.strictObject(demoCollections);

/** True only when A and B are the same type (an optional field in one only makes them differ). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// The schema and ./types.ts describe the same data (a compile-time check; nothing runs).
const schemaMatchesTypes: Same<z.infer<typeof demoNewsroomSchema>, DemoNewsroom> = true;
void schemaMatchesTypes;
