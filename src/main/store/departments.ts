/**
 * Department identity. A department is matched by its normalised name or one of its aliases; failing that,
 * by its name without the place prefix (开平市科工商务局 ~ 科工商务局) when exactly one department fits.
 * Names nobody knows are created unconfirmed (proposed) for a reviewer to confirm, rename or merge;
 * renames and merges keep the old names as aliases so next year's reports find the same department.
 */
import { cleanDisplayName, normalizeDepartmentName, splitPlacePrefix } from './names.ts';
import { nowIso, type Sql } from './sql.ts';
import { StoreError, type DepartmentRow, type MatchKind } from './store.ts';

interface RawDepartment {
  id: number;
  name: string;
  norm_name: string;
  region: string | null;
  parent_id: number | null;
  confirmed: number;
  created_at: string;
}

async function aliasesOf(sql: Sql, id: number): Promise<string[]> {
  const rows = await sql.all<{ alias: string }>(`SELECT alias FROM department_aliases WHERE department_id = ? ORDER BY alias${sql.dialect.binaryOrder}`, [id]);
  return rows.map((r) => r.alias);
}

function rowOf(raw: RawDepartment, aliases: string[]): DepartmentRow {
  return {
    id: raw.id,
    name: raw.name,
    normName: raw.norm_name,
    region: raw.region,
    parentId: raw.parent_id,
    confirmed: raw.confirmed === 1,
    createdAt: raw.created_at,
    aliases,
  };
}

async function toRow(sql: Sql, raw: RawDepartment): Promise<DepartmentRow> {
  return rowOf(raw, await aliasesOf(sql, raw.id));
}

const DEPARTMENT_COLUMNS = 'id, name, norm_name, region, parent_id, confirmed, created_at';

export async function getDepartment(sql: Sql, id: number): Promise<DepartmentRow | null> {
  const raw = await sql.get<RawDepartment>(`SELECT ${DEPARTMENT_COLUMNS} FROM departments WHERE id = ?`, [id]);
  return raw ? toRow(sql, raw) : null;
}

export async function listDepartments(sql: Sql): Promise<DepartmentRow[]> {
  const rows = await sql.all<RawDepartment>(`SELECT ${DEPARTMENT_COLUMNS} FROM departments ORDER BY name${sql.dialect.binaryOrder}, id`);
  const aliases = new Map<number, string[]>();
  for (const a of await sql.all<{ id: number; alias: string }>(
    `SELECT department_id AS id, alias FROM department_aliases ORDER BY alias${sql.dialect.binaryOrder}`,
  )) {
    const list = aliases.get(a.id) ?? [];
    list.push(a.alias);
    aliases.set(a.id, list);
  }
  return rows.map((raw) => rowOf(raw, aliases.get(raw.id) ?? []));
}

/** Whether `a`'s places are a tail of `b`'s (开平市 ⊂ 广东省江门市开平市) or either has none. */
function placesCompatible(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.every((p, i) => long[long.length - short.length + i] === p);
}

/** Find the department a name refers to, or null. Never creates anything. */
export async function matchDepartment(sql: Sql, name: string): Promise<{ id: number; how: MatchKind; name: string } | null> {
  const norm = normalizeDepartmentName(name);
  if (!norm) return null;
  // Name and alias in one statement (one round trip to a server): a name match wins over an alias.
  const exact = await sql.all<{ id: number; name: string; alias: number }>(
    `SELECT id, name, 0 AS alias FROM departments WHERE norm_name = ?
     UNION ALL SELECT d.id, d.name, 1 AS alias FROM department_aliases a JOIN departments d ON d.id = a.department_id WHERE a.norm_alias = ?`,
    [norm, norm],
  );
  const best = exact.find((r) => Number(r.alias) === 0) ?? exact[0];
  if (best) return { id: best.id, how: Number(best.alias) === 0 ? 'name' : 'alias', name: best.name };

  const wanted = splitPlacePrefix(norm);
  // Without a prefix on either side there is nothing more to try (equal cores would have matched by name).
  // A name's core is the tail left after its places, so only names ending in the wanted core can match:
  // the database picks those out (one scan) instead of splitting every department's name here, which made
  // importing a few thousand new departments quadratic.
  const coreLength = [...wanted.core].length;
  const { endsWith } = sql.dialect;
  const candidates = coreLength === 0
    ? await sql.all<{ id: number; norm: string }>('SELECT id, norm_name AS norm FROM departments UNION ALL SELECT department_id AS id, norm_alias AS norm FROM department_aliases')
    : await sql.all<{ id: number; norm: string }>(
        `SELECT id, norm_name AS norm FROM departments WHERE ${endsWith('norm_name', '?', '?')}
         UNION ALL SELECT department_id AS id, norm_alias AS norm FROM department_aliases WHERE ${endsWith('norm_alias', '?', '?')}`,
        [coreLength, wanted.core, coreLength, wanted.core],
      );
  const fits = new Set<number>();
  for (const c of candidates) {
    const split = splitPlacePrefix(c.norm);
    if (split.core !== wanted.core) continue;
    if (split.places.length === wanted.places.length) continue; // different places = different departments
    if (placesCompatible(split.places, wanted.places)) fits.add(c.id);
  }
  if (fits.size === 1) {
    const id = [...fits][0]!;
    const row = await sql.get<{ name: string }>('SELECT name FROM departments WHERE id = ?', [id]);
    return { id, how: 'core', name: row?.name ?? cleanDisplayName(name) };
  }
  return null;
}

/**
 * A new department; null when another process created one of the same name meanwhile (PostgreSQL: the
 * insert waits for that process's commit, then does nothing).
 */
async function insertDepartment(sql: Sql, name: string, confirmed: boolean): Promise<number | null> {
  const display = cleanDisplayName(name);
  const norm = normalizeDepartmentName(display);
  if (!norm) throw new StoreError('invalid', `部门名称无效：“${name}”`);
  const places = splitPlacePrefix(norm).places;
  const row = await sql.get<{ id: number }>(
    'INSERT INTO departments (name, norm_name, region, confirmed, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (norm_name) DO NOTHING RETURNING id',
    [display, norm, places.at(-1) ?? null, confirmed ? 1 : 0, nowIso()],
  );
  return row?.id ?? null;
}

export async function addAlias(sql: Sql, departmentId: number, alias: string): Promise<void> {
  const display = cleanDisplayName(alias);
  const norm = normalizeDepartmentName(display);
  if (!norm) return;
  const owner = await sql.get<{ id: number }>('SELECT id FROM departments WHERE norm_name = ?', [norm]);
  if (owner) return; // it is some department's own name
  await sql.run('INSERT INTO department_aliases (norm_alias, alias, department_id) VALUES (?, ?, ?) ON CONFLICT (norm_alias) DO NOTHING', [
    norm,
    display,
    departmentId,
  ]);
}

/**
 * The department a report names: matched, or created unconfirmed. A match on the core name records the
 * full name as an alias so the next import matches it directly. Call inside the caller's transaction.
 */
export async function resolveDepartment(
  sql: Sql,
  name: string,
  options: { confirmed?: boolean } = {},
): Promise<{ id: number; created: boolean; how: MatchKind | 'created'; name: string }> {
  for (let attempt = 0; ; attempt++) {
    const match = await matchDepartment(sql, name);
    if (match) {
      if (match.how === 'core') await addAlias(sql, match.id, name);
      if (options.confirmed) await sql.run('UPDATE departments SET confirmed = 1 WHERE id = ?', [match.id]);
      return { id: match.id, created: false, how: match.how, name: match.name };
    }
    const id = await insertDepartment(sql, name, options.confirmed ?? false);
    if (id !== null) return { id, created: true, how: 'created', name: cleanDisplayName(name) };
    // Created by another reviewer's import a moment ago: match it now.
    if (attempt > 0) throw new StoreError('conflict', `部门“${name}”无法建立，请重试`);
  }
}

/** Rename (and confirm) a department; the old name stays as an alias. */
export async function renameDepartment(sql: Sql, id: number, newName: string): Promise<DepartmentRow> {
  const current = await getDepartment(sql, id);
  if (!current) throw new StoreError('not-found', `部门不存在（编号 ${id}）`);
  const display = cleanDisplayName(newName);
  const norm = normalizeDepartmentName(display);
  if (!norm) throw new StoreError('invalid', '新名称不能为空');
  const other = await sql.get<{ id: number; name: string }>('SELECT id, name FROM departments WHERE norm_name = ? AND id <> ?', [norm, id]);
  if (other) throw new StoreError('conflict', `已有同名部门“${other.name}”，请改用“合并部门”`);
  await sql.run('DELETE FROM department_aliases WHERE norm_alias = ?', [norm]);
  await sql.run('UPDATE departments SET name = ?, norm_name = ?, region = COALESCE(region, ?), confirmed = 1 WHERE id = ?', [
    display,
    norm,
    splitPlacePrefix(norm).places.at(-1) ?? null,
    id,
  ]);
  if (current.normName !== norm) await upsertAlias(sql, current.normName, current.name, id);
  return (await getDepartment(sql, id))!;
}

async function upsertAlias(sql: Sql, normAlias: string, alias: string, departmentId: number): Promise<void> {
  await sql.run(
    `INSERT INTO department_aliases (norm_alias, alias, department_id) VALUES (?, ?, ?)
     ON CONFLICT (norm_alias) DO UPDATE SET alias = excluded.alias, department_id = excluded.department_id`,
    [normAlias, alias, departmentId],
  );
}

/**
 * Merge `fromId` into `intoId`: names become aliases, reports and roster entries move, and report versions
 * of each year are renumbered by import order so resubmissions stay in sequence.
 */
export async function mergeDepartments(sql: Sql, fromId: number, intoId: number): Promise<DepartmentRow> {
  if (fromId === intoId) throw new StoreError('invalid', '不能把部门合并到它自己');
  const from = await getDepartment(sql, fromId);
  const into = await getDepartment(sql, intoId);
  if (!from) throw new StoreError('not-found', `部门不存在（编号 ${fromId}）`);
  if (!into) throw new StoreError('not-found', `部门不存在（编号 ${intoId}）`);
  await sql.run('UPDATE department_aliases SET department_id = ? WHERE department_id = ?', [intoId, fromId]);
  await upsertAlias(sql, from.normName, from.name, intoId);
  const years = (await sql.all<{ year: number | null }>('SELECT DISTINCT year FROM reports WHERE department_id = ?', [fromId])).map((r) => r.year);
  // Park the moved reports on negative versions first: (department, year, version) is unique.
  await sql.run('UPDATE reports SET version = -id, department_id = ? WHERE department_id = ?', [intoId, fromId]);
  const renumber = 'UPDATE reports SET version = ? WHERE id = ?';
  for (const year of years) {
    const rows = await sql.all<{ id: number }>(
      'SELECT id FROM reports WHERE department_id = ? AND year IS NOT DISTINCT FROM ? ORDER BY imported_at, id',
      [intoId, year],
    );
    for (const r of rows) await sql.run(renumber, [-r.id - 1_000_000_000, r.id]);
    for (const [i, r] of rows.entries()) await sql.run(renumber, [i + 1, r.id]);
  }
  await sql.run(
    `INSERT INTO roster (year, department_id, deadline, received_on)
     SELECT year, CAST(? AS INTEGER), deadline, received_on FROM roster WHERE department_id = ?
     ON CONFLICT (year, department_id) DO UPDATE SET
       deadline = COALESCE(roster.deadline, excluded.deadline),
       received_on = COALESCE(roster.received_on, excluded.received_on)`,
    [intoId, fromId],
  );
  await sql.run('DELETE FROM roster WHERE department_id = ?', [fromId]);
  await sql.run('UPDATE departments SET parent_id = ? WHERE parent_id = ?', [intoId, fromId]);
  await sql.run('UPDATE departments SET confirmed = 1 WHERE id = ?', [intoId]);
  await sql.run('DELETE FROM departments WHERE id = ?', [fromId]);
  return (await getDepartment(sql, intoId))!;
}
