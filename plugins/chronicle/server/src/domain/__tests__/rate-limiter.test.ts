import { chooseStore, decide, keyPrefix, limitOf, type RateLimitConfig } from '../rate-limiter';

const CONFIG: RateLimitConfig = {
  publicApi: { max: 600, windowSeconds: 60 },
  site: { max: 120, windowSeconds: 60 },
  signIn: { maxFailures: 10, windowSeconds: 900 },
  store: 'auto',
};

describe('chooseStore', () => {
  test.each([
    ['auto', undefined, 'sqlite', 'memory'],
    ['auto', undefined, 'postgres', 'postgres'],
    ['auto', 'redis://127.0.0.1:6379', 'sqlite', 'redis'],
    ['auto', 'redis://127.0.0.1:6379', 'postgres', 'redis'],
    ['memory', 'redis://127.0.0.1:6379', 'postgres', 'memory'],
    ['postgres', 'redis://127.0.0.1:6379', 'postgres', 'postgres'],
  ] as const)('%s with REDIS_URL=%s on %s: %s', (setting, redisUrl, databaseClient, store) => {
    expect(chooseStore(setting, { redisUrl, databaseClient })).toBe(store);
  });

  test('a store that cannot work is an error that says what is missing', () => {
    expect(() => chooseStore('redis', { databaseClient: 'postgres' })).toThrow('RATE_LIMIT_STORE=redis needs REDIS_URL');
    expect(() => chooseStore('postgres', { databaseClient: 'sqlite' })).toThrow('RATE_LIMIT_STORE=postgres needs DATABASE_CLIENT=postgres');
  });
});

describe('decide', () => {
  test('allows up to max, then refuses with the seconds left, rounded up, at least 1', () => {
    expect(decide(3, 1, 59_001)).toEqual({ allowed: true, remaining: 2, retryAfter: 60 });
    expect(decide(3, 3, 1000)).toEqual({ allowed: true, remaining: 0, retryAfter: 1 });
    expect(decide(3, 4, 10)).toEqual({ allowed: false, remaining: 0, retryAfter: 1 });
  });
});

test('limits are named and keyed by their settings, so new settings start new counters', () => {
  expect(limitOf(CONFIG, 'signIn')).toEqual({ max: 10, windowSeconds: 900 });
  expect(limitOf(CONFIG, 'site')).toEqual({ max: 120, windowSeconds: 60 });
  expect(keyPrefix('publicApi', CONFIG.publicApi)).toBe('chronicle:publicApi:600:60');
  expect(keyPrefix('publicApi', { max: 5, windowSeconds: 60 })).not.toBe(keyPrefix('publicApi', CONFIG.publicApi));
});

test('a namespace keeps newsrooms sharing one store apart', () => {
  expect(keyPrefix('signIn', { max: 10, windowSeconds: 900 }, 'tribune')).toBe('tribune:signIn:10:900');
});
