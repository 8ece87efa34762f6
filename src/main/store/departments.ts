/**
 * Department identity. A department is matched by its normalised name or one of its aliases; failing that,
 * by its name without the place prefix (开平市科工商务局 ~ 科工商务局) when exactly one department fits.
 * Names nobody knows are created unconfirmed (proposed) for a reviewer to confirm, rename or merge;
 * renames and merges keep the old names as aliases so next year's reports find the same department.
 */
import type { Db } from './db.ts';
import { nowIso, stmt } from './db.ts';
import { cleanDisplayName, normalizeDepartmentName, splitPlacePrefix } from './names.ts';

export interface DepartmentRow {
  id: number;
  name: string;
  normName: string;
  region: string | null;
  parentId: number | null;
  confirmed: boolean;
  createdAt: string;
  aliases: string[];
}

interface RawDepartment {
  id: number;
  name: string;
  norm_name: string;
  region: string | null;
  parent_id: number | null;
  confirmed: number;
  created_at: string;
}

export class StoreError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'StoreError';
  }
}

function aliasesOf(db: Db, id: number): string[] {
  return (stmt(db, 'SELECT alias FROM department_aliases WHERE department_id = ? ORDER BY alias').all(id) as { alias: string }[]).map(
    (r) => r.alias,
  );
}

function toRow(db: Db, raw: RawDepartment): DepartmentRow {
  return {
    id: raw.id,
    name: raw.name,
    normName: raw.norm_name,
    region: raw.region,
    parentId: raw.parent_id,
    confirmed: raw.confirmed === 1,
    createdAt: raw.created_at,
    aliases: aliasesOf(db, raw.id),
  };
}

export function getDepartment(db: Db, id: number): DepartmentRow | null {
  const raw = stmt(db, 'SELECT * FROM departments WHERE id = ?').get(id) as RawDepartment | undefined;
  return raw ? toRow(db, raw) : null;
}

export function listDepartments(db: Db): DepartmentRow[] {
  const rows = stmt(db, 'SELECT * FROM departments ORDER BY name').all() as RawDepartment[];
  return rows.map((r) => toRow(db, r));
}

/** Whether `a`'s places are a tail of `b`'s (开平市 ⊂ 广东省江门市开平市) or either has none. */
function placesCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((p, i) => long[long.length - short.length + i] === p);
}

export type MatchKind = 'name' | 'alias' | 'core';

/** Find the department a name refers to, or null. Never creates anything. */
export function matchDepartment(db: Db, name: string): { id: number; how: MatchKind } | null {
  const norm = normalizeDepartmentName(name);
  if (!norm) return null;
  const byName = stmt(db, 'SELECT id FROM departments WHERE norm_name = ?').get(norm) as { id: number } | undefined;
  if (byName) return { id: byName.id, how: 'name' };
  const byAlias = stmt(db, 'SELECT department_id AS id FROM department_aliases WHERE norm_alias = ?').get(norm) as
    | { id: number }
    | undefined;
  if (byAlias) return { id: byAlias.id, how: 'alias' };

  const wanted = splitPlacePrefix(norm);
  // Without a prefix on either side there is nothing more to try (equal cores would have matched by name).
  // A name's core is the tail left after its places, so only names ending in the wanted core can match:
  // SQLite picks those out (one scan in C) instead of splitting every department's name here, which made
  // importing a few thousand new departments quadratic.
  const coreLength = [...wanted.core].length;
  const candidates = (coreLength === 0
    ? stmt(db, 'SELECT id, norm_name AS norm FROM departments UNION ALL SELECT department_id AS id, norm_alias AS norm FROM department_aliases').all()
    : stmt(db,
        `SELECT id, norm_name AS norm FROM departments WHERE substr(norm_name, -?) = ?
         UNION ALL SELECT department_id AS id, norm_alias AS norm FROM department_aliases WHERE substr(norm_alias, -?) = ?`,
      ).all(coreLength, wanted.core, coreLength, wanted.core)) as { id: number; norm: string }[];
  const fits = new Set<number>();
  for (const c of candidates) {
    const split = splitPlacePrefix(c.norm);
    if (split.core !== wanted.core) continue;
    if (split.places.length === wanted.places.length) continue; // different places = different departments
    if (placesCompatible(split.places, wanted.places)) fits.add(c.id);
  }
  if (fits.size === 1) return { id: [...fits][0]!, how: 'core' };
  return null;
}

function insertDepartment(db: Db, name: string, confirmed: boolean): number {
  const display = cleanDisplayName(name);
  const norm = normalizeDepartmentName(display);
  if (!norm) throw new StoreError('invalid', `部门名称无效：“${name}”`);
  const places = splitPlacePrefix(norm).places;
  const info = stmt(db, 'INSERT INTO departments (name, norm_name, region, confirmed, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(display, norm, places.at(-1) ?? null, confirmed ? 1 : 0, nowIso());
  return Number(info.lastInsertRowid);
}

export function addAlias(db: Db, departmentId: number, alias: string): void {
  const display = cleanDisplayName(alias);
  const norm = normalizeDepartmentName(display);
  if (!norm) return;
  const owner = stmt(db, 'SELECT id FROM departments WHERE norm_name = ?').get(norm) as { id: number } | undefined;
  if (owner) return; // it is some department's own name
  stmt(db,
    'INSERT INTO department_aliases (norm_alias, alias, department_id) VALUES (?, ?, ?) ON CONFLICT(norm_alias) DO NOTHING',
  ).run(norm, display, departmentId);
}

/**
 * The department a report names: matched, or created unconfirmed. A match on the core name records the
 * full name as an alias so the next import matches it directly. Call inside the caller's transaction.
 */
export function resolveDepartment(db: Db, name: string, options: { confirmed?: boolean } = {}): { id: number; created: boolean; how: MatchKind | 'created' } {
  const match = matchDepartment(db, name);
  if (match) {
    if (match.how === 'core') addAlias(db, match.id, name);
    if (options.confirmed) stmt(db, 'UPDATE departments SET confirmed = 1 WHERE id = ?').run(match.id);
    return { id: match.id, created: false, how: match.how };
  }
  return { id: insertDepartment(db, name, options.confirmed ?? false), created: true, how: 'created' };
}

/** Rename (and confirm) a department; the old name stays as an alias. */
export function renameDepartment(db: Db, id: number, newName: string): DepartmentRow {
  return db.transaction(() => {
    const current = getDepartment(db, id);
    if (!current) throw new StoreError('not-found', `部门不存在（编号 ${id}）`);
    const display = cleanDisplayName(newName);
    const norm = normalizeDepartmentName(display);
    if (!norm) throw new StoreError('invalid', '新名称不能为空');
    const other = stmt(db, 'SELECT id, name FROM departments WHERE norm_name = ? AND id <> ?').get(norm, id) as
      | { id: number; name: string }
      | undefined;
    if (other) throw new StoreError('conflict', `已有同名部门“${other.name}”，请改用“合并部门”`);
    stmt(db, 'DELETE FROM department_aliases WHERE norm_alias = ?').run(norm);
    stmt(db, 'UPDATE departments SET name = ?, norm_name = ?, region = COALESCE(region, ?), confirmed = 1 WHERE id = ?').run(
      display,
      norm,
      splitPlacePrefix(norm).places.at(-1) ?? null,
      id,
    );
    if (current.normName !== norm) {
      stmt(db, 'INSERT OR REPLACE INTO department_aliases (norm_alias, alias, department_id) VALUES (?, ?, ?)').run(
        current.normName,
        current.name,
        id,
      );
    }
    return getDepartment(db, id)!;
  })();
}

/**
 * Merge `fromId` into `intoId`: names become aliases, reports and roster entries move, and report versions
 * of each year are renumbered by import order so resubmissions stay in sequence.
 */
export function mergeDepartments(db: Db, fromId: number, intoId: number): DepartmentRow {
  if (fromId === intoId) throw new StoreError('invalid', '不能把部门合并到它自己');
  return db.transaction(() => {
    const from = getDepartment(db, fromId);
    const into = getDepartment(db, intoId);
    if (!from) throw new StoreError('not-found', `部门不存在（编号 ${fromId}）`);
    if (!into) throw new StoreError('not-found', `部门不存在（编号 ${intoId}）`);
    stmt(db, 'UPDATE department_aliases SET department_id = ? WHERE department_id = ?').run(intoId, fromId);
    stmt(db, 'INSERT OR REPLACE INTO department_aliases (norm_alias, alias, department_id) VALUES (?, ?, ?)').run(
      from.normName,
      from.name,
      intoId,
    );
    const years = (stmt(db, 'SELECT DISTINCT year FROM reports WHERE department_id = ?').all(fromId) as { year: number | null }[]).map(
      (r) => r.year,
    );
    // Park the moved reports on negative versions first: (department, year, version) is unique.
    stmt(db, 'UPDATE reports SET version = -id, department_id = ? WHERE department_id = ?').run(intoId, fromId);
    const renumber = stmt(db, 'UPDATE reports SET version = ? WHERE id = ?');
    for (const year of years) {
      const rows = stmt(db, 'SELECT id FROM reports WHERE department_id = ? AND year IS ? ORDER BY imported_at, id')
        .all(intoId, year) as { id: number }[];
      rows.forEach((r) => renumber.run(-r.id - 1_000_000_000, r.id));
      rows.forEach((r, i) => renumber.run(i + 1, r.id));
    }
    stmt(db,
      `INSERT INTO roster (year, department_id, deadline, received_on)
       SELECT year, ?, deadline, received_on FROM roster WHERE department_id = ?
       ON CONFLICT(year, department_id) DO UPDATE SET
         deadline = COALESCE(roster.deadline, excluded.deadline),
         received_on = COALESCE(roster.received_on, excluded.received_on)`,
    ).run(intoId, fromId);
    stmt(db, 'DELETE FROM roster WHERE department_id = ?').run(fromId);
    stmt(db, 'UPDATE departments SET parent_id = ? WHERE parent_id = ?').run(intoId, fromId);
    stmt(db, 'UPDATE departments SET confirmed = 1 WHERE id = ?').run(intoId);
    stmt(db, 'DELETE FROM departments WHERE id = ?').run(fromId);
    return getDepartment(db, intoId)!;
  })();
}

export function confirmDepartment(db: Db, id: number): void {
  stmt(db, 'UPDATE departments SET confirmed = 1 WHERE id = ?').run(id);
}
