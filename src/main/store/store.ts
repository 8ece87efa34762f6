/**
 * The audit database as the rest of the program sees it: one typed, asynchronous interface grouped by kind
 * of data. Two adapters implement it — the embedded SQLite file (default) and a shared PostgreSQL server
 * (several reviewers at once) — and neither SQL nor driver types leave src/main/store.
 */
import type { CellCorrection, ReportSummary, ReviewerComment, ReviewerDecision } from '../../shared/api.ts';
import { CodedError } from '../../shared/coded-error.ts';
import type { CellValue, Finding, Generation, Report, ScoreResult, TableId } from '../../shared/model.ts';
import type { CellAddress } from '../../shared/template/index.ts';
import type { FailedCounts } from '../../shared/problem-counts.ts';

// ---------- rows ----------

export interface FileRow {
  id: number;
  path: string;
  name: string;
  size: number;
  sha256: string;
  format: string | null;
  error: string | null;
  errorCode: string | null;
  pages: number | null;
  importedAt: string;
}

/** A file to store: its row before the store numbers and dates it, and its bytes. */
export interface FileInput extends Omit<FileRow, 'id' | 'importedAt'> {
  bytes: Uint8Array;
}

export interface ReportInput {
  departmentId: number | null;
  departmentText: string | null;
  year: number | null;
  generation: Generation | null;
  signedOn: string | null;
  report: Report | null;
  fingerprint: unknown;
}

export interface ReportRow {
  id: number;
  fileId: number;
  departmentId: number | null;
  departmentText: string | null;
  year: number | null;
  version: number;
  generation: Generation | null;
  signedOn: string | null;
  importedAt: string;
  currentAuditId: number | null;
}

export interface VersionRow {
  reportId: number;
  version: number;
  importedAt: string;
  score: number | null;
}

export interface RunInput {
  kind: 'import' | 'review' | 'rescore' | 'peer-refresh';
  rubricId: string;
  rubricVersion: number;
  engineVersion: string;
}

export interface AuditInput {
  findings: Finding[];
  score: ScoreResult | null;
  late: boolean | null;
  failed: number;
  uncertain: number;
  /** Failed findings per check and dimension (stored in the column failed_by_category, named before dimensions). */
  failedCounts: FailedCounts;
}

/** A report as listed: the API's summary, with counts still null where no audit stored them. */
export interface SummaryRow extends Omit<ReportSummary, 'failed' | 'failedByCheck' | 'failedByDimension' | 'uncertain'> {
  failed: number | null;
  failedCounts: FailedCounts | null;
  uncertain: number | null;
}

export interface SummaryFilter {
  year?: number;
  latestOnly?: boolean;
  departmentId?: number;
  reportId?: number;
}

/** A stored reviewer decision: the same shape the API returns. */
export type DecisionRow = ReviewerDecision;
export type CommentRow = ReviewerComment;

export type DecisionInput = Omit<ReviewerDecision, 'id' | 'at'>;

/** A stored cell correction: the same shape the API returns. */
export type CorrectionRow = CellCorrection;

export interface CorrectionInput {
  cell: CellAddress;
  before: CellValue;
  value: CellValue;
  reviewer: string;
  reason: string;
}

export interface DepartmentRow {
  id: number;
  name: string;
  normName: string;
  region: string | null;
  parentId: number | null;
  confirmed: boolean;
  createdAt: string;
  aliases: string[];
}

export type MatchKind = 'name' | 'alias' | 'core';

export interface RosterEntryInput {
  name: string;
  deadline?: string | null;
  receivedOn?: string | null;
}

export interface RosterRow {
  year: number;
  departmentId: number;
  department: string;
  deadline: string | null;
  receivedOn: string | null;
}

export interface RubricRow {
  id: string;
  version: number;
  json: string;
  createdAt: string;
}

/** How many rows of each kind a store holds (migrate verifies these, `verify` prints them). */
export type TableCounts = Record<string, number>;

// ---------- the import's one write ----------

export interface ImportedReportInput {
  file: FileInput;
  /** Called inside the transaction once the file row exists: resolves the department and builds the report row. */
  report: (tx: Store) => Promise<ReportInput>;
  /** Called inside the transaction with the new report's id and version: runs checks and scoring. */
  audit: (tx: Store, reportId: number, version: number, input: ReportInput) => Promise<AuditInput>;
  runId: number;
}

/** `duplicate`: another process stored the same bytes meanwhile (PostgreSQL, two reviewers importing at once). */
export type ImportedReportResult = { reportId: number; version: number; duplicate: false } | { duplicate: true; file: FileRow };

// ---------- the interface ----------

export interface FileStore {
  bySha(sha256: string): Promise<FileRow | null>;
  byId(id: number): Promise<FileRow | null>;
  /** The exact bytes that were imported (content-addressed), checked against their SHA-256 (StoreError 'damaged'). */
  blob(sha256: string): Promise<Uint8Array | null>;
  /** Stored blobs in hash order after `after` ('' = from the start), as stored (unchecked): for `verify`. */
  blobPage(after: string, limit: number): Promise<{ sha256: string; size: number; bytes: Uint8Array }[]>;
}

export interface ReportStore {
  row(id: number): Promise<ReportRow | null>;
  /** The report model as read from the file (before corrections). */
  model(id: number): Promise<Report | null>;
  fingerprint(id: number): Promise<unknown>;
  /** Latest version of each department's report for a year (peers). */
  latestIdsForYear(year: number): Promise<{ id: number; departmentId: number | null }[]>;
  /** The latest readable version of a department's report for a year, or null. */
  latestId(departmentId: number, year: number): Promise<number | null>;
  /** Ids of the latest version of every report (all years), for rescoring. */
  latestIds(): Promise<number[]>;
  versions(departmentId: number | null, year: number | null, reportId: number): Promise<VersionRow[]>;
  summaries(filter?: SummaryFilter): Promise<SummaryRow[]>;
  years(): Promise<number[]>;
  /**
   * File + blob + report + audit + findings, all or nothing. `replaceFileId` retries a failed file in place.
   * The callbacks may run more than once (a PostgreSQL transaction retried after a deadlock).
   */
  writeImported(input: ImportedReportInput, replaceFileId?: number): Promise<ImportedReportResult>;
  /** Give a report to a department (and year, when given): it becomes that department's newest version. */
  assign(reportId: number, departmentId: number, year: number | null): Promise<{ version: number }>;
}

export interface AuditStore {
  createRun(run: RunInput): Promise<number>;
  /** Store one audit with its findings and make it the report's current one. */
  insert(reportId: number, runId: number, audit: AuditInput): Promise<number>;
  findings(auditId: number): Promise<Finding[]>;
  score(auditId: number): Promise<ScoreResult | null>;
  /** The report's first audit: the file as the department sent it, before any reviewer correction. */
  firstOf(reportId: number): Promise<number | null>;
  /** Mark a report just written: its cross-report checks still wait for the rest of its import. */
  markPendingRefresh(reportId: number): Promise<void>;
  /** Reports still marked (an import that wrote them died before its closing refresh), oldest first. */
  pendingRefresh(): Promise<number[]>;
  clearPendingRefresh(reportIds: readonly number[]): Promise<void>;
}

export interface ReviewStore {
  decisions(reportId: number): Promise<DecisionRow[]>;
  insertDecision(reportId: number, decision: DecisionInput): Promise<number>;
  corrections(reportId: number): Promise<CorrectionRow[]>;
  insertCorrection(reportId: number, correction: CorrectionInput): Promise<number>;
  /** The reviewer's overall comment in force (the latest saved; null when none or cleared). */
  comment(reportId: number): Promise<CommentRow | null>;
  insertComment(reportId: number, comment: Omit<CommentRow, 'at'>): Promise<number>;
  /**
   * How many reviewer changes (decisions + corrections) a report has: never decreases, so a view that
   * read revision n is stale once it is n+1. Inside a transaction it also locks the report against
   * other reviewers' changes until the transaction ends.
   */
  revision(reportId: number): Promise<number>;
  /** Something that changes whenever anyone stores a report, audit, decision or correction (for polling). */
  changeStamp(): Promise<string>;
}

export interface DepartmentStore {
  get(id: number): Promise<DepartmentRow | null>;
  list(): Promise<DepartmentRow[]>;
  /** Find the department a name refers to, or null. Never creates anything. */
  match(name: string): Promise<{ id: number; how: MatchKind; name: string } | null>;
  /** The department a report names: matched, or created unconfirmed; `name` is its stored name. */
  resolve(name: string, options?: { confirmed?: boolean }): Promise<{ id: number; created: boolean; how: MatchKind | 'created'; name: string }>;
  rename(id: number, newName: string): Promise<DepartmentRow>;
  merge(fromId: number, intoId: number): Promise<DepartmentRow>;
}

export interface RosterStore {
  set(year: number, entries: RosterEntryInput[]): Promise<{ matched: number; created: number }>;
  forYear(year: number): Promise<RosterRow[]>;
  entry(year: number, departmentId: number): Promise<RosterRow | null>;
}

export interface RubricStore {
  current(): Promise<RubricRow | null>;
  /** Save a new version (never overwrites); `version` null = the next free one. */
  insert(id: string, json: string, version?: number): Promise<RubricRow>;
  all(): Promise<RubricRow[]>;
}

export interface SettingStore {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Where the data is, fit to show and log (a PostgreSQL password is never part of it). */
  readonly location: string;
  /** How the importer should group its writes (see commit-batcher.ts). */
  readonly batching: { maxBatch: number; budgetMs: number };
  readonly files: FileStore;
  readonly reports: ReportStore;
  readonly audits: AuditStore;
  readonly reviews: ReviewStore;
  readonly departments: DepartmentStore;
  readonly roster: RosterStore;
  readonly rubrics: RubricStore;
  readonly settings: SettingStore;
  /**
   * Run `fn` in one transaction (nested: a savepoint). A top-level PostgreSQL transaction that loses a
   * deadlock is retried, so `fn` must be safe to run again. With `whole`, `fn` failing fails the whole
   * transaction (nothing catches inside it), so the atomic writes it makes need no savepoints of their own.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>, options?: { whole?: boolean }): Promise<T>;
  /** Rows per table, for migrate and verify. */
  counts(): Promise<TableCounts>;
  /** The backend's own consistency check (SQLite: integrity_check); empty when nothing is wrong. */
  integrity(): Promise<string[]>;
  schemaVersion(): Promise<number>;
  /**
   * Statements sent to the database so far by this store and its transactions (BEGIN, COMMIT and
   * savepoints included): round trips to a PostgreSQL server, each a wait on a loaded network or host.
   */
  roundTrips(): number;
  close(): Promise<void>;
}

/** A change the store refuses (unknown department, a name already taken…); the service passes its code on. */
export class StoreError extends CodedError {}
