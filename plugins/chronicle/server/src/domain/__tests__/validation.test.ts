import { checkRecord } from '../validation';

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
    expect(checkRecord('field-report', { title: '' }, { title: '' }, false)).toEqual([
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
    expect(checkRecord('timeline-event', { title: 't' }, { title: 't' }, true)).toEqual([
      { path: ['occurredAt'], message: 'occurredAt is required' },
    ]);
  });

  test.each(['chronicle', 'grid-statistic'] as const)('%s periods must not end before they start', (type) => {
    const record = { title: 't', label: 'l', periodStart: '2022-03-06', periodEnd: '2022-02-23' };
    expect(checkRecord(type, record, record, true)).toEqual([
      { path: ['periodEnd'], message: 'periodEnd must not be before periodStart' },
    ]);
  });

  test.each([
    [-1, ['value must be zero or more']],
    ['abc', ['value must be a number']],
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
