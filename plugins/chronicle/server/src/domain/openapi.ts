/**
 * The OpenAPI 3.1 description of the public read API, served at /api/chronicle/openapi.json.
 * The API tests validate the document's structure and check real responses against its
 * component schemas, so the two cannot drift apart silently. Pure module.
 */
import { LOCALES, PROFILE_KINDS, PRECISIONS, QUALIFIERS } from './enums';

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' };
const nstr = nullable(str);
const bool = { type: 'boolean' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const arrayOf = (items: unknown) => ({ type: 'array', items });

const param = (name: string, description: string, schema: Record<string, unknown> = str) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const slugPath = { name: 'slug', in: 'path', required: true, description: 'The record’s slug', schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } };

const P = {
  locale: param('locale', 'zh-Hans (default) or en; a missing translation falls back to zh-Hans with fallback: true', { type: 'string', enum: [...LOCALES] }),
  cursor: param('cursor', 'Opaque cursor: meta.nextCursor of the previous page'),
  limit: param('limit', 'Items per page, 1–100 (default 25)', { type: 'integer', minimum: 1, maximum: 100 }),
  from: param('from', 'First calendar day (Asia/Shanghai), YYYY-MM-DD', { type: 'string', format: 'date' }),
  to: param('to', 'Last calendar day (Asia/Shanghai), YYYY-MM-DD', { type: 'string', format: 'date' }),
  unit: param('unit', 'Unit slug; includes its sub-units'),
  profile: param('profile', 'Profile slug (an actor of the event / featured in the report)'),
  chronicle: param('chronicle', 'Chronicle slug'),
  q: param('q', 'Text search in title, description and place (Chinese works), 1–100 characters'),
  sort: param('sort', 'occurredAt (oldest first, default) or -occurredAt', { type: 'string', enum: ['occurredAt', '-occurredAt'] }),
  tag: param('tag', 'Tag label'),
  kind: param('kind', 'Profile kind', { type: 'string', enum: [...PROFILE_KINDS] }),
  metric: param('metric', 'Metric key, e.g. video-calls'),
};

const jsonResponse = (schema: unknown, description = 'OK') => ({
  description,
  headers: {
    ETag: { description: 'Strong validator of the body; send it back in If-None-Match', schema: str },
    'Cache-Control': { description: 'public, max-age=60, stale-while-revalidate=300', schema: str },
  },
  content: { 'application/json': { schema } },
});
const errors = {
  '304': { description: 'Not modified (If-None-Match matched the ETag)' },
  '400': { description: 'Unknown or invalid query parameter', content: { 'application/json': { schema: ref('Error') } } },
};
const notFound = { '404': { description: 'No published record has this slug', content: { 'application/json': { schema: ref('Error') } } } };

const get = (operationId: string, summary: string, parameters: unknown[], responses: Record<string, unknown>) => ({
  get: { operationId, summary, tags: ['public'], parameters, responses: { ...responses, ...errors } },
});

const localeMeta = obj({ locale: { type: 'string', enum: [...LOCALES] } });
const pageMeta = obj({
  locale: { type: 'string', enum: [...LOCALES] },
  limit: { type: 'integer' },
  nextCursor: nstr,
});
const display = obj({ 'zh-Hans': str, en: str });
const slugTitle = obj({ slug: str, title: str });
const localeFields = { locale: { type: 'string', enum: [...LOCALES] }, fallback: bool };
const datedRef = obj({ slug: str, title: str, occurredAt: nstr, displayDate: str });
/** The envelopes of the answers: a page of a list, a whole list, one record. */
const pageOf = (item: string) => obj({ data: arrayOf(ref(item)), meta: pageMeta });
const listOf = (item: string) => obj({ data: arrayOf(ref(item)), meta: localeMeta });
const recordOf = (properties: Record<string, unknown>) => obj({ data: obj(properties), meta: localeMeta });
/** An object that may carry more than it lists (third-party formats: TimelineJS, JSON Feed). */
const looseObj = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', required, properties });

const reportSummaryProps = {
    slug: str,
    title: str,
    kicker: nstr,
    dek: nstr,
    dateline: obj({ place: nstr, date: nullable({ type: 'string', format: 'date' }), displayDate: nstr }),
    bylines: arrayOf(ref('Byline')),
    tags: arrayOf(str),
    cover: nullable(ref('Photo')),
    chronicle: nullable(slugTitle),
    publishedAt: nstr,
    updatedAt: nstr,
    ...localeFields,
  };

/** A person on the honour roll; the commendation adds to it. */
const profileSummaryProps = {
  slug: str,
  name: str,
  roleTitle: nstr,
  kind: str,
  anonymised: bool,
  unit: nullable(ref('UnitRef')),
  portrait: nullable(
    obj({
      url: str,
      alt: nstr,
      width: nullable({ type: 'integer' }),
      height: nullable({ type: 'integer' }),
      sources: arrayOf(obj({ url: str, width: { type: 'integer' } })),
    })
  ),
  dutyRoles: arrayOf(obj({ key: str, label: str })),
};

const schemas = {
  Error: obj(
    {
      data: { type: 'null' },
      error: obj({ status: { type: 'integer' }, name: str, message: str, details: { type: 'object' } }, ['status', 'name', 'message']),
    },
    ['data', 'error']
  ),
  UnitRef: obj({ slug: str, name: str }),
  PersonRef: obj({ slug: str, name: str, roleTitle: nstr, kind: nstr, anonymised: bool }),
  Photo: obj({ url: str, width: nullable({ type: 'integer' }), height: nullable({ type: 'integer' }), caption: nstr, credit: nstr, alt: nstr }),
  Event: obj({
    slug: str,
    title: str,
    description: nstr,
    occurredAt: { type: 'string', format: 'date-time' },
    endAt: nullable({ type: 'string', format: 'date-time' }),
    precision: { type: 'string', enum: [...PRECISIONS] },
    approximate: bool,
    timeZone: str,
    displayDate: str,
    displayEndDate: nstr,
    place: nstr,
    importance: nullable({ type: 'integer' }),
    units: arrayOf(obj({ slug: str, name: str, kind: str })),
    actors: arrayOf(ref('PersonRef')),
    chronicle: nullable(slugTitle),
    source: nullable(slugTitle),
    ...localeFields,
  }),
  TimelinePage: pageOf('Event'),
  TimelineJs: looseObj(['title', 'events', 'eras'], {
    title: { type: 'object' },
    events: arrayOf(
      looseObj(['unique_id', 'start_date', 'text', 'display_date'], {
        unique_id: str,
        start_date: looseObj(['year'], { year: { type: 'integer' }, month: { type: 'integer' }, day: { type: 'integer' }, hour: { type: 'integer' }, minute: { type: 'integer' }, display_date: str }),
        end_date: looseObj(['year'], {}),
        display_date: str,
        text: obj({ headline: str, text: str }),
        media: obj({ url: str, caption: str, credit: str }),
        group: str,
      })
    ),
    eras: arrayOf(looseObj(['start_date', 'text'], {})),
    meta: obj({ locale: str, nextCursor: nstr }),
  }),
  Byline: obj({ name: str, slug: nstr, role: str, roleLabel: str }),
  ReportSummary: obj(reportSummaryProps),
  ReportsPage: pageOf('ReportSummary'),
  Figure: obj({
    slug: str,
    metric: str,
    label: str,
    value: { type: 'number' },
    qualifier: { type: 'string', enum: [...QUALIFIERS] },
    countUnit: nstr,
    display,
    unit: nullable(ref('UnitRef')),
    periodStart: nstr,
    periodEnd: nstr,
    asOf: nstr,
    additive: bool,
    source: nullable(slugTitle),
    ...localeFields,
  }),
  Report: recordOf({
    ...reportSummaryProps,
    bodyHtml: str,
    photos: arrayOf(ref('Photo')),
    corrections: arrayOf(obj({ date: nstr, kind: str, text: str })),
    profiles: arrayOf(ref('PersonRef')),
    events: arrayOf(datedRef),
    statistics: arrayOf(ref('Figure')),
  }),
  ProfileSummary: obj({ ...profileSummaryProps, ...localeFields }),
  ProfilesPage: pageOf('ProfileSummary'),
  Profile: recordOf({
    ...profileSummaryProps,
    citationHtml: str,
    deeds: arrayOf(obj({ date: str, precision: str, displayDate: str, summary: str, source: nullable(slugTitle) })),
    quotes: arrayOf(obj({ text: str, context: nstr, saidOn: nstr })),
    honours: arrayOf(obj({ title: str, awardedBy: nstr, awardedOn: nstr, documentNo: nstr })),
    reports: arrayOf(slugTitle),
    events: arrayOf(datedRef),
    ...localeFields,
  }),
  Chronicle: recordOf({
    slug: str,
    title: str,
    subjectUnit: nullable(ref('UnitRef')),
    periodStart: nstr,
    periodEnd: nstr,
    displayPeriod: obj({ start: nstr, end: nstr }),
    summary: nstr,
    bodyHtml: str,
    events: arrayOf(ref('Event')),
    reports: arrayOf(slugTitle),
    ...localeFields,
  }),
  Rollup: {
    ...obj({
      metric: str,
      countUnit: nstr,
      unit: ref('UnitRef'),
      value: { type: 'number' },
      qualifier: { type: 'string', enum: [...QUALIFIERS] },
      display,
      count: { type: 'integer', minimum: 1 },
    }),
    description:
      'The sum of the additive figures of one metric and unit of count reported for this unit and the units below it. count is how many figures were summed; they are the additive ones with this countUnit among statistics?metric=<metric>&unit=<unit slug>.',
  },
  Statistics: obj({
    data: obj({
      figures: arrayOf(ref('Figure')),
      rollups: {
        ...nullable(arrayOf(ref('Rollup'))),
        description: 'Roll-ups of the whole selection (metric, unit) on the first page, the one requested without a cursor; null on the pages after it.',
      },
    }),
    meta: pageMeta,
  }),
  Unit: obj({
    slug: str,
    name: str,
    shortName: nstr,
    kind: str,
    description: nstr,
    children: arrayOf(ref('Unit')),
    ...localeFields,
  }),
  Units: listOf('Unit'),
  JsonFeed: looseObj(['version', 'title', 'items'], {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: str,
    home_page_url: str,
    feed_url: str,
    language: str,
    items: arrayOf(looseObj(['id', 'url', 'title', 'content_html', 'date_published'], {})),
  }),
};

export const openApiDocument = () => ({
  openapi: '3.1.0',
  info: {
    title: 'Chronicle public API',
    version: '1.0.0',
    description:
      'Read-only, unauthenticated access to the published newsroom: timeline, reports, commendations, chronicles, statistics, units and feeds. Every route answers GET and HEAD, refuses unknown query parameters with 400, and supports ETag / If-None-Match.',
  },
  servers: [{ url: '/api/chronicle' }],
  paths: {
    '/timeline': get('getTimeline', 'Published events in time order', [P.from, P.to, P.unit, P.profile, P.chronicle, P.q, P.locale, P.sort, P.cursor, P.limit], { '200': jsonResponse(ref('TimelinePage')) }),
    '/timeline/timelinejs': get('getTimelineJs', 'The same selection as Knight Lab TimelineJS3 JSON', [P.from, P.to, P.unit, P.profile, P.chronicle, P.q, P.locale, P.sort, P.cursor, P.limit], { '200': jsonResponse(ref('TimelineJs')) }),
    '/reports': get('getReports', 'Published reports, newest dateline first', [P.locale, P.chronicle, P.profile, P.tag, P.cursor, P.limit], { '200': jsonResponse(ref('ReportsPage')) }),
    '/reports/{slug}': get('getReport', 'One report with its body as safe HTML', [slugPath, P.locale], { '200': jsonResponse(ref('Report')), ...notFound }),
    '/profiles': get('getProfiles', 'The honour roll', [P.locale, P.unit, P.kind, P.cursor, P.limit], { '200': jsonResponse(ref('ProfilesPage')) }),
    '/profiles/{slug}': get('getProfile', 'One commendation', [slugPath, P.locale], {
      '200': jsonResponse(ref('Profile')),
      ...notFound,
      '410': { description: 'The person withdrew consent', content: { 'application/json': { schema: ref('Error') } } },
    }),
    '/chronicles/{slug}': get('getChronicle', 'One chronicle with its ordered events', [slugPath, P.locale], { '200': jsonResponse(ref('Chronicle')), ...notFound }),
    '/statistics': get('getStatistics', 'Figures by metric and unit, by slug a page at a time, with roll-ups up the unit tree on the first page', [P.locale, P.metric, P.unit, P.cursor, P.limit], { '200': jsonResponse(ref('Statistics')) }),
    '/units': get('getUnits', 'The unit tree', [P.locale], { '200': jsonResponse(ref('Units')) }),
    '/feed.xml': get('getAtomFeed', 'Atom feed of published reports', [P.locale], {
      '200': { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: str } } },
    }),
    '/feed.json': get('getJsonFeed', 'JSON Feed 1.1 of published reports', [P.locale], {
      '200': { description: 'JSON Feed 1.1', content: { 'application/feed+json': { schema: ref('JsonFeed') } } },
    }),
    '/openapi.json': get('getOpenApi', 'This document', [], { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } }),
  },
  components: { schemas },
});
