/**
 * The roster: which departments must report for a year, with the office's own deadline and the date each
 * report was received. Drives 未报送 and late lists.
 */
import type { Db } from './db.ts';
import { stmt } from './db.ts';
import { resolveDepartment } from './departments.ts';

export interface RosterEntryInput {
  name: string;
  deadline?: string | null;
  receivedOn?: string | null;
}

export interface RosterRow {
  year: number;
  departmentId: number;
  department: string;
  deadline: string | null;
  receivedOn: string | null;
}

/** Add (or update) roster entries for a year; names are matched like report names, new ones confirmed. */
export function setRoster(db: Db, year: number, entries: RosterEntryInput[]): { matched: number; created: number } {
  return db.transaction(() => {
    let matched = 0;
    let created = 0;
    const upsert = stmt(db,
      `INSERT INTO roster (year, department_id, deadline, received_on) VALUES (?, ?, ?, ?)
       ON CONFLICT(year, department_id) DO UPDATE SET
         deadline = COALESCE(excluded.deadline, roster.deadline),
         received_on = COALESCE(excluded.received_on, roster.received_on)`,
    );
    for (const e of entries) {
      if (!e.name.trim()) continue;
      const dep = resolveDepartment(db, e.name, { confirmed: true });
      if (dep.created) created++;
      else matched++;
      upsert.run(year, dep.id, e.deadline ?? null, e.receivedOn ?? null);
    }
    return { matched, created };
  })();
}

export function rosterForYear(db: Db, year: number): RosterRow[] {
  return stmt(db,
      `SELECT r.year, r.department_id AS departmentId, d.name AS department, r.deadline, r.received_on AS receivedOn
       FROM roster r JOIN departments d ON d.id = r.department_id WHERE r.year = ? ORDER BY d.name`,
    )
    .all(year) as RosterRow[];
}

export function rosterEntry(db: Db, year: number, departmentId: number): RosterRow | null {
  const row = stmt(db,
      `SELECT r.year, r.department_id AS departmentId, d.name AS department, r.deadline, r.received_on AS receivedOn
       FROM roster r JOIN departments d ON d.id = r.department_id WHERE r.year = ? AND r.department_id = ?`,
    )
    .get(year, departmentId) as RosterRow | undefined;
  return row ?? null;
}
