/**
 * The live timeline (issue 19): GET /api/chronicle/timeline/live as Server-Sent Events. A
 * publish arrives as the timeline lists it (same fields, nothing private), a correction as an
 * update, a withdrawal as a removal; filters and locale hold; Last-Event-ID resumes with exactly
 * the missed messages (or a reset when the log no longer has them); bad queries are 400s before
 * the stream opens; too many streams from one address are a 429. On PostgreSQL, two instances:
 * a publish on A reaches a stream on B in under a second, and B's cached timeline is emptied
 * through the channel (the revision polling is set to ten minutes).
 */
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import { createTestDatabase, isPostgres, root, startStrapi, type TestDatabase, type TestStrapi } from '../helpers/strapi';
import { publishDocument, withdrawDocument } from '../helpers/workflow';
import { liveItemMessage } from '../../plugins/chronicle/server/src/contracts/public';

const EVENT = 'plugin::chronicle.timeline-event';
const PER_ADDRESS = 3;
const ACTOR = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };
const NAMESPACE = `chronicle-live-test-${process.pid}`;

interface SseEvent {
  event: string;
  id?: string;
  data?: any;
}

interface Sse {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: SseEvent[];
  raw: string;
  body?: any;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  /** Wait until `predicate` holds for some message (or time out). */
  next(predicate: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>;
  close(): void;
}

/** A raw SSE client: the response's messages, parsed as EventSource parses them. */
const openSse = (port: number, query = '', headers: Record<string, string> = {}): Promise<Sse> =>
  new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/chronicle/timeline/live${query}`, headers }, (res) => {
      res.setEncoding('utf8');
      const events: SseEvent[] = [];
      const waiters: Array<() => void> = [];
      const sse: Sse = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        raw: '',
        ended: new Promise<void>((done) => res.on('end', () => done())),
        next(predicate, ms = 5000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const found = events.find(predicate);
              if (found) {
                clearTimeout(timer);
                ok(found);
                return true;
              }
              return false;
            };
            const timer = setTimeout(() => fail(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(events)}`)), ms);
            const wait = () => {
              if (!check()) waiters.push(wait);
            };
            wait();
          });
        },
        close() {
          req.destroy();
        },
      };
      let buffer = '';
      res.on('data', (chunk: string) => {
        sse.raw += chunk;
        buffer += chunk;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const message: SseEvent = { event: 'message' };
          let data: string | undefined;
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) message.event = line.slice(7);
            else if (line.startsWith('data: ')) data = line.slice(6);
            else if (line.startsWith('id: ')) message.id = line.slice(4);
          }
          if (data === undefined) continue; // comments, retry:, bare id: blocks
          message.data = JSON.parse(data);
          events.push(message);
        }
        for (const w of waiters.splice(0)) w();
      });
      if (res.statusCode !== 200) {
        res.on('end', () => {
          sse.body = JSON.parse(sse.raw);
          resolve(sse);
        });
        return;
      }
      resolve(sse);
    });
    req.on('error', (error) => {
      if ((error as any).code !== 'ECONNRESET') reject(error);
    });
  });

const getJson = async (port: number, pathAndQuery: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${pathAndQuery}`);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('live timeline, one instance', () => {
  let app: TestStrapi;
  let port: number;
  const open: Sse[] = [];
  const sse = async (query = '', headers: Record<string, string> = {}) => {
    const s = await openSse(port, query, headers);
    open.push(s);
    return s;
  };

  const draft = async (slug: string, title: string, day: number) => {
    const created = await app.strapi.documents(EVENT as never).create({
      locale: 'zh-Hans',
      data: { title, occurredAt: new Date(Date.UTC(2022, 3, day, 2)).toISOString(), precision: 'day', slug, description: `${title}的经过` },
    } as never);
    return (created as any).documentId as string;
  };

  beforeAll(async () => {
    // The PostgreSQL pass has Redis (scripts/test.js): there this instance's channel is Redis
    // pub/sub (the two-instance test below covers LISTEN/NOTIFY); on SQLite it is in-process.
    if (isPostgres()) {
      process.env.CHRONICLE_LIVE_CHANNEL = 'redis';
      process.env.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
      process.env.RATE_LIMIT_NAMESPACE = NAMESPACE;
    }
    process.env.CHRONICLE_LIVE_MAX_PER_ADDRESS = String(PER_ADDRESS);
    process.env.CHRONICLE_LIVE_HEARTBEAT_MS = '400';
    app = await startStrapi(undefined, { tooling: false });
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  }, 180000);

  afterEach(async () => {
    for (const s of open.splice(0)) s.close();
    await sleep(50);
  });

  afterAll(async () => {
    if (isPostgres()) {
      delete process.env.CHRONICLE_LIVE_CHANNEL;
      delete process.env.RATE_LIMIT_NAMESPACE;
    }
    delete process.env.CHRONICLE_LIVE_MAX_PER_ADDRESS;
    delete process.env.CHRONICLE_LIVE_HEARTBEAT_MS;
    await app?.stop();
  }, 60000);

  test('opens as an event stream: headers, retry hint, ready with a position, heartbeats, never cached', async () => {
    const s = await sse();
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(s.headers['cache-control']).toBe('no-cache, no-transform');
    expect(s.headers['x-accel-buffering']).toBe('no');
    expect(s.headers['content-encoding']).toBeUndefined();
    expect(s.headers['x-chronicle-cache']).toBeUndefined();
    const ready = await s.next((e) => e.event === 'ready');
    expect(ready.data).toEqual({ lastEventId: Number(ready.id) });
    expect(s.raw.startsWith('retry: ')).toBe(true);
    await sleep(900);
    expect(s.raw).toMatch(/: heartbeat\nid: \d+\n\n/);
  });

  test('a publish arrives with exactly the timeline item; a correction is an update; a withdrawal a removal', async () => {
    const s = await sse();
    await s.next((e) => e.event === 'ready');
    const documentId = await draft('live-first', '直播测试一', 1);
    await publishDocument(app.strapi, 'timeline-event', documentId);
    const published = await s.next((e) => e.event === 'publish' && e.data.slug === 'live-first');
    const listed = await getJson(port, '/api/chronicle/timeline?q=直播测试一');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    // The same serializer and field list as the timeline: the item is the list's item.
    expect(published.data).toEqual({ slug: 'live-first', item: listed.body.data[0] });
    expect(liveItemMessage.safeParse(published.data).success).toBe(true);
    expect(published.id).toMatch(/^\d+$/); // every message has an id
    expect(JSON.stringify(published.data)).not.toContain(documentId);
    expect(Object.keys(published.data.item).sort()).toEqual(Object.keys(listed.body.data[0]).sort());
    for (const secret of ['workflowState', 'revision', 'createdBy', 'updatedBy', 'notes', 'id', 'publishedAt']) {
      expect(published.data.item).not.toHaveProperty(secret);
    }

    await app.strapi
      .plugin('chronicle')
      .service('workflow')
      .transition({ uid: EVENT, documentId, locale: 'zh-Hans', to: 'corrected', correction: { kind: 'correction', text: '更正：地点有误。' } }, ACTOR);
    const updated = await s.next((e) => e.event === 'update' && e.data.slug === 'live-first');
    expect(liveItemMessage.safeParse(updated.data).success).toBe(true);
    expect(Number(updated.id)).toBeGreaterThan(Number(published.id));
    expect(JSON.stringify(updated.data.item.corrections)).toContain('更正：地点有误。');

    await withdrawDocument(app.strapi, 'timeline-event', documentId);
    const removed = await s.next((e) => e.event === 'remove' && e.data.slug === 'live-first');
    expect(removed.data).toEqual({ slug: 'live-first' });
    expect(Number(removed.id)).toBeGreaterThan(Number(updated.id));
  });

  test("filters and locale: a stream hears only of events its query matches, in its locale", async () => {
    const matching = await sse('?q=' + encodeURIComponent('过滤甲'));
    const other = await sse('?q=' + encodeURIComponent('过滤乙'));
    const english = await sse('?locale=en&q=' + encodeURIComponent('过滤'));
    for (const s of [matching, other, english]) await s.next((e) => e.event === 'ready');
    const documentId = await draft('live-filter-a', '过滤甲事件', 2);
    await publishDocument(app.strapi, 'timeline-event', documentId);
    const got = await matching.next((e) => e.event === 'publish');
    expect(got.data.item.slug).toBe('live-filter-a');
    const en = await english.next((e) => e.event === 'publish');
    expect(en.data.item.locale).toBe('zh-Hans');
    expect(en.data.item.fallback).toBe(true);
    // The other stream moved past the change (its heartbeat's id) without a message about it.
    await sleep(600);
    expect(other.events.filter((e) => e.event !== 'ready')).toEqual([]);
    expect(other.raw).toContain(`id: ${got.id}\n`);
  });

  test('Last-Event-ID resumes with exactly the missed messages (header and ?lastEventId=)', async () => {
    const first = await sse();
    const ready = await first.next((e) => e.event === 'ready');
    first.close();
    const slugs = ['live-missed-1', 'live-missed-2'];
    for (const [i, slug] of slugs.entries()) {
      const documentId = await draft(slug, `错过的事件${i + 1}`, 3 + i);
      await publishDocument(app.strapi, 'timeline-event', documentId);
    }
    for (const how of ['header', 'query'] as const) {
      const resumed =
        how === 'header' ? await sse('', { 'Last-Event-ID': ready.id! }) : await sse(`?lastEventId=${ready.id}`);
      expect(resumed.status).toBe(200);
      const back = await resumed.next((e) => e.event === 'ready');
      const missed = resumed.events.filter((e) => e.event !== 'ready');
      expect(missed.map((e) => [e.event, e.data.slug])).toEqual(slugs.map((slug) => ['publish', slug]));
      expect(missed.every((e) => Number(e.id) > Number(ready.id))).toBe(true);
      expect(Number(back.id)).toBe(Number(missed[missed.length - 1].id));
      resumed.close();
    }
  });

  test('an id the log no longer holds (or never held) is a reset', async () => {
    const ahead = await sse('?lastEventId=999999999');
    const reset = await ahead.next((e) => e.event === 'reset');
    expect(reset.data.reason).toBe('unknown');
    ahead.close();
    const store = { type: 'plugin' as const, name: 'chronicle', key: 'live-log' };
    const before = await app.strapi.store.get(store);
    await app.strapi.store.set({ ...store, value: { prunedThrough: 2 } });
    try {
      const old = await sse('', { 'Last-Event-ID': '1' });
      const pruned = await old.next((e) => e.event === 'reset');
      expect(pruned.data.reason).toBe('pruned');
      expect(pruned.data.lastEventId).toBe(Number(pruned.id));
    } finally {
      await app.strapi.store.set({ ...store, value: before ?? { prunedThrough: 0 } });
    }
  });

  test('bad queries are 400s with a message, before the stream opens', async () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['?foo=1', {}, /unknown query parameter: foo/],
      ['?cursor=abc', {}, /unknown query parameter: cursor/],
      ['?limit=5', {}, /unknown query parameter: limit/],
      ['?from=2022-13-01', {}, /from/],
      ['?locale=fr', {}, /locale/],
      ['?lastEventId=abc', {}, /lastEventId: must be a whole number/],
      ['', { 'Last-Event-ID': '-3' }, /Last-Event-ID: must be a whole number/],
      ['?profile=nobody-by-this-slug', {}, /profile: no public profile/],
    ];
    for (const [query, headers, message] of cases) {
      const s = await sse(query, headers);
      expect([query, s.status]).toEqual([query, 400]);
      expect(s.headers['content-type']).toMatch(/application\/json/);
      expect(s.body.error.message).toMatch(message);
    }
  });

  test('the channel: in-process on SQLite; on Redis, another instance\'s revision and change hints act at once', async () => {
    const live = app.strapi.plugin('chronicle').service('live');
    const cache = app.strapi.plugin('chronicle').service('public-cache');
    if (!isPostgres()) {
      expect(live.stats()).toMatchObject({ channel: 'local', up: true });
      return;
    }
    expect(live.stats()).toMatchObject({ channel: 'redis', up: true });
    const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1 });
    try {
      // Another instance's new revision: adopted here at once (polling would take a second).
      await cache.revision();
      await redis.publish(`${NAMESPACE}:live`, JSON.stringify({ t: 'revision', revision: 'from-another-instance', from: 'elsewhere' }));
      const started = Date.now();
      while (cache.stats().revision !== 'from-another-instance' && Date.now() - started < 2000) await sleep(10);
      expect(cache.stats().revision).toBe('from-another-instance');
      // A change another instance logged (written here to the shared log, announced only on Redis).
      const s = await sse();
      await s.next((e) => e.event === 'ready');
      const documentId = await draft('live-redis-hint', 'Redis 通知', 5);
      await publishDocument(app.strapi, 'timeline-event', documentId);
      const own = await s.next((e) => e.event === 'publish' && e.data.slug === 'live-redis-hint');
      const row = await app.strapi.db.query('plugin::chronicle.live-change' as never).create({
        data: { change: 'update', subjectDocumentId: documentId, slug: 'live-redis-hint', subjectLocale: 'zh-Hans', changedAt: new Date() },
      } as never);
      await redis.publish(`${NAMESPACE}:live`, JSON.stringify({ t: 'change', id: (row as any).id }));
      const hinted = await s.next((e) => e.event === 'update' && e.data.slug === 'live-redis-hint', 2000);
      expect(Number(hinted.id)).toBe((row as any).id);
      expect(Number(hinted.id)).toBeGreaterThan(Number(own.id));
    } finally {
      await redis.quit();
    }
  });

  test(`more than ${PER_ADDRESS} streams from one address is a 429; closing one frees a slot`, async () => {
    const streams = [];
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      const s = await sse();
      expect(s.status).toBe(200);
      streams.push(s);
    }
    const refused = await sse();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.error.message).toMatch(/too many live streams from this address \(at most 3/);
    streams[0].close();
    await sleep(200);
    const again = await sse();
    expect(again.status).toBe(200);
  });

  // Last: it ends the live service of this instance.
  test('destroy ends every open stream', async () => {
    const s = await sse();
    await s.next((e) => e.event === 'ready');
    const live = app.strapi.plugin('chronicle').service('live');
    expect(live.stats().streams).toBeGreaterThanOrEqual(1);
    await live.close();
    await s.ended;
    expect(live.stats().streams).toBe(0);
  });
});

// ---- Two instances on one PostgreSQL database ----

interface Instance {
  port: number;
  child: ChildProcess;
  call<T = any>(command: string, args?: Record<string, unknown>): Promise<T>;
}

const SECRETS = {
  APP_KEYS: 'testKeyOne,testKeyTwo',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
};

async function spawnInstance(database: TestDatabase, name: string): Promise<Instance> {
  const child = fork(path.join(root, 'tests', 'helpers', 'instance.js'), [], {
    cwd: root,
    env: {
      ...process.env,
      ...SECRETS,
      ...database.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      CRON_ENABLED: 'false',
      // Ten minutes: a cache emptied within the test was emptied by the channel, not by polling.
      CHRONICLE_REVISION_CHECK_MS: '600000',
      CHRONICLE_LIVE_POLL_MS: '600000',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let next = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start in 120 s`)), 120000);
    child.on('message', (message: any) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve(message.port);
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(`${name}: ${message.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited with ${code}`));
    });
  });
  return {
    port,
    child,
    call(command, args) {
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, command, args });
      });
    },
  };
}

// On SQLite several instances are not a supported deployment (tests/api/instances.test.ts).
if (isPostgres()) describe('live timeline, two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await spawnInstance(database, 'A');
    b = await spawnInstance(database, 'B');
  }, 300000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance) continue;
      await instance.call('stop').catch(() => undefined);
      await new Promise((resolve) => (instance.child.exitCode !== null ? resolve(null) : instance.child.once('exit', resolve)));
    }
    await database?.drop();
  }, 120000);

  test('a publish on A reaches a stream on B in under a second, and empties B\'s cache through the channel', async () => {
    const slugsOnB = async () => {
      const res = await getJson(b.port, '/api/chronicle/timeline?limit=100');
      expect(res.status).toBe(200);
      return { cache: res.headers.get('x-chronicle-cache'), slugs: (res.body.data as any[]).map((e) => e.slug) };
    };
    expect((await slugsOnB()).slugs).not.toContain('live-two-instances');
    const cached = await slugsOnB();
    expect(cached.cache).toBe('hit');
    const stream = await openSse(b.port);
    try {
      await stream.next((e) => e.event === 'ready');
      const documentId = await a.call<string>('create', {
        uid: EVENT,
        data: { title: '两实例直播', occurredAt: new Date(Date.UTC(2022, 4, 1, 2)).toISOString(), precision: 'day', slug: 'live-two-instances' },
      });
      await a.call('walk', { uid: EVENT, documentId, states: ['in_review', 'approved'] });
      const started = Date.now();
      await a.call('walk', { uid: EVENT, documentId, states: ['published'] });
      const got = await stream.next((e) => e.event === 'publish', 3000);
      const latency = Date.now() - started;
      console.log(`live: a publish on A reached a stream on B after ${latency} ms`);
      expect(got.data.slug).toBe('live-two-instances');
      expect(got.data.item.slug).toBe('live-two-instances');
      expect(documentId).toEqual(expect.any(String));
      expect(latency).toBeLessThan(1000);
      // B's cache was emptied by the channel's revision message (polling is set to ten minutes).
      let after = await slugsOnB();
      while (!after.slugs.includes('live-two-instances') && Date.now() - started < 1000) {
        await sleep(25);
        after = await slugsOnB();
      }
      console.log(`live: B's cached timeline showed it after ${Date.now() - started} ms`);
      expect(after.slugs).toContain('live-two-instances');
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      stream.close();
    }
  });
});
