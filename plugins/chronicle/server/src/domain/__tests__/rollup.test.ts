import fc from 'fast-check';
import { QUALIFIERS, type Qualifier } from '../enums';
import { ancestry, combineQualifiers, descendants, rollUp, type RollupFigure } from '../rollup';

const units = [
  { id: 'district', parentId: null },
  { id: 'sub-a', parentId: 'district' },
  { id: 'sub-b', parentId: 'district' },
  { id: 'community', parentId: 'sub-a' },
  { id: 'hospital', parentId: null },
];
const figure = (ref: string, unitId: string, value: number, qualifier: Qualifier = 'exact', extra: Partial<RollupFigure> = {}): RollupFigure => ({
  ref,
  metric: 'grid-workers',
  countUnit: '名',
  value,
  qualifier,
  additive: true,
  unitId,
  ...extra,
});

describe('combineQualifiers', () => {
  test('a sum keeps the weakest qualifier of its parts', () => {
    expect(combineQualifiers('exact', 'exact')).toBe('exact');
    expect(combineQualifiers('exact', 'more-than')).toBe('more-than');
    expect(combineQualifiers('more-than', 'more-than')).toBe('more-than');
    expect(combineQualifiers('more-than', 'at-least')).toBe('at-least');
    expect(combineQualifiers('nearly', 'exact')).toBe('nearly');
    expect(combineQualifiers('nearly', 'more-than')).toBe('about');
    expect(combineQualifiers('about', 'exact')).toBe('about');
  });

  test('is commutative and associative, so the order of the parts never matters', () => {
    const q = fc.constantFrom(...QUALIFIERS);
    fc.assert(
      fc.property(q, q, q, (a, b, c) => {
        expect(combineQualifiers(a, b)).toBe(combineQualifiers(b, a));
        expect(combineQualifiers(combineQualifiers(a, b), c)).toBe(combineQualifiers(a, combineQualifiers(b, c)));
      })
    );
  });
});

describe('rollUp', () => {
  test('sums additive figures into every unit above them', () => {
    const result = rollUp(units, [figure('a', 'sub-a', 52), figure('b', 'sub-b', 149), figure('c', 'community', 10, 'more-than')]);
    expect(result).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'district', value: 211, qualifier: 'more-than', parts: ['a', 'b', 'c'] },
      { metric: 'grid-workers', countUnit: '名', unitId: 'sub-a', value: 62, qualifier: 'more-than', parts: ['a', 'c'] },
    ]);
  });

  test('never sums non-additive figures, other metrics or other units of count together', () => {
    const result = rollUp(units, [
      figure('a', 'sub-a', 52),
      figure('total', 'district', 1000, 'more-than', { additive: false }),
      figure('b', 'sub-b', 5, 'exact', { metric: 'video-calls' }),
      figure('c', 'sub-b', 7, 'exact', { countUnit: '人次' }),
    ]);
    expect(result.map((r) => [r.metric, r.countUnit, r.unitId, r.value])).toEqual([
      ['grid-workers', '人次', 'district', 7],
      ['grid-workers', '名', 'district', 52],
      ['video-calls', '名', 'district', 5],
    ]);
  });

  test('a unit whose only part is its own figure gets no roll-up', () => {
    expect(rollUp(units, [figure('h', 'hospital', 3)])).toEqual([]);
  });

  test('does not depend on the order of its input', () => {
    const figs = [figure('a', 'sub-a', 1.5), figure('b', 'sub-b', 2.25, 'nearly'), figure('c', 'community', 3)];
    expect(rollUp(units, [...figs].reverse())).toEqual(rollUp(units, figs));
    expect(rollUp(units, figs).find((r) => r.unitId === 'district')?.value).toBe(6.75);
  });

  test('survives a cycle in bad data', () => {
    const cyclic = [{ id: 'x', parentId: 'y' }, { id: 'y', parentId: 'x' }];
    expect(ancestry('x', new Map(cyclic.map((u) => [u.id, u.parentId])))).toEqual(['x', 'y']);
    expect(rollUp(cyclic, [figure('a', 'x', 1)])).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'y', value: 1, qualifier: 'exact', parts: ['a'] },
    ]);
  });

  test('descendants include the unit itself and everything below', () => {
    expect([...descendants('sub-a', units)].sort()).toEqual(['community', 'sub-a']);
    expect([...descendants('district', units)].sort()).toEqual(['community', 'district', 'sub-a', 'sub-b']);
  });
});
