/**
 * The region's own statistics: tables 二, 三 and 四 summed over its departments' reports (the latest
 * version of each, with the reviewer's corrections applied by the caller). A department whose tables
 * cannot be added up honestly is left out with its reason, never counted as zeros.
 */
import type { CellValue, Report, ReportTables } from '../../shared/model.ts';
import { ACTIVE_2021, REQUESTS_SIZE, REVIEW_SIZE } from '../../shared/template/index.ts';
import type { CellContribution, Rollup, RollupExclusion, RollupTables } from '../../shared/rollup.ts';

export type { CellContribution, Rollup, RollupExclusion, RollupTables } from '../../shared/rollup.ts';

export interface RollupMember {
  /** The department as the office names it. */
  department: string;
  /** Its report (latest version, corrections applied); null when it did not submit one. */
  report: Report | null;
  reportId?: number;
}


/** Why a report's tables cannot be added to the region's, or null when they can. */
export function exclusionReason(report: Report | null): string | null {
  if (!report) return '未报送年度报告';
  if (report.generation !== '2021') return report.generation === '2019' ? '使用2019年试行格式，统计表与现行格式不能相加' : '使用2008年条例旧版格式，没有统一统计表';
  const { active, requests, review } = report.tables;
  const missing = [active ? null : '表二', requests ? null : '表三', review ? null : '表四'].filter((x): x is string => x !== null);
  if (missing.length > 0) return `未读取到统计表（${missing.join('、')}）`;
  if (active!.length !== ACTIVE_2021.size || requests!.length !== REQUESTS_SIZE.rows || review!.length !== REVIEW_SIZE) return '统计表行列数与模板不符';
  if ((report.runCuts ?? []).some((c) => c.status === 'ambiguous')) return '统计表有连写数字无法唯一拆分的单元格，待审核人员确认';
  const blanks = countBlanks(report.tables);
  if (blanks > 0) return `统计表有 ${blanks} 个空白或无法确定的单元格`;
  return null;
}

function countBlanks(tables: ReportTables): number {
  const flat: CellValue[] = [...(tables.active ?? []), ...(tables.requests ?? []).flat(), ...(tables.review ?? [])];
  return flat.filter((v) => v === null || !Number.isFinite(v)).length;
}

/** Sums in 万元 keep at most four decimals, so 0.1 + 0.2 prints as 0.3. */
function add(a: number, b: number): number {
  return Math.round((a + b) * 10_000) / 10_000;
}

function zeros(n: number): number[] {
  return Array.from({ length: n }, () => 0);
}

function lists(n: number): CellContribution[][] {
  return Array.from({ length: n }, () => []);
}

export function rollUp(year: number, members: readonly RollupMember[]): Rollup {
  const tables: RollupTables = {
    active: zeros(ACTIVE_2021.size),
    requests: Array.from({ length: REQUESTS_SIZE.rows }, () => zeros(REQUESTS_SIZE.cols)),
    review: zeros(REVIEW_SIZE),
  };
  const drillDown: Rollup['drillDown'] = {
    active: lists(ACTIVE_2021.size),
    requests: Array.from({ length: REQUESTS_SIZE.rows }, () => lists(REQUESTS_SIZE.cols)),
    review: lists(REVIEW_SIZE),
  };
  const included: string[] = [];
  const excluded: RollupExclusion[] = [];
  const byName = [...members].sort((a, b) => a.department.localeCompare(b.department, 'zh-Hans-CN'));
  for (const member of byName) {
    const reason = exclusionReason(member.report);
    if (reason !== null) {
      excluded.push({ name: member.department, reason });
      continue;
    }
    included.push(member.department);
    const t = member.report!.tables;
    const take = (value: CellValue, into: number[], at: number, who: CellContribution[]): void => {
      const v = value ?? 0;
      into[at] = add(into[at]!, v);
      if (v !== 0) who.push({ department: member.department, value: v });
    };
    t.active!.forEach((v, i) => take(v, tables.active, i, drillDown.active[i]!));
    t.requests!.forEach((row, r) => row.forEach((v, c) => take(v, tables.requests[r]!, c, drillDown.requests[r]![c]!)));
    t.review!.forEach((v, i) => take(v, tables.review, i, drillDown.review[i]!));
  }
  return { year, departments: members.length, included, excluded, tables, drillDown };
}
