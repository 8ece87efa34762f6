/**
 * `migrate --from FILE.db --to postgres://…`: every row of every table copied as it is (ids kept, so
 * decisions still point at their reports), page by page so large originals never sit in memory all at
 * once, then the row counts of both sides compared. Works in either direction (PostgreSQL → SQLite is a
 * backup an office can carry around).
 */
import { openStore } from './open.ts';
import type { SqlValue } from './sql.ts';
import { SqlStore } from './sql-store.ts';
import { StoreError } from './store.ts';

/** Tables parents first, each with its primary key (the paging order) and columns that point forward. */
const TABLES: readonly { name: string; key: string; later?: string[] }[] = [
  { name: 'departments', key: 'id', later: ['parent_id'] },
  { name: 'department_aliases', key: 'norm_alias' },
  { name: 'roster', key: 'year, department_id' },
  { name: 'blobs', key: 'sha256' },
  { name: 'files', key: 'id' },
  { name: 'rubrics', key: 'id, version' },
  { name: 'reports', key: 'id', later: ['current_audit_id'] },
  { name: 'audit_runs', key: 'id' },
  { name: 'audits', key: 'id' },
  { name: 'findings', key: 'audit_id, idx' },
  { name: 'decisions', key: 'id' },
  { name: 'corrections', key: 'id' },
  { name: 'report_comments', key: 'id' },
  { name: 'settings', key: 'key' },
  { name: 'pending_refresh', key: 'report_id' },
];

/** Rows per page: blobs are whole files, so their pages are small. */
const pageSize = (table: string): number => (table === 'blobs' ? 20 : 2000);

export interface CopyResult {
  from: string;
  to: string;
  counts: { table: string; from: number; to: number }[];
  ms: number;
}

function asSqlStore(store: unknown): SqlStore {
  if (!(store instanceof SqlStore)) throw new Error('unsupported store');
  return store;
}

export async function copyDatabase(fromLocation: string, toLocation: string, onTable?: (table: string, rows: number) => void): Promise<CopyResult> {
  const started = Date.now();
  const from = asSqlStore(await openStore(fromLocation));
  try {
    const to = asSqlStore(await openStore(toLocation));
    try {
      const before = await to.counts();
      const filled = Object.entries(before).filter(([, n]) => n > 0);
      if (filled.length > 0) {
        throw new StoreError('conflict', `目标数据库 ${to.location} 已有数据（${filled.map(([t, n]) => `${t} ${n} 行`).join('，')}），为免混淆不复制：请换一个空数据库`);
      }
      await to.sql.transaction(async (sql) => {
        // Forward references (a report's current audit, a department's parent), set once every row exists.
        const deferred: { sql: string; params: SqlValue[] }[] = [];
        for (const t of TABLES) {
          let copied = 0;
          for (let offset = 0; ; offset += pageSize(t.name)) {
            const rows = await from.sql.all<Record<string, SqlValue>>(`SELECT * FROM ${t.name} ORDER BY ${t.key} LIMIT ? OFFSET ?`, [pageSize(t.name), offset]);
            if (rows.length === 0) break;
            const columns = Object.keys(rows[0]!);
            await sql.insertMany(t.name, columns, rows.map((r) => columns.map((c) => (t.later?.includes(c) ? null : r[c]!))));
            for (const c of t.later ?? []) {
              for (const r of rows) if (r[c] !== null) deferred.push({ sql: `UPDATE ${t.name} SET ${c} = ? WHERE ${t.key} = ?`, params: [r[c]!, r[t.key]!] });
            }
            copied += rows.length;
          }
          onTable?.(t.name, copied);
        }
        for (const d of deferred) await sql.run(d.sql, d.params);
      });
      if (to.backend === 'postgres') await resetIdentities(to);
      const a = await from.counts();
      const b = await to.counts();
      const counts = TABLES.map((t) => ({ table: t.name, from: a[t.name] ?? 0, to: b[t.name] ?? 0 }));
      const wrong = counts.filter((c) => c.from !== c.to);
      if (wrong.length > 0) throw new StoreError('verify', `复制后行数不一致：${wrong.map((c) => `${c.table} ${c.from} → ${c.to}`).join('，')}`);
      return { from: from.location, to: to.location, counts, ms: Date.now() - started };
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** PostgreSQL's identity columns continue after the copied ids. */
async function resetIdentities(store: SqlStore): Promise<void> {
  for (const table of ['departments', 'files', 'reports', 'audit_runs', 'audits', 'decisions', 'corrections', 'report_comments']) {
    await store.sql.get(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`);
  }
}

