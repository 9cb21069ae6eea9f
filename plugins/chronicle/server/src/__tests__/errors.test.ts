import { ChronicleError, ERROR_CODES, errorBody, isChronicleError, refusal, sendError } from '../errors';

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
      501: 'NotImplementedError',
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

  test('a refusal by code answers in the language the request asks for, and keeps its code and parameters', () => {
    const error = refusal(409, 'workflow.no-transition', { from: 'in_review', to: 'published', options: ['draft'] });
    expect(error.message).toBe('cannot go from in_review to published; from in_review the document can go to draft');
    const chinese = { ...fakeCtx(), get: (name: string) => (name === 'accept-language' ? 'zh-Hans' : '') };
    sendError(chinese, error);
    expect(chinese.body).toEqual({
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message: '无法从“待审”转为“已发布”；“待审”可转为：“草稿”',
        details: { code: 'workflow.no-transition', params: { from: 'in_review', to: 'published', options: ['draft'] } },
      },
    });
    const english = { ...fakeCtx(), get: () => 'en-US,en;q=0.9' };
    sendError(english, error);
    expect((english.body as any).error.message).toBe(error.message);
  });
});
