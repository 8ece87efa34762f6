/**
 * The roster: which departments must report for a year, with the office's own deadline and the date each
 * report was received. Drives 未报送 and late lists.
 */
import { resolveDepartment } from './departments.ts';
import type { Sql } from './sql.ts';
import type { RosterEntryInput, RosterRow } from './store.ts';

/** Add (or update) roster entries for a year; names are matched like report names, new ones confirmed. Call inside a transaction. */
export async function setRoster(sql: Sql, year: number, entries: RosterEntryInput[]): Promise<{ matched: number; created: number }> {
  let matched = 0;
  let created = 0;
  for (const e of entries) {
    if (!e.name.trim()) continue;
    const dep = await resolveDepartment(sql, e.name, { confirmed: true });
    if (dep.created) created++;
    else matched++;
    await sql.run(
      `INSERT INTO roster (year, department_id, deadline, received_on) VALUES (?, ?, ?, ?)
       ON CONFLICT (year, department_id) DO UPDATE SET
         deadline = COALESCE(excluded.deadline, roster.deadline),
         received_on = COALESCE(excluded.received_on, roster.received_on)`,
      [year, dep.id, e.deadline ?? null, e.receivedOn ?? null],
    );
  }
  return { matched, created };
}

const ROSTER_SELECT = `SELECT r.year, r.department_id AS "departmentId", d.name AS department, r.deadline, r.received_on AS "receivedOn"
  FROM roster r JOIN departments d ON d.id = r.department_id`;

export function rosterForYear(sql: Sql, year: number): Promise<RosterRow[]> {
  return sql.all<RosterRow>(`${ROSTER_SELECT} WHERE r.year = ? ORDER BY d.name${sql.dialect.binaryOrder}`, [year]);
}

export function rosterEntry(sql: Sql, year: number, departmentId: number): Promise<RosterRow | null> {
  return sql.get<RosterRow>(`${ROSTER_SELECT} WHERE r.year = ? AND r.department_id = ?`, [year, departmentId]);
}
