import { mergeInOrder } from '../events';
import { displayDate } from '../values';

describe('mergeInOrder: two locales read apart come back in the order one read gave', () => {
  const row = (id: number, occurredAt: string, documentId: string, locale: string) => ({ id, occurredAt, documentId, locale });
  const zh = [row(1, '2022-03-01T00:00:00.000Z', 'b', 'zh-Hans'), row(3, '2022-03-02T00:00:00.000Z', 'a', 'zh-Hans'), row(5, '2022-03-02T00:00:00.000Z', 'c', 'zh-Hans')];
  const en = [row(2, '2022-03-01T00:00:00.000Z', 'b', 'en'), row(9, '2022-02-28T12:00:00.000Z', 'z', 'en'), row(4, '2022-03-02T00:00:00.000Z', 'c', 'en')];

  test('ascending: occurredAt, then documentId, then the row id (what Strapi adds), whatever list a row came from', () => {
    const merged = mergeInOrder([zh, [...en].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))], [{ occurredAt: 'asc' }, { documentId: 'asc' }]);
    expect(merged.map((r) => r.id)).toEqual([9, 1, 2, 3, 4, 5]);
  });

  test('descending on the keys, the row id still ascending', () => {
    const merged = mergeInOrder([zh, en], [{ occurredAt: 'desc' }, { documentId: 'desc' }]);
    expect(merged.map((r) => r.id)).toEqual([4, 5, 3, 1, 2, 9]);
  });

  test('instants are compared as instants, not as text', () => {
    const a = { id: 1, occurredAt: new Date('2022-03-01T10:00:00.000Z'), documentId: 'a' };
    const b = { id: 2, occurredAt: '2022-03-01T09:00:00.000Z', documentId: 'b' };
    expect(mergeInOrder([[a], [b]], [{ occurredAt: 'asc' }, { documentId: 'asc' }]).map((r) => r.id)).toEqual([2, 1]);
  });
});

describe('displayDate is kept per input, never mixed up', () => {
  test('the same input twice gives the same text; any input that differs gives its own', () => {
    const at = '2022-02-24T04:00:00.000Z';
    expect(displayDate(at, 'day', false, 'zh-Hans')).toBe('2022年2月24日');
    expect(displayDate(at, 'day', false, 'zh-Hans')).toBe('2022年2月24日');
    expect(displayDate(at, 'day', true, 'zh-Hans')).toBe('2022年2月24日左右');
    expect(displayDate(at, 'month', false, 'zh-Hans')).toBe('2022年2月');
    expect(displayDate(at, 'day', false, 'en')).toBe('24 February 2022');
    expect(displayDate(at, 'hour', false, 'zh-Hans')).toBe('2022年2月24日中午12时');
    expect(displayDate(at, 'hour', false, 'zh-Hans', 'UTC')).toBe('2022年2月24日凌晨4时');
    expect(displayDate('+275760-09-13T00:00:00.000Z', 'day', false, 'en')).toBe('+275760-09-13');
    expect(displayDate(null, 'day', false, 'en')).toBe('');
  });
});
