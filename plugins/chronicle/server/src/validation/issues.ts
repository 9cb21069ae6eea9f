/**
 * Request validation at the edge: a zod schema in, a readable 400 message out. The request
 * schemas themselves are the other modules of this folder. Pure module (zod).
 */
import type { z } from 'zod';

/** One sentence per issue, naming the field; `unknown` says what an unrecognised key is. */
export const describeIssues = (error: z.ZodError, unknown: 'query parameter' | 'field' = 'query parameter'): string =>
  error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown ${unknown}${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
      }
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');

/**
 * The issues as parameters of a `request.invalid` refusal (domain/messages): each its English
 * sentence as describeIssues writes it, and its kind, field and options for other languages.
 */
export const issueParts = (
  error: z.ZodError,
  unknown: 'query parameter' | 'field' = 'query parameter',
  /** The kind of a schema's own messages (refinements), by the message's start. */
  kinds: Array<[string, string]> = []
) =>
  error.issues.map((issue) => {
    const field = issue.path.join('.');
    const en = describeIssues({ issues: [issue] } as z.ZodError, unknown);
    const raw = issue as unknown as Record<string, unknown>;
    const own = kinds.find(([start]) => issue.message.startsWith(start));
    if (own) return { en, kind: own[1], field };
    if (issue.code === 'unrecognized_keys') return { en, kind: 'unknown', where: unknown === 'field' ? 'body' : 'query', keys: issue.keys };
    if (issue.code === 'invalid_value' && Array.isArray(raw.values)) return { en, kind: 'options', field, options: (raw.values as unknown[]).map(String) };
    if (issue.code === 'invalid_format' && raw.format === 'datetime') return { en, kind: 'datetime', field };
    if (issue.code === 'too_small' && raw.origin === 'string') return { en, kind: 'required', field };
    if (issue.code === 'too_big' && raw.origin === 'string') return { en, kind: 'too-long', field, max: Number(raw.maximum) };
    return { en, kind: 'invalid', field };
  });

export const queryProblem = (schema: z.ZodType, query: unknown): string | undefined => {
  const parsed = schema.safeParse(query ?? {});
  return parsed.success ? undefined : describeIssues(parsed.error);
};

/** Parse a query: the validated values, or the readable 400 message. */
export const parseQuery = <S extends z.ZodType>(
  schema: S,
  query: unknown
): { data: z.output<S>; problem?: undefined } | { data?: undefined; problem: string } => {
  const parsed = schema.safeParse(query ?? {});
  if (parsed.success) return { data: parsed.data };
  return { problem: describeIssues(parsed.error) };
};
