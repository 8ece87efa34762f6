/**
 * Reviewer decisions are made on one finding of one audit. When the checks run again (a corrected cell,
 * new peers, a new engine) the list of findings can change order or length, so a decision is re-anchored
 * to the finding it was made on: the same check with the same message; failing that, the same check at the
 * same place in the list; failing that, the only finding of that check still open. A decision whose finding
 * is gone is kept in the store but no longer applied (its finding was fixed or changed beyond recognition).
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
    let index = -1;
    if (d.message !== undefined) {
      // Nearest finding with the same check and message (duplicates keep their order).
      let best = Infinity;
      findings.forEach((f, i) => {
        if (f.check === d.check && f.message === d.message && Math.abs(i - d.findingIndex) < best) {
          best = Math.abs(i - d.findingIndex);
          index = i;
        }
      });
    }
    if (index < 0 && findings[d.findingIndex]?.check === d.check) index = d.findingIndex;
    if (index < 0) {
      const open = findings.map((f, i) => (f.check === d.check && (f.status === 'fail' || f.status === 'uncertain') ? i : -1)).filter((i) => i >= 0);
      if (open.length === 1) index = open[0]!;
    }
    return index;
  });
}

/** The decisions that still apply, pointing at the current findings. */
export function anchorDecisions(findings: readonly Finding[], decisions: readonly AnchoredDecisionInput[]): { findingIndex: number; action: 'confirm' | 'dismiss' }[] {
  const indexes = anchorDecisionIndexes(findings, decisions);
  return decisions.flatMap((d, k) => (indexes[k]! >= 0 ? [{ findingIndex: indexes[k]!, action: d.action }] : []));
}
