/**
 * The shared store: a PostgreSQL server several reviewers use at once (node-postgres). Same queries as
 * SQLite (sql-store.ts); what differs is here: `$n` parameters, a connection pool, transactions on one
 * pooled client, deadlock retries, migrations under an advisory lock, and Chinese connection errors.
 */
import pg from 'pg';
import { LATEST_SCHEMA_VERSION, pendingMigrations } from './migrations/index.ts';
import { parsePostgresUrl, withoutPassword, type PostgresTarget } from './postgres-url.ts';
import type { Dialect, Sql, SqlValue } from './sql.ts';
import { SqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

const POSTGRES: Dialect = {
  name: 'postgres',
  binaryOrder: ' COLLATE "C"',
  endsWith: (text, lengthParam, suffixParam) => `right(${text}, ${lengthParam}) = ${suffixParam}`,
  forUpdate: ' FOR UPDATE',
};

// COUNT(*) and SUM() are bigint, which node-postgres returns as text: our counts fit a double.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** `?` placeholders → `$1, $2, …` (none of our statements has a `?` inside a string literal). */
const numbered = new Map<string, string>();
function toPostgres(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));
}

/** Lost a lock race (deadlock, serialization failure): the transaction can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 8;

type Queryable = pg.Pool | pg.PoolClient;

class PostgresSql implements Sql {
  readonly dialect = POSTGRES;
  private readonly pool: pg.Pool;
  private readonly client: pg.PoolClient | null;
  private savepoints = 0;
  readonly sent: { count: number };

  constructor(pool: pg.Pool, client: pg.PoolClient | null, sent: { count: number } = { count: 0 }) {
    this.pool = pool;
    this.client = client;
    this.sent = sent;
  }

  /** Where statements go (the transaction's client, else the pool); each call is one round trip. */
  private get target(): Queryable {
    this.sent.count++;
    return this.client ?? this.pool;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.target.query(toPostgres(sql), bind(params));
    return result.rows as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | null> {
    const result = await this.target.query(toPostgres(sql), bind(params));
    return (result.rows[0] as T | undefined) ?? null;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.target.query(toPostgres(sql), bind(params));
    return result.rowCount ?? 0;
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    // One statement per 500 rows: a round trip each, instead of one per row.
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      let n = 0;
      const values = chunk.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
      await this.target.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, bind(chunk.flat()));
    }
  }

  async transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.client) {
      const name = `sp${++this.savepoints}`;
      const client = this.client;
      const send = (text: string): Promise<unknown> => {
        this.sent.count++;
        return client.query(text);
      };
      await send(`SAVEPOINT ${name}`);
      try {
        const result = await fn(this);
        await send(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await send(`ROLLBACK TO SAVEPOINT ${name}`);
        await send(`RELEASE SAVEPOINT ${name}`);
        throw err;
      }
    }
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        this.sent.count++;
        await client.query('BEGIN');
        const result = await fn(new PostgresSql(this.pool, client, this.sent));
        this.sent.count++;
        await client.query('COMMIT');
        return result;
      } catch (err) {
        this.sent.count++;
        await client.query('ROLLBACK').catch(() => undefined);
        if (!this.isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err;
        // Another reviewer's transaction held what this one needed: let it finish, then run again.
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      } finally {
        client.release();
      }
    }
  }

  isRetryable(err: unknown): boolean {
    return RETRYABLE.has((err as { code?: string }).code ?? '');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const TABLES = ['departments', 'department_aliases', 'roster', 'blobs', 'files', 'rubrics', 'reports', 'audit_runs', 'audits', 'findings', 'decisions', 'corrections', 'report_comments', 'settings', 'pending_refresh'];

/** Why a connection failed, in words an office can act on (never with the password). */
export function connectionErrorMessage(err: unknown, target: PostgresTarget): string {
  const e = err as { code?: string; message?: string };
  const where = `${target.host}:${target.port}`;
  const detail = withoutPassword(e.message ?? String(err), target);
  switch (e.code) {
    case '28P01':
      return `数据库密码错误：用户“${target.user}”无法登录 ${where}`;
    case '28000':
      return `数据库服务器 ${where} 拒绝了用户“${target.user}”（没有该用户，或 pg_hba.conf 不允许从本机连接）：${detail}`;
    case '3D000':
      return `数据库“${target.database}”不存在：请先在服务器 ${where} 上建立（createdb ${target.database}）`;
    case '42501':
      return `用户“${target.user}”没有在数据库“${target.database}”中建表的权限：${detail}`;
    case 'ECONNREFUSED':
      return `无法连接数据库服务器 ${where}：连接被拒绝（服务器未启动、端口不对，或防火墙未放行）`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到数据库服务器“${target.host}”：请检查服务器名称或 IP 地址`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `连接数据库服务器 ${where} 超时：网络不通或防火墙未放行`;
    case 'ECONNRESET':
      return `数据库服务器 ${where} 断开了连接：${detail}`;
    default:
      if (/timeout/i.test(detail)) return `连接数据库服务器 ${where} 超时：网络不通或防火墙未放行`;
      if (/ssl|certificate|self[- ]signed/i.test(detail)) return `数据库服务器 ${where} 的 SSL 连接失败（检查 sslmode 与证书）：${detail}`;
      return `无法连接数据库 ${target.display}：${detail}`;
  }
}

export interface PostgresOptions {
  migrate?: boolean;
  target?: number;
  /** Seconds to wait for the server (default 10). */
  connectTimeoutS?: number;
}

/** Connect to a PostgreSQL database and bring its schema up to date. Errors are Chinese and password-free. */
export async function openPostgresStore(location: string, options: PostgresOptions = {}): Promise<Store> {
  const target = parsePostgresUrl(location);
  const pool = new pg.Pool({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    ...(target.password !== undefined ? { password: target.password } : {}),
    ssl: target.ssl,
    max: 4,
    connectionTimeoutMillis: (options.connectTimeoutS ?? 10) * 1000,
    idleTimeoutMillis: 30_000,
    application_name: 'ogi-auditor',
    types,
  });
  // An idle client losing its server (restart, network) must not crash the app: the next query reconnects.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(connectionErrorMessage(err, target));
  }
  try {
    if (options.migrate !== false) await migratePostgres(pool, options.target);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`数据库 ${target.display} 升级失败：${withoutPassword((err as Error).message, target)}`);
  }
  const sql = new PostgresSql(pool, null);
  return new SqlStore(sql, {
    backend: 'postgres',
    location: target.display,
    // One report per transaction: the server does its own fsyncs off this thread, and small transactions
    // keep two reviewers' imports from waiting on each other's batches (or deadlocking).
    batching: { maxBatch: 1, budgetMs: 25 },
    tables: TABLES,
    schemaVersion: () => postgresSchemaVersion(pool),
    // The server keeps its own pages consistent (checksums, WAL); blob hashes are checked by verify itself.
    integrity: async () => [],
  });
}

async function postgresSchemaVersion(q: Queryable): Promise<number> {
  const exists = await q.query<{ t: string | null }>("SELECT to_regclass('ogi_schema')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const row = await q.query<{ version: number }>('SELECT version FROM ogi_schema');
  return row.rows[0]?.version ?? 0;
}

/** Apply pending migrations, one transaction each, under an advisory lock (two apps starting at once). */
export async function migratePostgres(pool: pg.Pool, target: number = LATEST_SCHEMA_VERSION): Promise<number[]> {
  const applied: number[] = [];
  const client = await pool.connect();
  try {
    for (;;) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock(7263017)');
        await client.query('CREATE TABLE IF NOT EXISTS ogi_schema (version INTEGER NOT NULL)');
        const current = await postgresSchemaVersion(client);
        const next = pendingMigrations(current, target)[0];
        if (!next) {
          await client.query('COMMIT');
          return applied;
        }
        await client.query(next.postgres);
        await client.query('DELETE FROM ogi_schema');
        await client.query('INSERT INTO ogi_schema (version) VALUES ($1)', [next.version]);
        await client.query('COMMIT');
        applied.push(next.version);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
  } finally {
    client.release();
  }
}
