/**
 * Fixed-window counters per key (a client address), bounded in memory: when more keys are
 * tracked than `maxKeys`, the oldest windows are forgotten first. Pure module: the caller
 * passes the clock. One process's view: instances behind a load balancer each count alone,
 * which still bounds a client to N × max per window.
 */
export interface RateLimiterOptions {
  /** Requests (or failures) allowed per window; 0 turns the limiter off. */
  max: number;
  windowMs: number;
  maxKeys?: number;
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

export function createRateLimiter({ max, windowMs, maxKeys = 100_000 }: RateLimiterOptions) {
  const windows = new Map<string, { count: number; resetAt: number }>();

  const windowOf = (key: string, now: number) => {
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      windows.delete(key);
      w = { count: 0, resetAt: now + windowMs };
      windows.set(key, w);
      // Map keeps insertion order: the first keys are the oldest windows.
      while (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);
    }
    return w;
  };

  const decision = (w: { count: number; resetAt: number }, now: number): RateDecision => ({
    allowed: w.count < max,
    remaining: Math.max(0, max - w.count),
    retryAfter: Math.max(1, Math.ceil((w.resetAt - now) / 1000)),
  });

  return {
    /** Would a request now be allowed? Does not count it. */
    check(key: string, now: number): RateDecision {
      if (max <= 0) return { allowed: true, remaining: Infinity, retryAfter: 0 };
      return decision(windowOf(key, now), now);
    },
    /** Count one event and say whether it was within the limit. */
    hit(key: string, now: number): RateDecision {
      if (max <= 0) return { allowed: true, remaining: Infinity, retryAfter: 0 };
      const w = windowOf(key, now);
      const before = decision(w, now);
      if (before.allowed) w.count += 1;
      return { ...before, remaining: Math.max(0, max - w.count) };
    },
    get size() {
      return windows.size;
    },
  };
}
