/**
 * Scoring: 100 − Σ over assessable checks of min(weight, deductions), per the rubric (CHECKS.md).
 * - a check costs at most its cap (扣分上限, default its weight);
 * - uncertain costs nothing unless a reviewer confirmed it (then it is priced as a fail); dismissed findings cost nothing;
 * - na checks are left out and their weight is spread proportionally over the assessable checks of the same
 *   dimension: the caps grow, the per-item deductions stay as the rubric prints them (a reviewer reads "每行 −2"
 *   and sees −2, not −2.1);
 * - legacy profile: substitutes (legacy.contents) take the weight of the check they replace (sections.present);
 * - 一票否决: a priced finding of a check whose rubric entry has a veto (of one of its kinds, when listed) makes the
 *   report 不合格 whatever its points; the points are still shown and `veto` names the reason.
 */
import type { DeductionLine, Finding, FindingDecision, Report, ScoreResult } from '../../shared/model.ts';
import { effectiveStatuses } from '../../shared/decisions.ts';
import { findCheck } from '../checks/index.ts';
import type { DeductionRule, Rubric, RubricCheck } from './rubric.ts';

export interface ScoreInput {
  report: Report | null;
  findings: Finding[];
  rubric: Rubric;
  /** Decisions pointing at `findings` (core/review.ts `anchorDecisions`). */
  decisions?: readonly FindingDecision[];
  error?: string | null;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const fmt = (n: number): string => String(round1(n));

/** Points of each finding under a rule (before the weight cap). */
function price(rule: DeductionRule, findings: Finding[]): number[] {
  switch (rule.type) {
    case 'fixed':
      return findings.map((_, i) => (i === 0 ? rule.points : 0));
    case 'perUnit':
      return findings.map((f) => rule.points * (f.measure ?? 1));
    case 'bands': {
      let best = -1;
      findings.forEach((f, i) => { if (best < 0 || (f.measure ?? 0) > (findings[best]!.measure ?? 0)) best = i; });
      const m = findings[best]?.measure ?? 0;
      const band = rule.bands.find((b) => m >= b.min);
      return findings.map((_, i) => (i === best && band ? band.points : 0));
    }
    case 'perKind': {
      const out = findings.map(() => 0);
      const groups = new Map<string, number[]>();
      findings.forEach((f, i) => {
        const k = f.kind ?? '';
        groups.set(k, [...(groups.get(k) ?? []), i]);
      });
      for (const [kind, idx] of groups) {
        const sub = rule.kinds[kind] ?? rule.otherwise;
        if (!sub) continue;
        const pts = price(sub, idx.map((i) => findings[i]!));
        idx.forEach((i, j) => { out[i] = pts[j]!; });
      }
      return out;
    }
  }
}

/** How a rule reads in an explanation: "每行 −2", "逾期15天以内 −4". */
export function describeRule(rule: DeductionRule, scale = 1): string {
  switch (rule.type) {
    case 'fixed':
      return rule.label ? `${rule.label} −${fmt(rule.points * scale)}` : `−${fmt(rule.points * scale)}`;
    case 'perUnit':
      return `每${(rule.unit ?? '处').replace(/^个/, '')} −${fmt(rule.points * scale)}`;
    case 'bands':
      return rule.bands.map((b) => `${b.label ?? `≥${b.min}${rule.unit ?? ''}`} −${fmt(b.points * scale)}`).join('，');
    case 'perKind':
      return Object.entries(rule.kinds).map(([k, r]) => (r.type === 'fixed' && r.label ? describeRule(r, scale) : `${k}：${describeRule(r, scale)}`)).join('，');
  }
}

function gradeOf(score: number, rubric: Rubric): ScoreResult['grade'] {
  return rubric.grades.find((g) => score >= g.min)?.grade ?? '不合格';
}

function shortMessage(f: Finding): string {
  return f.message.length > 60 ? `${f.message.slice(0, 59)}…` : f.message;
}

export function scoreReport(input: ScoreInput): { findings: Finding[]; score: ScoreResult } {
  const { report, rubric } = input;
  const findings = input.findings.map((f) => ({ ...f, deduction: 0 }));
  const rubricId = { id: rubric.id, version: rubric.version };
  if (input.error || !report) {
    const error = input.error ?? '';
    const veto = /不是.*年度报告|not-a-report/.test(error) || (!input.error && !report) ? rubric.vetoes.notReport : rubric.vetoes.unreadable;
    return { findings, score: { score: null, grade: null, veto: error ? `${veto}（${error}）` : veto, deductions: [], dimensions: [], rubric: rubricId } };
  }

  // Effective verdict of each finding after the reviewer's decisions.
  const priced = effectiveStatuses(findings, input.decisions ?? []).map((s) => s === 'fail');

  const deductions: DeductionLine[] = [];
  const dimensions: ScoreResult['dimensions'] = [];
  const vetoReasons: string[] = [];
  let lostTotal = 0;
  for (const dim of rubric.dimensions) {
    // Legacy and other profiles: substitute checks take the weight of the check they replace.
    const entries: RubricCheck[] = dim.checks.map((c) => {
      const sub = rubric.substitutes.find((s) => s.replaces === c.check && s.profiles.includes(report.generation));
      return sub ? { check: sub.check, weight: c.weight, deduction: sub.deduction ?? c.deduction, ...(c.cap === undefined ? {} : { cap: c.cap }) } : c;
    });
    const assessable = entries.filter((e) => findings.some((f) => f.check === e.check && f.status !== 'na'));
    const assessableWeight = assessable.reduce((a, e) => a + e.weight, 0);
    const factor = assessableWeight > 0 ? dim.weight / assessableWeight : 0;
    let lost = 0;
    for (const entry of assessable) {
      // The most the check can cost: its cap (扣分上限) or else its weight, both grown by the weight of na checks.
      const weight = Math.min(entry.weight, entry.cap ?? entry.weight) * factor;
      const idx = findings.map((f, i) => ({ f, i })).filter(({ f, i }) => f.check === entry.check && priced[i]);
      const veto = entry.veto;
      if (veto && idx.some(({ f }) => !veto.kinds || veto.kinds.includes(f.kind ?? '')) && !vetoReasons.includes(veto.reason)) vetoReasons.push(veto.reason);
      if (idx.length === 0 || weight === 0) continue;
      const raw = price(entry.deduction, idx.map(({ f }) => f));
      let remaining = weight;
      const parts: string[] = [];
      idx.forEach(({ f, i }, j) => {
        const d = Math.min(remaining, raw[j]!);
        remaining -= d;
        findings[i]!.deduction = round1(d);
        if (d > 0) parts.push(`${shortMessage(f)} −${fmt(d)}`);
      });
      const points = weight - remaining;
      if (points <= 0) continue;
      lost += points;
      const title = findCheck(entry.check)?.meta.title ?? entry.check;
      const shown = parts.length > 3 ? [...parts.slice(0, 3), `等${parts.length}项`] : parts;
      const rescaled = Math.abs(factor - 1) > 1e-9 ? `；上限含不适用项转入的权重，权重系数${Math.round(factor * 100) / 100}` : '';
      deductions.push({
        check: entry.check,
        dimension: dim.name,
        points: round1(points),
        explanation: `${title}：${shown.join('；')}（${describeRule(entry.deduction)}，上限 ${fmt(weight)}${rescaled}）`,
      });
    }
    dimensions.push({ name: dim.name, weight: dim.weight, lost: round1(lost) });
    lostTotal += lost;
  }
  const score = round1(Math.max(0, 100 - lostTotal));
  const veto = vetoReasons.length > 0 ? `一票否决：${vetoReasons.join('；')}` : null;
  return { findings, score: { score, grade: veto ? '不合格' : gradeOf(score, rubric), veto, deductions, dimensions, rubric: rubricId } };
}
