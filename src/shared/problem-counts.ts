/**
 * How problems are counted, once for the overview, the printed sheet and summary, and the exports: a report's
 * failed findings (after the reviewer's decisions) per check and per rubric dimension, and the year's common
 * problems (which checks fail in how many departments, with how many findings).
 */
import type { Finding, ScoreResult } from './model.ts';
import { effectiveStatuses, type EffectiveStatus } from './decisions.ts';
import type { FindingDecision } from './model.ts';
import { checkInfo, dimensionOf, dimensionRank, type CheckInfoMap } from './check-catalogue.ts';

/** A report's failed findings: how many per check and per rubric dimension (the score's, else the catalogue's). */
export interface FailedCounts {
  byCheck: Record<string, number>;
  byDimension: Record<string, number>;
}

export const NO_FAILED: FailedCounts = { byCheck: {}, byDimension: {} };

/** Failed findings per check and dimension, given each finding's status after the reviewer. */
export function countFailed(
  findings: readonly Pick<Finding, 'check'>[],
  statuses: readonly EffectiveStatus[],
  score: Pick<ScoreResult, 'deductions'> | null | undefined,
  checks?: CheckInfoMap,
): FailedCounts {
  const byCheck: Record<string, number> = {};
  const byDimension: Record<string, number> = {};
  findings.forEach((f, i) => {
    if (statuses[i] !== 'fail') return;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
    const dimension = dimensionOf(f.check, score, checks);
    byDimension[dimension] = (byDimension[dimension] ?? 0) + 1;
  });
  return { byCheck, byDimension };
}

/** countFailed with the decisions that hold for the findings (already anchored to them). */
export function failedAfterDecisions(
  findings: readonly Finding[],
  decisions: readonly FindingDecision[],
  score: Pick<ScoreResult, 'deductions'> | null | undefined,
  checks?: CheckInfoMap,
): FailedCounts {
  return countFailed(findings, effectiveStatuses(findings, decisions), score, checks);
}

/** The dimensions of counts in the rubric's order (score's, then the default order), with their counts. */
export function dimensionCounts(counts: FailedCounts, score?: Pick<ScoreResult, 'dimensions'> | null): { dimension: string; count: number }[] {
  return Object.entries(counts.byDimension)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => dimensionRank(a, score) - dimensionRank(b, score))
    .map(([dimension, count]) => ({ dimension, count }));
}

export interface CommonProblem {
  check: string;
  title: string;
  dimension: string;
  /** Departments with at least one failed finding of the check. */
  departments: number;
  /** Failed findings of the check, over those departments. */
  findings: number;
}

/**
 * The checks that fail most across the year's departments, most departments first (then most findings). `unit`
 * names a department once (a department's latest report counts, never two versions).
 */
export function commonProblems(units: readonly { unit: string; failed: FailedCounts }[], checks?: CheckInfoMap): CommonProblem[] {
  const perCheck = new Map<string, { departments: Set<string>; findings: number }>();
  for (const { unit, failed } of units) {
    for (const [check, n] of Object.entries(failed.byCheck)) {
      if (n <= 0) continue;
      const entry = perCheck.get(check) ?? { departments: new Set<string>(), findings: 0 };
      entry.departments.add(unit);
      entry.findings += n;
      perCheck.set(check, entry);
    }
  }
  return [...perCheck.entries()]
    .map(([check, e]) => ({
      check,
      title: checkInfo(check, checks).title,
      dimension: dimensionOf(check, null, checks),
      departments: e.departments.size,
      findings: e.findings,
    }))
    .sort((a, b) => b.departments - a.departments || b.findings - a.findings || a.check.localeCompare(b.check));
}

/** How a department is told apart in the counts: its name, else (not recognised) its file. */
export function unitKey(department: string | null | undefined, file: string): string {
  return department?.trim() || `file:${file}`;
}
