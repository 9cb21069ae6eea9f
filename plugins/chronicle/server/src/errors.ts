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
import { NO_STORE } from './domain/http-cache';

export const ERROR_CODES = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
  429: 'RateLimitError',
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

export const isChronicleError = (error: unknown): error is ChronicleError => error instanceof ChronicleError;

/** The response body of a refusal: Strapi's error envelope. */
export const errorBody = (error: ChronicleError) => ({
  data: null,
  error: { status: error.status, name: error.code, message: error.message, details: error.details },
});

/** Answer a request with a refusal: its status, its envelope, and never a shared cache. */
export const sendError = (ctx: any, error: ChronicleError) => {
  ctx.status = error.status;
  ctx.set('Cache-Control', NO_STORE);
  ctx.body = errorBody(error);
};
