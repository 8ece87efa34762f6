/**
 * Report versions and the lists built on them.
 */
import type { Report } from '../../shared/model.ts';
import type { FailedCounts } from '../../shared/problem-counts.ts';
import { nowIso, parseJson, type Sql } from './sql.ts';
import type { ReportInput, ReportRow, SummaryFilter, SummaryRow, VersionRow } from './store.ts';

const REPORT_COLUMNS = `id, file_id AS "fileId", department_id AS "departmentId", department_text AS "departmentText", year, version,
  generation, signed_on AS "signedOn", imported_at AS "importedAt", current_audit_id AS "currentAuditId"`;

export function reportRow(sql: Sql, id: number): Promise<ReportRow | null> {
  return sql.get<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`, [id]);
}

export async function reportModel(sql: Sql, id: number): Promise<Report | null> {
  const row = await sql.get<{ json: string | null }>('SELECT report_json AS json FROM reports WHERE id = ?', [id]);
  return parseJson<Report>(row?.json);
}

export async function reportFingerprint(sql: Sql, id: number): Promise<unknown> {
  const row = await sql.get<{ json: string | null }>('SELECT fingerprint_json AS json FROM reports WHERE id = ?', [id]);
  return parseJson<unknown>(row?.json);
}

/**
 * The next version of a department's report for a year. On PostgreSQL the department row stays locked to
 * the end of the transaction, so two reviewers importing at once never take the same number.
 */
async function nextVersion(sql: Sql, departmentId: number | null, year: number | null): Promise<number> {
  if (departmentId === null) return 1;
  // Lock first, then count in a second statement: a statement's snapshot is taken before it waits for the
  // lock, so one statement doing both would miss the version the other reviewer's import just committed.
  if (sql.dialect.forUpdate) await sql.get(`SELECT id FROM departments WHERE id = ?${sql.dialect.forUpdate}`, [departmentId]);
  const row = await sql.get<{ v: number | null }>('SELECT MAX(version) AS v FROM reports WHERE department_id = ? AND year IS NOT DISTINCT FROM ?', [
    departmentId,
    year,
  ]);
  return (row?.v ?? 0) + 1;
}

export async function insertReport(sql: Sql, fileId: number, r: ReportInput): Promise<{ id: number; version: number }> {
  const version = await nextVersion(sql, r.departmentId, r.year);
  const row = await sql.get<{ id: number }>(
    `INSERT INTO reports (file_id, department_id, department_text, year, version, generation, signed_on, report_json, fingerprint_json, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
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
    ],
  );
  return { id: row!.id, version };
}

export function latestReportIdsForYear(sql: Sql, year: number): Promise<{ id: number; departmentId: number | null }[]> {
  return sql.all(
    `SELECT r.id, r.department_id AS "departmentId" FROM reports r
     WHERE r.year = ? AND r.report_json IS NOT NULL
       AND (r.department_id IS NULL OR r.version = (SELECT MAX(x.version) FROM reports x WHERE x.department_id = r.department_id AND x.year = r.year))
     ORDER BY r.id`,
    [year],
  );
}

export async function latestReportId(sql: Sql, departmentId: number, year: number): Promise<number | null> {
  const row = await sql.get<{ id: number }>(
    'SELECT id FROM reports WHERE department_id = ? AND year = ? AND report_json IS NOT NULL ORDER BY version DESC LIMIT 1',
    [departmentId, year],
  );
  return row?.id ?? null;
}

export async function latestReportIds(sql: Sql): Promise<number[]> {
  const rows = await sql.all<{ id: number }>(
    `SELECT r.id FROM reports r WHERE r.department_id IS NULL
       OR r.version = (SELECT MAX(x.version) FROM reports x WHERE x.department_id = r.department_id AND x.year IS NOT DISTINCT FROM r.year)
     ORDER BY r.id`,
  );
  return rows.map((r) => r.id);
}

export function versionsOf(sql: Sql, departmentId: number | null, year: number | null, reportId: number): Promise<VersionRow[]> {
  const select = 'SELECT r.id AS "reportId", r.version, r.imported_at AS "importedAt", a.score FROM reports r LEFT JOIN audits a ON a.id = r.current_audit_id';
  if (departmentId === null) return sql.all(`${select} WHERE r.id = ?`, [reportId]);
  return sql.all(`${select} WHERE r.department_id = ? AND r.year IS NOT DISTINCT FROM ? ORDER BY r.version`, [departmentId, year]);
}

/**
 * A file that failed for a transient reason (worker crash, timeout) is imported again: its old rows go,
 * since they hold no reviewer work (decisions need a readable report).
 */
export async function retireFile(sql: Sql, fileId: number): Promise<void> {
  const reports = await sql.all<{ id: number }>('SELECT id FROM reports WHERE file_id = ?', [fileId]);
  for (const r of reports) {
    const hasWork = await sql.get('SELECT 1 AS x FROM decisions WHERE report_id = ? UNION SELECT 1 AS x FROM corrections WHERE report_id = ?', [r.id, r.id]);
    if (hasWork) throw new Error('已有审核记录的文件不能重新导入');
    await sql.run('UPDATE reports SET current_audit_id = NULL WHERE id = ?', [r.id]);
    await sql.run('DELETE FROM findings WHERE audit_id IN (SELECT id FROM audits WHERE report_id = ?)', [r.id]);
    await sql.run('DELETE FROM audits WHERE report_id = ?', [r.id]);
    await sql.run('DELETE FROM reports WHERE id = ?', [r.id]);
  }
  await sql.run('DELETE FROM files WHERE id = ?', [fileId]);
}

// ---------- summaries ----------

/**
 * The stored failed counts; audits stored before counts were kept per check and dimension held counts per
 * category, which nothing shows any more: read as unknown (null) until the report is re-scored.
 */
function storedFailedCounts(json: string | null): FailedCounts | null {
  const data = parseJson<Partial<FailedCounts>>(json);
  return data && typeof data.byCheck === 'object' && typeof data.byDimension === 'object' ? (data as FailedCounts) : null;
}

interface RawSummary extends Omit<SummaryRow, 'latest' | 'late' | 'failedCounts'> {
  latest: number;
  late: number | null;
  failedCounts: string | null;
}

function summarySelect(): string {
  return `
SELECT r.id AS "reportId", r.department_id AS "departmentId", COALESCE(d.name, r.department_text) AS department, r.year, r.version,
  CASE WHEN r.department_id IS NULL OR r.version = (SELECT MAX(x.version) FROM reports x WHERE x.department_id = r.department_id AND x.year IS NOT DISTINCT FROM r.year)
    THEN 1 ELSE 0 END AS latest,
  f.path AS file, f.format, r.generation, a.score, a.grade, a.veto, a.failed, a.failed_by_category AS "failedCounts", a.uncertain,
  r.signed_on AS "signedOn", a.late, f.error, r.imported_at AS "importedAt"
FROM reports r
JOIN files f ON f.id = r.file_id
LEFT JOIN departments d ON d.id = r.department_id
LEFT JOIN audits a ON a.id = r.current_audit_id`;
}

export async function summaries(sql: Sql, filter: SummaryFilter = {}): Promise<SummaryRow[]> {
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
  let text = summarySelect() + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  // Wrapped, so ORDER BY can apply a collation to the output columns (PostgreSQL allows that only on real columns).
  text = `SELECT * FROM (${text}) s${filter.latestOnly ? ' WHERE latest = 1' : ''}`;
  // Spelled out so both databases sort alike: NULLs placed explicitly, names in code-point order.
  text += ` ORDER BY year DESC NULLS LAST, department${sql.dialect.binaryOrder} NULLS FIRST, version`;
  const rows = await sql.all<RawSummary>(text, params);
  return rows.map((r) => ({
    ...r,
    latest: r.latest === 1,
    late: r.late === null ? null : r.late === 1,
    failedCounts: storedFailedCounts(r.failedCounts),
  }));
}

export async function listYears(sql: Sql): Promise<number[]> {
  const rows = await sql.all<{ year: number }>('SELECT year FROM reports WHERE year IS NOT NULL UNION SELECT year FROM roster ORDER BY year DESC');
  return rows.map((r) => r.year);
}
