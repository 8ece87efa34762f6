/**
 * What the queries of src/main/store need from a database driver: run a statement with `?` parameters,
 * transactions (nested = savepoints), a multi-row insert, and the few spots where SQLite and PostgreSQL
 * spell things differently (`Dialect`). The SQLite and PostgreSQL adapters each implement it; the query
 * modules (files, reports, audits, …) are written once over it.
 */

export type SqlValue = string | number | null | Uint8Array;

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Appended to a text ORDER BY term: code-point order on both (PostgreSQL's default follows the locale). */
  readonly binaryOrder: string;
  /** `text` ends with the string parameter of length `lengthParam` (SQLite has negative substr, PostgreSQL right()). */
  endsWith(text: string, lengthParam: string, suffixParam: string): string;
  /** Row lock for the rest of the transaction (SQLite's write transaction already excludes other writers). */
  readonly forUpdate: string;
}

export interface Sql {
  readonly dialect: Dialect;
  /** Statements sent on this connection (shared by its transactions): see Store.roundTrips. */
  readonly sent: { count: number };
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | null>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Insert many rows of the same columns (one statement on PostgreSQL, a reused prepared one on SQLite). */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
  /** One transaction; inside one, a savepoint. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Whether an error lost a lock race to another writer and the transaction may simply run again. */
  isRetryable(err: unknown): boolean;
  close(): Promise<void>;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A JSON text column read back, or null. */
export function parseJson<T>(text: string | null | undefined): T | null {
  return text === null || text === undefined ? null : (JSON.parse(text) as T);
}
