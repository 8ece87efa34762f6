/** View model of the year's summary ranking (汇总排名表). */
import { competitionRanks } from '../../shared/rank.ts';
import type { AuditResult } from '../../shared/model.ts';
import { checkInfo, DIMENSION_ORDER, UNSCORED_DIMENSION } from '../../shared/check-catalogue.ts';
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import { baseName, formatScore, worstVerdict } from './format.ts';
import { DEFAULT_OFFICE, departmentOf, dimensionOf } from './finding-view.ts';
import { dimensionChart, gradeChart, type YearCharts } from '../../shared/year-charts.ts';

export interface SummaryInput {
  year: number;
  results: AuditResult[];
  /** Departments on the roster with no report (未报送). */
  missing?: string[];
  generatedAt: string;
  office?: string;
  checks?: CheckInfoMap;
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
  failedByDimension: number[];
  failedTotal: number;
}

export interface CommonProblemView {
  check: string;
  title: string;
  dimension: string;
  departments: number;
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
  const dimSet = new Set<string>();
  for (const r of results) for (const d of r.score?.dimensions ?? []) dimSet.add(d.name);
  const failedChecks = results.map((r) => {
    const set = new Set<string>();
    for (const f of r.findings) if (f.status === 'fail') set.add(f.check);
    return set;
  });
  failedChecks.forEach((set, i) => set.forEach((c) => dimSet.add(dimensionOf(c, results[i]!, input.checks))));
  const dimensions = [...dimSet].sort((a, b) => {
    const ia = DIMENSION_ORDER.indexOf(a);
    const ib = DIMENSION_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const rows: SummaryRowView[] = results.map((r, i) => {
    const perDim = dimensions.map(() => 0);
    for (const c of failedChecks[i]!) perDim[dimensions.indexOf(dimensionOf(c, r, input.checks))]! += 1;
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
      failedTotal: failedChecks[i]!.size,
    };
  });
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.department.localeCompare(b.department, 'zh-Hans-CN'));
  // Common problems count departments, not files: a resubmitted report must not count twice.
  const unitKey = (r: AuditResult): string => r.report?.department?.trim() || `file:${r.file}`;
  const perCheck = new Map<string, Set<string>>();
  failedChecks.forEach((set, i) => {
    for (const c of set) perCheck.set(c, (perCheck.get(c) ?? new Set<string>()).add(unitKey(results[i]!)));
  });
  const audited = new Set(results.filter((r) => r.report !== null).map(unitKey)).size;
  const common: CommonProblemView[] = [...perCheck.entries()]
    .map(([check, units]): [string, number] => [check, units.size])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([check, n]) => ({
      check,
      title: checkInfo(check, input.checks).title,
      dimension: checkInfo(check, input.checks).dimension ?? UNSCORED_DIMENSION,
      departments: n,
      share: audited > 0 ? `${Math.round((n / audited) * 100)}%` : '—',
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
