/** AuditorApi: reading reports (lists, the year's overview, one report's detail with its history). */
import type { AuditorApi, OverviewRow, ReportDetail, ReportSummary } from '../../shared/api.ts';
import type { AuditResult, Finding } from '../../shared/model.ts';
import type { Db } from '../store/db.ts';
import { rosterForYear } from '../store/roster.ts';
import {
  correctionsOf,
  decisionsOf,
  fileById,
  findingsOfAudit,
  latestReportId,
  listYears as listStoredYears,
  reportRow,
  scoreOfAudit,
  summaries,
  versionsOf,
  type SummaryRow,
} from '../store/reports.ts';
import { effectiveReport } from '../auditing.ts';
import { reanchorDecisions } from '../engine.ts';
import { ServiceError, guard } from './errors.ts';

export function toSummary(r: SummaryRow): ReportSummary {
  return {
    reportId: r.reportId,
    departmentId: r.departmentId,
    department: r.department,
    year: r.year,
    version: r.version,
    latest: r.latest === 1,
    file: r.file,
    format: r.format,
    generation: r.generation,
    score: r.score,
    grade: r.grade,
    veto: r.veto,
    failed: r.failed ?? 0,
    failedByCategory: r.failedByCategory ? (JSON.parse(r.failedByCategory) as Record<string, number>) : {},
    uncertain: r.uncertain ?? 0,
    signedOn: r.signedOn,
    late: r.late === null ? null : r.late === 1,
    error: r.error,
    importedAt: r.importedAt,
  };
}

/** Same failure in two versions: same check at the same table cells (messages carry values that change). */
function findingKey(f: Finding): string {
  const cells = f.evidence
    .filter((e) => e.table !== undefined)
    .map((e) => `${e.table}:${e.row ?? ''}:${e.col ?? ''}`)
    .sort()
    .join(',');
  return `${f.check}|${cells}`;
}

export function summaryOf(db: Db, reportId: number): ReportSummary {
  const row = summaries(db, { reportId })[0];
  if (!row) throw new ServiceError('not-found', `报告不存在（编号 ${reportId}）`);
  return toSummary(row);
}

/** The current audit of a stored report, after the reviewer's corrections. */
export function auditResultOf(db: Db, reportId: number): AuditResult {
  const row = reportRow(db, reportId);
  if (!row) throw new ServiceError('not-found', `报告不存在（编号 ${reportId}）`);
  const file = fileById(db, row.fileId)!;
  const result: AuditResult = {
    file: file.path,
    sha256: file.sha256,
    format: (file.format as AuditResult['format']) ?? null,
    size: file.size,
    error: file.error,
    report: effectiveReport(db, reportId),
    findings: row.currentAuditId ? findingsOfAudit(db, row.currentAuditId) : [],
    score: row.currentAuditId ? scoreOfAudit(db, row.currentAuditId) : null,
  };
  if (file.errorCode) result.errorCode = file.errorCode;
  return result;
}

export function reportDetail(db: Db, reportId: number): ReportDetail {
  const summary = summaryOf(db, reportId);
  const row = reportRow(db, reportId)!;
  const result = auditResultOf(db, reportId);
  const versions = versionsOf(db, row.departmentId, row.year, reportId);
  const previous = versions.filter((v) => v.version < row.version).at(-1);
  let fixedSincePrevious: ReportDetail['fixedSincePrevious'] = [];
  if (previous) {
    const prevRow = reportRow(db, previous.reportId);
    const prevFindings = prevRow?.currentAuditId ? findingsOfAudit(db, prevRow.currentAuditId) : [];
    const stillFailing = new Set(result.findings.filter((f) => f.status === 'fail').map(findingKey));
    fixedSincePrevious = prevFindings
      .filter((f) => f.status === 'fail' && !stillFailing.has(findingKey(f)))
      .map((f) => ({ check: f.check, message: f.message }));
  }
  return {
    summary,
    result,
    // Decisions point at the findings of the audit shown: re-anchored after checks ran again
    // (a decision whose finding is gone keeps its record, with findingIndex -1).
    decisions: reanchorDecisions(result.findings, decisionsOf(db, reportId)),
    corrections: correctionsOf(db, reportId),
    versions,
    fixedSincePrevious,
    previousYearReportId: row.departmentId !== null && row.year !== null ? latestReportId(db, row.departmentId, row.year - 1) : null,
  };
}

export function reportApi(db: Db): Pick<AuditorApi, 'listYears' | 'listReports' | 'overview' | 'getReport'> {
  return {
    listYears: () => guard(() => listStoredYears(db)),

    listReports: (input) => guard(() => summaries(db, input).map(toSummary)),

    overview: (input) =>
      guard(() => {
        const rows: OverviewRow[] = [];
        const latest = summaries(db, { year: input.year, latestOnly: true });
        const byDepartment = new Map<number, SummaryRow>();
        for (const r of latest) if (r.departmentId !== null) byDepartment.set(r.departmentId, r);
        const onRoster = new Set<number>();
        for (const entry of rosterForYear(db, input.year)) {
          onRoster.add(entry.departmentId);
          const report = byDepartment.get(entry.departmentId);
          rows.push({
            departmentId: entry.departmentId,
            department: entry.department,
            year: input.year,
            report: report ? toSummary(report) : null,
            missing: !report,
          });
        }
        for (const [departmentId, report] of byDepartment) {
          if (onRoster.has(departmentId)) continue;
          rows.push({ departmentId, department: report.department ?? '', year: input.year, report: toSummary(report), missing: false });
        }
        return rows.sort((a, b) => a.department.localeCompare(b.department, 'zh-Hans-CN'));
      }),

    getReport: (input) => guard(() => reportDetail(db, input.reportId)),
  };
}
