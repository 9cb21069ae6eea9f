import { addDays, calendarRange, groupByDay, isCalendarDay, monthOf, MAX_CALENDAR_DAYS, shanghaiDay, shanghaiTime, weekOf, type CalendarEntry } from '../calendar';

const entry = (at: string, title: string, kind: CalendarEntry['kind'] = 'scheduled'): CalendarEntry => ({
  kind,
  uid: 'plugin::chronicle.field-report',
  type: 'field-report',
  documentId: title,
  locale: 'zh-Hans',
  title,
  state: kind === 'embargo' ? 'approved' : kind === 'published' ? 'published' : kind,
  at,
});

describe('Beijing days', () => {
  test('an instant belongs to its Beijing day, not its UTC day', () => {
    expect(shanghaiDay('2022-03-07T16:00:00Z')).toBe('2022-03-08');
    expect(shanghaiDay('2022-03-07T15:59:59Z')).toBe('2022-03-07');
    expect(shanghaiTime('2022-03-07T16:00:00Z')).toBe('00:00');
    expect(shanghaiTime('2022-03-07T13:05:00Z')).toBe('21:05');
    expect(shanghaiDay('2022-03-08T09:00:00+08:00')).toBe('2022-03-08');
  });

  test('the browser or server zone is irrelevant: no local-time API is used', () => {
    // Date#getTimezoneOffset is what a local-time computation would read; make it lie.
    const spy = jest.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(300);
    const spyHours = jest.spyOn(Date.prototype, 'getHours').mockImplementation(() => {
      throw new Error('local time used');
    });
    try {
      const range = calendarRange('2022-03-08', '2022-03-08');
      if (!range.ok) throw new Error(range.message);
      expect(groupByDay([entry('2022-03-08T01:30:00Z', 'a')], range)).toEqual([
        { day: '2022-03-08', items: [expect.objectContaining({ title: 'a', time: '09:30' })] },
      ]);
    } finally {
      spy.mockRestore();
      spyHours.mockRestore();
    }
  });

  test('calendar days are checked', () => {
    expect(isCalendarDay('2022-02-28')).toBe(true);
    expect(isCalendarDay('2022-02-29')).toBe(false);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2022-2-28')).toBe(false);
    expect(isCalendarDay('2022-02-28T00:00')).toBe(false);
    expect(addDays('2022-02-28', 1)).toBe('2022-03-01');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
  });
});

describe('ranges', () => {
  test('both ends included, as UTC instants of Beijing midnights', () => {
    expect(calendarRange('2022-03-07', '2022-03-13')).toEqual({ ok: true, start: '2022-03-06T16:00:00.000Z', end: '2022-03-13T16:00:00.000Z', days: 7 });
  });

  test('malformed, reversed and too wide ranges are refused by code, with the English message', () => {
    expect(calendarRange('2022-03-32', '2022-04-01')).toEqual({
      ok: false,
      code: 'request.calendar-day',
      params: { field: 'from' },
      message: 'from must be a calendar day written YYYY-MM-DD',
    });
    expect(calendarRange('2022-03-01', 'tomorrow')).toMatchObject({ ok: false, code: 'request.calendar-day', params: { field: 'to' }, message: expect.stringMatching(/^to must be/) });
    expect(calendarRange('2022-03-08', '2022-03-07')).toMatchObject({ ok: false, code: 'request.calendar-reversed', message: 'to must not be before from' });
    expect(calendarRange('2022-01-01', addDays('2022-01-01', MAX_CALENDAR_DAYS - 1)).ok).toBe(true);
    expect(calendarRange('2022-01-01', addDays('2022-01-01', MAX_CALENDAR_DAYS))).toMatchObject({
      ok: false,
      code: 'request.calendar-span',
      params: { max: MAX_CALENDAR_DAYS },
      message: `the range may span at most ${MAX_CALENDAR_DAYS} days`,
    });
  });

  test('week (Monday first) and month views', () => {
    expect(weekOf('2022-03-09')).toEqual({ from: '2022-03-07', to: '2022-03-13' });
    expect(weekOf('2022-03-13')).toEqual({ from: '2022-03-07', to: '2022-03-13' });
    expect(weekOf('2022-03-07')).toEqual({ from: '2022-03-07', to: '2022-03-13' });
    expect(monthOf('2022-02-14')).toEqual({ from: '2022-02-01', to: '2022-02-28' });
    expect(monthOf('2024-02-14')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthOf('2022-12-31')).toEqual({ from: '2022-12-01', to: '2022-12-31' });
  });
});

describe('grouping', () => {
  test('by Beijing day in order, by time within a day; outside the range left out', () => {
    const range = calendarRange('2022-03-07', '2022-03-08');
    if (!range.ok) throw new Error(range.message);
    const days = groupByDay(
      [
        entry('2022-03-08T02:00:00Z', 'late'),
        entry('2022-03-07T16:30:00Z', 'just after midnight', 'embargo'),
        entry('2022-03-07T15:30:00Z', 'before midnight', 'approved'),
        entry('2022-03-06T15:59:00Z', 'too early'),
        entry('2022-03-08T16:00:00Z', 'too late'),
        entry('2022-03-06T16:00:00+00:00', 'first instant', 'published'),
      ],
      range
    );
    expect(days.map((d) => [d.day, d.items.map((i) => `${i.time} ${i.title}`)])).toEqual([
      ['2022-03-07', ['00:00 first instant', '23:30 before midnight']],
      ['2022-03-08', ['00:30 just after midnight', '10:00 late']],
    ]);
    expect(days[0].items[0].at).toBe('2022-03-06T16:00:00.000Z');
  });
});
