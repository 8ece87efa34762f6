/** View model of the year's summary ranking (汇总排名表). */
import { competitionRanks } from '../../shared/rank.ts';
import type { AuditResult, FindingDecision } from '../../shared/model.ts';
import { DIMENSION_ORDER } from '../../shared/check-catalogue.ts';
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import { commonProblems, failedAfterDecisions, unitKey } from '../../shared/problem-counts.ts';
import { baseName, formatScore, worstVerdict } from './format.ts';
import { DEFAULT_OFFICE, departmentOf } from './finding-view.ts';
import { dimensionChart, gradeChart, type YearCharts } from '../../shared/year-charts.ts';

export interface SummaryInput {
  year: number;
  results: AuditResult[];
  /** Departments on the roster with no report (未报送). */
  missing?: string[];
  generatedAt: string;
  office?: string;
  checks?: CheckInfoMap;
  /** Reviewer decisions per result file (anchored to its findings): dismissed findings are not counted. */
  decisions?: Record<string, readonly FindingDecision[]>;
}

/**
 * Competition ranking by score (1, 2, 2, 4), vetoed reports last (src/shared/rank.ts); reports without a score get null.
 * Returned in the order of `results`.
 */
export function rankResults(results: AuditResult[]): (number | null)[] {
  return competitionRanks(results.map((r) => ({ score: typeof r.score?.score === 'number' ? r.score.score : null, vetoed: Boolean(r.score?.veto) })));
}

export interface SummaryRowView {
  /** Index of the result in SummaryInput.results (rows are sorted by rank). */
  index: number;
  rank: number | null;
  department: string;
  file: string;
  score: string;
  grade: string;
  veto: string | null;
  onTime: '按时' | '逾期' | '未能判断';
  /** Failed findings (after the reviewer's decisions) per dimension of `dimensions`, as the overview counts them. */
  failedByDimension: number[];
  failedTotal: number;
}

export interface CommonProblemView {
  check: string;
  title: string;
  dimension: string;
  departments: number;
  findings: number;
  share: string;
}

export interface SummaryView {
  documentTitle: string;
  title: string;
  office: string;
  year: number;
  generatedAt: string;
  dimensions: string[];
  rows: SummaryRowView[];
  missing: string[];
  common: CommonProblemView[];
  counts: { reports: number; departments: number; scored: number; grades: { grade: string; count: number }[]; late: number };
  /** Grade distribution and failed checks per dimension, from the counts and rows above (as the overview shows them). */
  charts: YearCharts;
}

export function onTimeFlag(result: AuditResult): SummaryRowView['onTime'] {
  const statuses = result.findings.filter((f) => f.check === 'deadline').map((f) => f.status);
  if (statuses.length === 0) return '未能判断';
  const v = worstVerdict(statuses);
  return v === 'fail' ? '逾期' : v === 'pass' ? '按时' : '未能判断';
}

export function buildSummaryView(input: SummaryInput): SummaryView {
  const { results } = input;
  const ranks = rankResults(results);
  const failed = results.map((r) => failedAfterDecisions(r.findings, input.decisions?.[r.file] ?? [], r.score, input.checks));
  const dimSet = new Set<string>();
  for (const r of results) for (const d of r.score?.dimensions ?? []) dimSet.add(d.name);
  for (const f of failed) for (const d of Object.keys(f.byDimension)) dimSet.add(d);
  const dimensions = [...dimSet].sort((a, b) => {
    const ia = DIMENSION_ORDER.indexOf(a);
    const ib = DIMENSION_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const rows: SummaryRowView[] = results.map((r, i) => {
    const perDim = dimensions.map((d) => failed[i]!.byDimension[d] ?? 0);
    return {
      index: i,
      rank: ranks[i] ?? null,
      department: departmentOf(r),
      file: baseName(r.file),
      score: formatScore(r.score?.score),
      grade: r.score?.grade ?? '—',
      veto: r.score?.veto ?? (r.error ? '文件无法读取' : null),
      onTime: onTimeFlag(r),
      failedByDimension: perDim,
      failedTotal: perDim.reduce((a, n) => a + n, 0),
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.department.localeCompare(b.department, 'zh-Hans-CN'));
  // Common problems count departments, not files: a resubmitted report must not count twice.
  const units = results.map((r, i) => ({ unit: unitKey(r.report?.department, r.file), failed: failed[i]! }));
  const audited = new Set(results.filter((r) => r.report !== null).map((r) => unitKey(r.report?.department, r.file))).size;
  const common: CommonProblemView[] = commonProblems(units, input.checks).map((p) => ({
    ...p,
    share: audited > 0 ? `${Math.round((p.departments / audited) * 100)}%` : '—',
  }));
  const grades = ['优秀', '良好', '合格', '不合格'].map((grade) => ({ grade, count: results.filter((r) => r.score?.grade === grade).length }));
  const failedPerDimension = dimensions.map((_, d) => rows.reduce((n, r) => n + r.failedByDimension[d]!, 0));
  return {
    documentTitle: `${input.year}年度政府信息公开工作年度报告审核汇总排名表`,
    title: `${input.year}年度政府信息公开工作年度报告审核汇总排名表`,
    office: input.office?.trim() || DEFAULT_OFFICE,
    year: input.year,
    generatedAt: input.generatedAt,
    dimensions,
    rows,
    missing: [...(input.missing ?? [])].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
    common,
    counts: {
      reports: results.length,
      departments: audited,
      scored: results.filter((r) => typeof r.score?.score === 'number').length,
      grades,
      late: rows.filter((r) => r.onTime === '逾期').length,
    },
    charts: { grades: gradeChart(input.year, grades), dimensions: dimensionChart(input.year, dimensions, failedPerDimension) },
  };
}
