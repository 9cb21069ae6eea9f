import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { isCompressible, MIN_COMPRESS_BYTES, negotiate, parseAcceptEncoding, variantEtag, variantOf } from '../encoding';

describe('negotiate', () => {
  test.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['BR;Q=0.2, GZIP', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['deflate', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, identity;q=0.9', 'identity'],
    ['br;q=0, *', 'gzip'],
    ['identity;q=0', null],
    ['*;q=0', null],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=abc', 'identity'],
    ['gzip;q=0.7, br;q=0.7', 'br'],
  ])('%p → %p', (header, expected) => {
    expect(negotiate(header as string | undefined)).toBe(expected);
  });

  test('an incompressible body is identity unless identity is refused', () => {
    expect(negotiate('br, gzip', false)).toBe('identity');
    expect(negotiate('br, identity;q=0', false)).toBeNull();
  });

  test('parses q-values, keeping the highest of a repeated coding', () => {
    expect([...parseAcceptEncoding('gzip;q=0.1, gzip;q=0.6 , br ; q=2')]).toEqual([
      ['gzip', 0.6],
      ['br', 1],
    ]);
  });
});

describe('variants', () => {
  const body = Buffer.from(JSON.stringify({ data: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `事件 ${i}` })) }));

  test('compress once, decompress to the same bytes, with their own ETag', () => {
    const br = variantOf(body, '"abc"', 'application/json', 'br');
    expect(br.coding).toBe('br');
    expect(br.etag).toBe('"abc-br"');
    expect(brotliDecompressSync(br.body).equals(body)).toBe(true);
    expect(variantOf(body, '"abc"', 'application/json', 'br').body).toBe(br.body);
    const gzip = variantOf(body, '"abc"', 'application/json', 'gzip');
    expect(gunzipSync(gzip.body).equals(body)).toBe(true);
    expect(gzip.etag).toBe('"abc-gzip"');
    expect(variantOf(body, '"abc"', 'application/json', 'identity')).toEqual({ coding: 'identity', body, etag: '"abc"' });
    expect(variantEtag('W/"x"', 'gzip')).toBe('W/"x-gzip"');
  });

  test('incompressible data goes as identity', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251));
    const noise = require('node:crypto').randomBytes(4096) as Buffer;
    expect(variantOf(noise, '"n"', 'application/json', 'gzip').coding).toBe('identity');
    expect(random.byteLength).toBe(4096);
  });

  test('small bodies and compressed types are not compressible', () => {
    expect(isCompressible('application/json', MIN_COMPRESS_BYTES - 1)).toBe(false);
    expect(isCompressible('application/json', MIN_COMPRESS_BYTES)).toBe(true);
    expect(isCompressible('text/html; charset=utf-8', 5000)).toBe(true);
    expect(isCompressible('image/svg+xml', 5000)).toBe(true);
    expect(isCompressible('image/png', 5000)).toBe(false);
    expect(isCompressible('font/woff2', 5000)).toBe(false);
  });
});
