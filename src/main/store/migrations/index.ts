/**
 * Numbered schema migrations, one list for both databases: each migration is written once per dialect
 * (same tables, same meaning). The adapters run them in order, each in its own transaction together with
 * the recorded version, so a database is always at exactly one version, even when the machine dies
 * during an upgrade.
 */
import { migration001 } from './001-initial.ts';
import { migration002 } from './002-settings.ts';
import { migration003 } from './003-pending-refresh.ts';
import { migration004 } from './004-report-comments.ts';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function tooNewMessage(current: number): string {
  return `数据库版本（${current}）比本程序支持的版本（${LATEST_SCHEMA_VERSION}）新，请升级程序后再打开`;
}

/** The migrations a database at `current` still needs to reach `target`; refuses a database newer than the program. */
export function pendingMigrations(current: number, target: number = LATEST_SCHEMA_VERSION): Migration[] {
  if (current > LATEST_SCHEMA_VERSION) throw new Error(tooNewMessage(current));
  return MIGRATIONS.filter((m) => m.version > current && m.version <= target);
}
