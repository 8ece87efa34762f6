/** Messages between the worker pool and audit-worker (plain structured-clone data). */
import type { Finding, Report, SourceFormat } from '../shared/model.ts';
import type { SoloContext } from './engine.ts';

export interface ReadTask {
  id: number;
  /** Path or display name, used for format detection by extension and in messages. */
  file: string;
  bytes: Uint8Array;
}

export interface ReadOutcome {
  id: number;
  report: Report | null;
  format: SourceFormat | null;
  error: string | null;
  errorCode: string | null;
  /** Narrative fingerprint for the repeated-text checks, computed off the main thread. */
  fingerprint: unknown;
}

/**
 * Run every check that needs no peers on a report already read (at import, and again after a reviewer's
 * change): checks run in a worker so the per-file time limit applies to them and the thread that serves
 * the UI is never blocked by one.
 */
export interface CheckTask {
  kind: 'check';
  id: number;
  /** The report's file, for messages. */
  file: string;
  report: Report;
  /** Its narrative fingerprint when known (spares computing it again). */
  fingerprint?: unknown;
  /** `previous` may carry its stored fingerprint as `fingerprint`. */
  context: SoloContext;
  /** The report's last findings under the same rules: only the checks comparing with other reports run again. */
  earlier?: Finding[];
}

export type CheckOutcome = { kind: 'check'; id: number; findings: Finding[]; error: null; errorCode: null } | { kind: 'check'; id: number; findings: null; error: string; errorCode: string };

export type WorkerTask = ReadTask | CheckTask;
export type WorkerOutcome = ReadOutcome | CheckOutcome;

/** The worker's `workerData`. */
export interface WorkerSetup {
  /** Load every reader at start-up instead of on the first file of its kind. */
  preload: boolean;
}

/** Sent once by a worker when its readers (pdf.js, mammoth) are loaded and it is ready for files. */
export interface WorkerReady {
  ready: true;
}

/** Sent while a scanned file is read by OCR, before each page (1-based among its scanned pages). */
export interface ReadProgress {
  id: number;
  ocr: { done: number; total: number; page: number };
}

/** From the pool: stop reading this file (the import was cancelled); it fails with errorCode `cancelled`. */
export interface CancelRead {
  cancel: number;
}

export type WorkerMessage = WorkerOutcome | WorkerReady | ReadProgress;

export function isCheckTask(task: WorkerTask): task is CheckTask {
  return 'kind' in task && task.kind === 'check';
}
