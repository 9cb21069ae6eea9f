/**
 * Units form a tree (docs/architecture.md#document-service-guards, validation): a unit's parent may not be the unit itself or one of its
 * descendants. The document guard reads the current parents and asks this module before
 * it saves a new parent. Pure module.
 */

/**
 * The cycle that giving `id` the parent `newParent` would close, as the chain of units from
 * `id` back to `id` (e.g. [a, c, b, a] when c's parent is b and b's is a), or null when the
 * units stay a tree. `parentOf` maps each unit to its current parent (null at a root); a
 * chain that is already cyclic elsewhere stops at the first repeat and is not blamed on `id`.
 */
export function findUnitCycle(parentOf: Map<string, string | null>, id: string, newParent: string | null | undefined): string[] | null {
  if (!newParent) return null;
  const chain = [id];
  const seen = new Set<string>([id]);
  let current: string | null | undefined = newParent;
  while (current) {
    chain.push(current);
    if (current === id) return chain;
    if (seen.has(current)) return null;
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return null;
}

/** A 400 message for a cycle, naming the units by whatever `label` gives (name or slug). */
export const unitCycleMessage = (cycle: string[], label: (id: string) => string = (id) => id): string =>
  `parent would make a cycle (${cycle.map(label).join(' → ')}): a unit cannot be inside itself`;
