/**
 * The broadcast layer between instances (issue 19): "there is a change after id N" for the live
 * timeline, and "the content revision is now R" for the public cache (services/public-cache.ts).
 *
 * - PostgreSQL: LISTEN/NOTIFY on a dedicated `pg` client (Strapi's own driver), reconnecting
 *   with backoff (domain/live backoffMs); NOTIFY goes through knex's pool.
 * - Redis pub/sub when REDIS_URL is set and the database is not PostgreSQL (or when
 *   CHRONICLE_LIVE_CHANNEL=redis): ioredis reconnects by itself.
 * - Otherwise in-process only (SQLite: one instance).
 * CHRONICLE_LIVE_CHANNEL=postgres|redis|local overrides the choice.
 *
 * The bus carries hints, not data: after every (re)connection `onConnect` runs, and the live
 * service catches up from the change log and the cache re-reads the revision row, so a
 * notification lost while the channel was down delays a change, never loses it.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { backoffMs, decodeBusMessage, encodeBusMessage, type BusMessage } from '../domain/live';

/** The PostgreSQL channel (NOTIFY is per database, so newsrooms on one server do not mix). */
export const BUS_CHANNEL = 'chronicle_live';
/** The Redis channel: one Redis may serve several newsrooms, told apart by RATE_LIMIT_NAMESPACE (docs/deploy.md). */
export const redisChannel = () => `${process.env.RATE_LIMIT_NAMESPACE || 'chronicle'}:live`;

export type BusMode = 'postgres' | 'redis' | 'local';

export interface Bus {
  mode: BusMode;
  /** This instance's id, carried by revision messages so an instance ignores its own. */
  instance: string;
  /** Whether messages from other instances reach us now ('local' is always up: there are none). */
  up(): boolean;
  publish(message: BusMessage): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface BusHandlers {
  onMessage(message: BusMessage): void;
  /** After each (re)connection: catch up on what may have been missed. */
  onConnect(): void;
}

export const busMode = (strapi: Core.Strapi): BusMode => {
  const forced = process.env.CHRONICLE_LIVE_CHANNEL;
  if (forced === 'postgres' || forced === 'redis' || forced === 'local') return forced;
  if (strapi.db.dialect.client === 'postgres') return 'postgres';
  if (process.env.REDIS_URL) return 'redis';
  return 'local';
};

export const createBus = (strapi: Core.Strapi, handlers: BusHandlers): Bus => {
  const mode = busMode(strapi);
  const instance = randomBytes(8).toString('hex');
  const log = strapi.log;
  let closed = false;
  let connected = mode === 'local';

  const deliver = (raw: string) => {
    const message = decodeBusMessage(raw);
    if (message) handlers.onMessage(message);
  };

  if (mode === 'local') {
    return {
      mode,
      instance,
      up: () => true,
      // One instance: the live service and the cache act on their own writes directly.
      publish: async () => undefined,
      start: async () => undefined,
      close: async () => undefined,
    };
  }

  if (mode === 'postgres') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Client } = require('pg');
    let client: any = null;
    let attempt = 0;
    let timer: NodeJS.Timeout | null = null;

    const settings = () => {
      const connection = (strapi.config.get('database.connection') as any)?.connection ?? {};
      const { schema: _schema, pool: _pool, ...rest } = connection;
      return rest;
    };

    const drop = (why: string) => {
      if (client) {
        client.removeAllListeners();
        client.on('error', () => undefined);
        client.end().catch(() => undefined);
        client = null;
      }
      if (connected) log.warn(`chronicle: live channel (PostgreSQL LISTEN) down: ${why}; polling until it is back`);
      connected = false;
      if (!closed && !timer) {
        timer = setTimeout(() => {
          timer = null;
          void connect();
        }, backoffMs(attempt++));
        timer.unref?.();
      }
    };

    const connect = async () => {
      if (closed) return;
      const next = new Client(settings());
      next.on('error', (error: Error) => drop(error.message));
      next.on('end', () => drop('connection ended'));
      next.on('notification', (n: { channel: string; payload?: string }) => {
        if (n.channel === BUS_CHANNEL && n.payload) deliver(n.payload);
      });
      client = next;
      try {
        await next.connect();
        await next.query(`LISTEN ${BUS_CHANNEL}`);
        if (closed || client !== next) return;
        attempt = 0;
        connected = true;
        handlers.onConnect();
      } catch (error) {
        if (client === next) drop(error instanceof Error ? error.message : String(error));
      }
    };

    return {
      mode,
      instance,
      up: () => connected,
      async publish(message) {
        // Through knex's pool, so a publish does not depend on the listening connection.
        await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [BUS_CHANNEL, encodeBusMessage(message)]);
      },
      start: connect,
      async close() {
        closed = true;
        if (timer) clearTimeout(timer);
        const current = client;
        client = null;
        connected = false;
        if (current) {
          current.removeAllListeners();
          current.on('error', () => undefined);
          await current.end().catch(() => undefined);
        }
      },
    };
  }

  // Redis pub/sub: one connection subscribes, another publishes (a subscribed one cannot).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Redis = require('ioredis');
  let sub: any = null;
  let pub: any = null;
  const channel = redisChannel();
  return {
    mode,
    instance,
    up: () => connected,
    async publish(message) {
      if (pub) await pub.publish(channel, encodeBusMessage(message));
    },
    async start() {
      const options = { maxRetriesPerRequest: 1, retryStrategy: (times: number) => backoffMs(times - 1) };
      sub = new Redis(process.env.REDIS_URL, options);
      pub = new Redis(process.env.REDIS_URL, { ...options, enableOfflineQueue: false });
      for (const c of [sub, pub]) c.on('error', (error: Error) => log.warn(`chronicle: live channel (Redis): ${error.message}`));
      sub.on('message', (from: string, payload: string) => {
        if (from === channel) deliver(payload);
      });
      sub.on('close', () => {
        connected = false;
      });
      sub.on('ready', () => {
        sub
          .subscribe(channel)
          .then(() => {
            connected = true;
            handlers.onConnect();
          })
          .catch((error: Error) => log.warn(`chronicle: live channel (Redis) subscribe: ${error.message}`));
      });
    },
    async close() {
      closed = true;
      connected = false;
      await Promise.all([sub, pub].filter(Boolean).map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
};
