import { createRateLimiter } from '../rate-limiter';

describe('createRateLimiter', () => {
  test('allows max hits per window, then refuses until the window resets', () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit('1.2.3.4', t0).allowed)).toEqual([true, true, true]);
    expect(limiter.hit('1.2.3.4', t0 + 1000)).toEqual({ allowed: false, remaining: 0, retryAfter: 59 });
    expect(limiter.hit('5.6.7.8', t0 + 1000).allowed).toBe(true);
    expect(limiter.hit('1.2.3.4', t0 + 60_000).allowed).toBe(true);
  });

  test('check does not count', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 1000 });
    expect(limiter.check('a', 0).allowed).toBe(true);
    expect(limiter.check('a', 0).allowed).toBe(true);
    limiter.hit('a', 0);
    expect(limiter.check('a', 10)).toMatchObject({ allowed: false, retryAfter: 1 });
  });

  test('max 0 turns it off', () => {
    const limiter = createRateLimiter({ max: 0, windowMs: 1000 });
    for (let i = 0; i < 100; i += 1) expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });

  test('forgets the oldest windows beyond maxKeys', () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit('a', 0);
    limiter.hit('b', 1);
    limiter.hit('c', 2);
    expect(limiter.size).toBe(2);
    expect(limiter.hit('a', 3).allowed).toBe(true); // a was forgotten
    expect(limiter.hit('c', 4).allowed).toBe(false);
  });
});
