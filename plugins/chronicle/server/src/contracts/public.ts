/**
 * The public answers of /api/chronicle/*, one schema each: what the serializers of
 * ../services/public-read return and what ../domain/openapi.ts describes (its component
 * schemas are generated from these). Add a field here and to the serializer; the API
 * description follows. See docs/api.md.
 *
 * Objects are strict, except the two third-party formats (TimelineJS, JSON Feed), which
 * may carry more than they list, as their own specifications allow. Pure module.
 */
import { z } from 'zod';
import { ENTRY_KINDS, PUBLIC_TYPES } from '../domain/corrections';
import { CORRECTION_KINDS, PRECISIONS, QUALIFIERS } from '../domain/enums';
import { SOURCE_KINDS, VERIFICATION_STATES } from '../domain/verification';
import {
  byline,
  calendarDay,
  components,
  datedRef,
  display,
  instant,
  listOf,
  localeFields,
  pageMeta,
  pageOf,
  personRef,
  photo,
  recordOf,
  slugTitle,
  translationFields,
  unitRef,
} from './shared';

// ---- corrections ----------------------------------------------------------------------

/** A public correction of a record: its kind, text and date; nothing about who wrote it. */
export const correction = z
  .strictObject({
    date: instant.nullable(),
    displayDate: z.string().nullable().describe('The date and time in Asia/Shanghai, as the site shows it'),
    kind: z.enum(CORRECTION_KINDS),
    text: z.string(),
  })
  .register(components, { id: 'Correction' });

// ---- timeline -------------------------------------------------------------------------

export const event = z
  .strictObject({
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    occurredAt: instant,
    endAt: instant.nullable(),
    precision: z.enum(PRECISIONS),
    approximate: z.boolean(),
    timeZone: z.string(),
    displayDate: z.string(),
    displayEndDate: z.string().nullable(),
    place: z.string().nullable(),
    importance: z.int().nullable(),
    units: z.array(z.strictObject({ slug: z.string(), name: z.string(), kind: z.string() })),
    actors: z.array(personRef),
    chronicle: slugTitle.nullable(),
    source: slugTitle.nullable(),
    corrections: z.array(correction),
    ...localeFields,
    ...translationFields,
  })
  .register(components, { id: 'Event' });

export const timelinePage = pageOf(event).register(components, { id: 'TimelinePage' });

/**
 * The live timeline's messages (GET /timeline/live, Server-Sent Events): the `data:` of each
 * SSE event, by event name. `publish` and `update` carry the event as the timeline lists it;
 * events are named by their slug (no public answer carries a documentId).
 */
export const liveItemMessage = z.strictObject({ slug: z.string(), item: event }).register(components, { id: 'LiveItemMessage' });
export const liveRemoveMessage = z.strictObject({ slug: z.string() }).register(components, { id: 'LiveRemoveMessage' });
export const liveReadyMessage = z.strictObject({ lastEventId: z.int().min(0) }).register(components, { id: 'LiveReadyMessage' });
export const liveResetMessage = z
  .strictObject({ reason: z.enum(['pruned', 'unknown']), lastEventId: z.int().min(0) })
  .register(components, { id: 'LiveResetMessage' });
export type LiveItemMessage = z.infer<typeof liveItemMessage>;

/** An object of a third-party format: it may carry more than it lists. */
const looseObject = z.looseObject;

/** A TimelineJS date: the calendar parts down to the event's precision, and how to show it. */
const slideDate = looseObject({
  year: z.int(),
  month: z.int().optional(),
  day: z.int().optional(),
  hour: z.int().optional(),
  minute: z.int().optional(),
  display_date: z.string().optional(),
});

export const timelineJs = looseObject({
  title: looseObject({}),
  events: z.array(
    looseObject({
      unique_id: z.string(),
      start_date: slideDate,
      end_date: looseObject({ year: z.unknown() }).optional(),
      display_date: z.string(),
      text: z.strictObject({ headline: z.string(), text: z.string() }),
      media: z.strictObject({ url: z.string(), caption: z.string(), credit: z.string() }).optional(),
      group: z.string().optional(),
    })
  ),
  eras: z.array(looseObject({ start_date: z.unknown(), text: z.unknown() })),
  meta: z.strictObject({ locale: z.string(), nextCursor: z.string().nullable() }).optional(),
}).register(components, { id: 'TimelineJs' });

// ---- reports --------------------------------------------------------------------------

const reportSummaryFields = {
  slug: z.string(),
  title: z.string(),
  kicker: z.string().nullable(),
  dek: z.string().nullable(),
  dateline: z.strictObject({ place: z.string().nullable(), date: calendarDay.nullable(), displayDate: z.string().nullable() }),
  bylines: z.array(byline),
  tags: z.array(z.string()),
  cover: photo.nullable(),
  chronicle: slugTitle.nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  ...localeFields,
  ...translationFields,
};

export const reportSummary = z.strictObject(reportSummaryFields).register(components, { id: 'ReportSummary' });
export const reportsPage = pageOf(reportSummary).register(components, { id: 'ReportsPage' });

/** "How we know" a figure (issue #17): its source's parts, its fact-check state and when it was checked; never who checked it. */
export const figureVerification = z
  .strictObject({
    state: z.enum(VERIFICATION_STATES).describe('verified: checked by an editor who did not write it; unverified: not (yet) checked — shown, but not summed; disputed figures are never listed.'),
    source: z
      .strictObject({
        kind: z.enum(SOURCE_KINDS),
        title: z.string().nullable().describe('document: its title'),
        page: z.string().nullable().describe('document: the page'),
        url: z.string().nullable().describe('url: the address'),
        name: z.string().nullable().describe('statement: the official’s name'),
        office: z.string().nullable().describe('statement: the official’s office'),
      })
      .nullable(),
    checkedAt: z.string().nullable().describe('When an editor verified it (UTC), null when unverified.'),
  })
  .register(components, { id: 'FigureVerification' });

export const figure = z
  .strictObject({
    slug: z.string(),
    metric: z.string(),
    label: z.string(),
    value: z.number(),
    qualifier: z.enum(QUALIFIERS),
    countUnit: z.string().nullable(),
    display,
    unit: unitRef.nullable(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    asOf: z.string().nullable(),
    additive: z.boolean(),
    source: slugTitle.nullable(),
    verification: figureVerification,
    corrections: z.array(correction),
    ...localeFields,
  })
  .register(components, { id: 'Figure' });

export const reportDetail = z.strictObject({
  ...reportSummaryFields,
  bodyHtml: z.string(),
  photos: z.array(photo),
  corrections: z.array(correction),
  profiles: z.array(personRef),
  events: z.array(datedRef),
  statistics: z.array(figure),
  disputedFigures: z
    .array(z.strictObject({ slug: z.string(), label: z.string() }))
    .describe('Figures the report cites whose accuracy is disputed: named, never stated as fact (no value).'),
});
export const reportAnswer = recordOf(reportDetail).register(components, { id: 'Report' });

// ---- profiles -------------------------------------------------------------------------

/** A person on the honour roll; the commendation adds to it. */
const profileSummaryFields = {
  slug: z.string(),
  name: z.string(),
  roleTitle: z.string().nullable(),
  kind: z.string(),
  anonymised: z.boolean(),
  unit: unitRef.nullable(),
  portrait: z
    .strictObject({
      url: z.string(),
      alt: z.string().nullable(),
      width: z.int().nullable(),
      height: z.int().nullable(),
      sources: z.array(z.strictObject({ url: z.string(), width: z.int() })),
    })
    .nullable(),
  dutyRoles: z.array(z.strictObject({ key: z.string(), label: z.string() })),
  ...translationFields,
};

export const profileSummary = z.strictObject({ ...profileSummaryFields, ...localeFields }).register(components, { id: 'ProfileSummary' });
export const profilesPage = pageOf(profileSummary).register(components, { id: 'ProfilesPage' });

export const profileDetail = z.strictObject({
  ...profileSummaryFields,
  citationHtml: z.string(),
  deeds: z.array(
    z.strictObject({ date: z.string(), precision: z.string(), displayDate: z.string(), summary: z.string(), source: slugTitle.nullable() })
  ),
  quotes: z.array(z.strictObject({ text: z.string(), context: z.string().nullable(), saidOn: z.string().nullable() })),
  honours: z.array(
    z.strictObject({ title: z.string(), awardedBy: z.string().nullable(), awardedOn: z.string().nullable(), documentNo: z.string().nullable() })
  ),
  reports: z.array(slugTitle),
  events: z.array(datedRef),
  corrections: z.array(correction),
  ...localeFields,
});
export const profileAnswer = recordOf(profileDetail).register(components, { id: 'Profile' });

// ---- chronicles -----------------------------------------------------------------------

export const chronicleDetail = z.strictObject({
  slug: z.string(),
  title: z.string(),
  subjectUnit: unitRef.nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  displayPeriod: z.strictObject({ start: z.string().nullable(), end: z.string().nullable() }),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  events: z.array(event),
  reports: z.array(slugTitle),
  corrections: z.array(correction),
  ...localeFields,
  ...translationFields,
});
export const chronicleAnswer = recordOf(chronicleDetail).register(components, { id: 'Chronicle' });

// ---- statistics -----------------------------------------------------------------------

const excludedCounts = z.strictObject({ unverified: z.int().min(0), disputed: z.int().min(0) });

export const rollup = z
  .strictObject({
    metric: z.string(),
    countUnit: z.string().nullable(),
    unit: unitRef,
    value: z.number(),
    qualifier: z.enum(QUALIFIERS),
    display,
    count: z.int().min(1),
    excluded: excludedCounts.describe('Additive figures of this metric and unit of count at or below the unit that were left out of the sum because they are not verified.'),
  })
  .describe(
    'The sum of the additive figures of one metric and unit of count reported for this unit and the units below it. count is how many figures were summed; they are the additive ones with this countUnit among statistics?metric=<metric>&unit=<unit slug>.'
  )
  .register(components, { id: 'Rollup' });

export const statisticsAnswer = z
  .strictObject({
    data: z.strictObject({
      figures: z.array(figure),
      rollups: z
        .array(rollup)
        .nullable()
        .describe('Roll-ups of the whole selection (metric, unit) on the first page, the one requested without a cursor; null on the pages after it.'),
      excluded: excludedCounts
        .nullable()
        .describe('Additive figures of the whole selection left out of the roll-ups because they are not verified (first page; null after it). Roll-ups sum verified figures only.'),
    }),
    meta: pageMeta,
  })
  .register(components, { id: 'Statistics' });

// ---- units ----------------------------------------------------------------------------

export const unitNode = z.strictObject({
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  description: z.string().nullable(),
  /** The units below this one, as a tree. */
  get children(): z.ZodArray<typeof unitNode> {
    return z.array(unitNode);
  },
  locale: localeFields.locale,
  fallback: localeFields.fallback,
});
// A recursive schema infers its type only when its shape is written out (no spread) and no method
// is called on it in its own initialiser: so it is registered apart.
unitNode.register(components, { id: 'Unit' });

export const unitsAnswer = listOf(unitNode).register(components, { id: 'Units' });

// ---- the corrections list -------------------------------------------------------------

export const correctionEntry = z
  .strictObject({
    id: z.string().describe('Stable and unique: the record type and the entry (c: a correction, w: a withdrawal notice, t: the notice of a record since deleted), e.g. report-c12'),
    kind: z.enum(ENTRY_KINDS).describe('correction, clarification or update of a public record; withdrawal: the record was withdrawn, text is the public reason'),
    date: instant,
    displayDate: z.string().describe('The date and time in Asia/Shanghai, as the site shows it'),
    text: z.string(),
    record: z.strictObject({
      type: z.enum(PUBLIC_TYPES),
      slug: z
        .string()
        .nullable()
        .describe('The record’s public address (reports/{slug}, profiles/{slug}, chronicles/{slug}; an event’s or a figure’s slug); null for a withdrawn profile, event or figure'),
      title: z.string().nullable().describe('null for a withdrawn record: its notice is all that is public'),
      withdrawn: z.boolean(),
      occurredOn: calendarDay.nullable().describe('An event’s day in Asia/Shanghai (where the timeline lists it); null for other types'),
    }),
    ...localeFields,
  })
  .register(components, { id: 'CorrectionEntry' });
export const correctionsPage = pageOf(correctionEntry).register(components, { id: 'CorrectionsPage' });

// ---- feeds ----------------------------------------------------------------------------

export const jsonFeed = looseObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  language: z.string().optional(),
  items: z.array(
    looseObject({ id: z.unknown(), url: z.unknown(), title: z.unknown(), content_html: z.unknown(), date_published: z.unknown() })
  ),
}).register(components, { id: 'JsonFeed' });

// ---- oEmbed ---------------------------------------------------------------------------

/**
 * An oEmbed answer (https://oembed.com, issue 19): a `rich` embed, the `<iframe>` of one of
 * our /embed/* pages. Field names are the specification's (snake_case).
 */
export const oembedAnswer = z
  .strictObject({
    type: z.literal('rich'),
    version: z.literal('1.0'),
    title: z.string(),
    author_name: z.string().optional().describe('The byline of a report; absent for the timeline and a commendation'),
    provider_name: z.string(),
    provider_url: z.string(),
    cache_age: z.int().min(0).describe('Seconds a consumer may keep this answer; the framed page itself is always current'),
    html: z.string().describe('An <iframe> of the embed page: titled, sized, loading="lazy", sandboxed'),
    width: z.int().min(1),
    height: z.int().min(1),
    thumbnail_url: z.string().optional().describe('The share card of a commendation (1200×630), when it fits maxwidth and maxheight'),
    thumbnail_width: z.int().optional(),
    thumbnail_height: z.int().optional(),
  })
  .register(components, { id: 'OEmbed' });

// ---- types ----------------------------------------------------------------------------

export type PublicEvent = z.infer<typeof event>;
export type TimelinePage = z.infer<typeof timelinePage>;
export type TimelineJs = z.infer<typeof timelineJs>;
export type ReportSummary = z.infer<typeof reportSummary>;
export type ReportsPage = z.infer<typeof reportsPage>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type ReportAnswer = z.infer<typeof reportAnswer>;
export type PublicFigure = z.infer<typeof figure>;
export type FigureVerification = z.infer<typeof figureVerification>;
export type ProfileSummary = z.infer<typeof profileSummary>;
export type ProfilesPage = z.infer<typeof profilesPage>;
export type ProfileDetail = z.infer<typeof profileDetail>;
export type ProfileAnswer = z.infer<typeof profileAnswer>;
export type ChronicleDetail = z.infer<typeof chronicleDetail>;
export type ChronicleAnswer = z.infer<typeof chronicleAnswer>;
export type Rollup = z.infer<typeof rollup>;
export type StatisticsAnswer = z.infer<typeof statisticsAnswer>;
export type UnitNode = z.infer<typeof unitNode>;
export type UnitsAnswer = z.infer<typeof unitsAnswer>;
export type JsonFeed = z.infer<typeof jsonFeed>;
export type Correction = z.infer<typeof correction>;
export type CorrectionEntry = z.infer<typeof correctionEntry>;
export type CorrectionsPage = z.infer<typeof correctionsPage>;
export type OEmbedAnswer = z.infer<typeof oembedAnswer>;

// ---- search (issue 19) ----------------------------------------------------------------

const range = z.tuple([z.int(), z.int()]);

export const searchHit = z
  .strictObject({
    type: z.enum(['report', 'profile', 'chronicle', 'event']),
    slug: z.string().describe('The record’s public slug (an anonymised person’s token); an event’s own slug. With type, the hit’s stable key'),
    path: z
      .string()
      .describe('Its site page, relative to the site’s base path: reports/{slug}, honours/{slug}, chronicles/{slug}, timeline?from=…&to=…#event-{slug}'),
    title: z.string(),
    titleHighlights: z.array(range).describe('[start, end) of each match in title, in UTF-16 code units'),
    snippet: z.string().describe('Plain text around the first match (never stored HTML or Markdown)'),
    highlights: z.array(range).describe('[start, end) of each match in snippet, in UTF-16 code units'),
    snippetHtml: z.string().describe('snippet, HTML-escaped, each match in <mark>'),
    date: z.string().nullable().describe('A report’s dateline day, an event’s instant, a chronicle’s first day, a profile’s publication'),
    score: z.int().describe('Higher is better; hits are ordered by score, then newest first'),
    ...localeFields,
  })
  .register(components, { id: 'SearchHit' });
export const searchPage = z
  .strictObject({ data: z.array(searchHit), meta: z.strictObject({ ...pageMeta.shape, q: z.string() }) })
  .register(components, { id: 'SearchPage' });
export type SearchHit = z.infer<typeof searchHit>;
export type SearchPage = z.infer<typeof searchPage>;
