/**
 * The live timeline (GET /api/chronicle/timeline/live, issue 19; docs/api.md): the change log,
 * the open streams, and the bus between instances. The rules (message shapes, resume, caps)
 * are domain/live.ts; the channel is ./live-bus.ts.
 *
 * Writing: the Document Service middleware middlewares/live-changes.ts calls `record` after a
 * timeline event was published, re-published (a correction) or withdrawn. The row is written in
 * the change's transaction when there is one (the workflow's), else in its own; on PostgreSQL
 * under a transaction-scoped advisory lock, so ids commit in id order and a reader that has
 * seen id N can never later find a smaller one. After the commit: `changed` (this instance)
 * and a notification on the bus (the others).
 *
 * Reading: one loop per instance (`poll`, never two at once) reads the log after the last id
 * it has handled and, for each group of streams with the same filters, reads the changed
 * events once through the public read path (public-read `timelineItems`: the timeline's own
 * serializer and field list), then writes the messages to every stream of the group. A new or
 * resuming stream first catches up on its own from its position, then joins. Each stream
 * remembers its position, so a message is never written twice to it.
 */
import { PassThrough } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { typeUid } from '../domain/content-types';
import {
  filterKey,
  formatSse,
  heartbeat,
  messageFor,
  pruneThrough,
  resumeFrom,
  retryHint,
  StreamCounter,
  type LiveChange,
  type LogRow,
} from '../domain/live';
import { ChronicleError } from '../errors';
import type { LiveTimelineQuery } from '../validation/public-query';
import { createBus, type Bus } from './live-bus';
import type { PublicCacheService } from './public-cache';
import type { PublicReadService } from './public-read';

const LOG_UID = typeUid('live-change');
const STORE = { type: 'plugin' as const, name: 'chronicle', key: 'live-log' };
/** pg_advisory_xact_lock key of the change log. */
const LOCK_KEY = 0x63684c76; // "chLv"
const BATCH = 500;
/** A client that reads so slowly that this much is waiting is dropped (it resumes by Last-Event-ID). */
const MAX_BUFFERED = 1024 * 1024;

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

export type LiveFilters = Omit<LiveTimelineQuery, 'lastEventId'>;

interface Stream {
  address: string;
  key: string;
  filters: LiveFilters;
  /** The id of the last log row this stream has been brought past. */
  cursor: number;
  out: PassThrough;
  joined: boolean;
  closed: boolean;
}

const live = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = {
    heartbeatMs: numberFromEnv('CHRONICLE_LIVE_HEARTBEAT_MS', 15_000),
    retryMs: numberFromEnv('CHRONICLE_LIVE_RETRY_MS', 3_000),
    perAddress: numberFromEnv('CHRONICLE_LIVE_MAX_PER_ADDRESS', 8),
    overall: numberFromEnv('CHRONICLE_LIVE_MAX_STREAMS', 5_000),
    logRows: numberFromEnv('CHRONICLE_LIVE_LOG_ROWS', 10_000),
    logAgeMs: numberFromEnv('CHRONICLE_LIVE_LOG_DAYS', 7) * 86_400_000,
    /** While the channel is down (or absent on a shared database), streams poll the log this often. */
    pollMs: numberFromEnv('CHRONICLE_LIVE_POLL_MS', 5_000),
  };
  const counter = new StreamCounter(settings.perAddress, settings.overall);
  const groups = new Map<string, Set<Stream>>();
  const streams = new Set<Stream>();
  let seen = 0;
  let started = false;
  let polling = false;
  let again = false;
  let writes = 0;
  let timers: NodeJS.Timeout[] = [];
  let bus: Bus | null = null;

  const read = () => strapi.plugin('chronicle').service('public-read') as PublicReadService;
  const cache = () => strapi.plugin('chronicle').service('public-cache') as PublicCacheService;
  const log = () => strapi.db.query(LOG_UID);

  const newest = async (): Promise<number> => {
    const row = (await log().findOne({ select: ['id'], orderBy: { id: 'desc' } })) as { id: number } | null;
    return row?.id ?? 0;
  };
  const prunedThrough = async (): Promise<number> => Number(((await strapi.store.get(STORE)) as any)?.prunedThrough ?? 0);
  const rowsAfter = async (after: number): Promise<LogRow[]> =>
    (await log().findMany({
      where: { id: { $gt: after } },
      select: ['id', 'change', 'subjectDocumentId', 'slug'],
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as LogRow[];

  const close = (stream: Stream) => {
    if (stream.closed) return;
    stream.closed = true;
    streams.delete(stream);
    const group = groups.get(stream.key);
    group?.delete(stream);
    if (group && !group.size) groups.delete(stream.key);
    counter.release(stream.address);
    stream.out.end();
  };

  const write = (stream: Stream, text: string) => {
    if (stream.closed) return;
    stream.out.write(text);
    if (stream.out.writableLength > MAX_BUFFERED) close(stream);
  };

  /** The messages of `rows` for streams with these filters, as SSE text (id, text). */
  const render = async (rows: LogRow[], filters: LiveFilters): Promise<Array<[number, string]>> => {
    const items = await read().timelineItems(filters, rows.map((r) => r.subjectDocumentId));
    const out: Array<[number, string]> = [];
    for (const row of rows) {
      const message = messageFor(row, items.get(row.subjectDocumentId));
      if (message) out.push([row.id, formatSse(message)]);
    }
    return out;
  };

  const send = (stream: Stream, messages: Array<[number, string]>, through: number) => {
    for (const [id, text] of messages) if (id > stream.cursor) write(stream, text);
    if (through > stream.cursor) stream.cursor = through;
  };

  /** Bring every joined stream past `rows` (one read per distinct filter set). */
  const deliver = async (rows: LogRow[]) => {
    const through = rows[rows.length - 1].id;
    const done = new Set<string>();
    for (;;) {
      // Streams may join while we read: each round takes the groups not yet served.
      const key = [...groups.keys()].find((k) => !done.has(k) && [...groups.get(k)!].some((s) => s.cursor < through));
      if (key === undefined) return;
      done.add(key);
      const first = [...groups.get(key)!][0];
      const messages = await render(rows, first.filters);
      for (const stream of groups.get(key) ?? []) send(stream, messages, through);
    }
  };

  const drain = async () => {
    for (;;) {
      const rows = await rowsAfter(seen);
      if (!rows.length) return;
      if (groups.size) await deliver(rows);
      seen = rows[rows.length - 1].id;
      if (rows.length < BATCH) return;
    }
  };

  /** Read and deliver what is new in the log; concurrent calls fold into one more round. */
  const poll = async () => {
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      do {
        again = false;
        await drain();
      } while (again);
    } catch (error) {
      strapi.log.error(`chronicle: live timeline could not read its change log: ${String(error)}`);
    } finally {
      polling = false;
    }
  };

  /** A new stream: catch up alone from its position, then join its group (no await in between). */
  const catchUp = async (stream: Stream) => {
    try {
      for (;;) {
        const rows = await rowsAfter(stream.cursor);
        if (stream.closed) return;
        if (!rows.length) break;
        send(stream, await render(rows, stream.filters), rows[rows.length - 1].id);
      }
      if (stream.closed) return;
      stream.joined = true;
      if (!groups.has(stream.key)) groups.set(stream.key, new Set());
      groups.get(stream.key)!.add(stream);
      write(stream, formatSse({ id: stream.cursor, event: 'ready', data: { lastEventId: stream.cursor } }));
    } catch (error) {
      strapi.log.warn(`chronicle: a live stream could not catch up: ${String(error)}`);
      close(stream);
    }
  };

  const prune = async () => {
    const top = await newest();
    const oldest = ((await log().findOne({ select: ['id'], orderBy: { id: 'asc' } })) as { id: number } | null)?.id;
    if (oldest === undefined) return;
    const aged = (await log().findOne({
      select: ['id'],
      where: { changedAt: { $lt: new Date(Date.now() - settings.logAgeMs) } },
      orderBy: { id: 'desc' },
    })) as { id: number } | null;
    const through = pruneThrough({ newest: top, oldest, newestOlderThanAge: aged?.id }, settings.logRows);
    if (through === undefined) return;
    // The mark first: a client between the mark and the delete is told to reset, never misses.
    await strapi.store.set({ ...STORE, value: { prunedThrough: Math.max(through, await prunedThrough()) } });
    await log().deleteMany({ where: { id: { $lte: through } } });
  };

  /** A change was committed here: deliver it, tell the other instances, prune now and then. */
  const changed = (id: number) => {
    void poll();
    bus?.publish({ t: 'change', id }).catch((error) => strapi.log.warn(`chronicle: live notification failed: ${String(error)}`));
    writes += 1;
    if (writes % 100 === 0) void prune().catch(() => undefined);
  };

  return {
    /** Bootstrap: the bus, the position, the heartbeat and the fallback polling. */
    async start() {
      if (started) return;
      started = true;
      seen = await newest();
      bus = createBus(strapi, {
        onMessage: (message) => {
          if (message.t === 'change') void poll();
          else if (message.from !== bus?.instance) cache().adopt(message.revision);
        },
        onConnect: () => {
          cache().resync();
          void poll();
        },
      });
      const channel = bus;
      cache().attachChannel({
        up: () => channel.mode !== 'local' && channel.up(),
        publish: (revision) => {
          if (channel.mode === 'local') return;
          channel.publish({ t: 'revision', revision, from: channel.instance }).catch((error) => {
            strapi.log.warn(`chronicle: could not announce a new public revision: ${String(error)}`);
          });
        },
      });
      await channel.start();
      const beat = setInterval(() => {
        for (const stream of streams) if (stream.joined) write(stream, heartbeat(stream.cursor));
      }, settings.heartbeatMs || 15_000);
      const fallback = setInterval(() => {
        if (streams.size && !channel.up()) void poll();
      }, settings.pollMs || 5_000);
      const pruning = setInterval(() => void prune().catch(() => undefined), 3_600_000);
      timers = [beat, fallback, pruning];
      for (const t of timers) t.unref?.();
      await prune().catch((error) => strapi.log.warn(`chronicle: could not prune the live change log: ${String(error)}`));
    },

    /**
     * Record a change to the public timeline (middlewares/live-changes.ts), in the caller's
     * transaction when there is one; streams hear of it after the commit.
     */
    async record(entry: { change: LiveChange; documentId: string; slug: string; locale: string }) {
      await strapi.db.transaction(async ({ trx, onCommit }: any) => {
        if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
        const row = (await log().create({
          data: {
            change: entry.change,
            subjectDocumentId: entry.documentId,
            slug: entry.slug,
            subjectLocale: entry.locale,
            changedAt: new Date(),
          },
          select: ['id'],
        })) as { id: number };
        onCommit(() => changed(row.id));
      });
    },

    /**
     * Open a stream on a validated request (controllers/live.ts): refuses with 429 above the
     * caps, else answers 200 with the event stream as the body.
     */
    async open(ctx: any, filters: LiveFilters, lastEventId: number | undefined) {
      const address = String(ctx.ip ?? '');
      if (!started) throw new ChronicleError(503, 'the live timeline is starting; try again in a moment');
      if (!counter.take(address)) {
        ctx.set('Retry-After', String(Math.max(1, Math.round(settings.retryMs / 1000))));
        const mine = counter.count(address) >= settings.perAddress;
        throw new ChronicleError(
          429,
          mine
            ? `too many live streams from this address (at most ${settings.perAddress} at once); close one first`
            : 'too many live streams on this server; try again later',
          { limit: mine ? settings.perAddress : settings.overall }
        );
      }
      let start: ReturnType<typeof resumeFrom>;
      try {
        start = resumeFrom(lastEventId, { newest: await newest(), prunedThrough: await prunedThrough() });
      } catch (error) {
        counter.release(address);
        throw error;
      }
      const out = new PassThrough();
      const stream: Stream = { address, key: filterKey(filters), filters, cursor: start.from, out, joined: false, closed: false };
      streams.add(stream);
      out.on('close', () => close(stream));
      ctx.req.on('close', () => close(stream));
      ctx.req.socket.setTimeout(0);
      ctx.req.socket.setNoDelay(true);
      ctx.req.socket.setKeepAlive(true);
      ctx.status = 200;
      ctx.set('Content-Type', 'text/event-stream; charset=utf-8');
      ctx.set('Cache-Control', 'no-cache, no-transform');
      ctx.set('X-Accel-Buffering', 'no');
      ctx.set('Connection', 'keep-alive');
      ctx.body = out;
      out.write(retryHint(settings.retryMs));
      if (start.reset) {
        write(stream, formatSse({ id: start.from, event: 'reset', data: { reason: start.reset, lastEventId: start.from } }));
      }
      void catchUp(stream);
    },

    /** Destroy: end every stream, stop the timers and the bus. */
    async close() {
      for (const t of timers) clearInterval(t);
      timers = [];
      for (const stream of [...streams]) close(stream);
      await bus?.close();
      started = false;
    },

    /** For tests: open streams, and the bus in use. */
    stats() {
      return { streams: streams.size, groups: groups.size, seen, channel: bus?.mode ?? null, up: bus?.up() ?? false };
    },
  };
};

export type LiveService = ReturnType<typeof live>;
export default live;
