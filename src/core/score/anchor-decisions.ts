/**
 * Reviewer decisions are made on one finding of one audit. When the checks run again (a corrected cell,
 * new peers, a new engine) the list of findings can change order or length, so a decision is re-anchored
 * to the finding it was made on: the same check with the same message; failing that, the same check with
 * the same wording once numbers are set aside (the problem is still there, its values changed). A decision
 * never moves to a different problem of the same check (another column, another peer): when its own is gone
 * it is kept in the store, shown as an earlier decision, and no longer applied. Decisions recorded without a
 * message (older stores) fall back to the same place in the list, or the only open finding of that check.
 */
import type { Finding } from '../../shared/model.ts';

export interface AnchoredDecisionInput {
  findingIndex: number;
  check: string;
  message?: string;
  action: 'confirm' | 'dismiss';
}

/** For each decision, the index of its finding in `findings`, or -1 when that finding is gone. */
export function anchorDecisionIndexes(findings: readonly Finding[], decisions: readonly AnchoredDecisionInput[]): number[] {
  return decisions.map((d) => {
    if (d.message !== undefined) {
      const message = d.message;
      const exact = nearest(findings, d, (f) => f.message === message);
      if (exact >= 0) return exact;
      const shape = wording(message);
      return nearest(findings, d, (f) => wording(f.message) === shape);
    }
    let index = -1;
    if (findings[d.findingIndex]?.check === d.check) index = d.findingIndex;
    if (index < 0) {
      const open = findings.map((f, i) => (f.check === d.check && (f.status === 'fail' || f.status === 'uncertain') ? i : -1)).filter((i) => i >= 0);
      if (open.length === 1) index = open[0]!;
    }
    return index;
  });
}

/** The finding of the decision's check nearest its old place that `matches` (duplicates keep their order), or -1. */
function nearest(findings: readonly Finding[], d: AnchoredDecisionInput, matches: (f: Finding) => boolean): number {
  let index = -1;
  let best = Infinity;
  findings.forEach((f, i) => {
    if (f.check === d.check && matches(f) && Math.abs(i - d.findingIndex) < best) {
      best = Math.abs(i - d.findingIndex);
      index = i;
    }
  });
  return index;
}

/** A message with its numbers set aside: the same problem reported with other values reads the same. */
function wording(message: string): string {
  return message.replace(/\d+(?:\.\d+)?/g, '#');
}

/** The decisions that still apply, pointing at the current findings. */
export function anchorDecisions(findings: readonly Finding[], decisions: readonly AnchoredDecisionInput[]): { findingIndex: number; action: 'confirm' | 'dismiss' }[] {
  const indexes = anchorDecisionIndexes(findings, decisions);
  return decisions.flatMap((d, k) => (indexes[k]! >= 0 ? [{ findingIndex: indexes[k]!, action: d.action }] : []));
}
