/**
 * The rate limiters (domain/rate-limiter.ts says which and where), built with
 * rate-limiter-flexible on a store every instance shares: Redis (ioredis) when REDIS_URL is set,
 * PostgreSQL through Strapi's own knex when the database is PostgreSQL (one table,
 * `chronicle_rate_limits`), otherwise memory. Each shared limiter has an in-memory insurance
 * limiter, so an unreachable store degrades to per-instance limits rather than to no limit
 * or to refusing everyone.
 */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../domain/content-types';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import {
  chooseStore,
  decide,
  keyPrefix,
  limitOf,
  type LimitName,
  type RateDecision,
  type RateLimitConfig,
  type StoreKind,
} from '../domain/rate-limiter';

export const RATE_LIMIT_TABLE = 'chronicle_rate_limits';

const OFF: RateDecision = { allowed: true, remaining: Infinity, retryAfter: 0 };

const rateLimits = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(pluginUid('rateLimit')) as RateLimitConfig;
  const built = new Map<string, Promise<RateLimiterAbstract>>();
  let redis: { quit(): Promise<unknown>; disconnect(): void } | undefined;
  let redisReady: Promise<void> | undefined;
  let kind: StoreKind | undefined;

  const storeKind = () => {
    kind ??= chooseStore(settings().store ?? 'auto', {
      redisUrl: process.env.REDIS_URL || undefined,
      databaseClient: strapi.db.dialect.client as string,
    });
    return kind;
  };

  const redisClient = () => {
    if (!redis) {
      // Loaded only when configured: a single SQLite instance never needs the package at runtime.
      const Redis = require('ioredis');
      redis = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      (redis as any).on('error', (error: Error) => strapi.log.warn(`chronicle: rate-limit store (Redis): ${error.message}`));
      // Without an offline queue a command sent while connecting fails over to the insurance
      // limiter: the first limiter waits (at most 2 s) for the connection instead.
      redisReady = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        timer.unref();
        (redis as any).once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return redis;
  };

  const namespace = () => process.env.RATE_LIMIT_NAMESPACE || 'chronicle';
  const create = async (name: LimitName): Promise<RateLimiterAbstract> => {
    const limit = limitOf(settings(), name);
    const options = { points: limit.max, duration: limit.windowSeconds, keyPrefix: keyPrefix(name, limit, namespace()) };
    const insurance = new RateLimiterMemory(options);
    switch (storeKind()) {
      case 'redis': {
        const client = redisClient();
        await redisReady;
        return new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: insurance });
      }
      case 'postgres':
        return new Promise((resolve, reject) => {
          const limiter: RateLimiterPostgres = new RateLimiterPostgres(
            {
              ...options,
              storeClient: strapi.db.connection,
              storeType: 'knex',
              tableName: RATE_LIMIT_TABLE,
              insuranceLimiter: insurance,
              // Expired rows are deleted by rate-limiter-flexible every 5 minutes.
              clearExpiredByTimeout: true,
            },
            (error?: Error) => (error ? reject(error) : resolve(limiter))
          );
        });
      default:
        return insurance;
    }
  };

  const limiter = (name: LimitName) => {
    const key = keyPrefix(name, limitOf(settings(), name), namespace());
    let found = built.get(key);
    if (!found) {
      found = create(name);
      built.set(key, found);
      found.catch(() => built.delete(key));
    }
    return found;
  };

  const asDecision = (name: LimitName, res: RateLimiterRes | null): RateDecision => {
    const { max, windowSeconds } = limitOf(settings(), name);
    if (!res) return decide(max, 0, windowSeconds * 1000);
    return decide(max, res.consumedPoints, res.msBeforeNext);
  };

  return {
    /** The store counters live in ('memory', 'postgres' or 'redis'). */
    store: storeKind,

    /** Whether the limit counts anything at all (a max of 0 turns it off), without a promise. */
    enabledNow(name: LimitName): boolean {
      return limitOf(settings(), name).max > 0;
    },

    /** Count one request (or failure) for `key` and say whether it was within the limit. */
    async hit(name: LimitName, key: string): Promise<RateDecision> {
      if (limitOf(settings(), name).max <= 0) return OFF;
      try {
        return asDecision(name, await (await limiter(name)).consume(key));
      } catch (error) {
        if (error instanceof RateLimiterRes) return asDecision(name, error);
        throw error;
      }
    },

    /** Would one more be allowed? Counts nothing (the sign-in throttle counts failures only). */
    async check(name: LimitName, key: string): Promise<RateDecision> {
      if (limitOf(settings(), name).max <= 0) return OFF;
      const res = await (await limiter(name)).get(key);
      const decision = asDecision(name, res);
      // `get` reports what was consumed; one more is allowed only below the limit.
      return { ...decision, allowed: (res?.consumedPoints ?? 0) < limitOf(settings(), name).max };
    },

    /**
     * Open the shared store at boot, so that its table (PostgreSQL) exists before the first
     * request rather than appearing in the middle of someone's work (a schema comparison, a
     * migration); an unreachable store is logged and left to the first request to retry.
     */
    async prepare() {
      if (storeKind() === 'memory') return;
      for (const name of ['publicApi', 'signIn', 'site'] as LimitName[]) {
        await limiter(name).catch((error: unknown) => strapi.log.warn(`[chronicle] rate-limit store not ready: ${String(error)}`));
      }
    },

    /** Forget `key`'s count for a limit (an operator unblocking an address). */
    async reset(name: LimitName, key: string) {
      await (await limiter(name)).delete(key);
    },

    async close() {
      built.clear();
      if (redis) {
        await redis.quit().catch(() => redis?.disconnect());
        redis = undefined;
      }
    },
  };
};

export type RateLimitsService = ReturnType<typeof rateLimits>;
export default rateLimits;
