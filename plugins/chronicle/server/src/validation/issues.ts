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
