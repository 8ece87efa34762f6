/** Audit runs, audits (the scores) and their findings. */
import type { Evidence, Finding, ScoreResult, Severity, Verdict } from '../../shared/model.ts';
import { nowIso, parseJson, type Sql } from './sql.ts';
import type { AuditInput, RunInput } from './store.ts';

export async function createRun(sql: Sql, run: RunInput): Promise<number> {
  const row = await sql.get<{ id: number }>(
    'INSERT INTO audit_runs (kind, rubric_id, rubric_version, engine_version, started_at) VALUES (?, ?, ?, ?, ?) RETURNING id',
    [run.kind, run.rubricId, run.rubricVersion, run.engineVersion, nowIso()],
  );
  return row!.id;
}

const FINDING_COLUMNS = ['audit_id', 'idx', 'check_id', 'status', 'severity', 'message', 'evidence_json', 'deduction', 'measure', 'kind'] as const;

/** Store one audit with its findings and make it the report's current one. Call inside a transaction. */
export async function insertAudit(sql: Sql, reportId: number, runId: number, a: AuditInput): Promise<number> {
  const row = await sql.get<{ id: number }>(
    `INSERT INTO audits (report_id, run_id, score, grade, veto, late, failed, uncertain, failed_by_category, score_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      reportId,
      runId,
      a.score?.score ?? null,
      a.score?.grade ?? null,
      a.score?.veto ?? null,
      a.late === null ? null : a.late ? 1 : 0,
      a.failed,
      a.uncertain,
      JSON.stringify(a.failedCounts),
      a.score ? JSON.stringify(a.score) : null,
      nowIso(),
    ],
  );
  const auditId = row!.id;
  await sql.insertMany(
    'findings',
    FINDING_COLUMNS,
    a.findings.map((f, i) => [auditId, i, f.check, f.status, f.severity, f.message, JSON.stringify(f.evidence), f.deduction, f.measure ?? null, f.kind ?? null]),
  );
  await sql.run('UPDATE reports SET current_audit_id = ? WHERE id = ?', [auditId, reportId]);
  return auditId;
}

interface RawFinding {
  check_id: string;
  status: Verdict;
  severity: Severity;
  message: string;
  evidence_json: string;
  deduction: number;
  measure: number | null;
  kind: string | null;
}

export async function findingsOfAudit(sql: Sql, auditId: number): Promise<Finding[]> {
  const rows = await sql.all<RawFinding>(
    'SELECT check_id, status, severity, message, evidence_json, deduction, measure, kind FROM findings WHERE audit_id = ? ORDER BY idx',
    [auditId],
  );
  return rows.map((r) => {
    const f: Finding = {
      check: r.check_id,
      status: r.status,
      severity: r.severity,
      message: r.message,
      evidence: JSON.parse(r.evidence_json) as Evidence[],
      deduction: r.deduction,
    };
    if (r.measure !== null) f.measure = r.measure;
    if (r.kind !== null) f.kind = r.kind;
    return f;
  });
}

export async function scoreOfAudit(sql: Sql, auditId: number): Promise<ScoreResult | null> {
  const row = await sql.get<{ json: string | null }>('SELECT score_json AS json FROM audits WHERE id = ?', [auditId]);
  return parseJson<ScoreResult>(row?.json);
}

export async function markPendingRefresh(sql: Sql, reportId: number): Promise<void> {
  await sql.run('INSERT INTO pending_refresh (report_id) VALUES (?) ON CONFLICT (report_id) DO NOTHING', [reportId]);
}

export async function pendingRefresh(sql: Sql): Promise<number[]> {
  return (await sql.all<{ report_id: number }>('SELECT report_id FROM pending_refresh ORDER BY report_id')).map((r) => Number(r.report_id));
}

/** In chunks, so a 5,000-report import stays under the databases' parameter limits. */
export async function clearPendingRefresh(sql: Sql, reportIds: readonly number[]): Promise<void> {
  for (let i = 0; i < reportIds.length; i += 500) {
    const chunk = reportIds.slice(i, i + 500);
    await sql.run(`DELETE FROM pending_refresh WHERE report_id IN (${chunk.map(() => '?').join(', ')})`, chunk);
  }
}

export async function firstAuditOf(sql: Sql, reportId: number): Promise<number | null> {
  const row = await sql.get<{ id: number | null }>('SELECT MIN(id) AS id FROM audits WHERE report_id = ?', [reportId]);
  return row?.id ?? null;
}
