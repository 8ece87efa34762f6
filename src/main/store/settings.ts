/** Office settings (key → JSON value). */
import { nowIso, parseJson, type Sql } from './sql.ts';

export async function getSetting<T>(sql: Sql, key: string): Promise<T | null> {
  const row = await sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return parseJson<T>(row?.value);
}

export async function setSetting(sql: Sql, key: string, value: unknown): Promise<void> {
  await sql.run(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    [key, JSON.stringify(value), nowIso()],
  );
}
