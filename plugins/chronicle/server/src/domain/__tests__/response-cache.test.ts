/**
 * The response cache's byte bound: however it is filled and read, it never holds more than
 * `maxBytes`, evicts least recently used entries first, and counts what it evicted (the
 * figure bench/memory.js records). Checked against a plain model of an LRU list.
 */
import fc from 'fast-check';
import { ResponseCache, type CachedResponse } from '../response-cache';

const entry = (size: number): CachedResponse => ({ body: Buffer.alloc(size, 120), etag: '"e"', contentType: 'application/json', expiresAt: Date.now() + 60_000 });

test('filling a cache far past its bound keeps the newest entries within it and counts the evictions', () => {
  const cache = new ResponseCache(1000);
  cache.sync('r');
  for (let i = 0; i < 100; i++) cache.set(`key-${String(i).padStart(2, '0')}`, entry(94), 'r'); // 100 bytes with the key
  expect(cache.stats()).toEqual({ entries: 10, bytes: 1000, maxBytes: 1000, evictions: 90 });
  expect(cache.get('key-89')).toBeUndefined();
  for (let i = 90; i < 100; i++) expect(cache.get(`key-${i}`)).toBeDefined();
});

test('an entry larger than an eighth of the bound is not kept and evicts nothing', () => {
  const cache = new ResponseCache(800);
  cache.sync('r');
  cache.set('small', entry(50), 'r');
  cache.set('big', entry(200), 'r');
  expect(cache.get('big')).toBeUndefined();
  expect(cache.stats()).toMatchObject({ entries: 1, evictions: 0 });
});

test('any sequence of writes and reads stays within the bound and behaves as an LRU list', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 30 }), size: fc.integer({ min: 0, max: 160 }) }),
    fc.record({ kind: fc.constant('get' as const), key: fc.integer({ min: 0, max: 30 }) })
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      const max = 1000;
      const cache = new ResponseCache(max); // entries up to 125 bytes are kept
      cache.sync('r');
      const model = new Map<string, number>(); // key → bytes, least recent first
      let bytes = 0;
      let evictions = 0;
      for (const o of ops) {
        const key = `k${o.key}`;
        if (o.kind === 'get') {
          const hit = cache.get(key) !== undefined;
          expect(hit).toBe(model.has(key));
          if (hit) {
            const size = model.get(key) as number;
            model.delete(key);
            model.set(key, size);
          }
          continue;
        }
        cache.set(key, entry(o.size), 'r');
        const size = o.size + key.length;
        if (size > max / 8) continue;
        if (model.has(key)) bytes -= model.get(key) as number;
        model.delete(key);
        model.set(key, size);
        bytes += size;
        for (const oldest of model.keys()) {
          if (bytes <= max) break;
          bytes -= model.get(oldest) as number;
          model.delete(oldest);
          evictions += 1;
        }
        expect(cache.totalBytes).toBeLessThanOrEqual(max);
      }
      expect(cache.stats()).toEqual({ entries: model.size, bytes, maxBytes: max, evictions });
    })
  );
});
