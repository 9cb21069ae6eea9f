import {
  EVENT_TEMPLATES,
  documentIdFrom,
  fill,
  instantBetween,
  personName,
  pickQualifier,
  seededRandom,
  unitTree,
} from '../synthetic';

describe('synthetic newsroom templates', () => {
  test('the same seed gives the same newsroom; another seed another one', () => {
    const a = unitTree(50, seededRandom(7)).map((u) => u.zh.name);
    const b = unitTree(50, seededRandom(7)).map((u) => u.zh.name);
    const c = unitTree(50, seededRandom(8)).map((u) => u.zh.name);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('documentIds look like Strapi cuid2 ids and do not repeat', () => {
    const random = seededRandom(1);
    const ids = Array.from({ length: 20000 }, () => documentIdFrom(random));
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the unit tree goes district → subdistrict → community → grid, parents first, unique slugs', () => {
    const tree = unitTree(300, seededRandom(3));
    expect(tree).toHaveLength(300);
    const kinds = new Set(tree.map((u) => u.kind));
    expect([...kinds]).toEqual(['district', 'subdistrict', 'community', 'grid']);
    const order = ['district', 'subdistrict', 'community', 'grid'];
    for (const unit of tree) {
      if (unit.parentIndex === null) {
        expect(unit.kind).toBe('district');
        continue;
      }
      expect(unit.parentIndex).toBeLessThan(unit.index);
      expect(order.indexOf(tree[unit.parentIndex].kind)).toBe(order.indexOf(unit.kind) - 1);
    }
    expect(new Set(tree.map((u) => u.slug)).size).toBe(300);
    const grid = tree.find((u) => u.kind === 'grid')!;
    expect(grid.zh.name).toMatch(/^\p{Script=Han}+社区第\d+网格$/u);
    expect(grid.en.name).toMatch(/^[A-Z][a-z]+ Community Grid No\. \d+$/);
    expect(unitTree(1, seededRandom(3)).map((u) => u.kind)).toEqual(['district']);
  });

  test('names: a common surname and one or two given characters, with a pinyin English form', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 200; i++) {
      const name = personName(random);
      expect(name.zh).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(name.en).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    }
  });

  test('titles fill every placeholder in both languages', () => {
    for (const template of EVENT_TEMPLATES) {
      for (const text of [template.zh, template.en]) {
        expect(fill(text, { place: '东城社区', person: '王伟', n: 3 })).not.toMatch(/[{}]/);
      }
    }
  });

  test('dates spread over the whole span; qualifiers follow their weights', () => {
    const random = seededRandom(9);
    const from = new Date('2019-01-01T00:00:00Z');
    const to = new Date('2025-01-01T00:00:00Z');
    const years = new Set(Array.from({ length: 2000 }, () => instantBetween(random, from, to).getUTCFullYear()));
    expect([...years].sort()).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 10000; i++) {
      const q = pickQualifier(random);
      counts[q] = (counts[q] ?? 0) + 1;
    }
    expect(counts.exact).toBeGreaterThan(counts['more-than']);
    expect(counts['at-least']).toBeGreaterThan(0);
  });
});
