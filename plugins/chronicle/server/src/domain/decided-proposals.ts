/**
 * Which extraction proposals a report has already settled. A proposal is named by its
 * fingerprint (kind, expression and sentence), so editing the sentence around an accepted
 * "10万余次" gives it a new fingerprint; a decision that also remembers its expression still
 * recognises it: a decided expression whose own fingerprint is no longer in the text stands
 * for one proposal of the same kind and expression. Pure; services/extraction applies it.
 */

export type ProposalKind = 'event' | 'statistic';

export interface Decision {
  fingerprint: string;
  kind: ProposalKind;
  /** The expression read from the text ("10万余次"); absent on decisions from before it was kept. */
  expression?: string | null;
}

interface Proposal {
  fingerprint: string;
  text: string;
}

/** The proposals of `current` that no decision covers, in their order. */
export function leaveOutDecided<E extends Proposal, S extends Proposal>(
  current: { events: E[]; statistics: S[] },
  decisions: readonly Decision[],
): { events: E[]; statistics: S[] } {
  const present = new Set([...current.events, ...current.statistics].map((p) => p.fingerprint));
  const byFingerprint = new Set(decisions.map((d) => d.fingerprint));
  // Decisions whose sentence changed: each may still cover one proposal with its expression.
  const moved = new Map<string, number>();
  for (const d of decisions) {
    if (present.has(d.fingerprint) || !d.expression) continue;
    const key = `${d.kind}\n${d.expression}`;
    moved.set(key, (moved.get(key) ?? 0) + 1);
  }
  const keep = (kind: ProposalKind) => (p: Proposal) => {
    if (byFingerprint.has(p.fingerprint)) return false;
    const key = `${kind}\n${p.text}`;
    const left = moved.get(key) ?? 0;
    if (left === 0) return true;
    moved.set(key, left - 1);
    return false;
  };
  return {
    events: current.events.filter(keep('event')) as E[],
    statistics: current.statistics.filter(keep('statistic')) as S[],
  };
}
