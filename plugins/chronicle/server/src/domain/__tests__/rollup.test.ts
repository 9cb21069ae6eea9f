import fc from 'fast-check';
import { QUALIFIERS, type Qualifier } from '../enums';
import { ancestry, combineQualifiers, descendants, rollUpGroups, type FigureGroup, type Rollup, type RollupUnit } from '../rollup';

const units = [
  { id: 'district', parentId: null },
  { id: 'sub-a', parentId: 'district' },
  { id: 'sub-b', parentId: 'district' },
  { id: 'community', parentId: 'sub-a' },
  { id: 'hospital', parentId: null },
];
const group = (unitId: string, value: number, qualifier: Qualifier = 'exact', count = 1, extra: Partial<FigureGroup> = {}): FigureGroup => ({
  metric: 'grid-workers',
  countUnit: '名',
  unitId,
  qualifier,
  value,
  count,
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

describe('rollUpGroups', () => {
  test('sums groups into every unit above them, with their counts, keeping the weakest qualifier', () => {
    const result = rollUpGroups(units, [group('sub-a', 52), group('sub-b', 149), group('community', 10, 'more-than')]);
    expect(result).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'district', value: 211, qualifier: 'more-than', count: 3 },
      { metric: 'grid-workers', countUnit: '名', unitId: 'sub-a', value: 62, qualifier: 'more-than', count: 2 },
    ]);
  });

  test('a group of several figures counts them all: exact 40 (3 figures) + more-than 12 (2 figures) two levels down', () => {
    const result = rollUpGroups(units, [group('community', 40, 'exact', 3), group('community', 12, 'more-than', 2)]);
    expect(result).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'community', value: 52, qualifier: 'more-than', count: 5 },
      { metric: 'grid-workers', countUnit: '名', unitId: 'district', value: 52, qualifier: 'more-than', count: 5 },
      { metric: 'grid-workers', countUnit: '名', unitId: 'sub-a', value: 52, qualifier: 'more-than', count: 5 },
    ]);
  });

  test('never sums other metrics or other units of count together', () => {
    const result = rollUpGroups(units, [
      group('sub-a', 52),
      group('sub-b', 5, 'exact', 1, { metric: 'video-calls' }),
      group('sub-b', 7, 'exact', 1, { countUnit: '人次' }),
      group('sub-b', 9, 'exact', 1, { countUnit: null }),
    ]);
    expect(result.map((r) => [r.metric, r.countUnit, r.unitId, r.value, r.count])).toEqual([
      ['grid-workers', null, 'district', 9, 1],
      ['grid-workers', '人次', 'district', 7, 1],
      ['grid-workers', '名', 'district', 52, 1],
      ['video-calls', '名', 'district', 5, 1],
    ]);
  });

  test('a unit whose only part is its own single figure gets no roll-up; its own two figures do', () => {
    expect(rollUpGroups(units, [group('hospital', 3)])).toEqual([]);
    expect(rollUpGroups(units, [group('hospital', 3, 'exact', 2)])).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'hospital', value: 3, qualifier: 'exact', count: 2 },
    ]);
    // and two groups of one figure each (two qualifiers) are two figures
    expect(rollUpGroups(units, [group('hospital', 3), group('hospital', 4, 'nearly')])).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'hospital', value: 7, qualifier: 'nearly', count: 2 },
    ]);
  });

  test('leaves out groups of units outside the tree and empty groups', () => {
    expect(rollUpGroups(units, [group('nowhere', 5), group('nowhere', 6, 'exact', 2), group('community', 1, 'exact', 0)])).toEqual([]);
  });

  test('does not depend on the order of its input, and adds decimals exactly', () => {
    const groups = [group('sub-a', 0.1), group('sub-b', 0.2, 'nearly'), group('community', 3.25), group('sub-b', 1e-7)];
    expect(rollUpGroups(units, [...groups].reverse())).toEqual(rollUpGroups(units, groups));
    expect(rollUpGroups(units, groups).find((r) => r.unitId === 'district')?.value).toBe(3.55);
    // a database's floating-point SUM hands over 0.30000000000000004: it reads as 0.3
    expect(rollUpGroups(units, [group('sub-a', 0.1 + 0.2, 'exact', 2)])[0].value).toBe(0.3);
  });

  test('survives a cycle in bad data', () => {
    const cyclic = [{ id: 'x', parentId: 'y' }, { id: 'y', parentId: 'x' }];
    expect(ancestry('x', new Map(cyclic.map((u) => [u.id, u.parentId])))).toEqual(['x', 'y']);
    expect(rollUpGroups(cyclic, [group('x', 1)])).toEqual([
      { metric: 'grid-workers', countUnit: '名', unitId: 'y', value: 1, qualifier: 'exact', count: 1 },
    ]);
  });

  test('descendants include the unit itself and everything below', () => {
    expect([...descendants('sub-a', units)].sort()).toEqual(['community', 'sub-a']);
    expect([...descendants('district', units)].sort()).toEqual(['community', 'district', 'sub-a', 'sub-b']);
  });
});

/**
 * The roll-up as the definition reads, one figure at a time: every unit gets the figures at or
 * below it, summed in cents, and qualifiers folded. Independent of the grouped implementation,
 * which must give the same answer from the database's groups.
 */
interface Figure {
  metric: string;
  countUnit: string | null;
  unitId: string;
  qualifier: Qualifier;
  cents: number;
}
const byDefinition = (tree: RollupUnit[], figures: Figure[]): Rollup[] => {
  const parents = new Map(tree.map((u) => [u.id, u.parentId] as [string, string | null]));
  const out: Rollup[] = [];
  for (const unit of tree) {
    const below = figures.filter((f) => ancestry(f.unitId, parents).includes(unit.id));
    const kinds = [...new Set(below.map((f) => JSON.stringify([f.metric, f.countUnit])))];
    for (const kind of kinds) {
      const [metric, countUnit] = JSON.parse(kind) as [string, string | null];
      const parts = below.filter((f) => f.metric === metric && f.countUnit === countUnit);
      if (parts.length === 1 && parts[0].unitId === unit.id) continue;
      out.push({
        metric,
        countUnit,
        unitId: unit.id,
        value: parts.reduce((n, f) => n + f.cents, 0) / 100,
        qualifier: parts.map((f) => f.qualifier).reduce(combineQualifiers),
        count: parts.length,
      });
    }
  }
  const key = (r: Rollup) => JSON.stringify([r.metric, r.countUnit ?? '', r.countUnit === null, r.unitId]);
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
};

/** What the database hands over: per (metric, countUnit, unit, qualifier), the sum and the count. */
const groupLikeSql = (figures: Figure[]): FigureGroup[] => {
  const groups = new Map<string, FigureGroup>();
  for (const f of figures) {
    const key = JSON.stringify([f.metric, f.countUnit, f.unitId, f.qualifier]);
    const g = groups.get(key) ?? { metric: f.metric, countUnit: f.countUnit, unitId: f.unitId, qualifier: f.qualifier, value: 0, count: 0 };
    g.value += f.cents / 100; // floating point, like SQLite's SUM
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()];
};

test('from the database’s groups, the roll-up equals summing every figure one by one (random trees and figures)', () => {
  const tree = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: null })))).map((parents) =>
      parents.map((p, i) => ({ id: `u${i}`, parentId: p === null ? null : `u${p}` }))
    )
  );
  const arbitrary = tree.chain((t) =>
    fc.tuple(
      fc.constant(t),
      fc.array(
        fc.record({
          metric: fc.constantFrom('a', 'b'),
          countUnit: fc.constantFrom('名', '次', null),
          unitId: fc.constantFrom(...t.map((u) => u.id)),
          qualifier: fc.constantFrom(...QUALIFIERS),
          cents: fc.integer({ min: 0, max: 10_000_000 }),
        }),
        { maxLength: 40 }
      )
    )
  );
  fc.assert(
    fc.property(arbitrary, ([t, figures]) => {
      expect(rollUpGroups(t, groupLikeSql(figures))).toEqual(byDefinition(t, figures));
    }),
    { numRuns: 300 }
  );
});
