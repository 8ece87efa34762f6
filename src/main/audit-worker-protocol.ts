/** Messages between the worker pool and audit-worker (plain structured-clone data). */
import type { Report, SourceFormat } from '../shared/model.ts';

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

/** The worker's `workerData`. */
export interface WorkerSetup {
  /** Load every reader at start-up instead of on the first file of its kind. */
  preload: boolean;
}

/** Sent once by a worker when its readers (pdf.js, mammoth) are loaded and it is ready for files. */
export interface WorkerReady {
  ready: true;
}

export type WorkerMessage = ReadOutcome | WorkerReady;
