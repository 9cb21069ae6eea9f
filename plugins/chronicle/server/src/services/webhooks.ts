/**
 * Workflow webhooks that work in Community Edition (domain/webhooks, docs/workflow.md
 * "Webhooks"): each transition is POSTed as JSON to the subscriptions configured in
 * config/plugins.ts → chronicle.config.webhooks (CHRONICLE_WEBHOOKS), signed with
 * HMAC-SHA256 when a subscription has a secret. Delivery runs in the background after the
 * transition committed: a timeout per attempt, three attempts with backoff, redirects not
 * followed, failures logged; the transition never waits for it or fails because of it.
 */
import type { Core } from '@strapi/strapi';
import type { Actor } from '../domain/workflow';
import {
  deliveryHeaders,
  DELIVERY_TIMEOUT_MS,
  eventOfTransition,
  parseSubscriptions,
  RETRY_DELAYS_MS,
  serializeBody,
  shouldRetry,
  subscribersOf,
  type WebhookBody,
  type WebhookSubscription,
} from '../domain/webhooks';
import { pluginUid } from '../domain/content-types';
import type { TransitionFacts } from '../domain/notifications';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref?.());

const webhooks = ({ strapi }: { strapi: Core.Strapi }) => {
  let subscriptions: WebhookSubscription[] | undefined;
  const inFlight = new Set<Promise<void>>();

  const configured = (): WebhookSubscription[] => {
    if (!subscriptions) {
      const parsed = parseSubscriptions(strapi.config.get(pluginUid('webhooks'), []));
      // config.ts refused a bad configuration at startup; this is the belt to its braces.
      subscriptions = parsed.ok ? parsed.subscriptions : [];
    }
    return subscriptions;
  };

  const deliver = async (subscription: WebhookSubscription, body: WebhookBody) => {
    const raw = serializeBody(body);
    const headers = deliveryHeaders(subscription, body.event, raw);
    const target = new URL(subscription.url);
    const where = `${target.protocol}//${target.host}${target.pathname}`;
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
      if (attempt > 0) await sleep(RETRY_DELAYS_MS[attempt - 1]);
      let status: number | null = null;
      let problem = '';
      try {
        const res = await fetch(subscription.url, {
          method: 'POST',
          headers,
          body: raw,
          redirect: 'manual',
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => undefined);
        if (status >= 200 && status < 300) return;
        problem = `answered ${status}`;
      } catch (error) {
        problem = (error as Error).name === 'TimeoutError' ? `no answer within ${DELIVERY_TIMEOUT_MS} ms` : (error as Error).message;
      }
      if (!shouldRetry(status) || attempt === RETRY_DELAYS_MS.length) {
        strapi.log.warn(`[chronicle] webhook ${body.event} to ${where} failed after ${attempt + 1} attempt(s): ${problem}`);
        return;
      }
    }
  };

  return {
    /** Start the deliveries of a committed transition; returns at once. */
    transitioned(facts: TransitionFacts, actor: Actor) {
      const event = eventOfTransition(facts.from, facts.to);
      if (!event) return;
      const subscribers = subscribersOf(configured(), event);
      if (!subscribers.length) return;
      const body: WebhookBody = {
        event,
        createdAt: facts.at.toISOString(),
        document: { uid: facts.uid, documentId: facts.documentId, locale: facts.locale, title: facts.title, state: facts.to, previousState: facts.from },
        actor: { id: actor.kind === 'user' ? actor.id ?? null : null, name: actor.name },
      };
      for (const subscription of subscribers) {
        const delivery = deliver(subscription, body).catch((error) => {
          strapi.log.warn(`[chronicle] webhook ${event}: ${(error as Error).message}`);
        });
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
      }
    },

    /** Wait for the deliveries under way (shutdown, tests). */
    async settled() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },

    subscriptionCount: () => configured().length,
  };
};

export type WebhooksService = ReturnType<typeof webhooks>;
export default webhooks;
