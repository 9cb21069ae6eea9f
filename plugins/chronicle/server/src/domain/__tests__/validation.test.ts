import { checkRecord, DEFAULT_LIMITS, privateMarkupProblemsOfRecord } from '../validation';

describe('checkRecord', () => {
  test.each([
    ['field-report', { title: '' }, 'title'],
    ['field-report', { title: '   ' }, 'title'],
    ['field-report', {}, 'title'],
    ['unit', { name: null }, 'name'],
    ['frontline-profile', { fullName: '' }, 'fullName'],
    ['grid-statistic', { label: '' }, 'label'],
    ['contributor', {}, 'name'],
  ] as const)('a new %s without its main field is faulted at that field', (type, data, field) => {
    expect(checkRecord(type, data, data, true).map((p) => p.path[0])).toContain(field);
  });

  test('a draft update that leaves the main field alone is accepted even if the stored one is empty', () => {
    expect(checkRecord('field-report', { title: '', body: 'x' }, { body: 'x' }, false)).toEqual([]);
  });

  test('an update that blanks the main field is refused', () => {
    expect(checkRecord('field-report', { title: '' }, { title: '' }, false)).toMatchObject([
      { path: ['title'], message: 'title must not be empty' },
    ]);
  });

  test.each([
    ['2022-02-24T04:00:00Z', '2022-02-23T04:00:00Z', 1],
    ['2022-02-24T04:00:00Z', '2022-02-24T04:00:00Z', 0],
    ['2022-02-24T04:00:00Z', '2022-02-25T00:00:00Z', 0],
    ['2022-02-24T04:00:00Z', null, 0],
  ])('an event from %s to %s has %i problem(s)', (occurredAt, endAt, problems) => {
    const record = { title: 't', occurredAt, endAt };
    expect(checkRecord('timeline-event', record, record, true).length).toBe(problems);
  });

  test('a new event needs occurredAt', () => {
    expect(checkRecord('timeline-event', { title: 't' }, { title: 't' }, true)).toMatchObject([
      { path: ['occurredAt'], message: 'occurredAt is required' },
    ]);
  });

  test.each(['chronicle', 'grid-statistic'] as const)('%s periods must not end before they start', (type) => {
    const record = { title: 't', label: 'l', periodStart: '2022-03-06', periodEnd: '2022-02-23' };
    expect(checkRecord(type, record, record, true)).toMatchObject([
      { path: ['periodEnd'], message: 'periodEnd must not be before periodStart' },
    ]);
  });

  test.each([
    [-1, ['value must be zero or more']],
    ['abc', ['value must be a number written in digits, such as 1200 or 3.5']],
    [0, []],
    [100000, []],
    ['4800', []],
  ])('a figure of %p gives %p', (value, messages) => {
    const record = { label: '警力', value };
    expect(checkRecord('grid-statistic', record, record, true).map((p) => p.message)).toEqual(messages);
  });

  test('the audit trail has no main-field rule', () => {
    expect(checkRecord('workflow-transition', {}, {}, true)).toEqual([]);
  });
});

describe('ranges (issue #14)', () => {
  const problems = (type: Parameters<typeof checkRecord>[0], data: Record<string, unknown>, create = true) =>
    checkRecord(type, { title: 't', label: 'l', name: 'n', fullName: 'f', occurredAt: '2022-02-24T00:00:00Z', ...data }, data, create);

  test('an id in a write body is refused, naming the field', () => {
    expect(problems('field-report', { title: 't', id: 5 })).toMatchObject([
      { path: ['id'], message: 'id is assigned by the server and cannot be set in a request body' },
    ]);
  });

  test.each([
    ['+275760-09-13T00:00:00Z', 'occurredAt must be between the years 1900 and 2100'],
    ['-000001-01-01T00:00:00Z', 'occurredAt must be between the years 1900 and 2100'],
    ['1899-12-31T23:00:00Z', 'occurredAt must be between the years 1900 and 2100'],
    ['2101-01-01T00:00:00Z', 'occurredAt must be between the years 1900 and 2100'],
    ['not a date', 'occurredAt must be a date such as 2022-03-08'],
  ])('event date %p: %s', (occurredAt, message) => {
    expect(problems('timeline-event', { occurredAt })).toMatchObject([{ path: ['occurredAt'], message }]);
  });

  test('dates inside the range pass, the range is configurable, and component dates are covered', () => {
    expect(problems('timeline-event', { occurredAt: '1900-01-01T00:00:00Z', endAt: '2100-12-31T00:00:00Z' })).toEqual([]);
    expect(checkRecord('timeline-event', { title: 't', occurredAt: '1950-01-01T00:00:00Z' }, { occurredAt: '1950-01-01T00:00:00Z' }, false, { ...DEFAULT_LIMITS, minYear: 2000 }).map((p) => p.path)).toEqual([['occurredAt']]);
    expect(problems('frontline-profile', { deeds: [{ date: '2022-01-01', summary: 's' }, { date: '3000-01-01', summary: 's' }] })).toMatchObject([
      { path: ['deeds', '1', 'date'], message: 'deeds.1.date must be between the years 1900 and 2100' },
    ]);
    expect(problems('field-report', { dateline: { place: '城区', date: '0001-01-01' } }).map((p) => p.path)).toEqual([['dateline', 'date']]);
  });

  test.each([1e308, '0x10', [1], NaN, Infinity, true, '1e3', ' ', { v: 1 }, 100_000_000])('figure value %p is refused', (value) => {
    const found = problems('grid-statistic', { value });
    expect(found).toHaveLength(1);
    expect(found[0].path).toEqual(['value']);
  });

  test.each([0, 12.5, '4800', '3.25', 99_999_999])('figure value %p is accepted', (value) => {
    expect(problems('grid-statistic', { value })).toEqual([]);
  });

  test.each(['a\u200bb', 'abc\u202e', 'fire-🔥', 'Upper', 'a--b', '-a', 'a b', 'x'.repeat(97), 'anon-123456789abc', 'ａｂｃ'])('slug %p is refused', (slug) => {
    const found = problems('field-report', { slug });
    expect(found.map((p) => p.path)).toEqual([['slug']]);
  });

  test('slug anon- is reserved with its own message; good slugs and an empty one (filled in) pass', () => {
    expect(problems('frontline-profile', { slug: 'anon-x' })[0].message).toMatch(/reserved/);
    expect(problems('field-report', { slug: 'zhang-wei-2' })).toEqual([]);
    expect(problems('field-report', { slug: '' })).toEqual([]);
  });

  test('only what the write sets is checked: a stored out-of-range value does not block other edits', () => {
    expect(checkRecord('timeline-event', { title: 't', occurredAt: '+275760-09-13T00:00:00Z' }, { title: 'new' }, false)).toEqual([]);
  });

  test('private markup in a plain field is refused at save, naming the field', () => {
    expect(problems('field-report', { dek: '摘要{{private: 住址}}' }).map((p) => p.path)).toEqual([['dek']]);
    expect(problems('frontline-profile', { quotes: [{ text: '::: private\n秘\n:::' }] }).map((p) => p.path)).toEqual([['quotes', '0', 'text']]);
    expect(problems('field-report', { body: '正文{{private: 住址}}' })).toEqual([]);
  });
});

describe('privateMarkupProblemsOfRecord', () => {
  test('names the field, line and column of markup that cannot be read', () => {
    expect(privateMarkupProblemsOfRecord('field-report', { title: 't', body: '第一行\n::: private\n秘密' })).toEqual([
      { path: ['body'], message: 'body, line 2, column 1: a private block (line 2) is never closed with a line of ":::"' },
    ]);
    expect(privateMarkupProblemsOfRecord('frontline-profile', { citation: 'ok', deeds: [{ summary: 'x {{private: y' }] })[0].path).toEqual(['deeds', '0', 'summary']);
  });

  test('well-formed markup and private fields are not problems', () => {
    expect(privateMarkupProblemsOfRecord('field-report', { body: '::: private\n秘\n:::\n{{private: x}}' })).toEqual([]);
    expect(privateMarkupProblemsOfRecord('frontline-profile', { privateNotes: '{{private: never closed' })).toEqual([]);
  });
});

describe('a report dateline in the future', () => {
  // 2026-12-03 20:00 UTC is 04:00 on 12-04 in Asia/Shanghai: "tomorrow" there is 12-05.
  const now = new Date('2026-12-03T20:00:00Z');
  const check = (date: unknown) => checkRecord('field-report', { title: 't', dateline: { place: '城区', date } }, { dateline: { place: '城区', date } }, false, DEFAULT_LIMITS, now);

  test.each(['2022-02-24', '2026-12-04', '2026-12-05', null])('%s is accepted', (date) => {
    expect(check(date)).toEqual([]);
  });

  test.each(['2026-12-06', '2099-12-31'])('%s is refused at dateline.date, naming the latest day', (date) => {
    expect(check(date)).toMatchObject([{ path: ['dateline', 'date'], message: 'dateline.date must not be in the future (at most 2026-12-05, tomorrow in Asia/Shanghai)' }]);
    // By code, so the Content Manager's guard can give it in the admin's language (domain/messages).
    expect(check(date)[0]).toMatchObject({ code: 'field.dateline-future', params: { latest: '2026-12-05' } });
  });

  test('a stored future dateline does not block an edit of another field', () => {
    expect(checkRecord('field-report', { title: 't', dateline: { date: '2099-12-31' } }, { title: 't' }, false, DEFAULT_LIMITS, now)).toEqual([]);
  });
});
