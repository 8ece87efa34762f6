/**
 * The `Store` interface over an `Sql` connection: the same queries for SQLite and PostgreSQL (the adapters
 * supply the connection and the dialect). Writes that must be atomic are wrapped in a transaction here.
 */
import { clearPendingRefresh, createRun, findingsOfAudit, firstAuditOf, insertAudit, markPendingRefresh, pendingRefresh, scoreOfAudit } from './audits.ts';
import { getDepartment, listDepartments, matchDepartment, mergeDepartments, renameDepartment, resolveDepartment } from './departments.ts';
import { blobBytes, blobPage, fileById, fileBySha, insertFile } from './files.ts';
import {
  insertReport,
  latestReportId,
  latestReportIds,
  latestReportIdsForYear,
  listYears,
  reportFingerprint,
  reportModel,
  reportRow,
  retireFile,
  summaries,
  versionsOf,
} from './reports.ts';
import { changeStamp, commentOf, correctionsOf, decisionsOf, insertComment, insertCorrection, insertDecision, reviewRevision } from './reviews.ts';
import { rosterEntry, rosterForYear, setRoster } from './roster.ts';
import { currentRubric, insertRubric, rubricVersions } from './rubrics.ts';
import { getSetting, setSetting } from './settings.ts';
import type { Sql } from './sql.ts';
import { assignReport } from './assign.ts';
import type {
  AuditStore,
  DepartmentStore,
  FileStore,
  ImportedReportInput,
  ImportedReportResult,
  ReportStore,
  ReviewStore,
  RosterStore,
  RubricStore,
  SettingStore,
  Store,
  TableCounts,
} from './store.ts';

export interface SqlStoreInfo {
  backend: Store['backend'];
  location: string;
  batching: Store['batching'];
  /** Every table, in an order that respects foreign keys (parents first). */
  tables: readonly string[];
  schemaVersion: () => Promise<number>;
  /** The backend's own consistency check: problems found, none when sound. */
  integrity: () => Promise<string[]>;
}

export class SqlStore implements Store {
  readonly sql: Sql;
  readonly backend: Store['backend'];
  readonly location: string;
  readonly batching: Store['batching'];
  readonly files: FileStore;
  readonly reports: ReportStore;
  readonly audits: AuditStore;
  readonly reviews: ReviewStore;
  readonly departments: DepartmentStore;
  readonly roster: RosterStore;
  readonly rubrics: RubricStore;
  readonly settings: SettingStore;
  private readonly info: SqlStoreInfo;

  /**
   * Inside a transaction that fails as a whole (writeImported's callbacks, `transaction(fn, { whole })`):
   * an atomic write there needs no savepoint of its own — two round trips fewer each on a server.
   */
  private readonly whole: boolean;

  constructor(sql: Sql, info: SqlStoreInfo, whole = false) {
    this.sql = sql;
    this.info = info;
    this.whole = whole;
    this.backend = info.backend;
    this.location = info.location;
    this.batching = info.batching;
    this.files = {
      bySha: (sha) => fileBySha(sql, sha),
      byId: (id) => fileById(sql, id),
      blob: (sha) => blobBytes(sql, sha, info.location),
      blobPage: (after, limit) => blobPage(sql, after, limit),
    };
    this.reports = {
      row: (id) => reportRow(sql, id),
      model: (id) => reportModel(sql, id),
      fingerprint: (id) => reportFingerprint(sql, id),
      latestIdsForYear: (year) => latestReportIdsForYear(sql, year),
      latestId: (departmentId, year) => latestReportId(sql, departmentId, year),
      latestIds: () => latestReportIds(sql),
      versions: (departmentId, year, reportId) => versionsOf(sql, departmentId, year, reportId),
      summaries: (filter) => summaries(sql, filter),
      years: () => listYears(sql),
      writeImported: (input, replaceFileId) => this.writeImported(input, replaceFileId),
      assign: (reportId, departmentId, year) => this.atomically((tx) => assignReport(tx, reportId, departmentId, year)),
    };
    this.audits = {
      createRun: (run) => createRun(sql, run),
      insert: (reportId, runId, audit) => this.atomically((tx) => insertAudit(tx, reportId, runId, audit)),
      findings: (auditId) => findingsOfAudit(sql, auditId),
      score: (auditId) => scoreOfAudit(sql, auditId),
      firstOf: (reportId) => firstAuditOf(sql, reportId),
      markPendingRefresh: (reportId) => markPendingRefresh(sql, reportId),
      pendingRefresh: () => pendingRefresh(sql),
      clearPendingRefresh: (reportIds) => clearPendingRefresh(sql, reportIds),
    };
    this.reviews = {
      decisions: (reportId) => decisionsOf(sql, reportId),
      insertDecision: (reportId, d) => insertDecision(sql, reportId, d),
      corrections: (reportId) => correctionsOf(sql, reportId),
      insertCorrection: (reportId, c) => insertCorrection(sql, reportId, c),
      comment: (reportId) => commentOf(sql, reportId),
      insertComment: (reportId, c) => insertComment(sql, reportId, c),
      revision: (reportId) => reviewRevision(sql, reportId),
      changeStamp: () => changeStamp(sql),
    };
    this.departments = {
      get: (id) => getDepartment(sql, id),
      list: () => listDepartments(sql),
      match: (name) => matchDepartment(sql, name),
      resolve: (name, options) => this.atomically((tx) => resolveDepartment(tx, name, options)),
      rename: (id, name) => this.atomically((tx) => renameDepartment(tx, id, name)),
      merge: (fromId, intoId) => this.atomically((tx) => mergeDepartments(tx, fromId, intoId)),
    };
    this.roster = {
      set: (year, entries) => this.atomically((tx) => setRoster(tx, year, entries)),
      forYear: (year) => rosterForYear(sql, year),
      entry: (year, departmentId) => rosterEntry(sql, year, departmentId),
    };
    this.rubrics = {
      current: () => currentRubric(sql),
      insert: (id, json, version) => this.atomically((tx) => insertRubric(tx, id, json, version)),
      all: () => rubricVersions(sql),
    };
    this.settings = {
      get: (key) => getSetting(sql, key),
      set: (key, value) => setSetting(sql, key, value),
    };
  }

  transaction<T>(fn: (tx: Store) => Promise<T>, options: { whole?: boolean } = {}): Promise<T> {
    return this.sql.transaction((sql) => fn(new SqlStore(sql, this.info, options.whole === true)));
  }

  /** Several statements as one (a savepoint when already inside a transaction). */
  private atomically<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.whole ? fn(this.sql) : this.sql.transaction(fn);
  }

  private writeImported(input: ImportedReportInput, replaceFileId?: number): Promise<ImportedReportResult> {
    return this.atomically(async (sql) => {
      const tx = new SqlStore(sql, this.info, true);
      if (replaceFileId !== undefined) await retireFile(sql, replaceFileId);
      const fileId = await insertFile(sql, input.file);
      if (fileId === null) return { duplicate: true, file: (await fileBySha(sql, input.file.sha256))! };
      const reportInput = await input.report(tx);
      const { id, version } = await insertReport(sql, fileId, reportInput);
      const audit = await input.audit(tx, id, version, reportInput);
      await insertAudit(sql, id, input.runId, audit);
      return { reportId: id, version, duplicate: false };
    });
  }

  async counts(): Promise<TableCounts> {
    const counts: TableCounts = {};
    for (const table of this.info.tables) {
      const row = await this.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  }

  schemaVersion(): Promise<number> {
    return this.info.schemaVersion();
  }

  integrity(): Promise<string[]> {
    return this.info.integrity();
  }

  roundTrips(): number {
    return this.sql.sent.count;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
