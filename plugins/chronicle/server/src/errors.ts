/**
 * One error type for the plugin's own refusals. Strapi's error middleware answers any error
 * carrying an HTTP status below 500 with that status and the standard envelope
 * `{ data: null, error: { status, name, message } }`; Strapi has no 409 error of its own.
 */
const NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
};

export class ChronicleError extends Error {
  readonly status: number;
  readonly expose = true;

  constructor(status: 400 | 403 | 404 | 409 | 410, message: string) {
    super(message);
    this.status = status;
    this.name = NAMES[status];
  }
}

export const isChronicleError = (error: unknown): error is ChronicleError => error instanceof ChronicleError;
