/**
 * Search in Chinese (issue 19): GET /api/chronicle/search on the demo newsroom, on SQLite and
 * PostgreSQL. Two-character and longer words, one ideograph, English, AND of several words;
 * ranking, highlighted snippets, cursor paging without duplicates or gaps; drafts, private
 * passages and anonymised people's real names never found; a withdrawn record or person gone
 * at once (the cached answer too); 400s that say why; and the query plans use the indexes.
 */
import request from 'supertest';
import { isPostgres, startStrapi, type TestStrapi } from '../helpers/strapi';
import { publishDocument, withdrawDocument } from '../helpers/workflow';
import { candidateSql } from '../../plugins/chronicle/server/src/services/public-read/search';
import { parseQuery, type ParsedQuery } from '../../plugins/chronicle/server/src/domain/search';
import { anonymousSlug } from '../../plugins/chronicle/server/src/domain/public-person';

let app: TestStrapi;
const api = () => request(app.strapi.server.httpServer);
const search = (query: string, headers: Record<string, string> = {}) => {
  const req = api().get(`/api/chronicle/search?${query}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req;
};
const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);
const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;
const uid = (type: string) => `plugin::chronicle.${type}`;

/** Every hit of a query, page by page. */
const walk = async (text: string, limit: number, extra = '') => {
  const seen: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const res: any = await q(text, `&limit=${limit}${extra}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.data);
    cursor = res.body.meta.nextCursor;
    if (!cursor) break;
  }
  return seen;
};

const marked = (hit: any) => hit.highlights.map(([s, e]: [number, number]) => hit.snippet.slice(s, e));

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

describe('finding', () => {
  test('a two-character word (most Chinese words) across types, highlighted', async () => {
    const res = await q('护工');
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ locale: 'zh-Hans', limit: 25, nextCursor: null, q: '护工' });
    const types = new Set(res.body.data.map((h: any) => h.type));
    expect([...types]).toEqual(expect.arrayContaining(['event', 'report']));
    for (const hit of res.body.data) {
      expect(Object.keys(hit).sort()).toEqual(
        ['date', 'fallback', 'highlights', 'locale', 'path', 'score', 'slug', 'snippet', 'snippetHtml', 'title', 'titleHighlights', 'type'].sort()
      );
      expect(`${hit.title}${hit.snippet}`).toContain('护工');
      const all = [...marked(hit), ...hit.titleHighlights.map(([s, e]: [number, number]) => hit.title.slice(s, e))];
      expect(all).toContain('护工');
    }
    const event = res.body.data.find((h: any) => h.slug === '2022-03-05-caregiver-yellow-code');
    expect(event).toMatchObject({ type: 'event', title: '外地护工健康码变黄，无处可去', locale: 'zh-Hans', fallback: false });
    expect(event.path).toBe('timeline?from=2022-03-05&to=2022-03-05#event-2022-03-05-caregiver-yellow-code');
    expect(event.titleHighlights).toEqual([[2, 4]]);
  });

  test('a word of three or more characters, and a name', async () => {
    const res = await q('迎新街');
    expect(res.status).toBe(200);
    expect(res.body.data.map((h: any) => h.slug)).toContain('2022-02-25-police-assemble-yingxinjie');
    const name = await q('王全保');
    expect(name.body.data.map((h: any) => h.slug)).toContain('2022-02-24-veteran-on-call');
    const first = name.body.data[0];
    expect(first.snippetHtml + first.title).toMatch(/王全保/);
  });

  test('one ideograph (a surname) is a query; several words must all match', async () => {
    const one = await q('燕');
    expect(one.status).toBe(200);
    expect(one.body.data.map((h: any) => h.slug)).toContain('2022-02-26-officer-cannot-go-home');
    const both = await q('民警 桥对面');
    expect(both.body.data.map((h: any) => h.slug)).toEqual(expect.arrayContaining(['2022-02-26-officer-cannot-go-home']));
    for (const hit of both.body.data) expect(hit.score).toBeGreaterThan(0);
    const none = await q('民警 不存在的词语');
    expect(none.status).toBe(200);
    expect(none.body.data).toEqual([]);
    expect(none.body.meta.nextCursor).toBeNull();
  });

  test('full-width and upper case are the same as half-width lower case; English in the en locale', async () => {
    const en = await q('YINGXINJIE', '&locale=en');
    expect(en.status).toBe(200);
    const hit = en.body.data.find((h: any) => h.slug === '2022-02-25-police-assemble-yingxinjie');
    expect(hit).toMatchObject({ locale: 'en', fallback: false, title: '300 officers gather in Yingxinjie' });
    expect(hit.titleHighlights).toEqual([[23, 33]]);
    const wide = await q('ｙｉｎｇｘｉｎｊｉｅ', '&locale=en');
    expect(wide.body.data.map((h: any) => h.slug)).toEqual(en.body.data.map((h: any) => h.slug));
    // The Chinese title is not searched in English where an English version exists.
    const zhInEn = await q('迎新街', '&locale=en');
    expect(zhInEn.body.data.map((h: any) => h.slug)).not.toContain('2022-02-25-police-assemble-yingxinjie');
  });

  test('in English, a record with no English version is found in Chinese, marked as a fallback', async () => {
    const created = await docs('timeline-event').create({
      locale: 'zh-Hans',
      data: { title: '只有中文的搜索测试事件', occurredAt: '2022-03-07T02:00:00.000Z', precision: 'day', slug: 'search-zh-only' },
    });
    await publishDocument(app.strapi, 'timeline-event', created.documentId, 'zh-Hans');
    const res = await q('搜索测试', '&locale=en');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ slug: 'search-zh-only', locale: 'zh-Hans', fallback: true })]);
  });
});

describe('ranking and paging', () => {
  test('a match in the title ranks above a match in the text only, and the order is by score then date', async () => {
    const all = await walk('民警', 100);
    expect(all.length).toBeGreaterThan(5);
    const inTitle = all.findIndex((h) => h.title.includes('民警'));
    const textOnly = all.findIndex((h) => !h.title.includes('民警') && h.type === 'event');
    expect(inTitle).toBeGreaterThanOrEqual(0);
    if (textOnly >= 0) expect(inTitle).toBeLessThan(textOnly);
    for (let i = 1; i < all.length; i += 1) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.score > b.score || (a.score === b.score && (a.date ?? '') >= (b.date ?? ''))).toBe(true);
    }
  });

  test('cursor pages: no duplicates, no gaps, the same order as one page', async () => {
    const whole = await walk('民警', 100);
    const paged = await walk('民警', 3);
    expect(paged.map((h) => `${h.type}:${h.slug}`)).toEqual(whole.map((h) => `${h.type}:${h.slug}`));
    expect(new Set(paged.map((h) => `${h.type}:${h.slug}`)).size).toBe(paged.length);
  });
});

describe('privacy', () => {
  test('an anonymised person is found as surname + 某, never by the real name', async () => {
    const person = (await app.strapi.db.query(uid('frontline-profile') as never).findOne({ where: { slug: 'zhao-ning', publishedAt: { $notNull: true }, locale: 'zh-Hans' } } as never)) as any;
    expect(person.consent).toBe('anonymised');
    for (const locale of ['zh-Hans', 'en']) {
      const real = await q('赵宁', `&locale=${locale}`);
      expect(real.status).toBe(200);
      expect(real.body.data).toEqual([]);
    }
    const realEn = await q('Zhao Ning', '&locale=en');
    expect(realEn.status).toBe(200);
    expect(realEn.body.data).toEqual([]);
    const masked = await q('赵某');
    const hit = masked.body.data.find((h: any) => h.slug === anonymousSlug(person.documentId));
    expect(hit).toMatchObject({ type: 'profile', title: '赵某' });
    expect(hit.slug).toMatch(/^anon-/);
    expect(JSON.stringify(masked.body)).not.toMatch(/赵宁|zhao-ning/);
  });

  test('private passages are never indexed; drafts are not found until published', async () => {
    const created = await docs('field-report').create({
      locale: 'zh-Hans',
      data: {
        title: '搜索隐私测试稿件',
        slug: 'search-privacy-report',
        body: '公开的段落写到了青龙巷。\n\n::: private\n隐秘段落提到紫藤巷的病史。\n:::\n\n结尾{{private: 私密短语白鹭洲}}。',
      },
    });
    expect((await q('青龙巷')).body.data).toEqual([]);
    await publishDocument(app.strapi, 'field-report', created.documentId, 'zh-Hans');
    const found = await q('青龙巷');
    expect(found.body.data.map((h: any) => h.slug)).toEqual(['search-privacy-report']);
    expect(found.body.data[0].path).toBe('reports/search-privacy-report');
    expect(marked(found.body.data[0])).toEqual(['青龙巷']);
    for (const secret of ['紫藤巷', '病史', '白鹭洲', '私密短语']) {
      const res = await q(secret);
      expect(res.status).toBe(200);
      expect(res.body.data.map((h: any) => h.slug)).not.toContain('search-privacy-report');
    }
    expect(JSON.stringify(found.body)).not.toMatch(/紫藤巷|白鹭洲/);
  });

  test('a withdrawn record disappears at once, from a cached answer too', async () => {
    const created = await docs('timeline-event').create({
      locale: 'zh-Hans',
      data: { title: '撤回测试事件金鱼胡同', occurredAt: '2022-03-08T02:00:00.000Z', precision: 'day', slug: 'search-withdraw-me' },
    });
    await publishDocument(app.strapi, 'timeline-event', created.documentId, 'zh-Hans');
    const before = await q('金鱼胡同');
    expect(before.body.data.map((h: any) => h.slug)).toEqual(['search-withdraw-me']);
    const cached = await q('金鱼胡同');
    expect(cached.headers['x-chronicle-cache']).toBe('hit');
    await withdrawDocument(app.strapi, 'timeline-event', created.documentId, 'zh-Hans');
    const after = await q('金鱼胡同');
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual([]);
  });

  test('a person whose consent is withdrawn disappears at once', async () => {
    const person = (await app.strapi.db.query(uid('frontline-profile') as never).findOne({ where: { slug: 'sun-lihua', publishedAt: { $notNull: true }, locale: 'zh-Hans' } } as never)) as any;
    const before = await q(person.fullName);
    expect(before.body.data.map((h: any) => h.slug)).toContain('sun-lihua');
    await docs('frontline-profile').update({ documentId: person.documentId, locale: 'zh-Hans', data: { consent: 'withdrawn' } });
    for (const locale of ['zh-Hans', 'en']) {
      const after = await q(person.fullName, `&locale=${locale}`);
      expect(after.status).toBe(200);
      expect(after.body.data.map((h: any) => h.slug)).not.toContain('sun-lihua');
      expect(after.body.data.map((h: any) => h.slug)).not.toContain(anonymousSlug(person.documentId));
    }
  });
});

describe('refusals', () => {
  const cases: Array<[string, RegExp]> = [
    ['', /q: say what to search for/],
    ['q=', /q: say what to search for/],
    ['q=%20%20', /q: say what to search for/],
    ['q=a', /q: "a" is too short/],
    [`q=${encodeURIComponent('核'.repeat(101))}`, /q: at most 100 characters/],
    [`q=${'x'.repeat(1001)}`, /q: must be at most 100 characters/],
    ['q=aa%20bb%20cc%20dd%20ee%20ff%20gg%20hh%20ii', /q: at most 8 words/],
    ['q=%E6%B0%91%E8%AD%A6&cursor=!!!', /cursor: not a cursor returned by this API/],
    ['q=%E6%B0%91%E8%AD%A6&cursor=WzEsInRpbWVsaW5lIiwiYXNjIiwiMjAyMiIsIngiXQ', /cursor: this cursor belongs to another list \(timeline\)/],
    ['q=%E6%B0%91%E8%AD%A6&limit=0', /limit: must be a whole number from 1 to 100/],
    ['q=%E6%B0%91%E8%AD%A6&limit=101', /limit/],
    ['q=%E6%B0%91%E8%AD%A6&locale=fr', /locale: must be one of zh-Hans, en/],
    ['q=%E6%B0%91%E8%AD%A6&status=draft', /unknown query parameter: status/],
    ['q=a&q=b', /q/],
  ];
  test.each(cases)('/search?%s is a 400 saying why', async (query, message) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.message).toMatch(message);
  });

  test('the query refusals speak Chinese to a Chinese reader', async () => {
    const res = await search('q=a', { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('“a”太短：每个词至少两个字（单个汉字可以，如姓氏“张”）');
    expect(res.body.error.details).toMatchObject({ code: 'search.q-too-short', params: { term: 'a' } });
  });

  test('share parameters are ignored', async () => {
    const res = await search(`q=${encodeURIComponent('民警')}&from=singlemessage&isappinstalled=0`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
  });
});

describe('a word found in most of the archive', () => {
  test('is answered from its newest matches (CHRONICLE_SEARCH_MAX_MATCHES), ranked among themselves', async () => {
    const word = encodeURIComponent('社区');
    const all = await search(`q=${word}&limit=50`);
    expect(all.status).toBe(200);
    const dates = (all.body.data as any[]).map((h) => h.date).filter(Boolean).sort().reverse();
    expect(dates.length).toBeGreaterThanOrEqual(3);
    process.env.CHRONICLE_SEARCH_MAX_MATCHES = '2';
    try {
      const capped = await search(`q=${word}&limit=49`);
      expect(capped.status).toBe(200);
      expect(capped.body.data).toHaveLength(2);
      expect(capped.body.meta.nextCursor).toBeNull();
      expect((capped.body.data as any[]).map((h) => h.date).sort().reverse()).toEqual(dates.slice(0, 2));
    } finally {
      delete process.env.CHRONICLE_SEARCH_MAX_MATCHES;
    }
  });
});

describe('the query plans use the indexes', () => {
  /**
   * On PostgreSQL the demo's few dozen entries are read whole by the planner's choice (any
   * index of a tiny table costs as much as a scan): the plan is taken inside a transaction
   * that is rolled back, after adding 50,000 unrelated entries (the size of a real archive) and gathering statistics (what
   * autovacuum does), with sequential scans forbidden — the planner then shows which index it
   * uses for the word.
   */
  const plan = async (text: string): Promise<string> => {
    const { sql, bindings } = candidateSql(parseQuery(text) as ParsedQuery, 'zh-Hans', isPostgres(), new Date().toISOString());
    const knex = app.strapi.db.connection as any;
    if (!isPostgres()) {
      const rows = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
      return rows.map((r: any) => r.detail).join('\n');
    }
    const trx = await knex.transaction();
    try {
      await trx.raw(`INSERT INTO chronicle_search_docs (type, document_id, locale, title, body, norm, title_norm, date, link, visible_from)
        SELECT 'timeline-event', 'plan' || g, CASE WHEN g % 2 = 0 THEN 'zh-Hans' ELSE 'en' END, 't', 'b', md5(g::text) || ' 填充文本' || g, 't', NULL, '{}', NULL
        FROM generate_series(1, 50000) AS g`);
      await trx.raw('ANALYZE chronicle_search_docs');
      await trx.raw('ANALYZE chronicle_search_grams');
      await trx.raw('SET LOCAL enable_seqscan = off');
      const result = await trx.raw(`EXPLAIN ${sql}`, bindings);
      return result.rows.map((r: any) => r['QUERY PLAN']).join('\n');
    } finally {
      await trx.rollback();
    }
  };

  test('three characters: the trigram index', async () => {
    const text = await plan('迎新街');
    if (isPostgres()) expect(text).toMatch(/Bitmap Index Scan on chronicle_search_docs_norm_trgm/);
    else expect(text).toMatch(/SCAN chronicle_search_fts VIRTUAL TABLE INDEX/);
  });

  test('two characters and one: the bigram postings’ B-tree', async () => {
    for (const word of ['护工', '张']) {
      const text = await plan(word);
      if (isPostgres()) expect(text).toMatch(/(Bitmap Index Scan on|Index (Only )?Scan using) chronicle_search_grams_pkey/);
      else expect(text).toMatch(/SEARCH g USING PRIMARY KEY \(gram[=>]/);
    }
  });
});

describe('the search page', () => {
  const page = (path: string, headers: Record<string, string> = {}) => {
    const req = api().get(path);
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req;
  };

  test('every page has a search box in its header: a plain GET form with a label', async () => {
    const res = await page('/timeline');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<form role="search" class="search-form" method="get" action="\/search"/);
    expect(res.text).toMatch(/<label for="site-search-q" class="visually-hidden">搜索报道、人物、纪实和事件<\/label>/);
    expect(res.text).toMatch(/<input id="site-search-q" type="search" name="q"/);
    const en = await page('/timeline?lang=en');
    expect(en.text).toMatch(/<input type="hidden" name="lang" value="en"\/>/);
  });

  test('results with the matches marked, links to their pages; WeChat’s parameters ignored', async () => {
    const res = await page(`/search?q=${encodeURIComponent('护工')}&from=singlemessage&isappinstalled=0`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('“护工”的搜索结果');
    expect(res.text).toContain('<mark>护工</mark>');
    expect(res.text).toContain('href="/timeline?from=2022-03-05&amp;to=2022-03-05#event-2022-03-05-caregiver-yellow-code"');
    expect(res.text).toMatch(/<link rel="canonical" href="[^"]*\/search\?q=%E6%8A%A4%E5%B7%A5"/);
  });

  test('paging links follow the cursor; an empty result says so; no words: the form alone', async () => {
    // One ideograph common enough for a second page of 20.
    expect((await walk('的', 100)).length).toBeGreaterThan(20);
    const first = await page(`/search?q=${encodeURIComponent('的')}`);
    expect(first.status).toBe(200);
    const next = first.text.match(/<a rel="next" href="([^"]+)"/);
    expect(next).not.toBeNull();
    const second = await page((next as RegExpMatchArray)[1].replace(/&amp;/g, '&'));
    expect(second.status).toBe(200);
    expect(second.text).toContain('第一页');
    const none = await page(`/search?q=${encodeURIComponent('不存在的词语')}`);
    expect(none.status).toBe(200);
    expect(none.text).toContain('没有找到与“不存在的词语”相关的已发布内容');
    const blank = await page('/search');
    expect(blank.status).toBe(200);
    expect(blank.text).toContain('每个词至少两个字');
    const en = await page('/search?q=Yingxinjie&lang=en');
    expect(en.status).toBe(200);
    expect(en.text).toContain('<mark>Yingxinjie</mark>');
  });

  test('a refused query is a 400 page saying why, in the page’s language', async () => {
    const zh = await page('/search?q=a');
    expect(zh.status).toBe(400);
    expect(zh.text).toContain('“a”太短');
    const en = await page('/search?q=a&lang=en');
    expect(en.status).toBe(400);
    expect(en.text).toContain('is too short');
    const cursor = await page(`/search?q=${encodeURIComponent('民警')}&cursor=bogus!`);
    expect(cursor.status).toBe(400);
  });
});
