/**
 * Compression and early cache hits (issue 19) on the demo newsroom: brotli, gzip or identity
 * by Accept-Encoding (q-values, q=0), Vary, bodies that decompress to exactly the identity
 * bytes, ETag and 304 per variant, small bodies sent as they are; a cache hit answered before
 * the router still refuses at once when the Public role loses the route's permission, still
 * counts against the rate limit, and never stands in for an invalid query string.
 * Raw bytes are read with node's http client (supertest would decompress them).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

let app: TestStrapi;
let port: number;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const raw = (path: string, headers: Record<string, string> = {}): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });

const decoded = (res: Raw): Buffer => {
  if (res.headers['content-encoding'] === 'br') return brotliDecompressSync(res.body);
  if (res.headers['content-encoding'] === 'gzip') return gunzipSync(res.body);
  return res.body;
};

const TIMELINE = '/api/chronicle/timeline?limit=50';

beforeAll(async () => {
  app = await startStrapi();
  await app.strapi.plugin('chronicle').service('demo').load();
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
}, 120000);
afterAll(async () => {
  await app?.stop();
});

describe('content coding', () => {
  test('br, gzip or identity as Accept-Encoding asks, each decoding to the identity bytes', async () => {
    const identity = await raw(TIMELINE, { 'Accept-Encoding': 'identity' });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.byteLength).toBeGreaterThan(1024);
    JSON.parse(identity.body.toString('utf8'));

    const cases: Array<[string, string | undefined]> = [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip;q=0.8', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['*', 'br'],
      ['*;q=0, identity', undefined],
      ['deflate', undefined],
      ['', undefined],
    ];
    for (const [accept, coding] of cases) {
      const res = await raw(TIMELINE, accept ? { 'Accept-Encoding': accept } : {});
      expect([accept, res.status]).toEqual([accept, 200]);
      expect([accept, res.headers['content-encoding']]).toEqual([accept, coding]);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(res).equals(identity.body)).toBe(true);
    }
    // Without any header at all (node sends none): identity.
    expect((await raw(TIMELINE)).headers['content-encoding']).toBeUndefined();

    // The goal of issue 19: the compressed timeline is at most a quarter of its identity bytes.
    const br = await raw(TIMELINE, { 'Accept-Encoding': 'br' });
    expect(br.body.byteLength).toBeLessThanOrEqual(identity.body.byteLength / 4);
  });

  test('each variant has its own ETag, and a 304 answers only its own', async () => {
    const identity = await raw(TIMELINE, { 'Accept-Encoding': 'identity' });
    const br = await raw(TIMELINE, { 'Accept-Encoding': 'br' });
    const gzip = await raw(TIMELINE, { 'Accept-Encoding': 'gzip' });
    const tags = [identity, br, gzip].map((r) => r.headers.etag);
    expect(new Set(tags).size).toBe(3);

    const again = await raw(TIMELINE, { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag as string });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(br.headers.etag);
    expect((await raw(TIMELINE, { 'Accept-Encoding': 'gzip', 'If-None-Match': gzip.headers.etag as string })).status).toBe(304);
    expect((await raw(TIMELINE, { 'Accept-Encoding': 'identity', 'If-None-Match': identity.headers.etag as string })).status).toBe(304);
    // Another coding's tag does not validate this one.
    const other = await raw(TIMELINE, { 'Accept-Encoding': 'gzip', 'If-None-Match': br.headers.etag as string });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('gzip');
  });

  test('small bodies are sent as they are', async () => {
    const candidates = ['timeline?limit=1&locale=en', 'reports?limit=1&locale=en', 'profiles?limit=1&locale=en', 'timeline?limit=1'];
    let small: Raw | undefined;
    for (const path of candidates) {
      const identity = await raw(`/api/chronicle/${path}`, { 'Accept-Encoding': 'identity' });
      if (identity.status === 200 && identity.body.byteLength < 1024) {
        small = await raw(`/api/chronicle/${path}`, { 'Accept-Encoding': 'br, gzip' });
        expect(small.body.equals(identity.body)).toBe(true);
        break;
      }
    }
    expect(small?.status).toBe(200);
    expect(small?.headers['content-encoding']).toBeUndefined();
    expect(small?.headers.vary).toMatch(/accept-encoding/i);
  });

  test('site pages and TimelineJS assets are compressed too', async () => {
    const identity = await raw('/timeline', { 'Accept-Encoding': 'identity' });
    expect(identity.status).toBe(200);
    const page = await raw('/timeline', { 'Accept-Encoding': 'gzip, br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers.vary).toMatch(/accept-encoding/i);
    expect(page.headers['content-security-policy']).toBeDefined();
    expect(decoded(page).equals(identity.body)).toBe(true);
    const again = await raw('/timeline', { 'Accept-Encoding': 'gzip, br', 'If-None-Match': page.headers.etag as string });
    expect(again.status).toBe(304);
  });
});

describe('early cache hits', () => {
  const rolePermissions = async (enabled: boolean) => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const service = app.strapi.plugin('users-permissions').service('role');
    const full = await service.findOne(role.id);
    full.permissions['plugin::chronicle'].controllers['public-api'].timeline = { enabled, policy: '' };
    await service.updateRole(role.id, { permissions: full.permissions });
  };

  test('a hit refuses at once when the Public role loses the permission, and serves again when it is back', async () => {
    const first = await raw(TIMELINE, { 'Accept-Encoding': 'br' });
    expect(first.status).toBe(200);
    const hit = await raw(TIMELINE, { 'Accept-Encoding': 'br' });
    expect(hit.status).toBe(200);
    expect(hit.headers['x-chronicle-cache']).toBe('hit');

    await rolePermissions(false);
    try {
      const refused = await raw(TIMELINE, { 'Accept-Encoding': 'br' });
      expect(refused.status).toBe(403);
      expect(refused.headers['x-chronicle-cache']).toBeUndefined();
      // Another public route is untouched.
      expect((await raw('/api/chronicle/units')).status).toBe(200);
    } finally {
      await rolePermissions(true);
    }
    const back = await raw(TIMELINE, { 'Accept-Encoding': 'br' });
    expect(back.status).toBe(200);
    expect(decoded(back).equals(decoded(first))).toBe(true);
  });

  test('an invalid query is a 400 while a valid one is cached; a share parameter still finds the entry', async () => {
    expect((await raw('/api/chronicle/timeline?limit=5')).status).toBe(200);
    expect((await raw('/api/chronicle/timeline?limit=5')).headers['x-chronicle-cache']).toBe('hit');
    const bad = await raw('/api/chronicle/timeline?limit=5&nosuch=1');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).error.message).toMatch(/nosuch/);
    expect((await raw('/api/chronicle/timeline?limit=abc')).status).toBe(400);
    const shared = await raw('/api/chronicle/timeline?limit=5&utm_source=wechat');
    expect(shared.status).toBe(200);
    expect(shared.headers['x-chronicle-cache']).toBe('hit');
    expect(shared.body.equals((await raw('/api/chronicle/timeline?limit=5')).body)).toBe(true);
  });

  test('cache hits count against the rate limit', async () => {
    const uid = 'plugin::chronicle.rateLimit';
    const before = app.strapi.config.get(uid) as any;
    app.strapi.config.set(uid, { ...before, publicApi: { max: 3, windowSeconds: 60 } });
    try {
      const path = '/api/chronicle/timeline?limit=7';
      const statuses: number[] = [];
      const caches: Array<string | undefined> = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await raw(path);
        statuses.push(res.status);
        caches.push(res.headers['x-chronicle-cache'] as string | undefined);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(caches.slice(1, 3)).toEqual(['hit', 'hit']);
    } finally {
      app.strapi.config.set(uid, before);
    }
  });
});
