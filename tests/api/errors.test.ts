/**
 * One error type, answered in one place (server/src/errors.ts, middlewares/errors.ts): the
 * public API, the plugin's admin routes, the document-service guards under the Content
 * Manager and the rate limit all answer a refusal with the same envelope
 * `{ data: null, error: { status, name, message, details } }`, never stored by a cache, and our
 * own message survives (a thrown ForbiddenError would become a bare "Forbidden").
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';

let app: TestStrapi;
const server = () => app.strapi.server.httpServer;
let reporter: ReturnType<typeof adminApi>;
let reporter2: ReturnType<typeof adminApi>;
let editor: ReturnType<typeof adminApi>;

beforeAll(async () => {
  app = await startStrapi();
  const users: Array<[string, string]> = [
    ['reporter@errors.local', 'chronicle-reporter'],
    ['reporter2@errors.local', 'chronicle-reporter'],
    ['editor@errors.local', 'strapi-editor'],
  ];
  for (const [email, role] of users) await createAdminUser(app.strapi, email, role);
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@errors.local'));
  reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@errors.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@errors.local'));
});
afterAll(async () => {
  await app?.stop();
});

const envelope = (status: number, name: string, message: string, details: object = {}) => ({ data: null, error: { status, name, message, details } });

describe('the public API', () => {
  test('a bad parameter: 400, the envelope byte for byte, not cached', async () => {
    const res = await request(server()).get('/api/chronicle/timeline?populate=*');
    expect(res.status).toBe(400);
    expect(res.text).toBe('{"data":null,"error":{"status":400,"name":"ValidationError","message":"unknown query parameter: populate","details":{}}}');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
  });

  test('a refusal of the read service (a cursor of another list, an unknown slug) is answered the same way', async () => {
    const cursor = Buffer.from(JSON.stringify([1, 'timeline', 'asc', '2022-01-01T00:00:00.000Z', 'x'])).toString('base64url');
    const wrongList = await request(server()).get(`/api/chronicle/reports?cursor=${cursor}`);
    expect([wrongList.status, wrongList.body]).toEqual([400, envelope(400, 'ValidationError', 'cursor: this cursor belongs to another list (timeline)')]);
    expect(wrongList.headers['cache-control']).toBe('no-store');
    const missing = await request(server()).get('/api/chronicle/chronicles/no-such-chronicle');
    expect([missing.status, missing.body]).toEqual([404, envelope(404, 'NotFoundError', 'no published chronicle has the slug "no-such-chronicle"')]);
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});

describe('admin routes and the document guards', () => {
  test('a workflow refusal from the admin route: our envelope, not cached', async () => {
    const res = await editor.post('/chronicle/workflow/transition', { uid: REPORT, documentId: 'nosuchdocument000000000', locale: 'zh-Hans', to: 'in_review' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(
      envelope(404, 'NotFoundError', 'no zh-Hans version of field-report nosuchdocument000000000', {
        code: 'workflow.no-version',
        params: { locale: 'zh-Hans', type: 'field-report', documentId: 'nosuchdocument000000000' },
      })
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('a guard’s 403 under the Content Manager keeps its message (not a bare "Forbidden")', async () => {
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '错误信封测试', body: '正文' });
    expect(created.status).toBe(201);
    // A new locale of someone else's report passes the Content Manager's own check; our guard refuses it.
    const res = await reporter2.put(`${CM}/${REPORT}/${created.body.data.documentId}?locale=en`, { title: 'hijack', body: 'x' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(
      envelope(403, 'ForbiddenError', 'You may not change this field-report: it belongs to someone else, and nothing was changed.', {
        code: 'document.not-yours',
        params: { type: 'field-report' },
      })
    );
    // In the language the admin asks for, one language only.
    const chinese = await reporter2.put(`${CM}/${REPORT}/${created.body.data.documentId}?locale=en`, { title: 'hijack', body: 'x' }).set('Accept-Language', 'zh-Hans');
    expect(chinese.status).toBe(403);
    expect(chinese.body.error.message).toBe('您无权修改他人的稿件，未作任何更改。');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the rate limit', () => {
  test('429 in the same envelope, with Retry-After and details.retryAfter', async () => {
    const limits = app.strapi.config.get('plugin::chronicle.rateLimit') as Record<string, unknown>;
    app.strapi.config.set('plugin::chronicle.rateLimit', { ...limits, publicApi: { max: 1, windowSeconds: 60 } });
    try {
      await request(server()).get('/api/chronicle/units').set('X-Forwarded-For', '203.0.113.9');
      const refused = await request(server()).get('/api/chronicle/units');
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(refused.body).toEqual(envelope(429, 'RateLimitError', `too many requests from this address; try again in ${retryAfter} s`, { retryAfter }));
      expect(refused.headers['cache-control']).toBe('no-store');
    } finally {
      app.strapi.config.set('plugin::chronicle.rateLimit', limits);
    }
  });
});
