/**
 * The pieces every printed document shares: the department's name, and each finding as printed (effective
 * status after the reviewer's decisions, evidence in words, problem number), grouped by dimension.
 */
import type { ReviewerDecision } from '../../shared/api.ts';
import type { AuditResult, Evidence, Report } from '../../shared/model.ts';
import { decisionPerFinding, effectiveStatus, type EffectiveStatus } from '../../shared/decisions.ts';
import { checkInfo, DIMENSION_ORDER, UNSCORED_DIMENSION } from '../../shared/check-catalogue.ts';
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import { baseName, describeEvidence } from './format.ts';
import { DECISION_LABELS } from '../../shared/wording.ts';
import { dimensionOf as dimensionOfCheck, dimensionRank as dimensionRankIn } from '../../shared/check-catalogue.ts';

export const DEFAULT_OFFICE = '政府信息公开工作主管部门';
export const UNKNOWN_DEPARTMENT = '（单位未识别）';

export type { EffectiveStatus };

export interface DecisionView {
  action: string;
  reason: string;
  reviewer: string;
  at: string;
}

/** A finding as printed: effective status after reviewer decisions, evidence in words, problem number. */
export interface FindingView {
  index: number;
  check: string;
  status: EffectiveStatus;
  message: string;
  evidence: string[];
  deduction: number;
  /** Problem number (1…) for fail / uncertain findings; null otherwise. */
  number: number | null;
  decision: DecisionView | null;
}

/** A short evidence text (a similarity, a value) is said after the other report's name; a longer one is a quote. */
const SHORT_EVIDENCE = 24;

/**
 * A finding's evidence in words. The places in this report are listed one by one; the other reports it is
 * compared with (peers, last year) after the first are said in one line, so five similar departments take
 * one line, not five.
 */
export function printedEvidence(evidence: readonly Evidence[], report: Pick<Report, 'generation' | 'tables'> | null): string[] {
  const lines: string[] = [];
  const others: string[] = [];
  let firstOther = true;
  for (const e of evidence) {
    if (e.other && !firstOther && !e.table && (e.text ?? '').length <= SHORT_EVIDENCE) {
      const who = e.other.department ?? baseName(e.other.file);
      others.push(`${who}${e.other.year ? ` ${e.other.year}年` : ''}报告${e.text ? `（${e.text}）` : ''}`);
      continue;
    }
    if (e.other) firstOther = false;
    const line = describeEvidence(e, report);
    if (line.length > 0) lines.push(line);
  }
  if (others.length > 0) lines.push(`另对照：${others.join('、')}`);
  return lines;
}

export function departmentOf(result: AuditResult): string {
  return result.report?.department?.trim() || UNKNOWN_DEPARTMENT;
}

export function dimensionOf(check: string, result: AuditResult, checks: CheckInfoMap | undefined): string {
  return dimensionOfCheck(check, result.score, checks);
}

export function dimensionRank(name: string, result: AuditResult): number {
  return dimensionRankIn(name, result.score);
}

/**
 * Every finding as printed, ordered by dimension (rubric order) then check, with problem numbers
 * given to what still needs attention (fail, uncertain) in that order.
 */
export function findingViews(result: AuditResult, decisions?: ReviewerDecision[], checks?: CheckInfoMap): FindingView[] {
  const byIndex = decisionPerFinding(decisions ?? []);
  const checkOrder = new Map<string, number>();
  result.findings.forEach((f) => {
    if (!checkOrder.has(f.check)) checkOrder.set(f.check, checkOrder.size);
  });
  const views = result.findings.map((f, index): FindingView => {
    const d = byIndex.get(index);
    return {
      index,
      check: f.check,
      status: effectiveStatus(f.status, d?.action),
      message: f.message,
      evidence: printedEvidence(f.evidence, result.report),
      deduction: f.deduction,
      number: null,
      decision: d ? { action: DECISION_LABELS[d.action], reason: d.reason, reviewer: d.reviewer, at: d.at } : null,
    };
  });
  const sortKey = (v: FindingView): [number, number, number] => [
    dimensionRank(dimensionOf(v.check, result, checks), result),
    checkOrder.get(v.check) ?? 0,
    v.index,
  ];
  views.sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  let n = 0;
  for (const v of views) if (v.status === 'fail' || v.status === 'uncertain') v.number = ++n;
  return views;
}
