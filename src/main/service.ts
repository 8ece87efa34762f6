/**
 * The one implementation of AuditorApi, over the SQLite store. The Electron IPC adapter and the web
 * adapter both call this; neither contains logic of its own.
 */
import crypto from 'node:crypto';
import type {
  AuditorApi,
  DepartmentInfo,
  ImportProgress,
  OverviewRow,
  ReportDetail,
  ReportSummary,
  RubricDocument,
} from '../shared/api.ts';
import type { AuditResult, CellValue, Finding, TableId } from '../shared/model.ts';
import { openDatabase, type Db } from './store/db.ts';
import {
  StoreError,
  listDepartments as listDepartmentRows,
  mergeDepartments as mergeDepartmentRows,
  renameDepartment as renameDepartmentRow,
  type DepartmentRow,
} from './store/departments.ts';
import { rosterForYear, setRoster as setRosterRows, type RosterEntryInput } from './store/roster.ts';
import { currentRubric, insertRubric, nextRubricVersion } from './store/rubrics.ts';
import {
  correctionsOf,
  createRun,
  decisionsOf,
  fileById,
  findingsOfAudit,
  insertAudit,
  insertCorrection,
  insertDecision,
  latestReportId,
  latestReportIds,
  listYears as listStoredYears,
  reportRow,
  scoreOfAudit,
  summaries,
  versionsOf,
  type SummaryRow,
} from './store/reports.ts';
import { PeerCache, auditStored, decisionInputs, effectiveReport, summarize } from './auditing.ts';
import { importSources, type ImportSource } from './importer.ts';
import { WorkerPool } from './worker-pool.ts';
import { readLimits } from './settings.ts';
import {
  ENGINE_VERSION,
  anchorDecisionIndexes,
  defaultRubricJson,
  parseRubricJson,
  rescoreFindings,
  rubricIdentity,
  withRubricVersion,
  type Rubric,
} from './engine.ts';
import { renderNoticeHtml, renderSheetHtml, renderSummaryHtml } from '../core/sheet/index.ts';
import { embedFonts } from './print/fonts.ts';

/** An error the adapters turn into `{ ok: false, error: { code, message } }`. */
export class ServiceError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'ServiceError';
  }
}

export interface ServiceOptions {
  dbPath: string;
  /** Worker threads for parsing (default: number of cores). */
  poolSize?: number;
  /** Per-file parse limit (ms); default from settings.ts. */
  timeoutMs?: number;
  /** Largest file read (bytes); default from settings.ts. */
  maxFileBytes?: number;
  /** Heap limit of each parsing worker (MB); default from settings.ts. */
  workerMemoryMb?: number;
  /** The office's name, printed on sheets. */
  office?: string;
  /**
   * Start the parsing workers now rather than at the first import (the app and the web server do, so
   * the reviewer's first import does not wait ~1 s for them to load pdf.js and mammoth).
   */
  startWorkers?: boolean;
}

export type ImportListener = (progress: ImportProgress) => void;

export interface AuditorService extends AuditorApi {
  close(): Promise<void>;
  /** Progress of every import job (for the SSE stream / IPC events). Returns the unsubscribe function. */
  onImportProgress(listener: ImportListener): () => void;
  /** Resolves when the job has finished (tests, CLI). */
  waitForImport(jobId: string): Promise<ImportProgress>;
  /** Starts the parsing workers if needed; resolves when they are ready for files. */
  workersReady(): Promise<void>;
  readonly db: Db;
}

const TABLES: readonly TableId[] = ['active', 'requests', 'review'];

function required(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ServiceError('invalid', `${what}不能为空`);
  return value.trim();
}

function toDepartmentInfo(d: DepartmentRow): DepartmentInfo {
  return { id: d.id, name: d.name, aliases: d.aliases, region: d.region, unconfirmed: !d.confirmed };
}

function toSummary(r: SummaryRow): ReportSummary {
  return {
    reportId: r.reportId,
    departmentId: r.departmentId,
    department: r.department,
    year: r.year,
    version: r.version,
    latest: r.latest === 1,
    file: r.file,
    format: r.format,
    generation: r.generation,
    score: r.score,
    grade: r.grade,
    veto: r.veto,
    failed: r.failed ?? 0,
    failedByCategory: r.failedByCategory ? (JSON.parse(r.failedByCategory) as Record<string, number>) : {},
    uncertain: r.uncertain ?? 0,
    signedOn: r.signedOn,
    late: r.late === null ? null : r.late === 1,
    error: r.error,
    importedAt: r.importedAt,
  };
}

/** Same failure in two versions: same check at the same table cells (messages carry values that change). */
function findingKey(f: Finding): string {
  const cells = f.evidence
    .filter((e) => e.table !== undefined)
    .map((e) => `${e.table}:${e.row ?? ''}:${e.col ?? ''}`)
    .sort()
    .join(',');
  return `${f.check}|${cells}`;
}

export function createService(options: ServiceOptions): AuditorService {
  const db = openDatabase(options.dbPath);
  const jobs = new Map<string, ImportProgress>();
  const waiters = new Map<string, Promise<ImportProgress>>();
  const listeners = new Set<ImportListener>();
  let pool: WorkerPool | null = null;
  let importChain: Promise<unknown> = Promise.resolve();
  let closed = false;

  const rubric = (): { rubric: Rubric; doc: RubricDocument } => {
    let row = currentRubric(db);
    if (!row) {
      const parsed = parseRubricJson(defaultRubricJson());
      const { id, version } = rubricIdentity(parsed);
      row = insertRubric(db, id, version, defaultRubricJson());
    }
    const parsed = withRubricVersion(parseRubricJson(row.json), row.id, row.version);
    return { rubric: parsed, doc: { id: row.id, version: row.version, json: row.json, createdAt: row.createdAt } };
  };

  const summaryOf = (reportId: number): ReportSummary => {
    const row = summaries(db, { reportId })[0];
    if (!row) throw new ServiceError('not-found', `报告不存在（编号 ${reportId}）`);
    return toSummary(row);
  };

  const auditResultOf = (reportId: number): AuditResult => {
    const row = reportRow(db, reportId);
    if (!row) throw new ServiceError('not-found', `报告不存在（编号 ${reportId}）`);
    const file = fileById(db, row.fileId)!;
    const result: AuditResult = {
      file: file.path,
      sha256: file.sha256,
      format: (file.format as AuditResult['format']) ?? null,
      size: file.size,
      error: file.error,
      report: effectiveReport(db, reportId),
      findings: row.currentAuditId ? findingsOfAudit(db, row.currentAuditId) : [],
      score: row.currentAuditId ? scoreOfAudit(db, row.currentAuditId) : null,
    };
    if (file.errorCode) result.errorCode = file.errorCode;
    return result;
  };

  const detail = (reportId: number): ReportDetail => {
    const summary = summaryOf(reportId);
    const row = reportRow(db, reportId)!;
    const result = auditResultOf(reportId);
    const versions = versionsOf(db, row.departmentId, row.year, reportId);
    const previous = versions.filter((v) => v.version < row.version).at(-1);
    let fixedSincePrevious: ReportDetail['fixedSincePrevious'] = [];
    if (previous) {
      const prevRow = reportRow(db, previous.reportId);
      const prevFindings = prevRow?.currentAuditId ? findingsOfAudit(db, prevRow.currentAuditId) : [];
      const stillFailing = new Set(result.findings.filter((f) => f.status === 'fail').map(findingKey));
      fixedSincePrevious = prevFindings
        .filter((f) => f.status === 'fail' && !stillFailing.has(findingKey(f)))
        .map((f) => ({ check: f.check, message: f.message }));
    }
    return {
      summary,
      result,
      // Decisions point at the findings of the audit shown: re-anchored after checks ran again
      // (a decision whose finding is gone keeps its record, with findingIndex -1).
      decisions: (() => {
        const stored = decisionsOf(db, reportId);
        const indexes = anchorDecisionIndexes(result.findings, stored);
        return stored.map((d, k) => ({ ...d, findingIndex: indexes[k]! }));
      })(),
      corrections: correctionsOf(db, reportId),
      versions,
      fixedSincePrevious,
      previousYearReportId: row.departmentId !== null && row.year !== null ? latestReportId(db, row.departmentId, row.year - 1) : null,
    };
  };

  /** Re-run checks + score for one report after a reviewer's change, as a new audit in a 'review' run. */
  const reaudit = (reportId: number): void => {
    const { rubric: r } = rubric();
    const { id, version } = rubricIdentity(r);
    db.transaction(() => {
      const runId = createRun(db, { kind: 'review', rubricId: id, rubricVersion: version, engineVersion: ENGINE_VERSION });
      const audit = auditStored(db, reportId, r, new PeerCache(db));
      if (audit) insertAudit(db, reportId, runId, audit);
    }).immediate();
  };

  const importLimits = (): ReturnType<typeof readLimits> =>
    readLimits({ timeoutMs: options.timeoutMs, maxFileBytes: options.maxFileBytes, workerMemoryMb: options.workerMemoryMb });

  const workerPool = (): WorkerPool => {
    if (!pool) {
      const limits = importLimits();
      pool = new WorkerPool({ size: options.poolSize, timeoutMs: limits.timeoutMs, memoryMb: limits.workerMemoryMb });
    }
    return pool;
  };
  if (options.startWorkers) workerPool();

  const notify = (p: ImportProgress): void => {
    jobs.set(p.jobId, p);
    for (const l of listeners) l(p);
  };

  const startImport = (sources: ImportSource[], year: number | undefined): { jobId: string } => {
    if (closed) throw new ServiceError('closed', '服务已关闭');
    const jobId = crypto.randomUUID();
    notify({ jobId, total: sources.length, done: 0, current: null, imported: 0, skipped: [], errors: [], finished: false });
    const run = importChain.then(async () => {
      const limits = importLimits();
      const opts: Parameters<typeof importSources>[2] = { rubric: rubric().rubric, pool: workerPool(), jobId, onProgress: notify, maxFileBytes: limits.maxFileBytes };
      if (year !== undefined) opts.year = year;
      return importSources(db, sources, opts);
    });
    const done = run.then(
      (summary) => {
        const { reportIds: _ids, ms: _ms, ...progress } = summary;
        notify(progress);
        return progress;
      },
      (err: unknown) => {
        const last = jobs.get(jobId)!;
        const failed = { ...last, finished: true, errors: [...last.errors, { file: '', reason: `导入中断：${(err as Error).message}` }] };
        notify(failed);
        return failed;
      },
    );
    importChain = done;
    waiters.set(jobId, done);
    return { jobId };
  };

  const guard = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      if (err instanceof StoreError) return Promise.reject(new ServiceError(err.code, err.message));
      return Promise.reject(err);
    }
  };

  const service: AuditorService = {
    db,

    importPaths: (input) => guard(() => startImport(input.paths.map((p) => ({ path: p })), input.year)),

    importUploads: (input) =>
      guard(() =>
        startImport(
          input.files.map((f) => ({ path: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) })),
          undefined,
        ),
      ),

    importStatus: (input) =>
      guard(() => {
        const job = jobs.get(input.jobId);
        if (!job) throw new ServiceError('not-found', `导入任务不存在：${input.jobId}`);
        return job;
      }),

    listYears: () => guard(() => listStoredYears(db)),

    listReports: (input) => guard(() => summaries(db, input).map(toSummary)),

    overview: (input) =>
      guard(() => {
        const rows: OverviewRow[] = [];
        const latest = summaries(db, { year: input.year, latestOnly: true });
        const byDepartment = new Map<number, SummaryRow>();
        for (const r of latest) if (r.departmentId !== null) byDepartment.set(r.departmentId, r);
        const onRoster = new Set<number>();
        for (const entry of rosterForYear(db, input.year)) {
          onRoster.add(entry.departmentId);
          const report = byDepartment.get(entry.departmentId);
          rows.push({
            departmentId: entry.departmentId,
            department: entry.department,
            year: input.year,
            report: report ? toSummary(report) : null,
            missing: !report,
          });
        }
        for (const [departmentId, report] of byDepartment) {
          if (onRoster.has(departmentId)) continue;
          rows.push({ departmentId, department: report.department ?? '', year: input.year, report: toSummary(report), missing: false });
        }
        return rows.sort((a, b) => a.department.localeCompare(b.department, 'zh-Hans-CN'));
      }),

    getReport: (input) => guard(() => detail(input.reportId)),

    decideFinding: (input) =>
      guard(() => {
        const reason = required(input.reason, '理由');
        const reviewer = required(input.reviewer, '审核人');
        if (input.action !== 'confirm' && input.action !== 'dismiss') throw new ServiceError('invalid', '操作只能是 confirm（确认）或 dismiss（撤销）');
        const result = auditResultOf(input.reportId);
        const finding = result.findings[input.findingIndex];
        if (!finding) throw new ServiceError('invalid', `问题序号无效：${input.findingIndex}（共 ${result.findings.length} 条）`);
        if (finding.status === 'pass' || finding.status === 'na') {
          throw new ServiceError('invalid', `检查项“${finding.check}”的结论是${finding.status === 'pass' ? '通过' : '不适用'}，无需确认或撤销`);
        }
        insertDecision(db, input.reportId, { findingIndex: input.findingIndex, check: finding.check, message: finding.message, action: input.action, reason, reviewer });
        reaudit(input.reportId);
        return detail(input.reportId);
      }),

    correctCell: (input) =>
      guard(() => {
        const reason = required(input.reason, '更正理由');
        const reviewer = required(input.reviewer, '审核人');
        if (!TABLES.includes(input.table)) throw new ServiceError('invalid', `表格名称无效：${String(input.table)}（应为 active、requests 或 review）`);
        if (input.value !== null && (typeof input.value !== 'number' || !Number.isFinite(input.value))) {
          throw new ServiceError('invalid', '更正值必须是数字，或 null 表示空白');
        }
        const report = effectiveReport(db, input.reportId);
        if (!report) throw new ServiceError('not-found', `报告不存在或无法读取（编号 ${input.reportId}）`);
        let before: CellValue | undefined;
        if (input.table === 'requests') before = report.tables.requests?.[input.row]?.[input.col];
        else if (input.col === 0) before = report.tables[input.table]?.[input.row];
        if (report.tables[input.table] === null) throw new ServiceError('invalid', '该表格在报告中缺失，无法更正单元格');
        if (before === undefined) throw new ServiceError('invalid', `单元格位置超出表格范围：第 ${input.row} 行第 ${input.col} 列`);
        insertCorrection(db, input.reportId, { table: input.table, row: input.row, col: input.col, before, value: input.value, reviewer, reason });
        reaudit(input.reportId);
        return detail(input.reportId);
      }),

    getRubric: () => guard(() => rubric().doc),

    saveRubric: (input) =>
      guard(() => {
        let parsed: Rubric;
        try {
          parsed = parseRubricJson(input.json);
        } catch (err) {
          throw new ServiceError('invalid', `评分规则无效：${(err as Error).message}`);
        }
        const { id } = rubricIdentity(parsed);
        const row = db.transaction(() => insertRubric(db, id, nextRubricVersion(db, id), input.json)).immediate();
        return { id: row.id, version: row.version, json: row.json, createdAt: row.createdAt };
      }),

    rescoreAll: () =>
      guard(() => {
        const started = performance.now();
        const { rubric: r } = rubric();
        const { id, version } = rubricIdentity(r);
        const ids = latestReportIds(db);
        let n = 0;
        db.transaction(() => {
          const runId = createRun(db, { kind: 'rescore', rubricId: id, rubricVersion: version, engineVersion: ENGINE_VERSION });
          for (const reportId of ids) {
            const row = reportRow(db, reportId)!;
            if (!row.currentAuditId) continue;
            const report = effectiveReport(db, reportId);
            if (!report) continue; // unreadable: vetoed, nothing to score
            const findings = findingsOfAudit(db, row.currentAuditId);
            const rescored = rescoreFindings(report, findings, r, decisionInputs(db, reportId));
            const decisions = decisionInputs(db, reportId);
            insertAudit(db, reportId, runId, { findings: rescored.findings, score: rescored.score, ...summarize(rescored.findings, decisions) });
            n++;
          }
        }).immediate();
        return { reports: n, ms: Math.round(performance.now() - started) };
      }),

    listDepartments: () => guard(() => listDepartmentRows(db).map(toDepartmentInfo)),

    renameDepartment: (input) => guard(() => toDepartmentInfo(renameDepartmentRow(db, input.departmentId, required(input.name, '部门名称')))),

    mergeDepartments: (input) => guard(() => toDepartmentInfo(mergeDepartmentRows(db, input.fromId, input.intoId))),

    setRoster: (input) =>
      guard(() => {
        if (!Number.isInteger(input.year)) throw new ServiceError('invalid', '年度必须是整数');
        return setRosterRows(db, input.year, input.names.map((name): RosterEntryInput => ({ name })));
      }),

    renderDocument: (input) =>
      guard(() => {
        // The preview must look like the printed PDF on any machine: embed the bundled CJK font.
        const withFonts = (doc: { html: string; title: string }): { html: string; title: string } => ({ ...doc, html: embedFonts(doc.html) });
        if (input.kind === 'summary') {
          if (input.year === undefined) throw new ServiceError('invalid', '生成汇总表需要指定年度');
          const year = input.year;
          const latest = summaries(db, { year, latestOnly: true });
          const missing = rosterForYear(db, year)
            .filter((e) => !latest.some((r) => r.departmentId === e.departmentId))
            .map((e) => e.department);
          return withFonts(renderSummaryHtml({
            year,
            results: latest.map((r) => auditResultOf(r.reportId)),
            missing,
            generatedAt: new Date().toISOString(),
            ...(options.office ? { office: options.office } : {}),
          }));
        }
        if (input.reportId === undefined) throw new ServiceError('invalid', '生成审核意见单或整改通知需要指定报告');
        const d = detail(input.reportId);
        if (input.kind === 'sheet') {
          return withFonts(renderSheetHtml({
            result: d.result,
            importedAt: d.summary.importedAt,
            auditedAt: new Date().toISOString(),
            engineVersion: ENGINE_VERSION,
            decisions: d.decisions,
            corrections: d.corrections,
            ...(options.office ? { office: options.office } : {}),
          }));
        }
        if (input.kind === 'notice') {
          const today = new Date().toISOString().slice(0, 10);
          const fixBy = input.fixBy ?? new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
          return withFonts(renderNoticeHtml({
            result: d.result,
            fixBy,
            issuedOn: today,
            decisions: d.decisions,
            ...(options.office ? { office: options.office } : {}),
          }));
        }
        throw new ServiceError('invalid', `文书类型无效：${String(input.kind)}`);
      }),

    onImportProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async workersReady() {
      if (closed) throw new ServiceError('closed', '服务已关闭');
      await workerPool().whenReady();
    },

    waitForImport(jobId) {
      const w = waiters.get(jobId);
      if (!w) return Promise.reject(new ServiceError('not-found', `导入任务不存在：${jobId}`));
      return w;
    },

    async close() {
      closed = true;
      await importChain.catch(() => undefined);
      await pool?.close();
      pool = null;
      db.close();
    },
  };
  return service;
}
