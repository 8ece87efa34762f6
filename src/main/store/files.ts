/** Imported files and their original bytes (content-addressed blobs). */
import type { FileInput, FileRow } from './store.ts';
import { nowIso, type Sql } from './sql.ts';
import { StoreError } from './store.ts';
import { sha256 as hashOf } from '../hash.ts';

const FILE_COLUMNS =
  'id, path, name, size, sha256, format, error, error_code AS "errorCode", pages, imported_at AS "importedAt"';

export function fileBySha(sql: Sql, sha256: string): Promise<FileRow | null> {
  return sql.get<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE sha256 = ?`, [sha256]);
}

export function fileById(sql: Sql, id: number): Promise<FileRow | null> {
  return sql.get<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`, [id]);
}

/** The stored bytes, checked against their address: random bytes inside a stored original never pass unnoticed. */
export async function blobBytes(sql: Sql, sha256: string, location: string): Promise<Uint8Array | null> {
  const row = await sql.get<{ bytes: Uint8Array }>('SELECT bytes FROM blobs WHERE sha256 = ?', [sha256]);
  if (!row) return null;
  if (hashOf(row.bytes) !== sha256) {
    throw new StoreError('damaged', `数据库中保存的原始文件已损坏（内容与 SHA-256 ${sha256.slice(0, 12)}… 不符）：${location}。请用备份替换数据库，或重新导入该文件；可运行 ogi-audit verify 检查整个数据库。`);
  }
  return row.bytes;
}

export function blobPage(sql: Sql, after: string, limit: number): Promise<{ sha256: string; size: number; bytes: Uint8Array }[]> {
  return sql.all('SELECT sha256, size, bytes FROM blobs WHERE sha256 > ? ORDER BY sha256 LIMIT ?', [after, limit]);
}

/**
 * The blob (once per content) and the file row. Null when a file with these bytes is already stored — by
 * another process importing the same folder at the same moment (the content hash is unique).
 */
export async function insertFile(sql: Sql, f: FileInput): Promise<number | null> {
  await sql.run('INSERT INTO blobs (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [f.sha256, f.size, f.bytes]);
  const row = await sql.get<{ id: number }>(
    `INSERT INTO files (path, name, size, sha256, format, error, error_code, pages, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
    [f.path, f.name, f.size, f.sha256, f.format, f.error, f.errorCode, f.pages, nowIso()],
  );
  return row?.id ?? null;
}
