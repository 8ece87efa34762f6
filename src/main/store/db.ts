/**
 * Open (or create) the audit database: one SQLite file in WAL mode, foreign keys on, a busy timeout so
 * the app and the CLI can share a file, and the schema migrated to the latest version.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations/index.ts';

export type Db = Database.Database;

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new Error(`无法打开数据库 ${file}：${(err as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  // NORMAL is durable in WAL mode for committed transactions except on power loss of the last few;
  // FULL makes every commit survive a power cut, which the office asked for.
  db.pragma('synchronous = FULL');
  if (options.migrate !== false) migrate(db);
  return db;
}

export function nowIso(): string {
  return new Date().toISOString();
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per database and reused: the import and re-score run the same
 * few statements thousands of times, and compiling SQL each time cost about a second per 300 reports.
 * Callers must not change a statement's modes (pluck/raw/expand); none do.
 */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
