import { leaveOutDecided, type Decision } from '../decided-proposals';

const p = (fingerprint: string, text: string) => ({ fingerprint, text });

describe('leaveOutDecided', () => {
  const current = {
    events: [p('e1', '2月25日清晨')],
    statistics: [p('s1', '300名'), p('s2', '10万余次'), p('s3', '10万余次')],
  };

  test('nothing decided: everything stays', () => {
    expect(leaveOutDecided(current, [])).toEqual(current);
  });

  test('a decided fingerprint is left out', () => {
    const out = leaveOutDecided(current, [{ fingerprint: 's1', kind: 'statistic', expression: '300名' }]);
    expect(out.statistics.map((s) => s.fingerprint)).toEqual(['s2', 's3']);
    expect(out.events).toHaveLength(1);
  });

  test('a decision whose sentence was edited still covers one proposal with its expression', () => {
    const decisions: Decision[] = [{ fingerprint: 'old', kind: 'statistic', expression: '10万余次' }];
    expect(leaveOutDecided(current, decisions).statistics.map((s) => s.fingerprint)).toEqual(['s1', 's3']);
  });

  test('the same expression decided in a sentence still present does not hide another occurrence', () => {
    const decisions: Decision[] = [{ fingerprint: 's2', kind: 'statistic', expression: '10万余次' }];
    expect(leaveOutDecided(current, decisions).statistics.map((s) => s.fingerprint)).toEqual(['s1', 's3']);
  });

  test('kinds do not mix, and a decision without its expression matches by fingerprint only', () => {
    const decisions: Decision[] = [
      { fingerprint: 'old1', kind: 'event', expression: '300名' },
      { fingerprint: 'old2', kind: 'statistic', expression: null },
    ];
    expect(leaveOutDecided(current, decisions)).toEqual(current);
  });
});
