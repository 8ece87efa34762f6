/**
 * 常见问题 on the overview: which checks fail in most of the year's departments, with how many departments and
 * findings — counted by the shared function the printed summary uses (src/shared/problem-counts.ts), so the
 * numbers are the summary's. Picking one filters the overview to the departments that have it.
 */
import { useMemo } from 'react';
import type { OverviewRow, ReportSummary } from '../../shared/api.ts';
import { commonProblems, unitKey, type CommonProblem } from '../../shared/problem-counts.ts';

/** The year's common problems from the overview's rows and the year's reports whose department is not recognised. */
export function yearCommonProblems(rows: readonly OverviewRow[], unassigned: readonly ReportSummary[]): CommonProblem[] {
  const reports = [...rows.flatMap((row) => (row.report ? [{ ...row.report, department: row.department }] : [])), ...unassigned];
  return commonProblems(reports.map((r) => ({ unit: unitKey(r.department, r.file), failed: { byCheck: r.failedByCheck, byDimension: r.failedByDimension } })));
}

export function CommonProblemsPanel({ problems, selected, onSelect, limit = 8 }: { problems: CommonProblem[]; selected: string; onSelect: (check: string) => void; limit?: number }) {
  const shown = useMemo(() => {
    const top = problems.slice(0, limit);
    const picked = problems.find((p) => p.check === selected);
    return picked && !top.includes(picked) ? [...top, picked] : top;
  }, [problems, selected, limit]);
  if (problems.length === 0) return null;
  return (
    <section className="card common-problems" aria-label="常见问题">
      <h2>
        常见问题 <span className="muted">（各单位未通过最多的检查项，点击只看有该问题的单位）</span>
      </h2>
      <ol>
        {shown.map((p) => (
          <li key={p.check}>
            <button type="button" className={p.check === selected ? 'problem active' : 'problem'} aria-pressed={p.check === selected} data-check={p.check} onClick={() => onSelect(p.check === selected ? '' : p.check)}>
              <span className="problem-title">{p.title}</span>
              <span className="muted problem-dimension">{p.dimension}</span>
              <span className="problem-counts">
                {p.departments} 个单位 · {p.findings} 处
              </span>
            </button>
          </li>
        ))}
      </ol>
      {selected && (
        <button type="button" className="link" onClick={() => onSelect('')}>
          显示全部单位
        </button>
      )}
    </section>
  );
}
