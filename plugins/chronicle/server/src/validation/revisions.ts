/**
 * The revisions route's address and query (controllers/revisions.ts): which record (an
 * editorial uid and a documentId, in the path), which locale, and what to compare with.
 * Pure module (zod).
 */
import { z } from 'zod';
import { EDITORIAL_UIDS } from '../domain/content-types';

export const revisionsParams = z
  .object({
    uid: z.enum(EDITORIAL_UIDS as [string, ...string[]], { message: `uid must be one of ${EDITORIAL_UIDS.join(', ')}` }),
    documentId: z.string().trim().min(1, 'documentId is required').max(64),
  })
  .strict();

export const revisionsQuery = z
  .object({
    locale: z.string().trim().min(1, 'locale is required').max(16),
    since: z
      .string()
      .regex(/^(approved|submitted|\d{1,9})$/, 'since must be approved, submitted or a revision number')
      .optional(),
  })
  .strict();
