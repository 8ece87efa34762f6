/**
 * AuditorApi: import jobs. Jobs run one after another on the shared worker pool; their progress is kept for
 * `importStatus` / `importUpdate` and goes to every listener (the SSE stream, the CLI's bar) as deltas: each
 * update carries only the skipped/errors entries added since the previous one.
 */
import crypto from 'node:crypto';
import type { AuditorApi, ImportProgress, ImportProgressUpdate } from '../../shared/api.ts';
import { progressSnapshot, progressUpdate, type SeenEntries } from '../../shared/import-progress.ts';
import type { Store } from '../store/store.ts';
import { importSources, type ImportSource } from '../importer.ts';
import type { CheckRunner } from '../auditing.ts';
import { WorkerPool } from '../worker-pool.ts';
import { readLimits } from '../settings.ts';
import { ServiceError, guard } from './errors.ts';
import { carryOverCorrections } from './versions.ts';
import { rubricInForce, rubricInForceReader } from './rubrics.ts';

/** Receives every job's updates in order; applying them (applyProgressUpdate) rebuilds the job's progress. */
export type ImportListener = (update: ImportProgressUpdate) => void;

export interface ImportOptions {
  /** Worker threads for parsing (default: number of cores). */
  poolSize?: number;
  /** Per-file parse limit (ms); default from settings.ts. */
  timeoutMs?: number;
  /** Largest file read (bytes); default from settings.ts. */
  maxFileBytes?: number;
  /** Heap limit of each parsing worker (MB); default from settings.ts. */
  workerMemoryMb?: number;
  /**
   * Start the parsing workers now rather than at the first import (the app and the web server do, so
   * the reviewer's first import does not wait ~1 s for them to load pdf.js and mammoth).
   */
  startWorkers?: boolean;
  /** Another worker entry (tests: a worker whose checks misbehave). */
  workerEntry?: URL;
}

export interface ImportJobs extends Pick<AuditorApi, 'importPaths' | 'importUploads' | 'importStatus' | 'importUpdate' | 'listImports' | 'cancelImport'> {
  onImportProgress(listener: ImportListener): () => void;
  /**
   * What a listener that joins now starts from (updates follow): snapshots of the jobs still running and of
   * the last one finished (a client that lost its connection near the end learns how it ended).
   */
  currentImports(): ImportProgressUpdate[];
  waitForImport(jobId: string): Promise<ImportProgress>;
  workersReady(): Promise<void>;
  /** The worker pool as the runner of checks (re-audits after a reviewer's change run there, under the time limit). */
  checkRunner(): CheckRunner;
  /** Refuses new jobs, waits for the running ones and stops the workers. */
  close(): Promise<void>;
}

export function importJobs(store: Store, options: ImportOptions): ImportJobs {
  const jobs = new Map<string, ImportProgress>();
  const waiters = new Map<string, Promise<ImportProgress>>();
  const aborts = new Map<string, AbortController>();
  // Each job's title and when it finished: a reloaded page asks for the jobs (listImports) and shows their cards again.
  const labels = new Map<string, string>();
  const finishedAt = new Map<string, number>();
  const listeners = new Set<ImportListener>();
  let pool: WorkerPool | null = null;
  let importChain: Promise<unknown> = Promise.resolve();
  let closed = false;
  const readRubric = rubricInForceReader();

  const importLimits = (): ReturnType<typeof readLimits> =>
    readLimits({ timeoutMs: options.timeoutMs, maxFileBytes: options.maxFileBytes, workerMemoryMb: options.workerMemoryMb });

  const workerPool = (): WorkerPool => {
    if (!pool) {
      const limits = importLimits();
      // Started with the app: load the readers at once, so the first import does not wait for them.
      pool = new WorkerPool({ size: options.poolSize, timeoutMs: limits.timeoutMs, memoryMb: limits.workerMemoryMb, preload: options.startWorkers === true, ...(options.workerEntry ? { entry: options.workerEntry } : {}) });
    }
    return pool;
  };
  if (options.startWorkers) {
    workerPool();
    // The app (or browser mode) opened after an import died mid-way (kill -9, power loss): finish the closing
    // refresh that import never ran, before any new job. A failure here is left to the next import to retry.
    importChain = importChain
      .then(async () => {
        if ((await store.audits.pendingRefresh()).length === 0) return;
        await importSources(store, [], { rubric: (await rubricInForce(store)).rubric, rubricInForce: readRubric, pool: workerPool() });
      })
      .catch(() => undefined);
  }

  /** Entries of each job already broadcast: the next update starts there. */
  const broadcast = new Map<string, SeenEntries>();

  const notify = (progress: ImportProgress): void => {
    const label = labels.get(progress.jobId);
    const p = label === undefined ? progress : { ...progress, label };
    jobs.set(p.jobId, p);
    if (p.finished && !finishedAt.has(p.jobId)) finishedAt.set(p.jobId, Date.now());
    const update = progressUpdate(p, broadcast.get(p.jobId) ?? { skipped: 0, errors: 0 });
    // Kept after the job finished too: the importer's last report and the job's summary both say finished.
    broadcast.set(p.jobId, { skipped: p.skipped.length, errors: p.errors.length });
    for (const l of listeners) l(update);
  };

  const startImport = (sources: ImportSource[], year: number | undefined, label: string): { jobId: string } => {
    if (closed) throw new ServiceError('closed', '服务已关闭');
    const jobId = crypto.randomUUID();
    labels.set(jobId, label);
    notify({ jobId, total: sources.length, done: 0, current: null, imported: 0, skipped: [], errors: [], finished: false });
    const abort = new AbortController();
    aborts.set(jobId, abort);
    const run = importChain.then(async () => {
      const limits = importLimits();
      const opts: Parameters<typeof importSources>[2] = {
        rubric: (await rubricInForce(store)).rubric,
        // A rubric saved during the import applies from then on, and the import re-scores what it wrote before.
        rubricInForce: readRubric,
        pool: workerPool(),
        jobId,
        onProgress: notify,
        maxFileBytes: limits.maxFileBytes,
        signal: abort.signal,
      };
      if (year !== undefined) opts.year = year;
      const summary = await importSources(store, sources, opts);
      // A department's new version keeps the reviewer's corrections where the cell still holds the value read.
      for (const id of summary.reportIds) {
        try {
          await carryOverCorrections(store, id, workerPool());
        } catch (err) {
          summary.errors.push({ file: '', reason: `沿用上一版的更正未完成（报告编号 ${id}）：${(err as Error).message}` });
        }
      }
      return summary;
    });
    const done = run.then(
      (summary) => {
        const { reportIds: _ids, ms: _ms, ...progress } = summary;
        notify(progress);
        // What importStatus answers from now on (with the job's label), not the importer's bare summary.
        return jobs.get(jobId) ?? progress;
      },
      (err: unknown) => {
        const last = jobs.get(jobId)!;
        const failed = { ...last, finished: true, errors: [...last.errors, { file: '', reason: `导入中断：${(err as Error).message}` }] };
        notify(failed);
        return jobs.get(jobId) ?? failed;
      },
    );
    importChain = done;
    void done.then(() => aborts.delete(jobId));
    waiters.set(jobId, done);
    return { jobId };
  };

  return {
    importPaths: (input) =>
      guard(() => startImport(input.paths.map((p) => ({ path: p })), input.year, input.paths.length === 1 ? input.paths[0]! : `${input.paths[0] ?? ''} 等 ${input.paths.length} 项`)),

    importUploads: (input) =>
      guard(() =>
        startImport(
          input.files.map((f) => ({ path: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) })),
          undefined,
          input.files.length === 1 ? input.files[0]!.name : `上传的 ${input.files.length} 个文件`,
        ),
      ),

    importStatus: (input) =>
      guard(() => {
        const job = jobs.get(input.jobId);
        if (!job) throw new ServiceError('not-found', `导入任务不存在：${input.jobId}`);
        return job;
      }),

    importUpdate: (input) =>
      guard(() => {
        const job = jobs.get(input.jobId);
        if (!job) throw new ServiceError('not-found', `导入任务不存在：${input.jobId}`);
        return progressUpdate(job, { skipped: input.skippedFrom, errors: input.errorsFrom });
      }),

    currentImports: () => {
      const all = [...jobs.values()];
      const lastFinished = all.findLast((job) => job.finished);
      return all.filter((job) => !job.finished || job === lastFinished).map(progressSnapshot);
    },

    listImports: () =>
      guard(() => {
        const since = Date.now() - 30 * 60_000;
        return [...jobs.values()].filter((job) => !job.finished || (finishedAt.get(job.jobId) ?? 0) >= since);
      }),

    cancelImport: (input) =>
      guard(() => {
        const job = jobs.get(input.jobId);
        if (!job) throw new ServiceError('not-found', `导入任务不存在：${input.jobId}`);
        const abort = aborts.get(input.jobId);
        if (abort && !abort.signal.aborted) {
          abort.abort();
          // A job still waiting for the one before it is marked at once; a running one reports it itself.
          if (!job.cancelled) notify({ ...job, cancelled: true });
        }
        return jobs.get(input.jobId)!;
      }),

    onImportProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    checkRunner() {
      if (closed) throw new ServiceError('closed', '服务已关闭');
      return workerPool();
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
    },
  };
}
