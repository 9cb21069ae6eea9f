/**
 * The OpenAPI 3.1 description of the public read API, served at /api/chronicle/openapi.json.
 * The paths, parameters and responses are written here; the component schemas are generated
 * from the contracts (../contracts, z.toJSONSchema), the same schemas the serializers are
 * typed by and the API tests parse real answers with. Pure module.
 */
import { COMPONENT_PREFIX, componentSchemas } from '../contracts/json-schema';
import { PUBLIC_TYPES } from './corrections';
import { LOCALES, PROFILE_KINDS } from './enums';

const str = { type: 'string' };
const ref = (name: string) => ({ $ref: `${COMPONENT_PREFIX}${name}` });
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
  type: param('type', 'Only the entries of one type of record', { type: 'string', enum: [...PUBLIC_TYPES] }),
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
    '/timeline/live': {
      get: {
        operationId: 'getTimelineLive',
        summary: 'The timeline as it changes: Server-Sent Events of events published (publish), corrected (update) and withdrawn (remove), with the timeline’s filters',
        tags: ['public'],
        parameters: [
          P.from, P.to, P.unit, P.profile, P.chronicle, P.q, P.locale,
          param('lastEventId', 'Resume after this message id (for clients that cannot send the Last-Event-ID header)', { type: 'integer', minimum: 0 }),
          { name: 'Last-Event-ID', in: 'header', required: false, description: 'Resume after this message id (EventSource sends it when it reconnects)', schema: { type: 'integer', minimum: 0 } },
        ],
        responses: {
          '200': {
            description:
              'text/event-stream: events ready (LiveReadyMessage), publish and update (LiveItemMessage), remove (LiveRemoveMessage), reset (LiveResetMessage); data is JSON. Each message has an id; a client that reconnects with the Last-Event-ID header (or ?lastEventId=) is sent every change after it, or a reset when the change log no longer holds it. Heartbeat comments every 15 s. Never cached.',
            headers: { 'Cache-Control': { description: 'no-cache, no-transform', schema: str } },
            content: {
              'text/event-stream': {
                schema: { oneOf: [ref('LiveReadyMessage'), ref('LiveItemMessage'), ref('LiveRemoveMessage'), ref('LiveResetMessage')] },
              },
            },
          },
          '400': errors['400'],
          '429': { description: 'Too many live streams from this address (or on this server)', content: { 'application/json': { schema: ref('Error') } } },
        },
      },
    },
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
    '/oembed': get(
      'getOEmbed',
      'oEmbed (https://oembed.com) for a timeline, commendation or report page of the site: a rich embed, the <iframe> of its /embed/ page',
      [
        { ...param('url', 'An absolute address of the site (PUBLIC_URL): /timeline with its filters, /honours/{slug} or /reports/{slug}; lang and tracking parameters may follow'), required: true },
        param('format', 'json (the default); any other format is answered 501', { type: 'string', enum: ['json'] }),
        param('maxwidth', 'Largest width of the embed in pixels', { type: 'integer', minimum: 1, maximum: 10000 }),
        param('maxheight', 'Largest height of the embed in pixels', { type: 'integer', minimum: 1, maximum: 10000 }),
      ],
      {
        '200': jsonResponse(ref('OEmbed')),
        '404': { description: 'The address is not an embeddable page of the site, or names nothing published', content: { 'application/json': { schema: ref('Error') } } },
        '501': { description: 'A format other than json was asked for', content: { 'application/json': { schema: ref('Error') } } },
      }
    ),
    '/corrections': get('getCorrections', 'Corrections, clarifications, updates and withdrawal notices of every public record, newest first', [P.locale, P.type, P.cursor, P.limit], { '200': jsonResponse(ref('CorrectionsPage')) }),
    '/corrections/feed.xml': get('getCorrectionsFeed', 'Atom feed of the newest 100 corrections and withdrawal notices', [P.locale, P.type], {
      '200': { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: str } } },
    }),
    '/feed.xml': get('getAtomFeed', 'Atom feed of published reports', [P.locale], {
      '200': { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: str } } },
    }),
    '/feed.json': get('getJsonFeed', 'JSON Feed 1.1 of published reports', [P.locale], {
      '200': { description: 'JSON Feed 1.1', content: { 'application/feed+json': { schema: ref('JsonFeed') } } },
    }),
    '/search': get(
      'search',
      'Search published reports, profiles, chronicles and events: every word of q, ranked, the matches highlighted',
      [
        {
          ...param(
            'q',
            'Words separated by spaces, all required (substring match after NFKC and lower-casing); 2–100 characters, each word 2 characters at least except one Chinese character. No Traditional→Simplified folding'
          ),
          required: true,
        },
        P.locale,
        P.cursor,
        P.limit,
      ],
      { '200': jsonResponse(ref('SearchPage')) }
    ),
    '/openapi.json': get('getOpenApi', 'This document', [], { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } }),
  },
  components: { schemas: componentSchemas() },
});
