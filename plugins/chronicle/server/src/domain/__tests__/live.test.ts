import {
  backoffMs,
  changeOf,
  decodeBusMessage,
  encodeBusMessage,
  filterKey,
  formatSse,
  heartbeat,
  messageFor,
  parseLastEventId,
  pruneThrough,
  resumeFrom,
  retryHint,
  StreamCounter,
  type LogRow,
} from '../live';

const row = (id: number, change: LogRow['change']): LogRow => ({ id, change, subjectDocumentId: 'doc1', slug: 'an-event' });

describe('SSE text', () => {
  test('a message is event, data (one line of JSON) and id, ended by a blank line', () => {
    expect(formatSse({ id: 7, event: 'publish', data: { a: '第一行\n第二行' } })).toBe('event: publish\ndata: {"a":"第一行\\n第二行"}\nid: 7\n\n');
    expect(retryHint(3000)).toBe('retry: 3000\n\n');
    expect(heartbeat(12)).toBe(': heartbeat\nid: 12\n\n');
  });
});

describe('Last-Event-ID', () => {
  test('a whole number or nothing; anything else is a readable problem', () => {
    expect(parseLastEventId(undefined)).toEqual({});
    expect(parseLastEventId('')).toEqual({});
    expect(parseLastEventId('42')).toEqual({ id: 42 });
    for (const bad of ['-1', '1.5', 'abc', '1e3', '9999999999999999']) {
      expect(parseLastEventId(bad).problem).toMatch(/lastEventId: must be a whole number/);
    }
  });

  test('resume: new streams start at the newest id; a pruned or unknown id is a reset', () => {
    const log = { newest: 100, prunedThrough: 40 };
    expect(resumeFrom(undefined, log)).toEqual({ from: 100 });
    expect(resumeFrom(40, log)).toEqual({ from: 40 });
    expect(resumeFrom(99, log)).toEqual({ from: 99 });
    expect(resumeFrom(39, log)).toEqual({ from: 100, reset: 'pruned' });
    expect(resumeFrom(101, log)).toEqual({ from: 100, reset: 'unknown' });
  });
});

describe('messages', () => {
  test('publish and correction of a matching event carry the item; withdrawals and misses are removals', () => {
    const item = { slug: 'an-event' };
    expect(messageFor(row(1, 'publish'), item)).toEqual({ id: 1, event: 'publish', data: { slug: 'an-event', item } });
    expect(messageFor(row(2, 'update'), item)).toEqual({ id: 2, event: 'update', data: { slug: 'an-event', item } });
    expect(messageFor(row(3, 'withdraw'), undefined)).toEqual({ id: 3, event: 'remove', data: { slug: 'an-event' } });
    expect(messageFor(row(4, 'update'), undefined)?.event).toBe('remove');
    expect(messageFor(row(5, 'publish'), undefined)).toBeUndefined();
  });

  test('which Document Service actions are changes', () => {
    expect(changeOf('publish', false)).toBe('publish');
    expect(changeOf('publish', true)).toBe('update');
    expect(changeOf('unpublish', true)).toBe('withdraw');
    expect(changeOf('delete', true)).toBe('withdraw');
    expect(changeOf('unpublish', false)).toBeUndefined();
    expect(changeOf('update', true)).toBeUndefined();
  });

  test('filter keys ignore order and absent filters', () => {
    expect(filterKey({ q: 'a', locale: 'en', unit: undefined })).toBe(filterKey({ locale: 'en', q: 'a' }));
    expect(filterKey({ q: 'a' })).not.toBe(filterKey({ q: 'b' }));
  });
});

describe('log, bus and caps', () => {
  test('pruning keeps at most N rows and none older than the age', () => {
    expect(pruneThrough({ newest: 100, oldest: 1, newestOlderThanAge: undefined }, 1000)).toBeUndefined();
    expect(pruneThrough({ newest: 100, oldest: 1, newestOlderThanAge: undefined }, 30)).toBe(70);
    expect(pruneThrough({ newest: 100, oldest: 1, newestOlderThanAge: 90 }, 30)).toBe(90);
    expect(pruneThrough({ newest: 100, oldest: 95, newestOlderThanAge: 90 }, 30)).toBeUndefined();
  });

  test('backoff doubles to 30 s with jitter', () => {
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(20, () => 1)).toBe(30000);
    expect(backoffMs(0, () => 0)).toBe(400);
  });

  test('bus messages round-trip; anything else is ignored', () => {
    expect(decodeBusMessage(encodeBusMessage({ t: 'change', id: 5 }))).toEqual({ t: 'change', id: 5 });
    expect(decodeBusMessage(encodeBusMessage({ t: 'revision', revision: 'r1', from: 'x' }))).toEqual({ t: 'revision', revision: 'r1', from: 'x' });
    expect(decodeBusMessage('not json')).toBeUndefined();
    expect(decodeBusMessage('{"t":"change","id":"5"}')).toBeUndefined();
  });

  test('streams are capped per address and overall', () => {
    const counter = new StreamCounter(2, 3);
    expect(counter.take('a')).toBe(true);
    expect(counter.take('a')).toBe(true);
    expect(counter.take('a')).toBe(false);
    expect(counter.take('b')).toBe(true);
    expect(counter.take('c')).toBe(false);
    counter.release('a');
    expect(counter.count('a')).toBe(1);
    expect(counter.take('c')).toBe(true);
    counter.release('zzz');
    expect(counter.count()).toBe(3);
  });
});
