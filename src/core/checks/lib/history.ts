/** Context of the cross-year checks: last year's report of the same department, if usable. */
import type { Report } from '../../../shared/model.ts';
import type { CheckContext, RelatedReport } from '../types.ts';

export function previousReport(report: Report, context: CheckContext): { prev: RelatedReport | null; why: string } {
  const prev = context.previous;
  if (!prev) return { prev: null, why: '没有同一单位上一年度的年报，无法进行跨年比较' };
  if (report.year !== null && prev.year !== null && prev.year !== report.year - 1) {
    return { prev: null, why: `对比年报为${prev.year}年度，不是上一年度（${report.year - 1}），不作比较` };
  }
  return { prev, why: '' };
}

export function otherOf(prev: RelatedReport): { department: string | null; file: string; year: number | null } {
  return { department: prev.department, file: prev.file, year: prev.year };
}
