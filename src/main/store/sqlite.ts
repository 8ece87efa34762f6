/**
 * The embedded store: one SQLite file (better-sqlite3) in WAL mode, foreign keys on, a busy timeout so the
 * app and the CLI can share a file, and the schema migrated to the latest version.
 *
 * better-sqlite3 is synchronous and has one connection: an asynchronous transaction holds a lock so that
 * no other write of this process lands inside it while it awaits (reads go ahead; they see its work).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_SCHEMA_VERSION, pendingMigrations } from './migrations/index.ts';
import { Mutex } from './mutex.ts';
import type { Dialect, Sql, SqlValue } from './sql.ts';
import { SqlStore } from './sql-store.ts';
import { StoreError, type Store } from './store.ts';
import { sqliteFault } from './sqlite-faults.ts';

const SQLITE: Dialect = {
  name: 'sqlite',
  binaryOrder: '',
  endsWith: (text, lengthParam, suffixParam) => `substr(${text}, -${lengthParam}) = ${suffixParam}`,
  forUpdate: '',
};

type Bound = string | number | null | Buffer;

function bind(params: readonly SqlValue[]): Bound[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : (p as Bound)));
}

interface Connection {
  db: Database.Database;
  /** The database file, named in fault messages. */
  file: string;
  writer: Mutex;
  savepoints: number;
  /** Prepared once and reused: the import and re-score run the same few statements thousands of times. */
  statements: Map<string, Database.Statement>;
  /** Statements run (Store.roundTrips). */
  sent: { count: number };
}

class SqliteSql implements Sql {
  readonly dialect = SQLITE;
  private readonly conn: Connection;
  private readonly inTransaction: boolean;

  constructor(conn: Connection, inTransaction: boolean) {
    this.conn = conn;
    this.inTransaction = inTransaction;
  }

  get sent(): { count: number } {
    return this.conn.sent;
  }

  /** One statement about to run (counted as PostgreSQL counts its round trips). */
  private exec(text: string): void {
    this.conn.sent.count++;
    this.conn.db.exec(text);
  }

  private prepare(sql: string): Database.Statement {
    this.conn.sent.count++;
    let s = this.conn.statements.get(sql);
    if (!s) {
      s = this.conn.db.prepare(sql);
      this.conn.statements.set(sql, s);
    }
    return s;
  }

  /** A write outside a transaction still waits for an open one to end (it must not land inside it). */
  private async write<T>(statement: Database.Statement, run: () => T): Promise<T> {
    if (this.inTransaction || statement.readonly) return run();
    const release = await this.conn.writer.acquire();
    try {
      return run();
    } finally {
      release();
    }
  }

  /** A damaged file or a full disk becomes a Chinese message naming the file (sqlite-faults.ts). */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw sqliteFault(err, this.conn.file);
    }
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.guarded(() => {
      const s = this.prepare(sql);
      return this.write(s, () => s.all(...bind(params)) as T[]);
    });
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | null> {
    return this.guarded(() => {
      const s = this.prepare(sql);
      return this.write(s, () => (s.get(...bind(params)) as T | undefined) ?? null);
    });
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.guarded(() => {
      const s = this.prepare(sql);
      return this.write(s, () => s.run(...bind(params)).changes);
    });
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    await this.guarded(() => {
      const s = this.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      return this.write(s, () => {
        for (const row of rows) s.run(...bind(row));
      });
    });
  }

  async transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const { db } = this.conn;
    if (this.inTransaction) {
      const name = `sp${++this.conn.savepoints}`;
      this.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn(this);
        this.exec(`RELEASE ${name}`);
        return result;
      } catch (err) {
        this.exec(`ROLLBACK TO ${name}`);
        this.exec(`RELEASE ${name}`);
        throw err;
      }
    }
    const release = await this.conn.writer.acquire();
    try {
      this.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteSql(this.conn, true));
        this.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) this.exec('ROLLBACK');
        throw err;
      }
    } catch (err) {
      throw sqliteFault(err, this.conn.file);
    } finally {
      release();
    }
  }

  isRetryable(): boolean {
    return false; // one writer at a time: nothing to lose a race to
  }

  async close(): Promise<void> {
    const release = await this.conn.writer.acquire();
    try {
      this.conn.db.close();
    } finally {
      release();
    }
  }
}

const TABLES = ['departments', 'department_aliases', 'roster', 'blobs', 'files', 'rubrics', 'reports', 'audit_runs', 'audits', 'findings', 'decisions', 'corrections', 'report_comments', 'settings', 'pending_refresh'];

/** Open (or create) a SQLite store. `migrate: false` leaves the schema as it is (tests of old versions). */
export function openSqliteStore(file: string, options: { migrate?: boolean; target?: number } = {}): Store {
  let db: Database.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file);
  } catch (err) {
    const fault = sqliteFault(err, file);
    throw fault instanceof StoreError ? fault : new StoreError('cantopen', `无法打开数据库文件：${file}（${(err as Error).message}）`);
  }
  try {
    // The first statements read the header: a garbled or truncated file, or a full disk, fails here.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    // NORMAL is durable in WAL mode for committed transactions except on power loss of the last few;
    // FULL makes every commit survive a power cut, which the office asked for.
    db.pragma('synchronous = FULL');
    if (options.migrate !== false) migrateSqlite(db, options.target);
    // Reading the schema touches every table's root page: a file cut short is noticed at open, not mid-import.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    db.close();
    throw sqliteFault(err, file);
  }
  const conn: Connection = { db, file, writer: new Mutex(), savepoints: 0, statements: new Map(), sent: { count: 0 } };
  const sql = new SqliteSql(conn, false);
  return new SqlStore(sql, {
    backend: 'sqlite',
    location: file,
    // With synchronous=FULL each transaction costs an fsync (~7 ms here): several reports share one.
    batching: { maxBatch: 8, budgetMs: 25 },
    tables: TABLES,
    schemaVersion: async () => sqliteSchemaVersion(db),
    integrity: async () => sqliteIntegrity(db, file),
  });
}

/** PRAGMA integrity_check: every page, index and constraint; 'ok' alone when sound (at most 100 problems listed). */
function sqliteIntegrity(db: Database.Database, file: string): string[] {
  try {
    const rows = db.pragma('integrity_check(100)') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
  } catch (err) {
    const fault = sqliteFault(err, file);
    return [fault instanceof Error ? fault.message : String(err)];
  }
}

function sqliteSchemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Bring the schema up to `target` (default: latest). Returns the versions applied. */
export function migrateSqlite(db: Database.Database, target: number = LATEST_SCHEMA_VERSION): number[] {
  const applied: number[] = [];
  for (const m of pendingMigrations(sqliteSchemaVersion(db), target)) {
    db.transaction(() => {
      db.exec(m.sqlite);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
