import { aliasKeyOf, clientAddress, headerBlocks, staticHeaders } from '../fast-path';

describe('aliasKeyOf: the raw request target as services/public-cache remembers it', () => {
  test('path and query string as koa splits them', () => {
    expect(aliasKeyOf('/api/chronicle/timeline?limit=25')).toBe('/api/chronicle/timeline?limit=25');
    expect(aliasKeyOf('/timeline')).toBe('/timeline?');
    expect(aliasKeyOf('/timeline?')).toBe('/timeline?');
  });
  test('targets koa might read otherwise are not looked up', () => {
    expect(aliasKeyOf(undefined)).toBeNull();
    expect(aliasKeyOf('')).toBeNull();
    expect(aliasKeyOf('http://example.com/timeline')).toBeNull();
    expect(aliasKeyOf('//evil.example/timeline')).toBeNull();
    expect(aliasKeyOf('/timeline#top')).toBeNull();
    expect(aliasKeyOf('*')).toBeNull();
  });
});

describe('clientAddress: as koa reads ctx.ip', () => {
  const off = { trust: false, header: 'x-forwarded-for', maxIps: 0 };
  const on = { trust: true, header: 'x-forwarded-for', maxIps: 0 };
  test('the socket address unless the proxy is trusted', () => {
    expect(clientAddress({ 'x-forwarded-for': '10.0.0.1' }, '127.0.0.1', off)).toBe('127.0.0.1');
    expect(clientAddress({}, undefined, off)).toBe('');
  });
  test('the first forwarded address when trusted, within maxIpsCount', () => {
    expect(clientAddress({ 'x-forwarded-for': '10.0.0.1, 10.0.0.2' }, '127.0.0.1', on)).toBe('10.0.0.1');
    expect(clientAddress({ 'x-forwarded-for': '10.0.0.1, 10.0.0.2' }, '127.0.0.1', { ...on, maxIps: 1 })).toBe('10.0.0.2');
    expect(clientAddress({ 'x-real-ip': '10.0.0.3' }, '127.0.0.1', { ...on, header: 'x-real-ip' })).toBe('10.0.0.3');
    expect(clientAddress({}, '127.0.0.1', on)).toBe('127.0.0.1');
  });
});

describe('staticHeaders and headerBlocks', () => {
  const captured: Array<[string, string | number | string[] | undefined]> = [
    ['Content-Security-Policy', "default-src 'self'"],
    ['Vary', 'Origin, Accept-Encoding'],
    ['ETag', '"abc"'],
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Content-Length', 123],
    ['X-Chronicle-Cache', 'miss'],
    ['RateLimit-Remaining', '599'],
    ['Cache-Control', 'public, max-age=60'],
    ['X-Multi', ['a', 'b']],
  ];
  test('keeps what every hit repeats, in the answer’s spelling, and drops what belongs to one response', () => {
    expect(staticHeaders(captured)).toEqual([
      'Content-Security-Policy',
      "default-src 'self'",
      'Vary',
      'Origin, Accept-Encoding',
      'Content-Type',
      'application/json; charset=utf-8',
      'Cache-Control',
      'public, max-age=60',
      'X-Multi',
      'a',
      'X-Multi',
      'b',
    ]);
  });
  test('an answer that sets a cookie (or says where to go) is never repeated', () => {
    expect(staticHeaders([...captured, ['Set-Cookie', ['s=1']]])).toBeNull();
    expect(staticHeaders([['Location', '/x']])).toBeNull();
  });
  test('200 and 304 lists of a variant', () => {
    const fixed = staticHeaders(captured) as string[];
    const br = headerBlocks(fixed, { etag: '"abc-br"', coding: 'br', length: 42 });
    expect(br.ok.slice(fixed.length)).toEqual(['ETag', '"abc-br"', 'X-Chronicle-Cache', 'hit', 'Content-Encoding', 'br', 'Content-Length', '42']);
    expect(br.notModified).not.toContain('Content-Type');
    expect(br.notModified).not.toContain('Content-Length');
    expect(br.notModified).not.toContain('Content-Encoding');
    expect(br.notModified).toEqual(expect.arrayContaining(['ETag', '"abc-br"', 'Vary', 'Cache-Control']));
    const identity = headerBlocks(fixed, { etag: '"abc"', coding: 'identity', length: 100 });
    expect(identity.ok).not.toContain('Content-Encoding');
    expect(identity.ok.slice(-2)).toEqual(['Content-Length', '100']);
  });
});
