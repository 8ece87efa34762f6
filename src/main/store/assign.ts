/**
 * A reviewer gives a report whose department (or year) was not recognised to a department: the report
 * becomes that department's newest version of the year. Call inside the caller's transaction.
 */
import type { Sql } from './sql.ts';
import { StoreError } from './store.ts';

export async function assignReport(sql: Sql, reportId: number, departmentId: number, year: number | null): Promise<{ version: number }> {
  const row = await sql.get<{ departmentId: number | null; year: number | null; version: number }>(
    'SELECT department_id AS "departmentId", year, version FROM reports WHERE id = ?', [reportId]);
  if (!row) throw new StoreError('not-found', `报告不存在（编号 ${reportId}）`);
  const targetYear = year ?? row.year;
  if (targetYear === null) throw new StoreError('invalid', '该报告的年度未能识别，请同时指定年度');
  if (row.departmentId === departmentId && row.year === targetYear) return { version: row.version };
  const latest = await sql.get<{ v: number | null }>('SELECT MAX(version) AS v FROM reports WHERE department_id = ? AND year = ? AND id <> ?', [departmentId, targetYear, reportId]);
  const version = Number(latest?.v ?? 0) + 1;
  await sql.run('UPDATE reports SET department_id = ?, year = ?, version = ? WHERE id = ?', [departmentId, targetYear, version, reportId]);
  return { version };
}
