/**
 * Walking the public unit tree (GET units' nested shape): find a unit by slug and its chain
 * up to the root, for "网格 › 社区 › 街道 › 区" on commendation and unit pages. Pure module.
 */

export interface UnitNode {
  slug: string;
  name: string;
  kind: string;
  shortName?: string | null;
  description?: string | null;
  children: UnitNode[];
}

/** The unit with `slug` and its ancestors, root first; empty when no unit has the slug. */
export const unitChain = (roots: UnitNode[], slug: string): UnitNode[] => {
  const walk = (nodes: UnitNode[], path: UnitNode[]): UnitNode[] | null => {
    for (const node of nodes) {
      const here = [...path, node];
      if (node.slug === slug) return here;
      const found = walk(node.children ?? [], here);
      if (found) return found;
    }
    return null;
  };
  return walk(roots, []) ?? [];
};

export const flattenUnits = (roots: UnitNode[], depth = 0): Array<{ unit: UnitNode; depth: number }> =>
  roots.flatMap((u) => [{ unit: u, depth }, ...flattenUnits(u.children ?? [], depth + 1)]);
