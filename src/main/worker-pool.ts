/**
 * A small pool of worker_threads that read and parse report files off the main thread. A worker that
 * crashes or takes longer than the per-file timeout is terminated and replaced; only that file fails.
 *
 * Worker entry: `audit-worker.ts` next to this file when running from sources (tsx), `audit-worker.js`
 * next to the bundle when built (electron-vite must emit src/main/audit-worker.ts as out/main/audit-worker.js).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { isCheckTask, type CancelRead, type CheckOutcome, type CheckTask, type ReadOutcome, type ReadProgress, type ReadTask, type WorkerMessage, type WorkerOutcome, type WorkerSetup, type WorkerTask } from './audit-worker-protocol.ts';
import { ocrBudgetMs } from './ocr/ocr-options.ts';
import { tuneJitForBatchWork } from './jit-tiering.ts';

export type { CheckOutcome, CheckTask, ReadOutcome, ReadTask };

export interface WorkerPoolOptions {
  size?: number;
  /** Per-file limit in ms; the worker is killed and the file fails with errorCode `timeout`. */
  timeoutMs?: number;
  /** Extra time for a scanned file read by OCR (default OGI_OCR_BUDGET_S). */
  ocrBudgetMs?: number;
  /** Heap limit of each worker (MB); a worker over it is killed and the file fails with `out-of-memory`. */
  memoryMb?: number;
  /** Override the worker entry (tests). */
  entry?: URL;
  /**
   * Load every reader (pdf.js, mammoth…) as soon as a worker starts, ahead of the first file: for the app,
   * whose pool starts with it. Otherwise (one-off CLI runs) a worker loads only what its files need.
   */
  preload?: boolean;
}

/**
 * Where the worker entry is: the .ts source when running from sources, the built .js next to the bundle
 * otherwise. From sources the worker uses Node's own type stripping when it has it (Node ≥ 22.18; our code
 * is erasable-syntax only) rather than tsx: tsx turns on source maps, and then the first stack trace
 * pdf.js makes loads its 10 MB source map into the thread — 1.5 s and 250 MB more per worker.
 */
export function workerEntry(name: 'audit-worker' | 'peer-worker' = 'audit-worker'): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const execArgv = process.features.typescript ? ['--disable-warning=ExperimentalWarning'] : ['--import', import.meta.resolve('tsx')];
    return { url: new URL(`./${name}.ts`, here), execArgv: [...execArgv, ...profilingArgv()] };
  }
  // Next to this chunk (electron-vite's flat output) or one folder up (the CLI bundle keeps chunks in chunks/).
  const candidates = [new URL(`./${name}.js`, here), new URL(`../${name}.js`, here)];
  const found = candidates.find((url) => fs.existsSync(fileURLToPath(url)));
  if (found) return { url: found, execArgv: profilingArgv() };
  const built = candidates[0]!;
  throw new Error(`找不到${name === 'audit-worker' ? '解析' : '比对'}进程入口 ${name}.js（应位于 ${fileURLToPath(built)}）`);
}

/** OGI_WORKER_CPU_PROF=DIR: each worker writes a V8 CPU profile into DIR when it ends (for profiling). */
function profilingArgv(): string[] {
  const dir = process.env['OGI_WORKER_CPU_PROF'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

interface Job {
  task: WorkerTask;
  resolve: (outcome: WorkerOutcome) => void;
  onProgress?: (progress: ReadProgress['ocr']) => void;
  /** The file turned out to be a scan: its time limit got the OCR budget on top. */
  extended?: boolean;
}

interface Slot {
  worker: Worker;
  /** Files sent to this worker, oldest first: the first is being read, the next waits in the worker. */
  jobs: Job[];
  /** Time limit of the file being read (the first job). */
  timer: NodeJS.Timeout | null;
  /** Settles when the worker has loaded its readers (or died trying). */
  ready: Promise<void>;
  /** The worker has started (loaded its code): the time limit of a file runs from then, not from its spawn. */
  started: boolean;
}

/**
 * Files a worker holds at once: the one it reads and the next, so it starts that one the moment it is done
 * instead of waiting for the main thread (busy writing the store) to hand it another.
 */
const FILES_IN_HAND = 2;

export class WorkerPool {
  readonly size: number;
  private readonly timeoutMs: number;
  /** Added to a file's time limit once it turns out to be a scan read by OCR (OGI_OCR_BUDGET_S). */
  private readonly ocrBudgetMs: number;
  private readonly memoryMb: number | undefined;
  private readonly entry: { url: URL; execArgv: string[] };
  private readonly preload: boolean;
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private closed = false;
  private nextCheckId = 1;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = options.size ?? defaultPoolSize();
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.ocrBudgetMs = options.ocrBudgetMs ?? ocrBudgetMs();
    this.memoryMb = options.memoryMb;
    const found = workerEntry();
    this.entry = options.entry ? { url: options.entry, execArgv: options.entry.href.endsWith('.ts') ? found.execArgv : [] } : found;
    this.preload = options.preload ?? false;
    tuneJitForBatchWork();
    // The app's pool starts whole; otherwise a worker starts when there is a file for it (one file, one worker).
    if (this.preload) this.grow(this.size);
  }

  private grow(count: number): void {
    while (this.slots.length < Math.min(count, this.size)) this.slots.push(this.spawn());
  }

  /**
   * Resolves once every worker has loaded its readers. Files sent earlier simply wait in the queue; this
   * is for starting the pool ahead of the first import (the app at start-up, the benchmark).
   */
  async whenReady(): Promise<void> {
    this.grow(this.size);
    // Idle workers are unref'd so they never keep the process alive; while someone waits for them they must.
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.worker.ref();
        await slot.ready;
        if (slot.jobs.length === 0) slot.worker.unref();
      }),
    );
  }

  /**
   * Read one file in a worker. Never rejects: failures come back as an outcome with an error. `onProgress`
   * hears of each scanned page before it is read by OCR.
   */
  run(task: ReadTask, onProgress?: (progress: ReadProgress['ocr']) => void): Promise<ReadOutcome> {
    if (this.closed) return Promise.resolve(failure(task, 'closed', '解析进程池已关闭'));
    return new Promise((resolve) => {
      this.queue.push({ task, resolve: resolve as (outcome: WorkerOutcome) => void, ...(onProgress ? { onProgress } : {}) });
      this.pump();
    });
  }

  /**
   * Run the checks that need no peers on a report in a worker, under the same time limit as reading. Never
   * rejects: a timeout or crash comes back as an outcome with a Chinese reason. Goes ahead of files waiting
   * to be read, so the files already read are finished first.
   */
  check(task: Omit<CheckTask, 'kind' | 'id'>): Promise<CheckOutcome> {
    const full: CheckTask = { ...task, kind: 'check', id: this.nextCheckId++ };
    if (this.closed) return Promise.resolve(failure(full, 'closed', '解析进程池已关闭'));
    return new Promise((resolve) => {
      this.queue.unshift({ task: full, resolve: resolve as (outcome: WorkerOutcome) => void });
      this.pump();
    });
  }

  /** Stop reading these files: those still waiting fail at once, those being read stop before their next scanned page. */
  cancel(taskIds: readonly number[]): void {
    const ids = new Set(taskIds);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      if (isCheckTask(job.task) || !ids.has(job.task.id)) continue;
      this.queue.splice(i, 1);
      job.resolve(failure(job.task, 'cancelled', '导入已取消'));
    }
    for (const slot of this.slots) for (const job of slot.jobs) if (!isCheckTask(job.task) && ids.has(job.task.id)) slot.worker.postMessage({ cancel: job.task.id } satisfies CancelRead);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failure(job.task, 'closed', '解析进程池已关闭'));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        for (const job of s.jobs.splice(0)) job.resolve(failure(job.task, 'closed', '解析进程池已关闭'));
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const resourceLimits = this.memoryMb ? { maxOldGenerationSizeMb: this.memoryMb } : undefined;
    const workerData: WorkerSetup = { preload: this.preload };
    const worker = new Worker(this.entry.url, { execArgv: this.entry.execArgv, workerData, ...(resourceLimits ? { resourceLimits } : {}) });
    let markReady = (): void => undefined;
    const slot: Slot = { worker, jobs: [], timer: null, ready: new Promise<void>((resolve) => (markReady = resolve)), started: false };
    // A worker that never finishes starting: its files' clocks start anyway after one time limit.
    const startLimit = setTimeout(() => {
      slot.started = true;
      this.startClock(slot);
    }, this.timeoutMs);
    startLimit.unref();
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        clearTimeout(startLimit);
        slot.started = true;
        this.startClock(slot);
        return markReady();
      }
      if ('ocr' in message) return this.progress(slot, message);
      // A worker reads its files in the order sent, so an outcome always answers the first job.
      if (slot.jobs[0]?.task.id !== message.id) return;
      this.finish(slot, message);
    });
    worker.on('exit', markReady);
    worker.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.replace(slot, 'out-of-memory', `读取时内存不足（超过 ${this.memoryMb ?? '默认'} MB 上限），已跳过该文件；请人工审核`);
      } else this.replace(slot, 'crash', `解析进程崩溃：${err.message}`);
    });
    worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, 'crash', `解析进程意外退出（代码 ${code}）`);
    });
    worker.unref();
    return slot;
  }

  /** A scanned file: pass the page on, and the first time give its clock the OCR budget on top. */
  private progress(slot: Slot, message: ReadProgress): void {
    const job = slot.jobs.find((j) => !isCheckTask(j.task) && j.task.id === message.id);
    if (!job) return;
    job.onProgress?.(message.ocr);
    if (job.extended || slot.jobs[0] !== job || !slot.timer) return;
    job.extended = true;
    clearTimeout(slot.timer);
    const limit = this.timeoutMs + this.ocrBudgetMs;
    slot.timer = setTimeout(
      () => this.replace(slot, 'timeout', `解析超时（扫描件，超过 ${Math.round(limit / 1000)} 秒），已跳过该文件`),
      limit,
    );
  }

  private finish(slot: Slot, outcome: WorkerOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.jobs.shift();
    job?.resolve(outcome);
    this.startClock(slot);
    this.pump();
  }

  /** Fail the slot's current file and start a fresh worker in its place; files it held but had not begun go back in line. */
  private replace(slot: Slot, code: string, message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    if (slot.timer) clearTimeout(slot.timer);
    const [current, ...waiting] = slot.jobs.splice(0);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    this.queue.unshift(...waiting);
    if (current) current.resolve(failure(current.task, code, message));
    this.pump();
  }

  /** The time limit runs for the file the worker is reading now (the first it holds). */
  private startClock(slot: Slot): void {
    // A replacement worker loading its code (seconds on a loaded machine) does not eat into the file's time.
    if (slot.timer || slot.jobs.length === 0 || !slot.started) return;
    const seconds = Math.round(this.timeoutMs / 1000);
    const checking = isCheckTask(slot.jobs[0]!.task);
    const reason = checking ? `检查超时（超过 ${seconds} 秒），已停止检查该报告；请人工审核` : `解析超时（超过 ${seconds} 秒），已跳过该文件`;
    slot.timer = setTimeout(() => this.replace(slot, 'timeout', reason), this.timeoutMs);
  }

  private pump(): void {
    const idle = this.slots.filter((s) => s.jobs.length === 0).length;
    if (this.queue.length > idle && !this.closed) this.grow(this.slots.length + this.queue.length - idle);
    // Every worker gets a file before any gets a second one: two scans sent together are read on two
    // cores, not one after the other in the first worker while the second waits idle.
    for (let depth = 1; depth <= FILES_IN_HAND; depth++) this.hand(depth);
    for (const slot of this.slots) this.startClock(slot);
    for (const slot of this.slots) if (slot.jobs.length === 0) slot.worker.unref();
  }

  /** Sends queued files to the workers holding fewer than `depth`, one each per round. */
  private hand(depth: number): void {
    for (const slot of this.slots) {
      while (slot.jobs.length < depth && this.queue.length > 0) {
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.worker.ref();
        if (isCheckTask(job.task)) {
          slot.worker.postMessage(job.task);
        } else {
          // Copy the bytes into a transferable buffer; the caller keeps its own copy for the blob store.
          const copy = new Uint8Array(job.task.bytes);
          slot.worker.postMessage({ ...job.task, bytes: copy }, [copy.buffer]);
        }
      }
    }
  }
}

function failure(task: CheckTask, code: string, message: string): CheckOutcome;
function failure(task: ReadTask, code: string, message: string): ReadOutcome;
function failure(task: WorkerTask, code: string, message: string): WorkerOutcome;
function failure(task: WorkerTask, code: string, message: string): WorkerOutcome {
  if (isCheckTask(task)) return { kind: 'check', id: task.id, findings: null, error: message, errorCode: code };
  return { id: task.id, report: null, format: null, error: message, errorCode: code, fingerprint: null };
}
