/** Rubric versions: saving never overwrites; the newest row is the current rubric. */
import type { Db } from './db.ts';
import { nowIso } from './db.ts';

export interface RubricRow {
  id: string;
  version: number;
  json: string;
  createdAt: string;
}

export function currentRubric(db: Db): RubricRow | null {
  const row = db
    .prepare('SELECT id, version, json, created_at AS createdAt FROM rubrics ORDER BY created_at DESC, rowid DESC LIMIT 1')
    .get() as RubricRow | undefined;
  return row ?? null;
}

export function nextRubricVersion(db: Db, id: string): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM rubrics WHERE id = ?').get(id) as { v: number | null };
  return (row.v ?? 0) + 1;
}

export function insertRubric(db: Db, id: string, version: number, json: string): RubricRow {
  const createdAt = nowIso();
  db.prepare('INSERT INTO rubrics (id, version, json, created_at) VALUES (?, ?, ?, ?)').run(id, version, json, createdAt);
  return { id, version, json, createdAt };
}

export function rubricVersions(db: Db): RubricRow[] {
  return db.prepare('SELECT id, version, json, created_at AS createdAt FROM rubrics ORDER BY created_at, rowid').all() as RubricRow[];
}
