/**
 * The bulk generator (tooling/generator.ts) writes rows straight through knex: this proves
 * they are valid Strapi documents. The Document Service reads them in both locales and both
 * statuses with their relations, and the public API serves them. The first generation goes
 * into an empty database, so it takes the bulk-load path (secondary indexes, and on
 * PostgreSQL foreign keys, dropped and rebuilt): the schema afterwards must be exactly
 * Strapi's. A second, smaller one goes into the same database and maintains the indexes row
 * by row instead.
 */
import request from 'supertest';
import { publicSlug } from '../../plugins/chronicle/server/src/domain/public-person';
import { isPostgres, startStrapi, type TestStrapi } from '../helpers/strapi';

let t: TestStrapi;
let result: { tag: string; units: number; events: number; profiles: number; statistics: number; seconds: number; phases: Record<string, number> };
let schemaBefore: string[];
const EVENT = 'plugin::chronicle.timeline-event';
const PROFILE = 'plugin::chronicle.frontline-profile';
const FIGURE = 'plugin::chronicle.grid-statistic';

/** Every index and constraint of the plugin's tables, as the database describes them. */
async function schemaOf(): Promise<string[]> {
  const knex = t.strapi.db.connection;
  if (isPostgres()) {
    const indexes = await knex.raw(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'chronicle\\_%'`);
    const constraints = await knex.raw(
      `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE conrelid::regclass::text LIKE 'chronicle\\_%'`
    );
    return [...indexes.rows, ...constraints.rows].map((r: { d: string }) => r.d).sort();
  }
  // SQLite keeps foreign keys in the table's own definition.
  const rows = await knex.raw(`SELECT type || ' ' || name || ' ' || sql AS d FROM sqlite_master WHERE tbl_name LIKE 'chronicle\\_%' ESCAPE '\\' AND sql IS NOT NULL`);
  return rows.map((r: { d: string }) => r.d).sort();
}

beforeAll(async () => {
  t = await startStrapi();
  schemaBefore = await schemaOf();
  result = await t.strapi.plugin('chronicle').service('generator').generate({ events: 500, profiles: 120, statistics: 200, units: 60, seed: 42 });
}, 180000);

afterAll(async () => {
  await t?.stop();
});

const api = (path: string) => request(t.strapi.server.httpServer).get(`/api/chronicle/${path}`);

describe('generated documents', () => {
  test('the indexes and keys dropped for the load are back, exactly as Strapi made them', async () => {
    expect(schemaBefore.some((d) => d.includes('chronicle_timeline_events_locale_occurred_idx'))).toBe(true);
    expect(schemaBefore.some((d) => d.includes('chronicle_timeline_events_units_lnk_uq'))).toBe(true);
    if (isPostgres()) expect(schemaBefore.some((d) => /chronicle_timeline_events_actors_lnk_ifk FOREIGN KEY/.test(d))).toBe(true);
    expect(await schemaOf()).toEqual(schemaBefore);
    expect(Object.keys(result.phases)).toEqual(['units', 'profiles', 'statistics', 'events', 'search index']);
  });

  test('every document has a Strapi-shaped documentId and a draft and a published row per locale', async () => {
    const knex = t.strapi.db.connection;
    const rows = await knex('chronicle_timeline_events').select('document_id', 'locale', 'published_at', 'workflow_state', 'created_at', 'updated_at');
    expect(rows).toHaveLength(500 * 4);
    const byDoc = new Map<string, string[]>();
    for (const r of rows) {
      expect(r.document_id).toMatch(/^[a-z][a-z0-9]{23}$/);
      expect(r.workflow_state).toBe('published');
      expect(r.created_at).toBeTruthy();
      expect(r.updated_at).toBeTruthy();
      byDoc.set(r.document_id, [...(byDoc.get(r.document_id) ?? []), `${r.locale}:${r.published_at === null ? 'draft' : 'published'}`]);
    }
    expect(byDoc.size).toBe(500);
    for (const kinds of byDoc.values()) expect(kinds.sort()).toEqual(['en:draft', 'en:published', 'zh-Hans:draft', 'zh-Hans:published']);
  });

  test('the search index holds every generated record (rows written past the Document Service)', async () => {
    const knex = t.strapi.db.connection;
    const [{ n }] = await knex('chronicle_search_docs').where({ type: 'timeline-event' }).count({ n: '*' });
    expect(Number(n)).toBe(500 * 2);
    const row = await knex('chronicle_timeline_events').whereNotNull('published_at').where({ locale: 'zh-Hans' }).orderBy('id', 'desc').first('title', 'slug');
    const res = await api(`search?q=${encodeURIComponent(row.title)}&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((h: { slug: string }) => h.slug)).toContain(row.slug);
  });

  test('slugs are unique per type (one slug per document, shared by its rows)', async () => {
    const knex = t.strapi.db.connection;
    for (const table of ['chronicle_timeline_events', 'chronicle_frontline_profiles', 'chronicle_grid_statistics', 'chronicle_units']) {
      const clash = await knex(table).select('slug').countDistinct({ docs: 'document_id' }).groupBy('slug').havingRaw('count(distinct document_id) > 1');
      expect(clash).toEqual([]);
    }
  });

  test('the Document Service finds them published in both locales, with their relations', async () => {
    for (const locale of ['zh-Hans', 'en']) {
      const events = (await t.strapi.documents(EVENT as never).findMany({
        status: 'published',
        locale,
        limit: 1000,
        populate: { units: { fields: ['name', 'kind', 'locale'] }, actors: { fields: ['fullName', 'locale'] } },
      } as never)) as any[];
      expect(events).toHaveLength(500);
      for (const e of events) {
        expect(e.locale).toBe(locale);
        expect(e.publishedAt).toBeTruthy();
        expect(e.units.length).toBeGreaterThanOrEqual(1);
        for (const u of e.units) expect(u.locale).toBe(locale);
        for (const a of e.actors) expect(a.locale).toBe(locale);
      }
      expect(events.some((e) => e.actors.length > 0)).toBe(true);
      if (locale === 'zh-Hans') expect(events.some((e) => /[\u4e00-\u9fff]/.test(e.title))).toBe(true);
      else expect(events.every((e) => !/[\u4e00-\u9fff]/.test(e.title))).toBe(true);
      const drafts = await t.strapi.documents(EVENT as never).count({ status: 'draft', locale } as never);
      expect(drafts).toBe(500);
    }
    const profile = (await t.strapi.documents(PROFILE as never).findFirst({ status: 'published', locale: 'en', populate: { unit: true } } as never)) as any;
    expect(profile.unit?.locale).toBe('en');
    const figure = (await t.strapi.documents(FIGURE as never).findFirst({ status: 'published', populate: { scopeUnit: true } } as never)) as any;
    expect(figure.scopeUnit?.slug).toMatch(new RegExp(`^${result.tag}-u\\d+-`));
  });

  test('the unit tree is district → subdistrict → community → grid', async () => {
    const grid = (await t.strapi.documents('plugin::chronicle.unit' as never).findFirst({
      filters: { kind: 'grid' },
      populate: { parent: { populate: { parent: { populate: { parent: true } } } } },
    } as never)) as any;
    expect(grid.name).toMatch(/网格$/);
    expect([grid.parent.kind, grid.parent.parent.kind, grid.parent.parent.parent.kind]).toEqual(['community', 'subdistrict', 'district']);
  });
});

describe('the public API serves the generated newsroom', () => {
  test('timeline pages through the generated events in both locales', async () => {
    const zh = await api('timeline?limit=100');
    expect(zh.status).toBe(200);
    expect(zh.body.data).toHaveLength(100);
    expect(zh.body.data.every((e: any) => e.slug.startsWith(`${result.tag}-e`) && e.units.length >= 1 && !e.fallback)).toBe(true);
    const en = await api('timeline?limit=5&locale=en');
    expect(en.body.data.map((e: any) => e.locale)).toEqual(['en', 'en', 'en', 'en', 'en']);
    let cursor = zh.body.meta.nextCursor;
    let seen = 100;
    while (cursor) {
      const next = await api(`timeline?limit=100&cursor=${cursor}`);
      seen += next.body.data.length;
      cursor = next.body.meta.nextCursor;
    }
    expect(seen).toBe(500);
  });

  test('the honour roll pages through named and anonymised people in public-slug order, each once', async () => {
    const knex = t.strapi.db.connection;
    const rows = await knex('chronicle_frontline_profiles').whereNotNull('published_at').where({ locale: 'zh-Hans' }).whereNot({ consent: 'withdrawn' }).select('document_id', 'slug', 'consent');
    const expected = rows.map((r: any) => publicSlug({ documentId: r.document_id, slug: r.slug, consent: r.consent })).sort();
    expect(rows.some((r: any) => r.consent === 'anonymised')).toBe(true);
    for (const locale of ['zh-Hans', 'en']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = await api(`profiles?limit=7&locale=${locale}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.data.length).toBeLessThanOrEqual(7);
        seen.push(...res.body.data.map((p: any) => p.slug));
        cursor = res.body.meta.nextCursor;
        if (cursor) expect(res.body.data).toHaveLength(7);
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  test('profiles and statistics answer with generated people and figures', async () => {
    const roll = await api('profiles?limit=100');
    expect(roll.status).toBe(200);
    expect(roll.body.data.length).toBeGreaterThan(50);
    expect(roll.body.data.some((p: any) => p.unit?.slug.startsWith(result.tag))).toBe(true);
    const stats = await api('statistics?metric=video-calls');
    expect(stats.status).toBe(200);
    expect(stats.body.data.figures.length).toBeGreaterThan(0);
    expect(stats.body.data.figures.every((f: any) => f.metric === 'video-calls')).toBe(true);
    expect(stats.body.data.rollups.some((r: any) => r.unit.slug.endsWith('-district'))).toBe(true);
  });
});

describe('generating into a database that already holds a newsroom', () => {
  let second: typeof result;
  beforeAll(async () => {
    second = await t.strapi.plugin('chronicle').service('generator').generate({ events: 100, profiles: 30, statistics: 40, units: 10, seed: 7 });
  }, 120000);

  test('adds documents with their own slugs and relations, the indexes maintained in place', async () => {
    expect(second.tag).not.toBe(result.tag);
    const knex = t.strapi.db.connection;
    const [{ n }] = await knex('chronicle_timeline_events').count({ n: '*' });
    expect(Number(n)).toBe(600 * 4);
    for (const table of ['chronicle_timeline_events', 'chronicle_frontline_profiles', 'chronicle_grid_statistics', 'chronicle_units']) {
      const clash = await knex(table).select('slug').countDistinct({ docs: 'document_id' }).groupBy('slug').havingRaw('count(distinct document_id) > 1');
      expect(clash).toEqual([]);
    }
    const added = (await t.strapi.documents(EVENT as never).findMany({
      status: 'published',
      locale: 'en',
      filters: { slug: { $startsWith: `${second.tag}-e` } },
      populate: { units: { fields: ['slug'] }, actors: { fields: ['slug'] } },
      limit: 200,
    } as never)) as any[];
    expect(added).toHaveLength(100);
    for (const e of added) {
      expect(e.units.length).toBeGreaterThanOrEqual(1);
      for (const u of e.units) expect(u.slug.startsWith(`${second.tag}-`)).toBe(true);
      for (const a of e.actors) expect(a.slug.startsWith(`${second.tag}-p`)).toBe(true);
    }
    expect(await schemaOf()).toEqual(schemaBefore);
  });

  test('the Document Service still creates documents after them (the id sequences moved on)', async () => {
    const created = (await t.strapi.documents(EVENT as never).create({ data: { title: 'After the generator', occurredAt: '2024-05-01T02:00:00.000Z', precision: 'day' }, locale: 'en' } as never)) as any;
    const [{ max }] = await t.strapi.db.connection('chronicle_timeline_events').max({ max: 'id' });
    expect(created.id).toBe(Number(max));
    expect(created.id).toBeGreaterThan(600 * 4);
  });
});
