/**
 * Schema-driven fuzzing (issue #14): fast-check arbitraries built from the content types' own
 * attributes write hostile values to every field as an editor through the Content Manager's
 * API, what is accepted is published through the workflow, and then every public route and
 * site page is crawled. No 500 anywhere; every refusal is a 4xx that names a field it was sent.
 * Sized by run count (a few dozen writes), not by time.
 */
import fc from 'fast-check';
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument } from '../helpers/workflow';
import { adminApi, createAdminUser, login } from '../helpers/admin';
import contentTypes from '../../plugins/chronicle/server/src/content-types';
import { componentSchemas } from '../../plugins/chronicle/server/src/components';

const CM = '/content-manager/collection-types';
const uid = (type: string) => `plugin::chronicle.${type}`;
const TYPES = ['field-report', 'chronicle', 'frontline-profile', 'timeline-event', 'grid-statistic', 'unit', 'contributor'] as const;
const EDITORIAL = new Set(['field-report', 'chronicle', 'frontline-profile', 'timeline-event', 'grid-statistic']);
/** Fields the workflow owns or the server fills: the guard strips or refuses them on their own. */
const SKIP = new Set(['workflowState', 'scheduledFor', 'corrections', 'withdrawalNotice', 'revision']);

type Attribute = { type: string; enum?: string[]; maxLength?: number; component?: string; repeatable?: boolean; required?: boolean; private?: boolean };

let app: TestStrapi;
let editor: ReturnType<typeof adminApi>;
const http = () => request(app.strapi.server.httpServer);

const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000\u0001',
  '<script>alert(1)</script>',
  '::: private\n秘\n',
  '{{private: 未闭合',
  '{{anon: 唐女士}}',
  '\u202eevil',
  '🔥🔥',
  '\ud800',
  '"quoted" \'single\' `tick`',
  '../../etc/passwd',
  'ｆｕｌｌ　ｗｉｄｔｈ',
];
const text = (attr: Attribute) =>
  fc.oneof(
    fc.constantFrom<unknown>(...HOSTILE_TEXT, null, 42, true, [], {}, ['a']),
    fc.string({ maxLength: 40 }),
    fc.constant('长'.repeat((attr.maxLength ?? 200) + 1))
  );
const date = fc.constantFrom<unknown>(
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01',
  '1899-12-31',
  '2101-01-01',
  '2022-02-30',
  'not a date',
  '',
  null,
  8.64e15,
  [],
  {},
  '2022-03-01',
  '2022-03-01T08:00:00+08:00'
);
const number = fc.constantFrom<unknown>(1e308, -1e308, '0x10', [1], 'NaN', 'Infinity', -1, 0, 7, 3.5, '12', '1e3', null, true, 'abc', 2 ** 53, 100_000_000, {});
const bool = fc.constantFrom<unknown>(true, false, 'yes', 2, null, [], 'true');
const slug = fc.constantFrom<unknown>('zero\u200bwidth', 'rtl\u202eevil', 'fire-🔥', 'Upper', 'anon-123456789abc', '-x-', 'ok-slug', '', null, 5, 'a'.repeat(120), '../x');
const enumeration = (values: string[]) => fc.constantFrom<unknown>(...values, 'not-a-value', '', null, 5, values.map((v) => v.toUpperCase())[0]);

const componentAttributes = (name?: string): Record<string, Attribute> =>
  (componentSchemas[String(name).replace(/^chronicle\./, '')]?.attributes ?? {}) as Record<string, Attribute>;

/** An arbitrary for one attribute, or null when the fuzzer leaves it alone (relations, media). */
const valueOf = (key: string, attr: Attribute, depth = 0): fc.Arbitrary<unknown> | null => {
  if (key === 'slug') return slug;
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
      return text(attr);
    case 'date':
    case 'datetime':
    case 'time':
      return date;
    case 'decimal':
    case 'float':
    case 'integer':
    case 'biginteger':
      return number;
    case 'boolean':
      return bool;
    case 'enumeration':
      return enumeration(attr.enum ?? []);
    case 'component': {
      if (depth > 0) return null;
      const inner = recordOf(componentAttributes(attr.component), depth + 1);
      return attr.repeatable ? fc.oneof(fc.array(inner, { maxLength: 2 }), fc.constantFrom<unknown>(null, 'x', [1])) : fc.oneof(inner, fc.constantFrom<unknown>(null, 'x', [1]));
    }
    default:
      return null;
  }
};

/** A plausible value for a field (null when the fuzzer leaves it to its default). */
const validOf = (key: string, attr: Attribute & { min?: number }): fc.Arbitrary<unknown> | null => {
  if (key === 'slug') return null;
  if (key === 'metric') return fc.constantFrom('calls', 'visits');
  switch (attr.type) {
    case 'string':
    case 'text':
      return fc.constantFrom('网格员夜巡', 'Grid worker', '夜巡 & "引号" <b>', '长'.repeat(Math.min(attr.maxLength ?? 40, 40)));
    case 'richtext':
      return fc.constantFrom('正文 **粗**', '正文\n\n::: private\n秘\n:::\n\n后文', '{{anon: 唐女士}}来电', '<script>alert(1)</script>');
    case 'date':
      return fc.constantFrom('2022-03-01', '1900-01-01', '2100-12-31');
    case 'datetime':
      return fc.constantFrom('2022-03-01T08:00:00+08:00', '2022-02-24T04:00:00.000Z');
    case 'decimal':
    case 'float':
      return fc.constantFrom(0, 12, 3.5, 99_999_999);
    case 'integer':
      return fc.constant(attr.min ?? 1);
    case 'boolean':
      return fc.boolean();
    case 'enumeration':
      return fc.constantFrom(...(attr.enum ?? []));
    default:
      return null;
  }
};

const attributesOf = (type: string) => (contentTypes as any)[type].schema.attributes as Record<string, Attribute>;

const writableAttributes = (attributes: Record<string, Attribute>) =>
  Object.entries(attributes).filter(([key, attr]) => !SKIP.has(key) && !attr.private);

/** A record of hostile values for some of the attributes (components: one level). */
const recordOf = (attributes: Record<string, Attribute>, depth = 0) => {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, attr] of writableAttributes(attributes)) {
    const arb = valueOf(key, attr, depth);
    if (arb) fields[key] = arb;
  }
  return fc.record(fields, { requiredKeys: [] });
};

/**
 * A write: plausible values in every field it can fill, then either nothing hostile, one field
 * made hostile, or several (hostile components included); sometimes an `id`.
 */
const writeOf = (type: string) => {
  const attributes = attributesOf(type);
  const valid: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, attr] of writableAttributes(attributes)) {
    const arb = validOf(key, attr);
    if (arb) valid[key] = arb;
  }
  const hostileKeys = writableAttributes(attributes)
    .filter(([key, attr]) => valueOf(key, attr) !== null)
    .map(([key]) => key);
  const one = fc.constantFrom(...hostileKeys).chain((key) => (valueOf(key, attributes[key]) as fc.Arbitrary<unknown>).map((v) => ({ [key]: v })));
  return fc
    .record({
      base: fc.record(valid),
      hostile: fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 5, arbitrary: one }, { weight: 2, arbitrary: recordOf(attributes) }),
      withId: fc.nat(9).map((n) => n === 0),
    })
    .map(({ base, hostile, withId }) => ({ type, data: { ...base, ...hostile } as Record<string, unknown>, hostile: Object.keys(hostile), withId }));
};

const write = fc.constantFrom(...TYPES).chain(writeOf);

/** Keys a refusal may name: what was sent, and (for a create) the required fields left out. */
const namable = (type: string, data: Record<string, unknown>) => {
  const keys = new Set(Object.keys(data));
  for (const [key, attr] of Object.entries(attributesOf(type))) if (attr.required) keys.add(key);
  return keys;
};

const outcomes = { accepted: 0, refused: 0, published: 0, publishRefused: 0 };

beforeAll(async () => {
  app = await startStrapi();
  await createAdminUser(app.strapi, 'editor-fuzz@test.local', 'strapi-editor');
  editor = adminApi(app.strapi, await login(app.strapi, 'editor-fuzz@test.local'));
});
afterAll(async () => {
  await app?.stop();
});

test('hostile values in every field: accepted and published, or refused with a 4xx naming the field; never a 500', async () => {
  await fc.assert(
    fc.asyncProperty(write, async ({ type, data, hostile, withId }) => {
      const body: Record<string, unknown> = { ...data, ...(withId ? { id: 987654 } : {}) };
      const res = await editor.post(`${CM}/${uid(type)}?locale=zh-Hans`, body);
      const context = { type, body, hostile, status: res.status, error: res.body?.error };
      if (res.status >= 500) throw new Error(`a ${res.status}: ${JSON.stringify(context)}`);
      if (res.status >= 400) {
        outcomes.refused += 1;
        expect([context, res.status < 500 && typeof res.body?.error?.message === 'string' && res.body.error.message.length > 0]).toEqual([context, true]);
        const paths: string[] = (res.body.error.details?.errors ?? []).map((e: any) => String(e.path?.[0] ?? ''));
        const keys = namable(type, body);
        const named = paths.some((p) => keys.has(p)) || [...keys].some((k) => res.body.error.message.includes(k));
        if (!named) throw new Error(`a refusal that names no field it was sent: ${JSON.stringify(context)}`);
        return;
      }
      outcomes.accepted += 1;
      if (!EDITORIAL.has(type)) return;
      try {
        await publishDocument(app.strapi, type, res.body.data.documentId);
        outcomes.published += 1;
      } catch (error: any) {
        // A refusal of the publish (missing required field, unreadable private markup …): a 4xx, with a message.
        const status = Number(error?.status ?? error?.details?.status ?? (error?.name === 'ValidationError' ? 400 : 500));
        expect([context, error?.message, status < 500]).toEqual([context, error?.message, true]);
        outcomes.publishRefused += 1;
      }
    }),
    { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 1414) }
  );
  expect(outcomes.accepted).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
});

test('then every public route and page answers without a 500', async () => {
  const api = new Set<string>(['openapi.json']);
  const pages = new Set<string>(['/', '/timeline', '/honours', '/statistics', '/sitemap.xml', '/robots.txt']);
  for (const locale of ['zh-Hans', 'en']) {
    const q = `locale=${locale}`;
    for (const p of ['timeline?limit=100', 'timeline?limit=100&sort=-occurredAt', 'timeline/timelinejs?limit=100', 'reports?limit=100', 'profiles?limit=100', 'statistics?limit=100', 'units', 'feed.xml', 'feed.json']) {
      api.add(`${p}&${q}`.replace('units&', 'units?'));
    }
    const lang = locale === 'en' ? '?lang=en' : '';
    for (const p of ['/', '/timeline', '/honours', '/statistics']) pages.add(`${p}${lang}`);
    const timeline = (await http().get(`/api/chronicle/timeline?limit=100&${q}`)).body.data ?? [];
    for (const e of timeline) if (e.chronicle) { api.add(`chronicles/${e.chronicle.slug}?${q}`); pages.add(`/chronicles/${e.chronicle.slug}${lang}`); }
    for (const r of (await http().get(`/api/chronicle/reports?limit=100&${q}`)).body.data ?? []) { api.add(`reports/${r.slug}?${q}`); pages.add(`/reports/${r.slug}${lang}`); }
    for (const p of (await http().get(`/api/chronicle/profiles?limit=100&${q}`)).body.data ?? []) {
      api.add(`profiles/${p.slug}?${q}`);
      pages.add(`/honours/${p.slug}${lang}`);
      pages.add(`/cards/${p.slug}.png${lang}`);
    }
    for (const u of (await http().get(`/api/chronicle/units?${q}`)).body.data ?? []) pages.add(`/units/${u.slug}${lang}`);
  }
  const failures: string[] = [];
  for (const path of api) {
    const res = await http().get(`/api/chronicle/${path}`);
    if (res.status >= 500) failures.push(`${res.status} /api/chronicle/${path}`);
  }
  for (const path of pages) {
    const res = await http().get(path).buffer(true);
    if (res.status >= 500) failures.push(`${res.status} ${path}`);
  }
  expect(api.size + pages.size).toBeGreaterThan(40);
  expect(failures).toEqual([]);
  expect(outcomes.published).toBeGreaterThan(0);
});
