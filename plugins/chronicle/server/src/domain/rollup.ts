/**
 * Statistics roll-ups up the unit tree (DESIGN §5): figures marked `additive` are summed
 * into every unit above the one they were reported for, per metric and unit of count.
 * Pure module: no Strapi import.
 *
 * A sum is only as strong as its weakest part. The qualifiers form a small order of
 * "weakness" and a sum takes the least upper bound of its parts':
 *
 *     exact  <  more-than  <  at-least  <  about
 *     exact  <  nearly                  <  about
 *
 * - exact + more-than = more-than (DESIGN's example): the total is above the stated sum.
 * - more-than + at-least = at-least: both are lower bounds; "at least" is the weaker claim,
 *   and the one that stays true whatever the parts were.
 * - nearly (a little below) + a lower bound (above) = about: the error could go either way.
 * - about + anything = about.
 */
import type { Qualifier } from './enums';

const RANK: Record<Qualifier, number> = { exact: 0, 'more-than': 1, nearly: 1, 'at-least': 2, about: 3 };

/** The qualifier of a sum of two qualified figures (commutative and associative). */
export const combineQualifiers = (a: Qualifier, b: Qualifier): Qualifier => {
  if (a === b) return a;
  if (a === 'exact') return b;
  if (b === 'exact') return a;
  if (a === 'about' || b === 'about') return 'about';
  const lowerBounds: Qualifier[] = ['more-than', 'at-least'];
  if (lowerBounds.includes(a) && lowerBounds.includes(b)) return RANK[a] >= RANK[b] ? a : b;
  // one is `nearly`, the other a lower bound: the error has no known direction
  return 'about';
};

export interface RollupUnit {
  id: string;
  parentId: string | null;
}

export interface RollupFigure {
  /** A stable reference to the figure (its slug), listed in the roll-ups it feeds. */
  ref: string;
  metric: string;
  countUnit: string | null;
  value: number;
  qualifier: Qualifier;
  additive: boolean;
  unitId: string | null;
}

export interface Rollup {
  metric: string;
  countUnit: string | null;
  unitId: string;
  value: number;
  qualifier: Qualifier;
  /** The figures summed, in a stable order. */
  parts: string[];
}

/** The unit and all its ancestors, nearest first; a cycle in bad data stops the walk. */
export const ancestry = (unitId: string, parents: Map<string, string | null>): string[] => {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = unitId;
  while (current && !seen.has(current) && parents.has(current)) {
    seen.add(current);
    chain.push(current);
    current = parents.get(current);
  }
  return chain;
};

/** Every unit with its descendants (itself included), for "this unit and its sub-units" filters. */
export const descendants = (unitId: string, units: RollupUnit[]): Set<string> => {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const found = new Set<string>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
};

/** Decimal-safe addition for figures that are whole numbers or have a few decimals. */
const add = (a: number, b: number) => Math.round((a + b) * 1e6) / 1e6;

/**
 * Sum additive figures into their unit and every unit above it. Only units that receive
 * at least two figures, or a figure reported for a unit below them, get a roll-up: a unit
 * whose only part is its own figure would just repeat that figure. Sorted by metric, unit
 * of count and unit id so the output does not depend on the order of the input.
 */
export const rollUp = (units: RollupUnit[], figures: RollupFigure[]): Rollup[] => {
  const parents = new Map(units.map((u) => [u.id, u.parentId] as [string, string | null]));
  const sums = new Map<string, Rollup & { fromBelow: boolean }>();
  const sorted = [...figures].filter((f) => f.additive && f.unitId && parents.has(f.unitId));
  sorted.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  for (const figure of sorted) {
    for (const unitId of ancestry(figure.unitId as string, parents)) {
      const key = JSON.stringify([figure.metric, figure.countUnit, unitId]);
      const existing = sums.get(key);
      const fromBelow = unitId !== figure.unitId;
      if (!existing) {
        sums.set(key, {
          metric: figure.metric,
          countUnit: figure.countUnit,
          unitId,
          value: figure.value,
          qualifier: figure.qualifier,
          parts: [figure.ref],
          fromBelow,
        });
      } else {
        existing.value = add(existing.value, figure.value);
        existing.qualifier = combineQualifiers(existing.qualifier, figure.qualifier);
        existing.parts.push(figure.ref);
        existing.fromBelow ||= fromBelow;
      }
    }
  }
  return [...sums.values()]
    .filter((s) => s.fromBelow || s.parts.length > 1)
    .map(({ fromBelow: _fromBelow, ...rollup }) => rollup)
    .sort((a, b) => {
      const ka = JSON.stringify([a.metric, a.countUnit ?? '', a.unitId]);
      const kb = JSON.stringify([b.metric, b.countUnit ?? '', b.unitId]);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
};
