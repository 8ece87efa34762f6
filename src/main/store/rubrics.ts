/** Rubric versions: saving never overwrites; the newest row is the current rubric. */
import { nowIso, type Sql } from './sql.ts';
import type { RubricRow } from './store.ts';

const RUBRIC_COLUMNS = 'id, version, json, created_at AS "createdAt"';

export function currentRubric(sql: Sql): Promise<RubricRow | null> {
  return sql.get<RubricRow>(`SELECT ${RUBRIC_COLUMNS} FROM rubrics ORDER BY created_at DESC, version DESC LIMIT 1`);
}

/**
 * A new version (the next free one unless given). Two reviewers saving at once: the later one takes the
 * next number rather than failing. Call inside a transaction.
 */
export async function insertRubric(sql: Sql, id: string, json: string, version?: number): Promise<RubricRow> {
  const createdAt = nowIso();
  let v = version ?? (await nextRubricVersion(sql, id));
  for (;;) {
    const row = await sql.get<{ version: number }>(
      'INSERT INTO rubrics (id, version, json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING RETURNING version',
      [id, v, json, createdAt],
    );
    if (row) return { id, version: v, json, createdAt };
    if (version !== undefined) {
      // The default rubric, written by whoever opened the database first: keep theirs.
      return (await sql.get<RubricRow>(`SELECT ${RUBRIC_COLUMNS} FROM rubrics WHERE id = ? AND version = ?`, [id, version]))!;
    }
    v = await nextRubricVersion(sql, id);
  }
}

async function nextRubricVersion(sql: Sql, id: string): Promise<number> {
  const row = await sql.get<{ v: number | null }>('SELECT MAX(version) AS v FROM rubrics WHERE id = ?', [id]);
  return (row?.v ?? 0) + 1;
}

export function rubricVersions(sql: Sql): Promise<RubricRow[]> {
  return sql.all<RubricRow>(`SELECT ${RUBRIC_COLUMNS} FROM rubrics ORDER BY created_at, version`);
}
