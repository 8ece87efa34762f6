/**
 * AuditorApi: every call the UI can make. `src/main/service.ts` implements it once; the Electron
 * adapter (IPC) and the web adapter (HTTP on 127.0.0.1) are both generated from `API_METHODS`.
 * Payloads and results are plain JSON.
 */
import type { AuditResult, CellValue, DecisionAction, Finding, FindingDecision, Generation } from './model.ts';
import type { CellAddress } from './template/index.ts';
import type { YearRollup } from './rollup.ts';
import type { TrendPoint, YearCharts } from './year-charts.ts';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface ReportSummary {
  reportId: number;
  departmentId: number | null;
  department: string | null;
  year: number | null;
  /** 1 for the first submission, 2… for resubmissions of the same department and year. */
  version: number;
  latest: boolean;
  file: string;
  format: string | null;
  generation: Generation | null;
  score: number | null;
  grade: string | null;
  veto: string | null;
  /** Findings with status fail after reviewer decisions, and how many per check and per rubric dimension (src/shared/problem-counts.ts). */
  failed: number;
  failedByCheck: Record<string, number>;
  failedByDimension: Record<string, number>;
  uncertain: number;
  signedOn: string | null;
  /** null when the deadline could not be judged (undated). */
  late: boolean | null;
  error: string | null;
  importedAt: string;
}

/** A reviewer's decision as stored and shown. */
export interface ReviewerDecision extends FindingDecision {
  id: number;
  /** Index of the finding in the report's findings list (-1 when checks run again no longer find it), and its check id. */
  findingIndex: number;
  check: string;
  /** The finding's wording when the decision was made (shown when that finding no longer exists). */
  message: string;
  action: DecisionAction;
  reason: string;
  reviewer: string;
  at: string;
}

export interface CellCorrection {
  id: number;
  cell: CellAddress;
  /** Value originally read, and the corrected value. */
  before: CellValue;
  value: CellValue;
  reviewer: string;
  reason: string;
  at: string;
}

/** The reviewer's overall comment on a report (审核意见), printed in the audit sheet's 审核意见 box; the latest save holds. */
export interface ReviewerComment {
  text: string;
  reviewer: string;
  at: string;
}

export interface ReportDetail {
  summary: ReportSummary;
  /** The full audit (report model, findings with deductions, score) after corrections and decisions. */
  result: AuditResult;
  decisions: ReviewerDecision[];
  corrections: CellCorrection[];
  /** The reviewer's overall comment (审核意见), null when none was written. */
  comment: ReviewerComment | null;
  /**
   * How many decisions and corrections the report has had. A reviewer's change sends the revision its view
   * was read at; when someone else changed the report since, it is refused with 已被他人修改，请刷新.
   */
  revision: number;
  /** Other versions of the same department + year, oldest first. */
  versions: { reportId: number; version: number; importedAt: string; score: number | null }[];
  /** Findings of the previous version that no longer fail in this one (rectification). */
  fixedSincePrevious: { check: string; message: string }[];
  /**
   * Corrections of the previous version whose cell the department has changed in this one (to another value
   * than the correction's): not carried over, for the reviewer to look at again. Corrections of cells still
   * holding the value read are carried over as corrections of this version.
   */
  correctionsToReview: { cell: CellAddress; read: CellValue; corrected: CellValue; now: CellValue; reviewer: string; reason: string; version: number }[];
  /** The same department's report for the previous year, when stored. */
  previousYearReportId: number | null;
}

export interface ImportProgress {
  jobId: string;
  /** What was imported, in words ("D:\\年报 等 3 项", "上传的 12 个文件"): the job card's title, also after a page reload. */
  label?: string;
  total: number;
  done: number;
  current: string | null;
  /** The scanned file being read by OCR now, and which of its scanned pages (1-based of total). */
  ocr?: { file: string; done: number; total: number; page: number } | null;
  /** Set once the reviewer cancelled the job (files not yet read are left for a later import). */
  cancelled?: boolean;
  imported: number;
  skipped: { file: string; reason: string }[];
  errors: { file: string; reason: string }[];
  finished: boolean;
}

/**
 * An import job's progress as it travels to a client (SSE stream, `importUpdate` polls): the counters, and
 * only the skipped/errors entries the client has not seen — those from index `skippedFrom`/`errorsFrom` on.
 * From 0 it is a full snapshot. The client keeps the lists (`applyProgressUpdate` in import-progress.ts),
 * so what is sent over a whole import grows with the number of files, not with its square.
 */
export interface ImportProgressUpdate extends Omit<ImportProgress, 'skipped' | 'errors'> {
  skippedFrom: number;
  skipped: ImportProgress['skipped'];
  errorsFrom: number;
  errors: ImportProgress['errors'];
}

export interface DepartmentInfo {
  id: number;
  name: string;
  aliases: string[];
  region: string | null;
  /** True when the name was proposed by an import and not yet confirmed by a reviewer. */
  unconfirmed: boolean;
}

export interface OverviewRow {
  departmentId: number;
  department: string;
  year: number;
  report: ReportSummary | null;
  /** On the roster for the year but no report imported (未报送). */
  missing: boolean;
}

export interface RubricDocument {
  id: string;
  version: number;
  /** The rubric as JSON text (see src/core/score/rubric.ts for the schema). */
  json: string;
  createdAt: string;
}

/** A batch export of a year's documents (批量导出), as it runs. */
export interface ExportProgress {
  jobId: string;
  year: number;
  total: number;
  done: number;
  current: string | null;
  finished: boolean;
  /** Why the export failed (Chinese), or null. */
  error: string | null;
  /** Desktop: the folder written to; browser mode: null (the files come as one zip download). */
  folder: string | null;
  /** Paths written, relative to the folder (全部审核意见单.pdf, 审核意见单/<单位>.pdf, 汇总表.xlsx…). */
  files: string[];
  /** File name of the zip offered for download (browser mode), once finished. */
  download: string | null;
  sheets: number;
  notices: number;
}

/** The office's own settings. */
export interface OfficeSettings {
  /** The office's name, heading every printed sheet, notice and summary. */
  office: string;
}

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/** Which database the app uses: this machine's file, or the office's shared PostgreSQL server. */
export type DatabaseChoice =
  | { backend: 'sqlite' }
  | { backend: 'postgres'; host: string; port: number; database: string; user: string; sslmode: SslMode };

export interface DatabaseInfo {
  /** The database in use now (an address never includes the password). */
  backend: 'sqlite' | 'postgres';
  location: string;
  /** The saved choice the next start opens (null: the local file), and whether a password is saved with it. */
  saved: DatabaseChoice | null;
  passwordSaved: boolean;
  /** False when the command line or OGI_DB fixes the database (the setting cannot change it). */
  editable: boolean;
}

export interface AuditorApi {
  /** Start importing files/folders on the machine running the backend. */
  importPaths(input: { paths: string[]; year?: number }): Promise<{ jobId: string }>;
  /** Start importing uploaded files (browser mode drag-and-drop): base64 bytes. */
  importUploads(input: { files: { name: string; base64: string }[] }): Promise<{ jobId: string }>;
  importStatus(input: { jobId: string }): Promise<ImportProgress>;
  /** What is new in a job for a client that holds `skippedFrom` skipped and `errorsFrom` error entries (0, 0: a snapshot). */
  importUpdate(input: { jobId: string; skippedFrom: number; errorsFrom: number }): Promise<ImportProgressUpdate>;
  /** The import jobs still running and those finished in the last 30 minutes, oldest first: a reloaded page shows their cards again. */
  listImports(): Promise<ImportProgress[]>;
  /** Stop an import: files not yet read are left out (import them again later), a scan being read stops at its next page. */
  cancelImport(input: { jobId: string }): Promise<ImportProgress>;

  listYears(): Promise<number[]>;
  listReports(input: { year?: number; latestOnly?: boolean }): Promise<ReportSummary[]>;
  overview(input: { year: number }): Promise<OverviewRow[]>;
  getReport(input: { reportId: number }): Promise<ReportDetail>;
  /** Changes whenever anyone (another reviewer on a shared database too) stores a report, audit, decision or correction. */
  changeStamp(): Promise<{ stamp: string }>;

  decideFinding(input: {
    reportId: number;
    findingIndex: number;
    action: 'confirm' | 'dismiss';
    reason: string;
    reviewer: string;
    /** `ReportDetail.revision` of the view the reviewer decided on (optional: unchecked without it). */
    revision?: number;
  }): Promise<ReportDetail>;
  correctCell(input: {
    reportId: number;
    cell: CellAddress;
    value: CellValue;
    reason: string;
    reviewer: string;
    /** `ReportDetail.revision` of the view the correction was made on (optional: unchecked without it). */
    revision?: number;
  }): Promise<ReportDetail>;

  /** Save the reviewer's overall comment (审核意见) on a report; an empty text clears it (the box prints blank). */
  saveComment(input: { reportId: number; text: string; reviewer: string }): Promise<ReportDetail>;

  getRubric(): Promise<RubricDocument>;
  saveRubric(input: { json: string }): Promise<RubricDocument>;
  rescoreAll(): Promise<{ reports: number; ms: number }>;

  listDepartments(): Promise<DepartmentInfo[]>;
  renameDepartment(input: { departmentId: number; name: string }): Promise<DepartmentInfo>;
  mergeDepartments(input: { fromId: number; intoId: number }): Promise<DepartmentInfo>;
  setRoster(input: { year: number; names: string[] }): Promise<{ matched: number; created: number }>;
  /** The roster (名单) of a year from an uploaded .xlsx/.csv file (base64), with optional deadline and received-on columns. */
  importRoster(input: { year: number; name: string; base64: string }): Promise<{ matched: number; created: number; entries: number }>;
  /** Give a report whose department (or year) was not recognised to a department, by name (created when new). */
  assignReport(input: { reportId: number; department: string; year?: number }): Promise<ReportSummary>;

  /** The 数据库 setting: what is in use, what the next start opens; test a connection; save a choice (takes effect at the next start). */
  getDatabase(): Promise<DatabaseInfo>;
  testDatabase(input: { choice: DatabaseChoice; password?: string }): Promise<{ message: string }>;
  saveDatabase(input: { choice: DatabaseChoice; password?: string }): Promise<DatabaseInfo>;

  /** Printable HTML documents (audit sheet, rectification notice, summary), rendered by core/sheet. */
  renderDocument(input: {
    kind: 'sheet' | 'notice' | 'summary';
    reportId?: number;
    year?: number;
    fixBy?: string;
  }): Promise<{ html: string; title: string }>;

  /** Start a batch export of the year (all sheets, notices, summary, Excel); desktop passes the folder chosen. */
  exportYear(input: { year: number; folder?: string }): Promise<{ jobId: string }>;
  exportStatus(input: { jobId: string }): Promise<ExportProgress>;

  getSettings(): Promise<OfficeSettings>;
  saveSettings(input: OfficeSettings): Promise<OfficeSettings>;

  /** 汇总统计: the year's three tables summed over the departments (corrections applied), with who is left out and why. */
  rollup(input: { year: number }): Promise<YearRollup>;

  /** The overview's charts of a year: grade distribution, failed checks per dimension (the printed summary's numbers). */
  yearCharts(input: { year: number }): Promise<YearCharts>;
  /** Applications received, carried over and administrative reconsiderations of the region (each year's roll-up) over the imported years. */
  regionTrend(): Promise<{ points: (TrendPoint & { departments: number })[] }>;
  /** The same three values from one department's latest report of each year it reported. */
  departmentTrend(input: { departmentId: number }): Promise<{ department: string; points: TrendPoint[] }>;
}

export type ApiMethod = keyof AuditorApi;

/** The method list both adapters are generated from. */
export const API_METHODS = [
  'importPaths',
  'importUploads',
  'importStatus',
  'importUpdate',
  'listImports',
  'cancelImport',
  'listYears',
  'listReports',
  'overview',
  'getReport',
  'changeStamp',
  'decideFinding',
  'correctCell',
  'saveComment',
  'getRubric',
  'saveRubric',
  'rescoreAll',
  'listDepartments',
  'renameDepartment',
  'mergeDepartments',
  'setRoster',
  'importRoster',
  'assignReport',
  'getDatabase',
  'testDatabase',
  'saveDatabase',
  'renderDocument',
  'exportYear',
  'exportStatus',
  'getSettings',
  'saveSettings',
  'rollup',
  'yearCharts',
  'regionTrend',
  'departmentTrend',
] as const satisfies readonly ApiMethod[];

export type { Finding };
