/**
 * The site renders whole lists (the timeline's plain list, the honour roll, a unit's people,
 * the figures) from the public API's cursor pages, up to a bound, and says when it stopped
 * short so a reader knows the list is not everything. Pure module.
 */
/** The interactive timeline (TimelineJS) loads one API page of the selection: the API's largest. */
export const INTERACTIVE_TIMELINE_MAX = 100;

export interface Listed<T> {
  items: T[];
  /** The API had more pages than were read. */
  more: boolean;
}

export type PageReader<T> = (cursor?: string) => Promise<{ data: T[]; meta: { nextCursor: string | null } }>;

/** Every page of a cursor-paged list, at most `maxPages` of them. */
export const readPages = async <T>(page: PageReader<T>, maxPages: number): Promise<Listed<T>> => {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i += 1) {
    const { data, meta } = await page(cursor);
    items.push(...data);
    if (!meta.nextCursor) return { items, more: false };
    cursor = meta.nextCursor;
  }
  return { items, more: true };
};
