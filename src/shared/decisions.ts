/**
 * Reading reviewer decisions that already point at the current findings (see core/review.ts for how they
 * are re-anchored after checks run again): which decision holds for a finding, what a finding's status is
 * after it, and which decisions no longer have a finding. Shared by the engine, the printed documents and
 * the UI so all three say the same.
 */
import type { DecisionAction, Finding, FindingDecision, Verdict } from './model.ts';

/** A finding's status after the reviewer: dismissed problems are no longer problems, confirmed doubts are. */
export type EffectiveStatus = Verdict | 'dismissed';

/** The decision that holds for each finding index: the last one made (decisions are listed in the order made). */
export function decisionPerFinding<D extends FindingDecision>(decisions: readonly D[]): Map<number, D> {
  const latest = new Map<number, D>();
  for (const d of decisions) if (d.findingIndex >= 0) latest.set(d.findingIndex, d);
  return latest;
}

export function effectiveStatus(status: Verdict, action: DecisionAction | undefined): EffectiveStatus {
  if (action === 'dismiss') return status === 'fail' || status === 'uncertain' ? 'dismissed' : status;
  if (action === 'confirm') return status === 'uncertain' ? 'fail' : status;
  return status;
}

/** Each finding's status after the decisions that hold for it. */
export function effectiveStatuses(findings: readonly Finding[], decisions: readonly FindingDecision[]): EffectiveStatus[] {
  const held = decisionPerFinding(decisions);
  return findings.map((f, i) => effectiveStatus(f.status, held.get(i)?.action));
}

/** Decisions whose finding the current checks no longer report (findingIndex −1): the last one per check and wording. */
export function earlierDecisions<D extends FindingDecision & { message: string }>(decisions: readonly D[]): D[] {
  const latest = new Map<string, D>();
  for (const d of decisions) if (d.findingIndex < 0) latest.set(`${d.check}\u0000${d.message}`, d);
  return [...latest.values()];
}
