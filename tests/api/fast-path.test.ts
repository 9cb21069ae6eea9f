/**
 * The fast path for cache hits (issue 19, middlewares/fast-hit.ts): a clean hit is answered
 * before koa with exactly the headers the normal path sends for the same request (compared
 * here, header by header, for the API and a site page, identity and brotli, with and without
 * Origin, 200, 304 and HEAD), counts once against the rate limit and is refused there past it,
 * and gives way to the normal path the moment the Public role loses the route, for a query
 * string never validated (its 400), and for a request with Authorization.
 * Raw bytes with node's http client (supertest would decompress them).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
let port: number;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const raw = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers, method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

const fastHits = (): number => app.strapi.plugin('chronicle').service('public-cache').stats().fastHits;

/** A request answered by the fast path: it counts one more fast hit. */
const viaFastPath = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
  const before = fastHits();
  const res = await raw(path, headers, method);
  expect([path, fastHits() - before]).toEqual([path, 1]);
  return res;
};

/** A request answered the normal way (koa): no fast hit counted. */
const viaKoa = async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
  const before = fastHits();
  const res = await raw(path, headers, method);
  expect([path, fastHits() - before]).toEqual([path, 0]);
  return res;
};

/** The headers to compare: everything but what differs by nature between two answers. */
const comparable = (res: Raw) => {
  const { date, 'x-chronicle-cache': _cache, 'ratelimit-remaining': remaining, connection, 'keep-alive': _keepAlive, ...rest } = res.headers;
  return { ...rest, 'ratelimit-remaining': remaining === undefined ? 'absent' : 'present' };
};

beforeAll(async () => {
  // The revision and the Public role's actions are re-read every CHRONICLE_REVISION_CHECK_MS;
  // a request that finds them due goes the normal way. Long here, so every check below is exact.
  process.env.CHRONICLE_REVISION_CHECK_MS = '600000';
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  const cache = app.strapi.plugin('chronicle').service('public-cache');
  await cache.revision();
  await cache.publicMay('plugin::chronicle.public-api.timeline');
}, 120000);
afterAll(async () => {
  await app?.stop();
  delete process.env.CHRONICLE_REVISION_CHECK_MS;
});

describe('the same answer as the normal path', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['/api/chronicle/timeline?limit=11', {}],
    ['/api/chronicle/timeline?limit=12', { 'Accept-Encoding': 'br' }],
    ['/api/chronicle/timeline?limit=13', { 'Accept-Encoding': 'gzip', Origin: 'https://elsewhere.example' }],
    ['/api/chronicle/units', { 'Accept-Encoding': 'gzip, br' }],
    ['/timeline', { 'Accept-Encoding': 'gzip, br' }],
    ['/timeline?lang=en', {}],
    ['/honours?from=singlemessage&isappinstalled=0', { 'Accept-Encoding': 'br' }],
  ];
  test.each(cases)('%s %j: headers and body of a fast hit equal the normal answer', async (path, headers) => {
    const normal = await viaKoa(path, headers);
    expect(normal.status).toBe(200);
    expect(normal.headers['x-chronicle-cache']).toBe('miss');
    const hit = await viaFastPath(path, headers);
    expect(hit.status).toBe(200);
    expect(hit.headers['x-chronicle-cache']).toBe('hit');
    expect(comparable(hit)).toEqual(comparable(normal));
    expect(hit.body.equals(normal.body)).toBe(true);
    // The headers that matter are there at all (not merely equal by both lacking them).
    expect(hit.headers.vary).toMatch(/accept-encoding/i);
    expect(hit.headers['cache-control']).toMatch(/max-age=60/);
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    if (path.startsWith('/api/')) {
      expect(hit.headers['access-control-allow-origin']).toBe('*');
      expect(hit.headers['ratelimit-remaining']).toBeDefined();
    } else {
      expect(hit.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    }
  });

  test('304 for a matching If-None-Match, as the normal path sends it', async () => {
    const first = await viaKoa('/api/chronicle/timeline?limit=14', { 'Accept-Encoding': 'br' });
    const etag = first.headers.etag as string;
    // The same entry by another raw target (a share parameter): its first answer is the normal path's 304.
    const path = '/api/chronicle/timeline?limit=14&utm_source=wechat';
    const normal = await viaKoa(path, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(normal.status).toBe(304);
    const hit = await viaFastPath(path, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    expect(hit.status).toBe(304);
    expect(hit.body.byteLength).toBe(0);
    expect(hit.headers['content-type']).toBeUndefined();
    expect(hit.headers['content-encoding']).toBeUndefined();
    expect(comparable(hit)).toEqual(comparable(normal));
    // Headers captured from a 304 serve only 304s (they lack Content-Type): the first 200 of
    // this target is the normal path's, and the fast path's from then on.
    const other = await viaKoa(path, { 'Accept-Encoding': 'br', 'If-None-Match': '"nope"' });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('br');
    const again = await viaFastPath(path, { 'Accept-Encoding': 'br' });
    expect(comparable(again)).toEqual(comparable(other));
  });

  test('HEAD: the GET headers, Content-Length included, no body', async () => {
    const path = '/api/chronicle/timeline?limit=15';
    const normal = await viaKoa(path, {}, 'HEAD');
    expect(normal.status).toBe(200);
    const get = await viaFastPath(path);
    const hit = await viaFastPath(path, {}, 'HEAD');
    expect(hit.status).toBe(200);
    expect(hit.body.byteLength).toBe(0);
    expect(hit.headers['content-length']).toBe(String(get.body.byteLength));
    expect(comparable(hit)).toEqual(comparable(normal));
  });
});

describe('what the fast path leaves to the normal path', () => {
  test('Authorization: Strapi authenticates (a bad token is refused, never a cached answer)', async () => {
    const path = '/api/chronicle/timeline?limit=16';
    await viaKoa(path);
    await viaFastPath(path);
    const refused = await viaKoa(path, { Authorization: 'Bearer not-a-token' });
    expect(refused.status).toBe(401);
    expect(refused.headers['x-chronicle-cache']).toBeUndefined();
  });

  test('a query string never validated reaches the controller and its 400', async () => {
    await viaKoa('/api/chronicle/timeline?limit=17');
    await viaFastPath('/api/chronicle/timeline?limit=17');
    const bad = await viaKoa('/api/chronicle/timeline?limit=17&nosuch=1');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).error.message).toMatch(/nosuch/);
    // Not remembered: still a 400 the second time.
    expect((await viaKoa('/api/chronicle/timeline?limit=17&nosuch=1')).status).toBe(400);
    const badPage = await viaKoa('/timeline?from=2022-13-01');
    expect(badPage.status).toBe(400);
    expect((await viaKoa('/timeline?from=2022-13-01')).status).toBe(400);
  });

  test('a withdrawn Public permission is a 403 at once, even for a hit; restored, the fast path serves again', async () => {
    const setTimeline = async (enabled: boolean) => {
      const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      const service = app.strapi.plugin('users-permissions').service('role');
      const full = await service.findOne(role.id);
      full.permissions['plugin::chronicle'].controllers['public-api'].timeline = { enabled, policy: '' };
      await service.updateRole(role.id, { permissions: full.permissions });
    };
    const path = '/api/chronicle/timeline?limit=18';
    await viaKoa(path);
    const before = await viaFastPath(path);
    await setTimeline(false);
    try {
      const refused = await viaKoa(path);
      expect(refused.status).toBe(403);
      expect(refused.headers['x-chronicle-cache']).toBeUndefined();
      expect((await viaKoa(path)).status).toBe(403);
    } finally {
      await setTimeline(true);
    }
    // The first request after the change re-reads the role; the fast path serves again after it.
    expect((await raw(path)).status).toBe(200);
    const back = await viaFastPath(path);
    expect(back.body.equals(before.body)).toBe(true);
  });
});

describe('rate limit', () => {
  const uid = 'plugin::chronicle.rateLimit';
  test('each hit counts once, and past the limit the 429 is the normal one', async () => {
    const before = app.strapi.config.get(uid) as any;
    app.strapi.config.set(uid, { ...before, publicApi: { max: 4, windowSeconds: 60 } });
    try {
      const path = '/api/chronicle/timeline?limit=19';
      const first = await viaKoa(path);
      expect(first.headers['ratelimit-remaining']).toBe('3');
      const remaining: string[] = [];
      for (let i = 0; i < 3; i += 1) remaining.push((await viaFastPath(path)).headers['ratelimit-remaining'] as string);
      expect(remaining).toEqual(['2', '1', '0']);
      // Past the limit: counted by the fast path, answered by rate-limit.ts (not counted again).
      const refused = await viaKoa(path);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['x-chronicle-cache']).toBeUndefined();
      const body = JSON.parse(refused.body.toString('utf8'));
      expect(body.error.status).toBe(429);
      expect(body.error.message).toMatch(/too many requests from this address/);
      // The same refusal as for a route the fast path never answers.
      const other = await viaKoa('/api/chronicle/status');
      expect(other.status).toBe(429);
      expect(JSON.parse(other.body.toString('utf8')).error.name).toBe(body.error.name);
      expect(Object.keys(comparable(other)).sort()).toEqual(expect.arrayContaining(['retry-after', 'content-type']));
    } finally {
      app.strapi.config.set(uid, before);
    }
  });

  test('a site page hit waits like any page once its address is over the site limit', async () => {
    const before = app.strapi.config.get(uid) as any;
    app.strapi.config.set(uid, { ...before, site: { max: 2, windowSeconds: 60 } });
    try {
      expect((await viaKoa('/statistics')).status).toBe(200); // rendered: counts 1
      expect((await viaKoa('/statistics?lang=en')).status).toBe(200); // rendered: counts 2
      const refused = await viaKoa('/statistics');
      expect(refused.status).toBe(429);
      expect(refused.body.toString('utf8')).toMatch(/Too many requests from this address/);
    } finally {
      app.strapi.config.set(uid, before);
    }
  });
});
