/**
 * A refusal of the server in the admin's language, one language at a time. Our refusals carry
 * a stable `details.code` (server/src/domain/messages.ts, the one table of both languages)
 * and the server writes their message in the language the admin asked for (every request
 * carries the admin's language, ./admin-language.ts); a message still in both languages
 * ("… / …") is cut to the admin's part.
 */
import { inLanguage } from './language';

/** The server's error envelope (`error`) of a failed request made with Strapi's fetch client. */
export const errorOf = (failure: any): { message?: string; details?: Record<string, any> } | null =>
  failure?.response?.data?.error ?? null;

export const refusalText = (failure: any, uiLocale: string): string | null => {
  const message = errorOf(failure)?.message;
  return typeof message === 'string' && message ? inLanguage(message, uiLocale) : null;
};
