import { formatShanghai, fromShanghaiInput, toShanghaiInput } from '../shanghai-time';

describe('Beijing time, whatever the browser zone', () => {
  test('an instant shows as its Beijing wall-clock time', () => {
    expect(toShanghaiInput('2022-02-24T01:00:00.000Z')).toBe('2022-02-24 09:00');
    expect(toShanghaiInput('2022-02-23T16:30:00.000Z')).toBe('2022-02-24 00:30');
    expect(toShanghaiInput(null)).toBe('');
    expect(toShanghaiInput('nope')).toBe('');
  });

  test('typed Beijing time becomes the UTC instant', () => {
    expect(fromShanghaiInput('2022-02-24 09:00')).toBe('2022-02-24T01:00:00.000Z');
    expect(fromShanghaiInput('2022-02-24T00:30')).toBe('2022-02-23T16:30:00.000Z');
    expect(fromShanghaiInput('2022-2-4')).toBe('2022-02-03T16:00:00.000Z');
    expect(fromShanghaiInput('  ')).toBeNull();
  });

  test.each(['2022-02-30 09:00', '2022-13-01', '2022-02-24 24:00', '24/02/2022 09:00', '09:00'])('%s is refused', (text) => {
    expect(fromShanghaiInput(text)).toBe('invalid');
  });

  test('round trip', () => {
    for (const iso of ['2026-11-30T13:57:00.000Z', '2021-12-31T16:00:00.000Z']) expect(fromShanghaiInput(toShanghaiInput(iso))).toBe(iso);
  });

  test('read 24-hour in both languages, never AM/PM', () => {
    expect(formatShanghai('2026-11-30T13:57:00.000Z', 'zh-Hans')).toBe('2026年11月30日 21:57');
    expect(formatShanghai('2026-11-30T13:57:00.000Z', 'en')).toBe('30 Nov 2026, 21:57');
    expect(formatShanghai('2022-02-24T01:00:00.000Z', 'zh-Hans')).toBe('2022年2月24日 09:00');
  });
});
