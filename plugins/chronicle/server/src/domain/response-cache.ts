/**
 * A byte-bounded, least-recently-used store of serialised public responses, and their
 * ETags. Entries belong to a content revision: when the revision changes, every entry is
 * dropped at once (publishing one report can change the timeline, feeds, profiles …, and
 * working out which keys a write touches is not worth the risk of serving a stale page).
 * Pure module.
 */
import { createHash } from 'node:crypto';

export interface CachedResponse {
  body: Buffer;
  etag: string;
  contentType: string;
  /** When the entry may no longer be served (e.g. a report's embargo ends), epoch ms. */
  expiresAt: number;
}

/** A strong ETag over the exact bytes sent. */
export const etagOf = (body: Buffer | string): string =>
  `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Whether an If-None-Match header matches (RFC 9110: weak comparison, lists, `*`). */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
};

export class ResponseCache {
  private entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private revision: string | null = null;
  /** Entries dropped to stay within `maxBytes` (not counting expiry or a new revision). */
  private evictions = 0;

  constructor(
    readonly maxBytes: number,
    /** Entries larger than this are not kept: one huge page must not flush the rest. */
    readonly maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8))
  ) {}

  get size() {
    return this.entries.size;
  }

  get totalBytes() {
    return this.bytes;
  }

  /** What the memory benchmark records (bench/memory.js); no route serves it. */
  stats() {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, evictions: this.evictions };
  }

  /** Drop everything if the content revision moved on. */
  sync(revision: string) {
    if (revision !== this.revision) {
      this.entries.clear();
      this.bytes = 0;
      this.revision = revision;
    }
  }

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Store an entry computed under `revision`; ignored if the revision moved on meanwhile. */
  set(key: string, entry: CachedResponse, revision: string) {
    if (revision !== this.revision) return;
    const size = entry.body.byteLength + key.length;
    if (size > this.maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
      this.evictions += 1;
    }
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.byteLength + key.length;
    this.entries.delete(key);
  }
}
