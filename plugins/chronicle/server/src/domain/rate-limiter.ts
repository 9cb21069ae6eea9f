/**
 * The rate limits as data: which limits there are, where their counters live, and how a
 * counter's state reads as an answer (Retry-After, RateLimit-Remaining). The counting itself is
 * rate-limiter-flexible's (services/rate-limits.ts); this module has no Strapi or store import.
 *
 * Counters live in one store shared by every instance, so N instances behind a load balancer
 * still allow a client the configured limit, not N times it: Redis when REDIS_URL is set,
 * otherwise the database when it is PostgreSQL, otherwise (one SQLite instance) memory.
 */
export type StoreKind = 'memory' | 'postgres' | 'redis';
export type StoreSetting = 'auto' | StoreKind;

export interface LimitSetting {
  /** Requests (or failures) allowed per window; 0 turns the limit off. */
  max: number;
  windowSeconds: number;
}

export interface RateLimitConfig {
  /** The public API (/api/…), per address. */
  publicApi: LimitSetting;
  /** Site pages and share cards rendered for an address (answers from the site's cache are free). */
  site: LimitSetting;
  /** Failed admin sign-ins and password resets, per address. */
  signIn: { maxFailures: number; windowSeconds: number };
  /** Where counters live (RATE_LIMIT_STORE): 'auto' picks redis, postgres or memory as above. */
  store: StoreSetting;
}

/** Strapi's admin routes (as its router registers them) where a wrong guess answers 4xx: each failure counts. */
export const SIGN_IN_ROUTES: ReadonlySet<string> = new Set([
  'POST /admin/login',
  'POST /admin/register-admin',
  'POST /admin/register',
  'POST /admin/forgot-password',
  'POST /admin/reset-password',
]);

export type LimitName = 'publicApi' | 'site' | 'signIn';

export const LIMIT_NAMES: readonly LimitName[] = ['publicApi', 'site', 'signIn'];

export const limitOf = (config: RateLimitConfig, name: LimitName): LimitSetting =>
  name === 'signIn' ? { max: config.signIn.maxFailures, windowSeconds: config.signIn.windowSeconds } : config[name];

/** The store the counters use. An explicit setting that cannot work is an error, not a silent memory store. */
export const chooseStore = (setting: StoreSetting, env: { redisUrl?: string; databaseClient: string }): StoreKind => {
  if (setting === 'redis' && !env.redisUrl) throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL');
  if (setting === 'postgres' && env.databaseClient !== 'postgres') {
    throw new Error('RATE_LIMIT_STORE=postgres needs DATABASE_CLIENT=postgres');
  }
  if (setting !== 'auto') return setting;
  if (env.redisUrl) return 'redis';
  return env.databaseClient === 'postgres' ? 'postgres' : 'memory';
};

/**
 * Counter keys carry the limit's name and its settings: changing a limit (an operator's
 * restart, a test) starts fresh counters instead of judging old counts by new rules. The
 * namespace (RATE_LIMIT_NAMESPACE) keeps two newsrooms sharing one Redis apart.
 */
export const keyPrefix = (name: LimitName, limit: LimitSetting, namespace = 'chronicle') =>
  `${namespace}:${name}:${limit.max}:${limit.windowSeconds}`;

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until the window resets (for Retry-After), at least 1. */
  retryAfter: number;
}

/** A counter's state (points consumed, ms until reset) as an answer for a limit of `max`. */
export const decide = (max: number, consumed: number, msBeforeNext: number): RateDecision => ({
  allowed: consumed <= max,
  remaining: Math.max(0, max - consumed),
  retryAfter: Math.max(1, Math.ceil(msBeforeNext / 1000)),
});
