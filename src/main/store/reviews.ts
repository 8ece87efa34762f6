/**
 * Reviewer decisions and cell corrections: never changed or deleted (triggers refuse it), each with who and
 * when. Two reviewers deciding the same finding both stay in the history; the latest is in force.
 */
import type { TableId } from '../../shared/model.ts';
import { cellAddress, cellFields } from '../../shared/template/index.ts';
import { nowIso, type Sql } from './sql.ts';
import type { CommentRow, CorrectionInput, CorrectionRow, DecisionInput, DecisionRow } from './store.ts';

export function decisionsOf(sql: Sql, reportId: number): Promise<DecisionRow[]> {
  return sql.all<DecisionRow>(
    `SELECT id, finding_index AS "findingIndex", check_id AS "check", message, action, reason, reviewer, at
     FROM decisions WHERE report_id = ? ORDER BY id`,
    [reportId],
  );
}

export async function insertDecision(sql: Sql, reportId: number, d: DecisionInput): Promise<number> {
  const row = await sql.get<{ id: number }>(
    'INSERT INTO decisions (report_id, finding_index, check_id, message, action, reason, reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [reportId, d.findingIndex, d.check, d.message, d.action, d.reason.trim(), d.reviewer.trim(), nowIso()],
  );
  return row!.id;
}

interface StoredCorrection extends Omit<CorrectionRow, 'cell'> {
  table: TableId;
  row: number;
  col: number;
}

/** Corrections in the order made. The cell is stored as row/col fields (src/shared/template cellFields). */
export async function correctionsOf(sql: Sql, reportId: number): Promise<CorrectionRow[]> {
  const rows = await sql.all<StoredCorrection>(
    `SELECT id, table_id AS "table", row, col, before_value AS before, value, reviewer, reason, at
     FROM corrections WHERE report_id = ? ORDER BY id`,
    [reportId],
  );
  return rows.flatMap(({ table, row, col, ...rest }) => {
    const cell = cellAddress(table, row, col);
    return cell ? [{ ...rest, cell }] : [];
  });
}

export async function insertCorrection(sql: Sql, reportId: number, c: CorrectionInput): Promise<number> {
  const { table, row: cellRow, col } = cellFields(c.cell);
  const row = await sql.get<{ id: number }>(
    'INSERT INTO corrections (report_id, table_id, row, col, before_value, value, reviewer, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [reportId, table, cellRow, col, c.before, c.value, c.reviewer.trim(), c.reason.trim(), nowIso()],
  );
  return row!.id;
}

/** The latest comment saved on the report; an empty text (cleared) reads as none. */
export async function commentOf(sql: Sql, reportId: number): Promise<CommentRow | null> {
  const row = await sql.get<CommentRow>('SELECT text, reviewer, at FROM report_comments WHERE report_id = ? ORDER BY id DESC LIMIT 1', [reportId]);
  return row && row.text.trim() !== '' ? row : null;
}

export async function insertComment(sql: Sql, reportId: number, c: Omit<CommentRow, 'at'>): Promise<number> {
  const row = await sql.get<{ id: number }>('INSERT INTO report_comments (report_id, text, reviewer, at) VALUES (?, ?, ?, ?) RETURNING id', [
    reportId,
    c.text.trim(),
    c.reviewer.trim(),
    nowIso(),
  ]);
  return row!.id;
}

export async function reviewRevision(sql: Sql, reportId: number): Promise<number> {
  // Lock the report row first (PostgreSQL): a second reviewer's check-then-write waits for this one's commit.
  if (sql.dialect.forUpdate) await sql.get(`SELECT id FROM reports WHERE id = ?${sql.dialect.forUpdate}`, [reportId]);
  const row = await sql.get<{ n: number }>(
    'SELECT (SELECT COUNT(*) FROM decisions WHERE report_id = ?) + (SELECT COUNT(*) FROM corrections WHERE report_id = ?) AS n',
    [reportId, reportId],
  );
  return Number(row?.n ?? 0);
}

/** Highest ids of everything reviewers and imports add (rows are only ever added, apart from departments). */
export async function changeStamp(sql: Sql): Promise<string> {
  const row = await sql.get<Record<string, number | null>>(
    `SELECT (SELECT MAX(id) FROM audits) AS a, (SELECT MAX(id) FROM decisions) AS d, (SELECT MAX(id) FROM corrections) AS c, (SELECT MAX(id) FROM report_comments) AS k,
       (SELECT COUNT(*) FROM departments) AS n, (SELECT SUM(length(name)) FROM departments) AS nl, (SELECT COUNT(*) FROM department_aliases) AS al, (SELECT COUNT(*) FROM roster) AS r,
       (SELECT MAX(created_at) FROM rubrics) AS ru`,
  );
  return row ? Object.values(row).map((v) => v ?? '').join(':') : '';
}
