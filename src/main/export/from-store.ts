/**
 * A year's audits as stored by the app (src/main/store), in the shape writeOutputs takes:
 * the latest version of each department's report with its current audit, reviewer decisions,
 * import times, and the roster's departments without a report (未报送).
 */
import type { ReviewerDecision } from '../../shared/api.ts';
import type { AuditResult, SourceFormat } from '../../shared/model.ts';
import type { Store } from '../store/store.ts';
import { reanchorDecisions } from '../engine.ts';

export interface StoredYear {
  results: AuditResult[];
  importedAt: Record<string, string>;
  decisions: Record<string, ReviewerDecision[]>;
  missing: string[];
}

const FORMATS: readonly string[] = ['txt', 'docx', 'pdf', 'html', 'doc'];

export async function loadYearFromStore(store: Store, year: number): Promise<StoredYear> {
  const rows = await store.reports.summaries({ year, latestOnly: true });
  const results: AuditResult[] = [];
  const importedAt: Record<string, string> = {};
  const decisions: Record<string, ReviewerDecision[]> = {};
  for (const row of rows) {
    const rep = await store.reports.row(row.reportId);
    if (!rep) continue;
    const file = await store.files.byId(rep.fileId);
    if (!file) continue;
    const model = await store.reports.model(rep.id);
    // The office may have renamed or merged the department since import: print the stored name.
    const report = model ? { ...model, department: row.department ?? model.department, pages: model.pages ?? file.pages ?? undefined } : null;
    const auditId = rep.currentAuditId;
    const findings = auditId !== null ? await store.audits.findings(auditId) : [];
    results.push({
      file: file.path,
      sha256: file.sha256,
      format: file.format !== null && FORMATS.includes(file.format) ? (file.format as SourceFormat) : null,
      size: file.size,
      error: file.error,
      ...(file.errorCode ? { errorCode: file.errorCode } : {}),
      report,
      findings,
      score: auditId !== null ? await store.audits.score(auditId) : null,
    });
    importedAt[file.path] = rep.importedAt;
    // Decisions point at the findings printed: re-anchored after checks ran again, as the app shows them.
    decisions[file.path] = reanchorDecisions(findings, await store.reviews.decisions(rep.id));
  }
  const reported = new Set(rows.map((r) => r.departmentId).filter((id): id is number => id !== null));
  const missing = (await store.roster.forYear(year))
    .filter((r) => !reported.has(r.departmentId))
    .map((r) => r.department);
  return { results, importedAt, decisions, missing };
}
