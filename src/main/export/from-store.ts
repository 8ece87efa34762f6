/**
 * A year's audits as stored by the app (src/main/store), in the shape writeOutputs takes:
 * the latest version of each department's report with its current audit, reviewer decisions,
 * import times, and the roster's departments without a report (未报送).
 */
import type { CellCorrection, ReviewerComment, ReviewerDecision } from '../../shared/api.ts';
import type { AuditResult, SourceFormat } from '../../shared/model.ts';
import type { Store } from '../store/store.ts';
import { applyCorrections, reanchorDecisions } from '../engine.ts';

export interface StoredYear {
  results: AuditResult[];
  importedAt: Record<string, string>;
  decisions: Record<string, ReviewerDecision[]>;
  /** The reviewer's cell corrections (already applied to each result's report) and overall comment, per file. */
  corrections: Record<string, CellCorrection[]>;
  comments: Record<string, ReviewerComment>;
  missing: string[];
}

const FORMATS: readonly string[] = ['txt', 'docx', 'pdf', 'html', 'doc'];

export async function loadYearFromStore(store: Store, year: number): Promise<StoredYear> {
  const rows = await store.reports.summaries({ year, latestOnly: true });
  const results: AuditResult[] = [];
  const importedAt: Record<string, string> = {};
  const decisions: Record<string, ReviewerDecision[]> = {};
  const corrections: Record<string, CellCorrection[]> = {};
  const comments: Record<string, ReviewerComment> = {};
  for (const row of rows) {
    const rep = await store.reports.row(row.reportId);
    if (!rep) continue;
    const file = await store.files.byId(rep.fileId);
    if (!file) continue;
    const model = await store.reports.model(rep.id);
    // The tables as the reviewer corrected them, as the checks saw them and the screen shows them.
    const corrected = await store.reviews.corrections(rep.id);
    const effective = model ? applyCorrections(model, corrected) : null;
    // The office may have renamed or merged the department since import: print the stored name.
    const report = effective ? { ...effective, department: row.department ?? effective.department, pages: effective.pages ?? file.pages ?? undefined } : null;
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
    if (corrected.length > 0) corrections[file.path] = corrected;
    const comment = await store.reviews.comment(rep.id);
    if (comment) comments[file.path] = comment;
  }
  const reported = new Set(rows.map((r) => r.departmentId).filter((id): id is number => id !== null));
  const missing = (await store.roster.forYear(year))
    .filter((r) => !reported.has(r.departmentId))
    .map((r) => r.department);
  return { results, importedAt, decisions, corrections, comments, missing };
}
