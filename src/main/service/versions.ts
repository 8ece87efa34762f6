/**
 * A new version of a report (the department sent its report again): the reviewer's corrections of the
 * previous version are carried over where the cell still holds the value the reviewer corrected, and listed
 * for re-review where the department changed that cell; 已整改 counts only problems the department fixed.
 */
import type { CellCorrection, ReportDetail } from '../../shared/api.ts';
import type { Finding } from '../../shared/model.ts';
import { cellKey, cellValueAt } from '../../shared/template/index.ts';
import type { Store } from '../store/store.ts';
import type { CheckRunner } from '../auditing.ts';
import { reauditSaved } from './review.ts';

/** The version before this report's (same department and year), if any. */
async function previousVersion(store: Store, reportId: number): Promise<{ reportId: number; version: number } | null> {
  const row = await store.reports.row(reportId);
  if (!row || row.departmentId === null || row.year === null) return null;
  const versions = await store.reports.versions(row.departmentId, row.year, reportId);
  return versions.filter((v) => v.version < row.version).at(-1) ?? null;
}

/** The correction in force per cell (the last made). */
function latestPerCell(corrections: readonly CellCorrection[]): CellCorrection[] {
  const byCell = new Map<string, CellCorrection>();
  for (const c of corrections) byCell.set(cellKey(c.cell), c);
  return [...byCell.values()];
}

const CARRIED = /^沿用第\d+版的更正：/;

/**
 * Carry the previous version's corrections over to a newly imported version: a cell that still holds the
 * value that was read (and corrected) gets the same correction, with who made it and why; then the report is
 * audited again. Cells the department changed are left as sent (see correctionsToReview). Nothing is done
 * when the new version already has corrections (an import run again).
 */
export async function carryOverCorrections(store: Store, reportId: number, runner: CheckRunner): Promise<number> {
  const previous = await previousVersion(store, reportId);
  if (!previous) return 0;
  if ((await store.reviews.corrections(reportId)).length > 0) return 0;
  const report = await store.reports.model(reportId);
  if (!report) return 0;
  let carried = 0;
  await store.transaction(async (tx) => {
    for (const c of latestPerCell(await tx.reviews.corrections(previous.reportId))) {
      const now = cellValueAt(report.tables, c.cell);
      if (now === undefined || now !== c.before || now === c.value) continue;
      const reason = CARRIED.test(c.reason) ? c.reason : `沿用第${previous.version}版的更正：${c.reason}`;
      await tx.reviews.insertCorrection(reportId, { cell: c.cell, before: now, value: c.value, reviewer: c.reviewer, reason });
      carried++;
    }
  });
  if (carried > 0) await reauditSaved(store, reportId, runner, '沿用上一版的更正');
  return carried;
}

/** The previous version's corrections of cells the department has since changed (to another value than the correction's). */
export async function correctionsToReview(store: Store, reportId: number): Promise<ReportDetail['correctionsToReview']> {
  const previous = await previousVersion(store, reportId);
  if (!previous) return [];
  const report = await store.reports.model(reportId);
  if (!report) return [];
  const out: ReportDetail['correctionsToReview'] = [];
  for (const c of latestPerCell(await store.reviews.corrections(previous.reportId))) {
    const now = cellValueAt(report.tables, c.cell);
    if (now === undefined || now === c.before || now === c.value) continue;
    out.push({ cell: c.cell, read: c.before, corrected: c.value, now, reviewer: c.reviewer, reason: c.reason, version: previous.version });
  }
  return out;
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

const failing = (findings: readonly Finding[]): Set<string> => new Set(findings.filter((f) => f.status === 'fail').map(findingKey));

async function findingsOf(store: Store, auditId: number | null): Promise<Finding[]> {
  return auditId === null ? [] : store.audits.findings(auditId);
}

/**
 * 已整改: failures of the previous version (as reviewed: dismissed ones were no problems) that the department
 * fixed. Not a failure that only a reviewer's correction of this version made go away (it is still in this
 * version as sent), nor one that only a reviewer's correction of the previous version brought about (it was
 * not in that version as sent).
 */
export async function fixedSincePrevious(store: Store, reportId: number, current: readonly Finding[]): Promise<ReportDetail['fixedSincePrevious']> {
  const previous = await previousVersion(store, reportId);
  if (!previous) return [];
  const prevRow = await store.reports.row(previous.reportId);
  const prevFindings = await findingsOf(store, prevRow?.currentAuditId ?? null);
  const dismissed = new Set((await store.reviews.decisions(previous.reportId)).filter((d) => d.action === 'dismiss').map((d) => `${d.check}\u0000${d.message}`));
  const prevAsSent = failing(await findingsOf(store, await store.audits.firstOf(previous.reportId)));
  const prevCorrected = (await store.reviews.corrections(previous.reportId)).length > 0;
  const stillFailing = failing(current);
  const asSentNow = failing(await findingsOf(store, await store.audits.firstOf(reportId)));
  return prevFindings
    .filter((f) => f.status === 'fail' && !dismissed.has(`${f.check}\u0000${f.message}`))
    .filter((f) => !stillFailing.has(findingKey(f)) && !asSentNow.has(findingKey(f)))
    .filter((f) => !(prevCorrected && f.evidence.some((e) => e.table !== undefined) && !prevAsSent.has(findingKey(f))))
    .map((f) => ({ check: f.check, message: f.message }));
}
