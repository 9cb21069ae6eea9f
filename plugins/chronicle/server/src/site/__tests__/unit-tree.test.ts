import { flattenUnits, unitChain, type UnitNode } from '../unit-tree';

const tree: UnitNode[] = [
  { slug: 'qu', name: '区', kind: 'district', children: [{ slug: 'jd', name: '街道', kind: 'subdistrict', children: [{ slug: 'sq', name: '社区', kind: 'community', children: [] }] }] },
];

test('the chain runs from the root to the unit', () => {
  expect(unitChain(tree, 'sq').map((u) => u.slug)).toEqual(['qu', 'jd', 'sq']);
  expect(unitChain(tree, 'nothing')).toEqual([]);
  expect(flattenUnits(tree).map((e) => e.depth)).toEqual([0, 1, 2]);
});
