import { ChronicleError, ERROR_CODES, errorBody, isChronicleError, sendError } from '../errors';

const fakeCtx = () => {
  const headers: Record<string, string> = {};
  return { headers, status: 200, body: undefined as unknown, set: (name: string, value: string) => void (headers[name] = value) };
};

describe('ChronicleError', () => {
  test('carries status, code and details; the code is the envelope name', () => {
    const error = new ChronicleError(410, 'this report has been withdrawn', { withdrawal: { reason: '事实有误', date: null } });
    expect(error).toBeInstanceOf(Error);
    expect(isChronicleError(error)).toBe(true);
    expect(isChronicleError(new Error('x'))).toBe(false);
    expect([error.status, error.code, error.name]).toEqual([410, 'GoneError', 'GoneError']);
    expect(error.details).toEqual({ withdrawal: { reason: '事实有误', date: null } });
    expect(new ChronicleError(404, 'no').details).toEqual({});
  });

  test('one code per status, the names Strapi clients know', () => {
    expect(ERROR_CODES).toEqual({
      400: 'ValidationError',
      403: 'ForbiddenError',
      404: 'NotFoundError',
      409: 'ConflictError',
      410: 'GoneError',
      429: 'RateLimitError',
      503: 'ServiceUnavailableError',
    });
  });

  test('rendered as Strapi’s envelope, byte for byte, never cached', () => {
    const error = new ChronicleError(404, 'no published profile has this address');
    expect(JSON.stringify(errorBody(error))).toBe(
      '{"data":null,"error":{"status":404,"name":"NotFoundError","message":"no published profile has this address","details":{}}}'
    );
    const ctx = fakeCtx();
    sendError(ctx, new ChronicleError(429, 'too many requests', { retryAfter: 7 }));
    expect(ctx.status).toBe(429);
    expect(ctx.headers['Cache-Control']).toBe('no-store');
    expect(ctx.body).toEqual({ data: null, error: { status: 429, name: 'RateLimitError', message: 'too many requests', details: { retryAfter: 7 } } });
  });
});
