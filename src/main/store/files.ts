/** Imported files and their original bytes (content-addressed blobs). */
import type { FileInput, FileRow } from './store.ts';
import { nowIso, type Sql } from './sql.ts';

const FILE_COLUMNS =
  'id, path, name, size, sha256, format, error, error_code AS "errorCode", pages, imported_at AS "importedAt"';

export function fileBySha(sql: Sql, sha256: string): Promise<FileRow | null> {
  return sql.get<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE sha256 = ?`, [sha256]);
}

export function fileById(sql: Sql, id: number): Promise<FileRow | null> {
  return sql.get<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`, [id]);
}

export async function blobBytes(sql: Sql, sha256: string): Promise<Uint8Array | null> {
  const row = await sql.get<{ bytes: Uint8Array }>('SELECT bytes FROM blobs WHERE sha256 = ?', [sha256]);
  return row?.bytes ?? null;
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
