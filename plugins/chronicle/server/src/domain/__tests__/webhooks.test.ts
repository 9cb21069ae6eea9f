import { createHmac } from 'node:crypto';
import { RULES } from '../workflow';
import {
  deliveryHeaders,
  eventOfTransition,
  parseSubscriptions,
  serializeBody,
  shouldRetry,
  signBody,
  subscribersOf,
  WEBHOOK_EVENTS,
} from '../webhooks';

describe('events', () => {
  test('every transition is an event of the list', () => {
    for (const rule of RULES) {
      for (const from of rule.from) expect(WEBHOOK_EVENTS).toContain(eventOfTransition(from, rule.to));
    }
    expect(eventOfTransition('draft', 'in_review')).toBe('workflow.submitted');
    expect(eventOfTransition('scheduled', 'approved')).toBe('workflow.unscheduled');
    expect(eventOfTransition('withdrawn', 'draft')).toBe('workflow.reopened');
    expect(eventOfTransition('in_review', 'in_review')).toBeUndefined();
  });
});

describe('subscriptions', () => {
  test('a valid configuration', () => {
    const parsed = parseSubscriptions([{ url: 'https://chat.example/hook', events: ['workflow.submitted'], secret: 's'.repeat(16), headers: { 'X-Team': 'desk' } }]);
    expect(parsed.ok).toBe(true);
    expect(parseSubscriptions(undefined)).toEqual({ ok: true, subscriptions: [] });
  });

  test.each([
    [[{ url: 'file:///etc/passwd', events: ['workflow.submitted'] }], /http/],
    [[{ url: 'gopher://x', events: ['workflow.submitted'] }], /http/],
    [[{ url: 'https://user:pw@x.example/', events: ['workflow.submitted'] }], /user name/],
    [[{ url: 'https://x.example/', events: [] }], /at least one event/],
    [[{ url: 'https://x.example/', events: ['entry.create'] }], /events/],
    [[{ url: 'https://x.example/', events: ['workflow.published'], secret: 'short' }], /16 characters/],
    [[{ url: 'https://x.example/', events: ['workflow.published'], headers: { 'bad header': 'x' } }], /header/],
    [[{ url: 'https://x.example/', events: ['workflow.published'], extra: 1 }], /extra|Unrecognized|unknown/i],
    [{ url: 'https://x.example/' }, /array/i],
  ])('refused: %j', (value, message) => {
    const parsed = parseSubscriptions(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  test('who hears an event', () => {
    const subs = [
      { url: 'https://a.example/', events: ['workflow.submitted' as const] },
      { url: 'https://b.example/', events: ['workflow.published' as const, 'workflow.submitted' as const] },
    ];
    expect(subscribersOf(subs, 'workflow.published').map((s) => s.url)).toEqual(['https://b.example/']);
    expect(subscribersOf(subs, 'workflow.submitted')).toHaveLength(2);
  });
});

describe('delivery', () => {
  const body = {
    event: 'workflow.submitted' as const,
    createdAt: '2022-03-08T00:00:00.000Z',
    document: { uid: 'plugin::chronicle.field-report', documentId: 'd1', locale: 'zh-Hans', title: '网格', state: 'in_review' as const, previousState: 'draft' as const },
    actor: { id: 1, name: 'reporter' },
  };

  test('the signature is the HMAC-SHA256 of the exact body, and cannot be overridden', () => {
    const raw = serializeBody(body);
    const secret = 'a-secret-of-16-chars';
    expect(signBody(secret, raw)).toBe(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
    const headers = deliveryHeaders({ url: 'https://x.example/', events: ['workflow.submitted'], secret, headers: { 'X-Chronicle-Signature': 'forged', 'X-Desk': 'news' } }, 'workflow.submitted', raw);
    expect(headers['X-Chronicle-Signature']).toBe(signBody(secret, raw));
    expect(headers['X-Desk']).toBe('news');
    expect(headers['X-Chronicle-Event']).toBe('workflow.submitted');
    expect(deliveryHeaders({ url: 'https://x.example/', events: ['workflow.submitted'] }, 'workflow.submitted', raw)['X-Chronicle-Signature']).toBeUndefined();
  });

  test('retried on network errors, 5xx, 408 and 429 only', () => {
    expect(shouldRetry(null)).toBe(true);
    expect(shouldRetry(502)).toBe(true);
    expect(shouldRetry(429)).toBe(true);
    expect(shouldRetry(404)).toBe(false);
    expect(shouldRetry(200)).toBe(false);
  });
});
