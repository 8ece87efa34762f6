/**
 * Worker for the ingest fuzz test: reads one input at a time with `readReport` and answers with what came
 * out. It runs in a thread so the test can kill it when an input makes the reader hang, and it reports
 * exceptions that escape `readReport` (async faults inside a library) instead of dying silently.
 */
import { parentPort } from 'node:worker_threads';
import { readReport } from '../../../src/core/audit.ts';

if (!parentPort) throw new Error('fuzz-worker 只能作为 worker_threads 线程运行');
const port = parentPort;

export interface FuzzInput {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export interface FuzzOutcome {
  id: number;
  ms: number;
  format: string | null;
  hasReport: boolean;
  error: string | null;
  errorCode: string | null;
  /** An exception that escaped readReport (thrown, rejected, or raised later from a library's callback). */
  escaped: string | null;
  /** Worker heap after the input (MB): a reader that leaks shows as a heap that only grows. */
  heapMb: number;
}

let current = -1;
const escapedBy = new Map<number, string>();

const record = (what: string) => (reason: unknown) => {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ''}` : String(reason);
  escapedBy.set(current, `${what}: ${text}`);
};
process.on('uncaughtException', record('uncaughtException'));
process.on('unhandledRejection', record('unhandledRejection'));

port.on('message', (input: FuzzInput) => {
  void run(input).then((outcome) => port.postMessage(outcome));
});

async function run(input: FuzzInput): Promise<FuzzOutcome> {
  current = input.id;
  const started = performance.now();
  const outcome: FuzzOutcome = { id: input.id, ms: 0, format: null, hasReport: false, error: null, errorCode: null, escaped: null, heapMb: 0 };
  try {
    const read = await readReport(input.name, input.bytes);
    outcome.format = read.format;
    outcome.hasReport = read.report !== null;
    outcome.error = read.error;
    outcome.errorCode = read.errorCode;
    // The report goes to the store as JSON and to the main thread by structured clone: both must work.
    if (read.report) JSON.stringify(structuredClone(read.report));
  } catch (error) {
    record('readReport threw')(error);
  }
  // Let faults scheduled by the reader (timers, rejected promises) surface before answering.
  await new Promise((resolve) => setImmediate(resolve));
  outcome.ms = performance.now() - started;
  outcome.escaped = escapedBy.get(input.id) ?? null;
  outcome.heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  return outcome;
}
