/**
 * The live timeline (GET /api/chronicle/timeline/live, issue 19): the rules of its Server-Sent
 * Events, with no Strapi in them. The glue is services/live.ts (change log, streams) and
 * services/live-bus.ts (PostgreSQL LISTEN/NOTIFY, Redis pub/sub or in-process).
 *
 * Ordering: every public change to a timeline event is a row of the change log, whose
 * increasing id is the SSE message id. A notification on the bus only says "something new
 * after id N"; each instance reads the log itself, so a lost notification delays, never loses.
 */

/** What happened to an event, as the change log records it. */
export const LIVE_CHANGES = ['publish', 'update', 'withdraw'] as const;
export type LiveChange = (typeof LIVE_CHANGES)[number];

/** The SSE event names a client receives. */
export type LiveEventName = 'ready' | 'publish' | 'update' | 'remove' | 'reset';

export interface LogRow {
  id: number;
  change: LiveChange;
  subjectDocumentId: string;
  slug: string;
}

export interface SseMessage {
  id?: number;
  event?: LiveEventName;
  data?: unknown;
}

/** One SSE message block. Data is JSON on one line (JSON.stringify never emits a newline). */
export const formatSse = ({ id, event, data }: SseMessage): string => {
  let out = '';
  if (event) out += `event: ${event}\n`;
  if (data !== undefined) out += `data: ${JSON.stringify(data)}\n`;
  if (id !== undefined) out += `id: ${id}\n`;
  return `${out}\n`;
};

/** The stream's opening: how long a client should wait before reconnecting. */
export const retryHint = (ms: number) => `retry: ${Math.max(0, Math.round(ms))}\n\n`;

/**
 * A heartbeat: a comment (keeps proxies from closing an idle connection) and the stream's
 * position as a bare `id:` block. A block with an id and no data dispatches nothing but sets the
 * EventSource's last event id (WHATWG HTML, "dispatch the event", step 1), so a client whose
 * filters matched nothing for a while still resumes from here, not from an id the log pruned.
 */
export const heartbeat = (position: number) => `: heartbeat\nid: ${position}\n\n`;

/** `Last-Event-ID` (or ?lastEventId=): a whole number ≥ 0, or a readable problem. */
export const parseLastEventId = (raw: unknown): { id?: number; problem?: string } => {
  if (raw === undefined || raw === null || raw === '') return {};
  const text = String(raw).trim();
  if (!/^\d{1,15}$/.test(text)) return { problem: 'lastEventId: must be a whole number (the id of a message of this stream)' };
  return { id: Number(text) };
};

/**
 * Where a stream starts: from the log's newest id when it is new; from the client's last id when
 * the log still holds everything after it; else a reset (the client refetches the timeline).
 * An id beyond the newest (another database, a restored backup) is a reset too.
 */
export const resumeFrom = (
  lastEventId: number | undefined,
  log: { newest: number; prunedThrough: number }
): { from: number; reset?: 'pruned' | 'unknown' } => {
  if (lastEventId === undefined) return { from: log.newest };
  if (lastEventId > log.newest) return { from: log.newest, reset: 'unknown' };
  if (lastEventId < log.prunedThrough) return { from: log.newest, reset: 'pruned' };
  return { from: lastEventId };
};

/**
 * The message a stream receives for one log row, given the event as the stream's own filters
 * and locale read it now (`item`, or undefined when the event is not public or does not match):
 * a publish that matches → publish; a correction that matches → update; anything that no longer
 * matches (withdrawn, or edited out of the filters) → remove; a publish that does not match → nothing.
 * Events are named by their public slug, never by the internal documentId (public answers carry
 * no documentId: tests/api/public-safety.test.ts).
 */
export const messageFor = <T>(row: LogRow, item: T | undefined): SseMessage | undefined => {
  if (item !== undefined) {
    // A withdrawal of one locale can leave the other as the fallback: the item changed.
    const event: LiveEventName = row.change === 'publish' ? 'publish' : 'update';
    return { id: row.id, event, data: { slug: row.slug, item } };
  }
  if (row.change === 'publish') return undefined;
  return { id: row.id, event: 'remove', data: { slug: row.slug } };
};

/** The change a Document Service action makes to the public timeline, or undefined. */
export const changeOf = (action: string, wasPublic: boolean): LiveChange | undefined => {
  if (action === 'publish') return wasPublic ? 'update' : 'publish';
  if ((action === 'unpublish' || action === 'delete') && wasPublic) return 'withdraw';
  return undefined;
};

/** Streams with the same filters share one read of the changed events. */
export const filterKey = (params: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(params)
      .filter((k) => params[k] !== undefined)
      .sort()
      .map((k) => [k, params[k]])
  );

/** The newest id to delete so that at most `maxRows` remain and none is older than `maxAgeMs`. */
export const pruneThrough = (
  log: { newest: number; oldest: number; newestOlderThanAge: number | undefined },
  maxRows: number
): number | undefined => {
  const byCount = log.newest - maxRows;
  const byAge = log.newestOlderThanAge ?? 0;
  const through = Math.max(byCount, byAge);
  return through >= log.oldest ? through : undefined;
};

/** Reconnection delay of the bus: 0.5 s doubling to 30 s, with up to 20 % jitter. */
export const backoffMs = (attempt: number, random = Math.random) => {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.2 * random()));
};

/** What the bus carries between instances. */
export type BusMessage = { t: 'change'; id: number } | { t: 'revision'; revision: string; from: string };

export const encodeBusMessage = (m: BusMessage) => JSON.stringify(m);

export const decodeBusMessage = (raw: string): BusMessage | undefined => {
  try {
    const m = JSON.parse(raw);
    if (m?.t === 'change' && Number.isSafeInteger(m.id)) return { t: 'change', id: m.id };
    if (m?.t === 'revision' && typeof m.revision === 'string' && typeof m.from === 'string') {
      return { t: 'revision', revision: m.revision.slice(0, 100), from: m.from };
    }
  } catch {
    /* not ours */
  }
  return undefined;
};

/** Counts open streams per client address, refusing above a cap (and above a total). */
export class StreamCounter {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perAddress: number,
    private readonly overall: number
  ) {}

  /** Take a slot for `address`: true, or false when the address or the instance is full. */
  take(address: string): boolean {
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.perAddress || this.total >= this.overall) return false;
    this.byAddress.set(address, mine + 1);
    this.total += 1;
    return true;
  }

  release(address: string) {
    const mine = this.byAddress.get(address) ?? 0;
    if (mine <= 0) return;
    if (mine === 1) this.byAddress.delete(address);
    else this.byAddress.set(address, mine - 1);
    this.total -= 1;
  }

  count(address?: string) {
    return address === undefined ? this.total : this.byAddress.get(address) ?? 0;
  }
}
