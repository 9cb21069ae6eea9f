import { encodeCursor } from '../../../domain/cursor';
import { ChronicleError } from '../../../errors';
import { cursorAt, pageOf, pickLocale, profileCard } from '../rows';
import { dateParts, day, displayDate, eventRef, unitRef } from '../values';

describe('pickLocale', () => {
  test('one row per document, the requested locale first, else zh-Hans marked as a fallback', () => {
    const rows = [
      { documentId: 'a', locale: 'zh-Hans', title: '甲' },
      { documentId: 'b', locale: 'zh-Hans', title: '乙' },
      { documentId: 'a', locale: 'en', title: 'A' },
    ];
    expect(pickLocale(rows, 'en')).toEqual([
      { row: rows[2], fallback: false },
      { row: rows[1], fallback: true },
    ]);
    expect(pickLocale(rows, 'zh-Hans').map((p) => p.row.title)).toEqual(['甲', '乙']);
  });
});

describe('cursors: decoded once, refused with a 400', () => {
  test('a cursor of this list is its position', () => {
    const cursor = encodeCursor({ list: 'reports', direction: 'desc', key: '2022-03-06', documentId: 'd1' });
    expect(cursorAt(cursor, 'reports')).toEqual({ list: 'reports', direction: 'desc', key: '2022-03-06', documentId: 'd1' });
  });

  test.each([
    ['garbage!', 'cursor: not a cursor returned by this API'],
    [encodeCursor({ list: 'timeline', direction: 'asc', key: 'k', documentId: 'd' }), 'cursor: this cursor belongs to another list (timeline)'],
  ])('%s → 400 ValidationError', (cursor, message) => {
    let thrown: unknown;
    try {
      cursorAt(cursor, 'reports');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChronicleError);
    expect(thrown).toMatchObject({ status: 400, code: 'ValidationError', message, details: {} });
  });

  test('pageOf pages after the cursor and points at the next page', () => {
    const items = ['a', 'b', 'c'].map((id) => ({ row: { documentId: id, slug: id }, fallback: false }));
    const key = (p: { row: Record<string, any> }) => ({ key: p.row.slug as string, documentId: p.row.documentId as string });
    const first = pageOf('profiles', items, key, 'asc', { limit: 2 }, (p) => p.row.slug);
    expect(first.data).toEqual(['a', 'b']);
    const second = pageOf('profiles', items, key, 'asc', { limit: 2, cursor: first.nextCursor as string }, (p) => p.row.slug);
    expect(second).toEqual({ data: ['c'], nextCursor: null, limit: 2 });
    expect(() => pageOf('reports', items, key, 'asc', { cursor: first.nextCursor as string }, (p) => p)).toThrow(ChronicleError);
  });
});

describe('the profile card', () => {
  test('a named person: name, unit, duty roles labelled in the locale', () => {
    const row = {
      documentId: 'p1',
      slug: 'peng-lei',
      fullName: '彭磊',
      roleTitle: '网格员',
      kind: 'grid-worker',
      consent: 'consented',
      locale: 'zh-Hans',
      unit: { slug: 'jiancaoping-qu', name: '尖草坪区' },
      portrait: null,
      dutyRoles: [{ role: 'grid-worker' }],
    };
    const card = profileCard(row, 'zh-Hans');
    expect(card).toMatchObject({ slug: 'peng-lei', name: '彭磊', roleTitle: '网格员', anonymised: false, unit: { slug: 'jiancaoping-qu', name: '尖草坪区' } });
    expect(Object.keys(card)).toEqual(['slug', 'name', 'roleTitle', 'kind', 'anonymised', 'unit', 'portrait', 'dutyRoles', 'translationStale']);
    expect(card.dutyRoles).toHaveLength(1);
  });

  test('an anonymised person: a token slug and a masked name, never the real ones', () => {
    const card = profileCard({ documentId: 'p2', slug: 'zhao-min', fullName: '赵敏', kind: 'resident', consent: 'anonymised', locale: 'zh-Hans', dutyRoles: [] }, 'zh-Hans');
    expect(card.slug).toMatch(/^anon-/);
    expect(card.name).toBe('赵某');
    expect(JSON.stringify(card)).not.toContain('赵敏');
    expect(JSON.stringify(card)).not.toContain('zhao-min');
  });
});

describe('values', () => {
  test('DATE columns, unit and event references', () => {
    expect(day('2022-03-06')).toBe('2022-03-06');
    expect(day(null)).toBeNull();
    expect(unitRef(null)).toBeNull();
    expect(unitRef({ slug: 'a', name: '甲', kind: 'district' })).toEqual({ slug: 'a', name: '甲' });
    expect(dateParts('2022-03-06')).toEqual({ year: 2022, month: 3, day: 6 });
    const event = eventRef({ slug: 'e', title: '封控', occurredAt: '2022-02-24T04:00:00.000Z', precision: 'day', approximate: false, timeZone: null }, 'zh-Hans');
    expect(event).toEqual({ slug: 'e', title: '封控', occurredAt: '2022-02-24T04:00:00.000Z', displayDate: '2022年2月24日' });
  });

  test('an instant luxon cannot read is shown as written, never thrown', () => {
    expect(displayDate('+275760-09-13T00:00:00.000Z', 'day', false, 'en')).toBe('+275760-09-13');
  });
});
