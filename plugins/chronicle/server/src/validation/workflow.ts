/**
 * Request bodies and queries of the workflow's admin routes (controllers/workflow.ts): a
 * transition, a document's history, the review queue. Pure module (zod).
 */
import { z } from 'zod';
import { EDITORIAL_UIDS } from '../domain/content-types';
import { CORRECTION_KINDS, WORKFLOW_STATES } from '../domain/enums';

const isoDateTime = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2022-03-08T08:00:00+08:00' });

const subject = {
  uid: z.enum(EDITORIAL_UIDS as [string, ...string[]], { message: `uid must be one of ${EDITORIAL_UIDS.join(', ')}` }),
  documentId: z.string().trim().min(1, 'documentId is required').max(64),
  locale: z.string().trim().min(1, 'locale is required').max(16),
};

export const transitionBody = z
  .object({
    ...subject,
    to: z.enum(WORKFLOW_STATES, { message: `to must be one of ${WORKFLOW_STATES.join(', ')}` }),
    note: z.string().max(4000).nullish(),
    publishAt: isoDateTime.nullish(),
    correction: z
      .object({
        kind: z.enum(CORRECTION_KINDS, { message: `correction.kind must be one of ${CORRECTION_KINDS.join(', ')}` }),
        text: z.string().trim().min(1, 'correction.text is required').max(4000),
      })
      .strict()
      .nullish(),
    updatedAt: isoDateTime.nullish(),
  })
  .strict();

export const historyQuery = z.object(subject).strict();

export const queueQuery = z
  .object({ state: z.enum(WORKFLOW_STATES, { message: `state must be one of ${WORKFLOW_STATES.join(', ')}` }).optional() })
  .strict();
