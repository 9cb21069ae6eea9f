/**
 * Workflow webhooks that work in Community Edition (docs/workflow.md, "Webhooks"): the
 * subscriptions a newsroom configures (config/plugins.ts → chronicle.config.webhooks, from
 * CHRONICLE_WEBHOOKS, checked at startup by ../config.ts), the event each step is, the JSON body and its HMAC-SHA256 signature,
 * and the retry schedule. Pure module (node:crypto only): services/webhooks.ts delivers.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { WorkflowState } from './enums';

export const WEBHOOK_EVENTS = [
  'workflow.submitted',
  'workflow.returned',
  'workflow.changes_requested',
  'workflow.approved',
  'workflow.unscheduled',
  'workflow.scheduled',
  'workflow.published',
  'workflow.corrected',
  'workflow.withdrawn',
  'workflow.reopened',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The header carrying `sha256=<hex HMAC of the raw body>` when the subscription has a secret. */
export const SIGNATURE_HEADER = 'X-Chronicle-Signature';
export const EVENT_HEADER = 'X-Chronicle-Event';

/** How long one attempt may take, and the pauses before the second and third attempts. */
export const DELIVERY_TIMEOUT_MS = 5000;
export const RETRY_DELAYS_MS = [1000, 4000] as const;

/** The event of a step: every transition is one (an edit recorded during review is not a transition). */
export const eventOfTransition = (from: WorkflowState, to: WorkflowState): WebhookEvent | undefined => {
  if (to === 'in_review') return from === 'in_review' ? undefined : 'workflow.submitted';
  if (to === 'draft') return from === 'withdrawn' ? 'workflow.reopened' : 'workflow.returned';
  if (to === 'approved') return from === 'scheduled' ? 'workflow.unscheduled' : 'workflow.approved';
  return `workflow.${to}` as WebhookEvent;
};

const headerName = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Only http(s) to a host: no file:, data:, gopher: or credentials in the address. */
const webhookUrl = z
  .string()
  .url()
  .refine((raw) => {
    try {
      const url = new URL(raw);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address without user name or password');

export const webhookSubscription = z.strictObject({
  url: webhookUrl,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'needs at least one event'),
  headers: z
    .record(z.string().regex(headerName, 'is not a valid header name'), z.string().max(1000))
    .optional(),
  secret: z.string().min(16, 'must be at least 16 characters').optional(),
});
export type WebhookSubscription = z.infer<typeof webhookSubscription>;

/** The subscriptions of the configuration, or the message saying what is wrong with them. */
export const parseSubscriptions = (value: unknown): { ok: true; subscriptions: WebhookSubscription[] } | { ok: false; message: string } => {
  const parsed = z.array(webhookSubscription).max(20, 'at most 20 subscriptions').safeParse(value ?? []);
  if (parsed.success) return { ok: true, subscriptions: parsed.data };
  const message = parsed.error.issues.map((i) => `${i.path.length ? `webhooks[${i.path.join('].')}: ` : ''}${i.message}`.replace('].]', ']')).join('; ');
  return { ok: false, message };
};

export interface WebhookBody {
  event: WebhookEvent;
  createdAt: string;
  document: { uid: string; documentId: string; locale: string; title: string; state: WorkflowState; previousState: WorkflowState };
  actor: { id: number | null; name: string };
}

/** The body as sent: the signature is computed over exactly these bytes. */
export const serializeBody = (body: WebhookBody): string => JSON.stringify(body);

export const signBody = (secret: string, raw: string): string => `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`;

/** The subscriptions that hear an event. */
export const subscribersOf = (subscriptions: readonly WebhookSubscription[], event: WebhookEvent) =>
  subscriptions.filter((s) => s.events.includes(event));

/** The headers of one delivery: the subscription's own, then ours (which cannot be overridden). */
export const deliveryHeaders = (subscription: WebhookSubscription, event: WebhookEvent, raw: string): Record<string, string> => ({
  ...(subscription.headers ?? {}),
  'Content-Type': 'application/json',
  'User-Agent': 'Chronicle-Webhooks/1',
  [EVENT_HEADER]: event,
  ...(subscription.secret ? { [SIGNATURE_HEADER]: signBody(subscription.secret, raw) } : {}),
});

/** Is a response or failure worth another attempt? Client errors (4xx but 408/429) are not. */
export const shouldRetry = (status: number | null): boolean => status === null || status >= 500 || status === 408 || status === 429;
