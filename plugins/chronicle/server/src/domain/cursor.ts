/**
 * Opaque keyset cursors for the public lists. A cursor names the last item a reader saw
 * (its sort key and its documentId) and the order it was read in, so the next page starts
 * strictly after it: inserting or publishing records while a reader pages never repeats or
 * skips an item that was already before the cursor (an offset would). Pure module.
 *
 * The encoding is base64url JSON with a version tag; it is opaque to readers (the docs say
 * so) and checked strictly on the way back in, so a forged cursor is a 400, not a crash.
 */
import { z } from 'zod';

export type SortDirection = 'asc' | 'desc';

export interface CursorPosition {
  /** Which list the cursor belongs to: a timeline cursor is refused by the reports list. */
  list: string;
  direction: SortDirection;
  /** The sort key of the last item returned: an ISO instant or a string. */
  key: string;
  /** Tie-breaker: the last item's documentId. */
  documentId: string;
}

const wire = z.tuple([
  z.literal(1),
  z.string().min(1).max(40),
  z.enum(['asc', 'desc']),
  z.string().max(200),
  z.string().min(1).max(64),
]);

export const encodeCursor = (position: CursorPosition): string =>
  Buffer.from(
    JSON.stringify([1, position.list, position.direction, position.key, position.documentId]),
    'utf8'
  ).toString('base64url');

/** The position, or an error message fit for a 400. */
export const decodeCursor = (cursor: string, list: string): CursorPosition | { error: string } => {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return { error: 'cursor: not a cursor returned by this API' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { error: 'cursor: not a cursor returned by this API' };
  }
  const parsed = wire.safeParse(raw);
  if (!parsed.success) return { error: 'cursor: not a cursor returned by this API' };
  const [, cursorList, direction, key, documentId] = parsed.data;
  if (cursorList !== list) return { error: `cursor: this cursor belongs to another list (${cursorList})` };
  return { list: cursorList, direction, key, documentId };
};

/** Compare two (key, documentId) pairs in the given direction; keys compare as strings. */
export const compareKeys = (
  a: { key: string; documentId: string },
  b: { key: string; documentId: string },
  direction: SortDirection
): number => {
  const sign = direction === 'asc' ? 1 : -1;
  if (a.key !== b.key) return a.key < b.key ? -sign : sign;
  if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -sign : sign;
  return 0;
};

/**
 * One page of an in-memory list already sorted by (key, documentId) in `direction`:
 * the items strictly after `after`, at most `limit`, and whether more follow.
 */
export const pageAfter = <T>(
  sorted: T[],
  keyOf: (item: T) => { key: string; documentId: string },
  direction: SortDirection,
  limit: number,
  after?: { key: string; documentId: string }
): { items: T[]; hasMore: boolean } => {
  const start = after ? sorted.findIndex((item) => compareKeys(keyOf(item), after, direction) > 0) : 0;
  if (start < 0) return { items: [], hasMore: false };
  const items = sorted.slice(start, start + limit);
  return { items, hasMore: start + limit < sorted.length };
};
