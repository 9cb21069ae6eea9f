import {
  afterCursor,
  compareEntries,
  correctionFeedItems,
  decodeEntryCursor,
  encodeEntryCursor,
  entryLink,
  entryPublicId,
  isTombstoneEntryId,
  tombstoneEntryId,
  mergePage,
  publicCorrections,
  type EntryKey,
  type ListedEntry,
} from '../corrections';

const key = (date: string, type: EntryKey['type'], id: number): EntryKey => ({ date, type, id });
const D1 = '2026-12-01T02:00:00.000Z';
const D2 = '2026-12-02T02:00:00.000Z';

describe('publicCorrections', () => {
  test('keeps kind, text and date only, oldest first, with the Asia/Shanghai time to the minute', () => {
    const out = publicCorrections(
      [
        { id: 9, date: D2, kind: 'update', text: 'later', author: 'x', note: 'internal' },
        { id: 8, date: new Date(D1), kind: 'correction', text: 'earlier' },
        { id: 7, date: D1, kind: 'not-a-kind', text: 'dropped' },
      ],
      'zh-Hans'
    );
    expect(out.map((c) => Object.keys(c).sort())).toEqual([['date', 'displayDate', 'kind', 'text'], ['date', 'displayDate', 'kind', 'text']]);
    expect(out.map((c) => c.text)).toEqual(['earlier', 'later']);
    // 02:00 UTC is 10:00 in Beijing, and the Chinese form is 24-hour.
    expect(out[0].displayDate).toBe('2026年12月1日 10:00');
    expect(publicCorrections([{ date: '2026-12-01T07:05:00.000Z', kind: 'update', text: 'x' }], 'en')[0].displayDate).toBe('1 December 2026, 15:05');
    expect(publicCorrections(null, 'en')).toEqual([]);
  });
});

describe('list order and cursor', () => {
  test('newest first, then type order, then id descending', () => {
    const items = [key(D1, 'grid-statistic', 1), key(D2, 'chronicle', 3), key(D2, 'field-report', 2), key(D2, 'field-report', 5), key(D2, 'field-report', -4)];
    expect([...items].sort(compareEntries)).toEqual([
      key(D2, 'field-report', 5),
      key(D2, 'field-report', 2),
      key(D2, 'field-report', -4),
      key(D2, 'chronicle', 3),
      key(D1, 'grid-statistic', 1),
    ]);
  });

  test('a cursor round-trips, withdrawal ids included; a forged one is refused', () => {
    for (const k of [key(D2, 'timeline-event', 42), key(D1, 'frontline-profile', -7)]) expect(decodeEntryCursor(encodeEntryCursor(k))).toEqual(k);
    expect(decodeEntryCursor('nonsense!')).toHaveProperty('error');
    const forged = Buffer.from(JSON.stringify([1, 'corrections', 'desc', '2026-12-01|nothing', '1'])).toString('base64url');
    expect(decodeEntryCursor(forged)).toHaveProperty('error');
    const other = Buffer.from(JSON.stringify([1, 'timeline', 'desc', `${D1}|chronicle`, '1'])).toString('base64url');
    expect(decodeEntryCursor(other)).toEqual({ error: expect.stringContaining('another list') });
  });

  test("a deleted record's notice (its tombstone) has ids of its own, after the notices of its date, and round-trips", () => {
    const tomb = tombstoneEntryId(3);
    expect(isTombstoneEntryId(tomb)).toBe(true);
    expect(isTombstoneEntryId(-999_999)).toBe(false);
    expect(entryPublicId('report', tomb)).toBe('report-t3');
    expect(entryPublicId('report', -3)).toBe('report-w3');
    expect(entryPublicId('event', 3)).toBe('event-c3');
    expect([key(D2, 'field-report', tomb), key(D2, 'field-report', -4), key(D2, 'field-report', 2)].sort(compareEntries).map((k) => k.id)).toEqual([2, -4, tomb]);
    expect(decodeEntryCursor(encodeEntryCursor(key(D2, 'chronicle', tombstoneEntryId(123456))))).toEqual(key(D2, 'chronicle', tombstoneEntryId(123456)));
  });

  test('each type continues strictly after the cursor', () => {
    const cursor = key(D2, 'chronicle', 10);
    expect(afterCursor('field-report', cursor)).toEqual({ before: D2 });
    expect(afterCursor('chronicle', cursor)).toEqual({ at: D2, idBelow: 10, before: D2 });
    expect(afterCursor('grid-statistic', cursor)).toEqual({ atOrBefore: D2 });
  });

  test('mergePage pages through per-type reads without repeating or skipping', () => {
    const all = [
      key(D2, 'field-report', 2),
      key(D2, 'chronicle', 9),
      key(D2, 'chronicle', 3),
      key(D2, 'grid-statistic', 1),
      key(D1, 'field-report', 1),
      key(D1, 'timeline-event', 4),
    ];
    // A simulated per-type read: the type's entries after the cursor, newest first, at most take.
    const readType = (type: EntryKey['type'], take: number, cursor?: EntryKey) =>
      all
        .filter((e) => e.type === type)
        .filter((e) => !cursor || compareEntries(e, cursor) > 0)
        .sort(compareEntries)
        .slice(0, take);
    const seen: EntryKey[] = [];
    let cursor: EntryKey | undefined;
    for (let i = 0; i < 10; i += 1) {
      const types = ['field-report', 'chronicle', 'frontline-profile', 'timeline-event', 'grid-statistic'] as const;
      const { items, nextCursor } = mergePage(types.map((t) => readType(t, 3, cursor)), 2);
      seen.push(...items);
      if (!nextCursor) break;
      const decoded = decodeEntryCursor(nextCursor);
      if ('error' in decoded) throw new Error(decoded.error);
      cursor = decoded;
    }
    expect(seen).toEqual([...all].sort(compareEntries));
  });
});

describe('links and feed entries', () => {
  const pathOf = (page: string, slug = '') => ({ report: `reports/${slug}`, chronicle: `chronicles/${slug}`, profile: `honours/${slug}`, timeline: 'timeline', statistics: 'statistics' })[page] as string;
  const entry = (record: Partial<ListedEntry['record']>, kind: ListedEntry['kind'] = 'correction'): ListedEntry => ({
    id: 'x-c1',
    kind,
    date: D1,
    text: 'A <b> & c',
    record: { type: 'report', slug: 's', title: 'T', withdrawn: false, occurredOn: null, ...record },
  });

  test('each type links to its page; a withdrawn profile, event or figure to nothing', () => {
    expect(entryLink(entry({ type: 'profile' }), pathOf)).toEqual({ route: 'honours/s' });
    expect(entryLink(entry({ type: 'event', occurredOn: '2026-01-02' }), pathOf)).toEqual({ route: 'timeline', query: { from: '2026-01-02', to: '2026-01-02' }, hash: 'event-s' });
    expect(entryLink(entry({ type: 'report', withdrawn: true, title: null }, 'withdrawal'), pathOf)).toEqual({ route: 'reports/s' });
    expect(entryLink(entry({ type: 'profile', withdrawn: true, slug: null, title: null }, 'withdrawal'), pathOf)).toBeNull();
  });

  test('feed entries: escaped content, updated not before published, a unique id', () => {
    const [item] = correctionFeedItems([entry({})], { origin: 'https://x.test', correctionsPage: 'https://x.test/corrections', locale: 'en', pathOf, href: (l) => `/${l.route}` });
    expect(item.contentHtml).toBe('<p>A &lt;b&gt; &amp; c</p>');
    expect(item.url).toBe('https://x.test/reports/s');
    expect(item.title).toBe('Correction: T');
    expect(item.updated >= item.published).toBe(true);
    expect(item.id).toBe('https://x.test/corrections#x-c1');
  });
});
