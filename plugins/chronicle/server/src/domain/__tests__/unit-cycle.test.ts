import { findUnitCycle, unitCycleMessage } from '../unit-cycle';

// district ← subdistrict ← community ← grid
const tree = new Map<string, string | null>([
  ['district', null],
  ['subdistrict', 'district'],
  ['community', 'subdistrict'],
  ['grid', 'community'],
  ['police', null],
]);

describe('findUnitCycle', () => {
  test('a unit as its own parent is a cycle', () => {
    expect(findUnitCycle(tree, 'community', 'community')).toEqual(['community', 'community']);
  });

  test('a unit under its grandchild is a cycle, named in order', () => {
    expect(findUnitCycle(tree, 'subdistrict', 'grid')).toEqual(['subdistrict', 'grid', 'community', 'subdistrict']);
  });

  test('moving a unit elsewhere in the tree, or to the root, is fine', () => {
    expect(findUnitCycle(tree, 'grid', 'police')).toBeNull();
    expect(findUnitCycle(tree, 'grid', 'district')).toBeNull();
    expect(findUnitCycle(tree, 'grid', null)).toBeNull();
    expect(findUnitCycle(tree, 'new-unit', 'grid')).toBeNull();
  });

  test('a cycle elsewhere that does not pass through the unit is not blamed on it', () => {
    const broken = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
      ['c', null],
    ]);
    expect(findUnitCycle(broken, 'c', 'a')).toBeNull();
    expect(findUnitCycle(broken, 'a', 'b')).toEqual(['a', 'b', 'a']);
  });

  test('the message names the chain', () => {
    expect(unitCycleMessage(['a', 'b', 'a'], (id) => id.toUpperCase())).toBe('parent would make a cycle (A → B → A): a unit cannot be inside itself');
  });
});
