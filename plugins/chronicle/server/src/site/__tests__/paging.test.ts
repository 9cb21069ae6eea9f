import { readPages } from '../paging';

/** A list of `total` numbers served `size` at a time with cursors, counting the pages read. */
const api = (total: number, size: number) => {
  const calls: Array<string | undefined> = [];
  const page = async (cursor?: string) => {
    calls.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const data = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return { data, meta: { nextCursor: start + size < total ? String(start + size) : null } };
  };
  return { page, calls };
};

test('reads every page of a list that fits, and says it is complete', async () => {
  const { page, calls } = api(250, 100);
  const listed = await readPages(page, 10);
  expect(listed.more).toBe(false);
  expect(listed.items).toEqual(Array.from({ length: 250 }, (_, i) => i));
  expect(calls).toEqual([undefined, '100', '200']);
});

test('an exact multiple of the page size is complete too', async () => {
  const listed = await readPages(api(300, 100).page, 3);
  expect(listed).toEqual({ items: Array.from({ length: 300 }, (_, i) => i), more: false });
});

test('stops at the bound and says there is more', async () => {
  const { page, calls } = api(1001, 100);
  const listed = await readPages(page, 10);
  expect(listed.more).toBe(true);
  expect(listed.items).toHaveLength(1000);
  expect(calls).toHaveLength(10);
});

test('an empty list', async () => {
  expect(await readPages(api(0, 100).page, 10)).toEqual({ items: [], more: false });
});
