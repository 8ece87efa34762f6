/** AuditorApi: reading reports (lists, the year's overview, one report's detail with its history). */
import type { AuditorApi, OverviewRow, ReportDetail, ReportSummary } from '../../shared/api.ts';
import type { AuditResult, Finding } from '../../shared/model.ts';
import type { Store, SummaryRow } from '../store/store.ts';
import { effectiveReport } from '../auditing.ts';
import { reanchorDecisions } from '../engine.ts';
import { ServiceError, guard } from './errors.ts';
import { correctionsToReview, fixedSincePrevious } from './versions.ts';

export function toSummary(r: SummaryRow): ReportSummary {
  return {
    reportId: r.reportId,
    departmentId: r.departmentId,
    department: r.department,
    year: r.year,
    version: r.version,
    latest: r.latest,
    file: r.file,
    format: r.format,
    generation: r.generation,
    score: r.score,
    grade: r.grade,
    veto: r.veto,
    failed: r.failed ?? 0,
    failedByCheck: r.failedCounts?.byCheck ?? {},
    failedByDimension: r.failedCounts?.byDimension ?? {},
    uncertain: r.uncertain ?? 0,
    signedOn: r.signedOn,
    late: r.late,
    error: r.error,
    importedAt: r.importedAt,
  };
}

export async function summaryOf(store: Store, reportId: number): Promise<ReportSummary> {
  const row = (await store.reports.summaries({ reportId }))[0];
  if (!row) throw new ServiceError('not-found', `报告不存在（编号 ${reportId}）`);
  return toSummary(row);
}

/** The current audit of a stored report, after the reviewer's corrections. */
export async function auditResultOf(store: Store, reportId: number): Promise<AuditResult> {
  const row = await store.reports.row(reportId);
  if (!row) throw new ServiceError('not-found', `报告不存在（编号 ${reportId}）`);
  const file = (await store.files.byId(row.fileId))!;
  const report = await effectiveReport(store, reportId);
  // The office may have renamed or merged the department since import: show and print the stored name,
  // as `ogi export` does (export/from-store.ts).
  const department = row.departmentId !== null ? ((await store.departments.get(row.departmentId))?.name ?? null) : null;
  const result: AuditResult = {
    file: file.path,
    sha256: file.sha256,
    format: (file.format as AuditResult['format']) ?? null,
    size: file.size,
    error: file.error,
    report: report && department ? { ...report, department } : report,
    findings: row.currentAuditId ? await store.audits.findings(row.currentAuditId) : [],
    score: row.currentAuditId ? await store.audits.score(row.currentAuditId) : null,
  };
  if (file.errorCode) result.errorCode = file.errorCode;
  return result;
}

export async function reportDetail(store: Store, reportId: number): Promise<ReportDetail> {
  const summary = await summaryOf(store, reportId);
  const row = (await store.reports.row(reportId))!;
  const result = await auditResultOf(store, reportId);
  const versions = await store.reports.versions(row.departmentId, row.year, reportId);
  const stored = await store.reviews.decisions(reportId);
  const corrections = await store.reviews.corrections(reportId);
  return {
    summary,
    result,
    // Decisions point at the findings of the audit shown: re-anchored after checks ran again
    // (a decision whose finding is gone keeps its record, with findingIndex -1).
    decisions: reanchorDecisions(result.findings, stored),
    corrections,
    comment: await store.reviews.comment(reportId),
    revision: stored.length + corrections.length,
    versions,
    fixedSincePrevious: await fixedSincePrevious(store, reportId, result.findings),
    correctionsToReview: await correctionsToReview(store, reportId),
    previousYearReportId: row.departmentId !== null && row.year !== null ? await store.reports.latestId(row.departmentId, row.year - 1) : null,
  };
}

export function reportApi(store: Store): Pick<AuditorApi, 'listYears' | 'listReports' | 'overview' | 'getReport' | 'changeStamp'> {
  return {
    listYears: () => guard(() => store.reports.years()),

    listReports: (input) => guard(async () => (await store.reports.summaries(input)).map(toSummary)),

    overview: (input) =>
      guard(async () => {
        const rows: OverviewRow[] = [];
        const latest = await store.reports.summaries({ year: input.year, latestOnly: true });
        const byDepartment = new Map<number, SummaryRow>();
        for (const r of latest) if (r.departmentId !== null) byDepartment.set(r.departmentId, r);
        const onRoster = new Set<number>();
        for (const entry of await store.roster.forYear(input.year)) {
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

    getReport: (input) => guard(() => reportDetail(store, input.reportId)),

    changeStamp: () => guard(async () => ({ stamp: await store.reviews.changeStamp() })),
  };
}
