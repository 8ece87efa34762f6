/**
 * Files, blobs, reports, audits (scores) and findings. The importer writes one file + report + audit in a
 * single transaction (see writeImportedReport), so a crash never leaves half a report behind.
 */
import type { CellValue, Evidence, Finding, Generation, Report, ScoreResult, Severity, TableId, Verdict } from '../../shared/model.ts';
import type { CellCorrection, ReviewerDecision } from '../../shared/api.ts';
import type { Db } from './db.ts';
import { nowIso, stmt } from './db.ts';

// ---------- files and blobs ----------

export interface FileRow {
  id: number;
  path: string;
  name: string;
  size: number;
  sha256: string;
  format: string | null;
  error: string | null;
  errorCode: string | null;
  pages: number | null;
  importedAt: string;
}

const FILE_COLUMNS =
  'id, path, name, size, sha256, format, error, error_code AS errorCode, pages, imported_at AS importedAt';

export function fileBySha(db: Db, sha256: string): FileRow | null {
  return (stmt(db, `SELECT ${FILE_COLUMNS} FROM files WHERE sha256 = ?`).get(sha256) as FileRow | undefined) ?? null;
}

export function fileById(db: Db, id: number): FileRow | null {
  return (stmt(db, `SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`).get(id) as FileRow | undefined) ?? null;
}

/** The exact bytes that were imported (content-addressed). */
export function blobBytes(db: Db, sha256: string): Buffer | null {
  const row = stmt(db, 'SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}

export interface FileInput {
  path: string;
  name: string;
  size: number;
  sha256: string;
  format: string | null;
  error: string | null;
  errorCode: string | null;
  pages: number | null;
  bytes: Uint8Array;
}

function insertFile(db: Db, f: FileInput): number {
  stmt(db, 'INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT(sha256) DO NOTHING').run(
    f.sha256,
    f.size,
    Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
  );
  const info = stmt(db,
      `INSERT INTO files (path, name, size, sha256, format, error, error_code, pages, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(f.path, f.name, f.size, f.sha256, f.format, f.error, f.errorCode, f.pages, nowIso());
  return Number(info.lastInsertRowid);
}

// ---------- reports ----------

export interface ReportInput {
  departmentId: number | null;
  departmentText: string | null;
  year: number | null;
  generation: Generation | null;
  signedOn: string | null;
  report: Report | null;
  fingerprint: unknown;
}

export interface ReportRow {
  id: number;
  fileId: number;
  departmentId: number | null;
  departmentText: string | null;
  year: number | null;
  version: number;
  generation: Generation | null;
  signedOn: string | null;
  importedAt: string;
  currentAuditId: number | null;
}

const REPORT_COLUMNS = `id, file_id AS fileId, department_id AS departmentId, department_text AS departmentText, year, version,
  generation, signed_on AS signedOn, imported_at AS importedAt, current_audit_id AS currentAuditId`;

export function reportRow(db: Db, id: number): ReportRow | null {
  return (stmt(db, `SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined) ?? null;
}

/** The report model as read from the file (before corrections). */
export function reportModel(db: Db, id: number): Report | null {
  const row = stmt(db, 'SELECT report_json FROM reports WHERE id = ?').get(id) as { report_json: string | null } | undefined;
  return row?.report_json ? (JSON.parse(row.report_json) as Report) : null;
}

export function reportFingerprint<T>(db: Db, id: number): T | null {
  const row = stmt(db, 'SELECT fingerprint_json FROM reports WHERE id = ?').get(id) as { fingerprint_json: string | null } | undefined;
  return row?.fingerprint_json ? (JSON.parse(row.fingerprint_json) as T) : null;
}

function nextVersion(db: Db, departmentId: number | null, year: number | null): number {
  if (departmentId === null) return 1;
  const row = stmt(db, 'SELECT MAX(version) AS v FROM reports WHERE department_id = ? AND year IS ?').get(departmentId, year) as {
    v: number | null;
  };
  return (row.v ?? 0) + 1;
}

function insertReport(db: Db, fileId: number, r: ReportInput): { id: number; version: number } {
  const version = nextVersion(db, r.departmentId, r.year);
  const info = stmt(db,
      `INSERT INTO reports (file_id, department_id, department_text, year, version, generation, signed_on, report_json, fingerprint_json, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fileId,
      r.departmentId,
      r.departmentText,
      r.year,
      version,
      r.generation,
      r.signedOn,
      r.report ? JSON.stringify(r.report) : null,
      r.fingerprint === undefined || r.fingerprint === null ? null : JSON.stringify(r.fingerprint),
      nowIso(),
    );
  return { id: Number(info.lastInsertRowid), version };
}

/** Latest version of each department's report for a year (peers), optionally excluding one department. */
export function latestReportIdsForYear(db: Db, year: number): { id: number; departmentId: number | null }[] {
  return stmt(db,
      `SELECT r.id, r.department_id AS departmentId FROM reports r
       WHERE r.year = ? AND r.report_json IS NOT NULL
         AND (r.department_id IS NULL OR r.version = (SELECT MAX(x.version) FROM reports x WHERE x.department_id = r.department_id AND x.year = r.year))
       ORDER BY r.id`,
    )
    .all(year) as { id: number; departmentId: number | null }[];
}

/** The latest version of a department's report for a year, or null. */
export function latestReportId(db: Db, departmentId: number, year: number): number | null {
  const row = stmt(db, 'SELECT id FROM reports WHERE department_id = ? AND year = ? AND report_json IS NOT NULL ORDER BY version DESC LIMIT 1')
    .get(departmentId, year) as { id: number } | undefined;
  return row?.id ?? null;
}

export function versionsOf(db: Db, departmentId: number | null, year: number | null, reportId: number) {
  if (departmentId === null) {
    return stmt(db, 'SELECT r.id AS reportId, r.version, r.imported_at AS importedAt, a.score FROM reports r LEFT JOIN audits a ON a.id = r.current_audit_id WHERE r.id = ?').all(reportId) as {
      reportId: number;
      version: number;
      importedAt: string;
      score: number | null;
    }[];
  }
  return stmt(db,
      `SELECT r.id AS reportId, r.version, r.imported_at AS importedAt, a.score FROM reports r
       LEFT JOIN audits a ON a.id = r.current_audit_id
       WHERE r.department_id = ? AND r.year IS ? ORDER BY r.version`,
    )
    .all(departmentId, year) as { reportId: number; version: number; importedAt: string; score: number | null }[];
}

// ---------- audit runs, audits, findings ----------

export interface RunInput {
  kind: 'import' | 'review' | 'rescore' | 'peer-refresh';
  rubricId: string;
  rubricVersion: number;
  engineVersion: string;
}

export function createRun(db: Db, run: RunInput): number {
  const info = stmt(db, 'INSERT INTO audit_runs (kind, rubric_id, rubric_version, engine_version, started_at) VALUES (?, ?, ?, ?, ?)')
    .run(run.kind, run.rubricId, run.rubricVersion, run.engineVersion, nowIso());
  return Number(info.lastInsertRowid);
}

export interface AuditInput {
  findings: Finding[];
  score: ScoreResult | null;
  late: boolean | null;
  failed: number;
  uncertain: number;
  failedByCategory: Record<string, number>;
}

/** Store one audit with its findings and make it the report's current one. Call inside a transaction. */
export function insertAudit(db: Db, reportId: number, runId: number, a: AuditInput): number {
  const info = stmt(db,
      `INSERT INTO audits (report_id, run_id, score, grade, veto, late, failed, uncertain, failed_by_category, score_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      reportId,
      runId,
      a.score?.score ?? null,
      a.score?.grade ?? null,
      a.score?.veto ?? null,
      a.late === null ? null : a.late ? 1 : 0,
      a.failed,
      a.uncertain,
      JSON.stringify(a.failedByCategory),
      a.score ? JSON.stringify(a.score) : null,
      nowIso(),
    );
  const auditId = Number(info.lastInsertRowid);
  const insert = stmt(db,
    `INSERT INTO findings (audit_id, idx, check_id, status, severity, message, evidence_json, deduction, measure, kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  a.findings.forEach((f, i) =>
    insert.run(auditId, i, f.check, f.status, f.severity, f.message, JSON.stringify(f.evidence), f.deduction, f.measure ?? null, f.kind ?? null),
  );
  stmt(db, 'UPDATE reports SET current_audit_id = ? WHERE id = ?').run(auditId, reportId);
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

export function findingsOfAudit(db: Db, auditId: number): Finding[] {
  const rows = stmt(db, 'SELECT check_id, status, severity, message, evidence_json, deduction, measure, kind FROM findings WHERE audit_id = ? ORDER BY idx')
    .all(auditId) as RawFinding[];
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

export function scoreOfAudit(db: Db, auditId: number): ScoreResult | null {
  const row = stmt(db, 'SELECT score_json FROM audits WHERE id = ?').get(auditId) as { score_json: string | null } | undefined;
  return row?.score_json ? (JSON.parse(row.score_json) as ScoreResult) : null;
}

// ---------- the import's one transaction ----------

export interface ImportedReportInput {
  file: FileInput;
  /** Called inside the transaction once the file row exists: resolves the department and builds the report row. */
  report: (db: Db) => ReportInput;
  /** Called inside the transaction with the new report's id and version: runs checks and scoring. */
  audit: (db: Db, reportId: number, version: number, input: ReportInput) => AuditInput;
  runId: number;
}

/** File + blob + report + audit + findings, all or nothing. `replaceFileId` retries a failed file in place. */
export function writeImportedReport(db: Db, input: ImportedReportInput, replaceFileId?: number): { reportId: number; version: number } {
  return db.transaction(() => {
    let fileId: number;
    if (replaceFileId !== undefined) {
      retireFile(db, replaceFileId);
      fileId = insertFile(db, input.file);
    } else {
      fileId = insertFile(db, input.file);
    }
    const reportInput = input.report(db);
    const { id, version } = insertReport(db, fileId, reportInput);
    const audit = input.audit(db, id, version, reportInput);
    insertAudit(db, id, input.runId, audit);
    return { reportId: id, version };
  }).immediate();
}

/**
 * A file that failed for a transient reason (worker crash, timeout) is imported again: its old rows go,
 * since they hold no reviewer work (decisions need a readable report).
 */
function retireFile(db: Db, fileId: number): void {
  const reports = stmt(db, 'SELECT id FROM reports WHERE file_id = ?').all(fileId) as { id: number }[];
  for (const r of reports) {
    const hasWork = stmt(db, 'SELECT 1 FROM decisions WHERE report_id = ? UNION SELECT 1 FROM corrections WHERE report_id = ?').get(r.id, r.id);
    if (hasWork) throw new Error('已有审核记录的文件不能重新导入');
    stmt(db, 'UPDATE reports SET current_audit_id = NULL WHERE id = ?').run(r.id);
    const audits = stmt(db, 'SELECT id FROM audits WHERE report_id = ?').all(r.id) as { id: number }[];
    for (const a of audits) stmt(db, 'DELETE FROM findings WHERE audit_id = ?').run(a.id);
    stmt(db, 'DELETE FROM audits WHERE report_id = ?').run(r.id);
    stmt(db, 'DELETE FROM reports WHERE id = ?').run(r.id);
  }
  stmt(db, 'DELETE FROM files WHERE id = ?').run(fileId);
}

// ---------- summaries ----------

export interface SummaryRow {
  reportId: number;
  departmentId: number | null;
  department: string | null;
  year: number | null;
  version: number;
  latest: number;
  file: string;
  format: string | null;
  generation: Generation | null;
  score: number | null;
  grade: string | null;
  veto: string | null;
  failed: number | null;
  failedByCategory: string | null;
  uncertain: number | null;
  signedOn: string | null;
  late: number | null;
  error: string | null;
  importedAt: string;
}

const SUMMARY_SELECT = `
SELECT r.id AS reportId, r.department_id AS departmentId, COALESCE(d.name, r.department_text) AS department, r.year, r.version,
  (r.department_id IS NULL OR r.version = (SELECT MAX(x.version) FROM reports x WHERE x.department_id = r.department_id AND x.year IS r.year)) AS latest,
  f.path AS file, f.format, r.generation, a.score, a.grade, a.veto, a.failed, a.failed_by_category AS failedByCategory, a.uncertain,
  r.signed_on AS signedOn, a.late, f.error, r.imported_at AS importedAt
FROM reports r
JOIN files f ON f.id = r.file_id
LEFT JOIN departments d ON d.id = r.department_id
LEFT JOIN audits a ON a.id = r.current_audit_id`;

export function summaries(db: Db, filter: { year?: number; latestOnly?: boolean; departmentId?: number; reportId?: number } = {}): SummaryRow[] {
  const where: string[] = [];
  const params: (number | string)[] = [];
  if (filter.year !== undefined) {
    where.push('r.year = ?');
    params.push(filter.year);
  }
  if (filter.departmentId !== undefined) {
    where.push('r.department_id = ?');
    params.push(filter.departmentId);
  }
  if (filter.reportId !== undefined) {
    where.push('r.id = ?');
    params.push(filter.reportId);
  }
  let sql = SUMMARY_SELECT + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  if (filter.latestOnly) sql = `SELECT * FROM (${sql}) WHERE latest = 1`;
  sql += ' ORDER BY year DESC, department, version';
  return stmt(db, sql).all(...params) as SummaryRow[];
}

export function listYears(db: Db): number[] {
  const rows = stmt(db, 'SELECT year FROM reports WHERE year IS NOT NULL UNION SELECT year FROM roster ORDER BY year DESC')
    .all() as { year: number }[];
  return rows.map((r) => r.year);
}

/** Ids of the latest version of every report (all years), for rescoring. */
export function latestReportIds(db: Db): number[] {
  return (
    stmt(db,
        `SELECT r.id FROM reports r WHERE r.department_id IS NULL
           OR r.version = (SELECT MAX(x.version) FROM reports x WHERE x.department_id = r.department_id AND x.year IS r.year)
         ORDER BY r.id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

export function countReports(db: Db): number {
  return (stmt(db, 'SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
}

// ---------- decisions and corrections ----------

/** A stored reviewer decision: the same shape the API returns. */
export type DecisionRow = ReviewerDecision;

export function decisionsOf(db: Db, reportId: number): DecisionRow[] {
  return stmt(db,
      `SELECT id, finding_index AS findingIndex, check_id AS "check", message, action, reason, reviewer, at
       FROM decisions WHERE report_id = ? ORDER BY id`,
    )
    .all(reportId) as DecisionRow[];
}

export function insertDecision(
  db: Db,
  reportId: number,
  d: Omit<ReviewerDecision, 'id' | 'at'>,
): number {
  const info = stmt(db,
      'INSERT INTO decisions (report_id, finding_index, check_id, message, action, reason, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(reportId, d.findingIndex, d.check, d.message, d.action, d.reason.trim(), d.reviewer.trim(), nowIso());
  return Number(info.lastInsertRowid);
}

/** A stored cell correction: the same shape the API returns. */
export type CorrectionRow = CellCorrection;

export function correctionsOf(db: Db, reportId: number): CorrectionRow[] {
  return stmt(db,
      `SELECT id, table_id AS "table", row, col, before_value AS before, value, reviewer, reason, at
       FROM corrections WHERE report_id = ? ORDER BY id`,
    )
    .all(reportId) as CorrectionRow[];
}

export function insertCorrection(
  db: Db,
  reportId: number,
  c: { table: TableId; row: number; col: number; before: CellValue; value: CellValue; reviewer: string; reason: string },
): number {
  const info = stmt(db,
      'INSERT INTO corrections (report_id, table_id, row, col, before_value, value, reviewer, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(reportId, c.table, c.row, c.col, c.before, c.value, c.reviewer.trim(), c.reason.trim(), nowIso());
  return Number(info.lastInsertRowid);
}
