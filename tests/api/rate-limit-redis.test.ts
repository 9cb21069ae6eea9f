/**
 * Rate limits on Redis (REDIS_URL, docs/deploy.md): the counters live in Redis, so what
 * another instance counted there holds here too. Needs the Redis at REDIS_URL or
 * 127.0.0.1:6379; each run uses a namespace of its own and deletes its keys afterwards.
 */
import crypto from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const NAMESPACE = `chronicle-test-${crypto.randomBytes(4).toString('hex')}`;
let app: TestStrapi;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  expect(await redis.ping()).toBe('PONG');
  process.env.REDIS_URL = REDIS_URL;
  process.env.RATE_LIMIT_NAMESPACE = NAMESPACE;
  app = await startStrapi();
  app.strapi.config.set('plugin::chronicle.rateLimit', {
    publicApi: { max: 5, windowSeconds: 60 },
    signIn: { maxFailures: 3, windowSeconds: 900 },
    site: { max: 300, windowSeconds: 60 },
    store: 'auto',
  });
});
afterAll(async () => {
  await app?.stop();
  delete process.env.REDIS_URL;
  delete process.env.RATE_LIMIT_NAMESPACE;
  const keys = await redis.keys(`${NAMESPACE}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

test('the counters are in Redis: failures counted there by any instance block sign-in here', async () => {
  expect(app.strapi.plugin('chronicle').service('rate-limits').store()).toBe('redis');
  const server = app.strapi.server.httpServer;
  for (let i = 0; i < 2; i += 1) {
    const res = await request(server).post('/admin/login').send({ email: `nobody${i}@redis.local`, password: 'wrong-Password-1' });
    expect(res.status).toBe(400);
  }
  const keys = await redis.keys(`${NAMESPACE}:signIn:3:900:*`);
  expect(keys).toHaveLength(1);
  expect(await redis.get(keys[0])).toBe('2');
  // Another instance counts the third failure in the same key.
  await redis.incr(keys[0]);
  const blocked = await request(server).post('/ADMIN/login/').send({ email: 'nobody@redis.local', password: 'wrong-Password-1' });
  expect(blocked.status).toBe(429);
  expect(blocked.body.error.message).toMatch(/too many failed sign-in attempts/);
});

test('the public API counts in Redis too', async () => {
  const server = app.strapi.server.httpServer;
  const first = await request(server).get('/api/chronicle/status');
  expect([first.status, first.headers['ratelimit-remaining']]).toEqual([200, '4']);
  const [key] = await redis.keys(`${NAMESPACE}:publicApi:5:60:*`);
  await redis.incrby(key, 4);
  const refused = await request(server).get('/api/chronicle/status');
  expect(refused.status).toBe(429);
});
