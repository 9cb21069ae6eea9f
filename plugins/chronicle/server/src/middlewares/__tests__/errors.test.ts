import { ChronicleError } from '../../errors';
import { chronicleErrors } from '../errors';

const fakeCtx = () => {
  const headers: Record<string, string> = {};
  return { headers, status: 404, body: undefined as unknown, set: (name: string, value: string) => void (headers[name] = value) };
};

describe('middlewares/errors: where a ChronicleError becomes an answer', () => {
  test('a refusal thrown below is answered with its envelope', async () => {
    const ctx = fakeCtx();
    await chronicleErrors()(ctx, async () => {
      throw new ChronicleError(409, 'the document changed since you read it; reload it and try again');
    });
    expect(ctx.status).toBe(409);
    expect(ctx.headers['Cache-Control']).toBe('no-store');
    expect(ctx.body).toEqual({
      data: null,
      error: { status: 409, name: 'ConflictError', message: 'the document changed since you read it; reload it and try again', details: {} },
    });
  });

  test('any other error rises to Strapi’s error middleware untouched', async () => {
    const ctx = fakeCtx();
    const boom = new Error('boom');
    await expect(chronicleErrors()(ctx, async () => Promise.reject(boom))).rejects.toBe(boom);
    expect(ctx.body).toBeUndefined();
  });

  test('an answer that is not a refusal passes through', async () => {
    const ctx = fakeCtx();
    await chronicleErrors()(ctx, async () => {
      ctx.status = 200;
      ctx.body = { ok: true };
    });
    expect([ctx.status, ctx.body]).toEqual([200, { ok: true }]);
  });
});
