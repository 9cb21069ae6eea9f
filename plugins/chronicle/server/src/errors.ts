/**
 * The plugin's one error type and its one rendering. Every refusal of ours — the public API,
 * the public read service behind the site, the admin routes, the document-service guards, the
 * rate limits — is a ChronicleError carrying an HTTP status, a code (the envelope's `name`)
 * and details, and is answered by `sendError` in Strapi's envelope
 * `{ data: null, error: { status, name, message, details } }`.
 *
 * It is a plain Error, not one of Strapi's ApplicationErrors, on purpose: Strapi's authorize
 * middleware rewrites a thrown ForbiddenError to a bare "Forbidden", and its formatter answers
 * an ApplicationError of a class it does not know with 400; it has no 409 or 410 of its own.
 * Pure module: no Strapi import.
 */
import type { z } from 'zod';
import { NO_STORE } from './domain/http-cache';
import { isMessageCode, languageOf, renderMessage, type MessageCode, type MessageLanguage, type MessageParams } from './domain/messages';
import { issueParts } from './validation/issues';

export const ERROR_CODES = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
  429: 'RateLimitError',
  // oEmbed: a format the endpoint does not offer (xml), as the specification asks.
  501: 'NotImplementedError',
  503: 'ServiceUnavailableError',
} as const;

export type ErrorStatus = keyof typeof ERROR_CODES;
export type ErrorCode = (typeof ERROR_CODES)[ErrorStatus];

export class ChronicleError extends Error {
  readonly status: ErrorStatus;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  /** Read by http-errors (Strapi's fallback formatter): the message is meant for the client (a 503 says why, too). */
  readonly expose = true;

  constructor(status: ErrorStatus, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = ERROR_CODES[status];
    this.name = this.code;
    this.details = details;
  }
}

/**
 * A refusal by code (domain/messages): `details.code` and `details.params` say what happened
 * in any language; the message is English here and rendered in the request's language when
 * it is sent (`sendError`).
 */
export const refusal = (status: ErrorStatus, code: MessageCode, params: MessageParams = {}, details: Record<string, unknown> = {}) =>
  new ChronicleError(status, renderMessage(code, params, 'en'), { ...details, code, params });

/** A malformed body, query or address of one of our routes: a 400 by code (`request.invalid`), in the caller's language. */
export const invalidRequest = (error: z.ZodError, where: 'field' | 'query parameter' = 'query parameter') =>
  refusal(400, 'request.invalid', { issues: issueParts(error, where) });

/** `value` parsed by `schema`, or that coded 400. */
export const parsedOrRefused = <S extends z.ZodType>(schema: S, value: unknown, where: 'field' | 'query parameter' = 'query parameter'): z.output<S> => {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw invalidRequest(parsed.error, where);
  return parsed.data;
};

/** The message of a refusal in `language` (by its code; a refusal without one keeps its message). */
export const localisedMessage = (error: ChronicleError, language: MessageLanguage): string =>
  isMessageCode(error.details.code) ? renderMessage(error.details.code, (error.details.params ?? {}) as MessageParams, language) : error.message;

export const isChronicleError = (error: unknown): error is ChronicleError => error instanceof ChronicleError;

/** The response body of a refusal: Strapi's error envelope, its message in `language` (English by default). */
export const errorBody = (error: ChronicleError, language: MessageLanguage = 'en') => ({
  data: null,
  error: { status: error.status, name: error.code, message: localisedMessage(error, language), details: error.details },
});

/**
 * Answer a request with a refusal: its status, its envelope, and never a shared cache. The
 * message is in the language the request asks for (`Accept-Language`, which the admin sets to
 * its own language): the Content Manager shows it as it is, in a toast.
 */
export const sendError = (ctx: any, error: ChronicleError) => {
  ctx.status = error.status;
  ctx.set('Cache-Control', NO_STORE);
  ctx.body = errorBody(error, languageOf(ctx.get?.('accept-language')));
};
