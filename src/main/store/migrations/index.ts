/**
 * Numbered schema migrations. Each runs in its own transaction together with `PRAGMA user_version`,
 * so a database is always at exactly one version, even when the machine dies during an upgrade.
 */
import type Database from 'better-sqlite3';
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-settings.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Bring the schema up to `target` (default: latest). Returns the versions applied. */
export function migrate(db: Database.Database, target: number = LATEST_SCHEMA_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw new Error(`数据库版本（${current}）比本程序支持的版本（${LATEST_SCHEMA_VERSION}）新，请升级程序后再打开`);
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
