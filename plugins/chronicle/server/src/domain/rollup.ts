/**
 * Statistics roll-ups up the unit tree (docs/api.md#figures-and-roll-ups): figures marked `additive` are summed
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
import type { VerificationState } from './verification';

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

/**
 * Figures already added up by the database: the additive figures of one metric, unit of
 * count and qualifier reported for one unit, as their sum and their number. Groups, not
 * figures, are what the roll-up reads, so its work grows with units × metrics × qualifiers
 * however many figures there are.
 */
export interface FigureGroup {
  metric: string;
  countUnit: string | null;
  unitId: string;
  qualifier: Qualifier;
  /** The sum of the group's figures. */
  value: number;
  /** How many figures were summed (at least 1). */
  count: number;
  /**
   * The figures' fact check (domain/verification). Only verified figures are summed (absent:
   * verified); the others are counted as left out (`excludedFigures`).
   */
  state?: VerificationState;
}

/** How many figures a sum left out because they are not verified. */
export interface Excluded {
  unverified: number;
  disputed: number;
}

const isVerified = (g: FigureGroup) => g.state === undefined || g.state === 'verified';

export interface Rollup {
  metric: string;
  countUnit: string | null;
  unitId: string;
  value: number;
  qualifier: Qualifier;
  /** How many figures the sum holds; they are the additive figures of this metric and unit of count at or below the unit. */
  count: number;
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

/**
 * Decimal-safe arithmetic for figures that are whole numbers or have a few decimals: a sum is
 * rounded to millionths, which undoes binary floating-point noise (0.1 + 0.2) and what a
 * database's floating-point SUM (SQLite's) leaves behind.
 */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const add = (a: number, b: number) => round(a + b);

/**
 * Sum pre-aggregated groups of additive figures into their unit and every unit above it, per
 * metric and unit of count. Only units that receive at least two figures, or a figure
 * reported for a unit below them, get a roll-up: a unit whose only part is its own single
 * figure would just repeat that figure. Because addition and `combineQualifiers` are
 * associative and commutative, summing groups gives exactly what summing their figures one
 * by one would. Groups for units outside the tree are left out. Sorted by metric, unit of
 * count and unit id, and added in that order, so the output does not depend on the order of
 * the input.
 */
export const rollUpGroups = (units: RollupUnit[], groups: FigureGroup[]): Rollup[] => {
  const parents = new Map(units.map((u) => [u.id, u.parentId] as [string, string | null]));
  // Keys joined by U+0000, below any character of a metric key, unit of count or id, so they
  // sort field by field; U+0001 stands for "no unit of count" (after '', before any unit).
  const keyOf = (g: { metric: string; countUnit: string | null; unitId: string }) => `${g.metric}\0${g.countUnit ?? '\u0001'}\0${g.unitId}`;
  const usable = groups
    .filter((g) => g.count > 0 && isVerified(g) && parents.has(g.unitId))
    .map((g) => ({ group: { ...g, value: round(g.value) }, order: `${keyOf(g)}\0${g.qualifier}\0${g.value}\0${g.count}` }))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const sums = new Map<string, Rollup & { fromBelow: boolean }>();
  for (const { group } of usable) {
    for (const unitId of ancestry(group.unitId, parents)) {
      const key = keyOf({ ...group, unitId });
      const existing = sums.get(key);
      const fromBelow = unitId !== group.unitId;
      if (!existing) {
        const { metric, countUnit, value, qualifier, count } = group;
        sums.set(key, { metric, countUnit, unitId, value, qualifier, count, fromBelow });
      } else {
        existing.value = add(existing.value, group.value);
        existing.qualifier = combineQualifiers(existing.qualifier, group.qualifier);
        existing.count += group.count;
        existing.fromBelow ||= fromBelow;
      }
    }
  }
  return [...sums.entries()]
    .filter(([, s]) => s.fromBelow || s.count > 1)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { fromBelow: _fromBelow, ...rollup }]) => rollup);
};

/** The key of a roll-up (metric, unit of count, unit), as `excludedFigures` keys its counts. */
export const rollupKey = (r: { metric: string; countUnit: string | null; unitId: string }) => `${r.metric}\0${r.countUnit ?? '\u0001'}\0${r.unitId}`;

/**
 * The figures the sums left out (not verified), per roll-up key: each group counts for its unit
 * and every unit above it, as a summed figure would. `total` is the whole selection's.
 */
export const excludedFigures = (units: RollupUnit[], groups: FigureGroup[]): { byRollup: Map<string, Excluded>; total: Excluded } => {
  const parents = new Map(units.map((u) => [u.id, u.parentId] as [string, string | null]));
  const byRollup = new Map<string, Excluded>();
  const total: Excluded = { unverified: 0, disputed: 0 };
  for (const group of groups) {
    if (group.count <= 0 || isVerified(group)) continue;
    const field: keyof Excluded = group.state === 'disputed' ? 'disputed' : 'unverified';
    total[field] += group.count;
    for (const unitId of ancestry(group.unitId, parents)) {
      const key = rollupKey({ ...group, unitId });
      const counts = byRollup.get(key) ?? { unverified: 0, disputed: 0 };
      counts[field] += group.count;
      byRollup.set(key, counts);
    }
  }
  return { byRollup, total };
};
