/**
 * Worker thread entry: reads and parses one file at a time, in the order sent (ingest + parse, the
 * CPU-heavy part) and sends back the report model and its narrative fingerprint; runs the checks that need
 * no peers on a report it is sent (with the previous year's report and the options), so that the pool's
 * time limit applies to checks too. The peer comparison and scoring run in the main thread, where the
 * year's peer index is.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { isCheckTask, type CancelRead, type CheckOutcome, type CheckTask, type ReadOutcome, type ReadProgress, type ReadTask, type WorkerOutcome, type WorkerReady, type WorkerSetup, type WorkerTask } from './audit-worker-protocol.ts';
import { checkAlone, fingerprintReport, readReportFile, warmUpReaders } from './engine.ts';
import { ocrOptions } from './ocr/ocr-options.ts';
import { lowerThreadPriority } from './thread-priority.ts';
import { maxReportChars, tooLongReason } from './settings.ts';
import type { Report } from '../shared/model.ts';

if (!parentPort) throw new Error('audit-worker 只能作为 worker_threads 线程运行');
const port = parentPort;
// Parsing is background work: the UI thread (and the store writes in it) go first when cores are short.
lowerThreadPriority();

/**
 * Between files almost everything a parse allocated is garbage, but V8 lets a worker's heap grow to
 * ~500 MB before collecting because the heap limit leaves room. Collecting between files once the heap
 * passes a threshold keeps memory flat; it is cheap then, since little is still alive.
 */
const GC_THRESHOLD_BYTES = Number(process.env['OGI_WORKER_GC_MB'] ?? 256) * 1024 * 1024;
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;

function collectIfLarge(): void {
  if (collectGarbage && v8.getHeapStatistics().used_heap_size > GC_THRESHOLD_BYTES) collectGarbage();
}

// With `preload`, load the readers now rather than on the first file; then say so (the pool waits for this only when asked).
const setup = (workerData ?? { preload: true }) as WorkerSetup;
void (setup.preload ? warmUpReaders() : Promise.resolve())
  .catch(() => undefined) // a reader that cannot load fails its files with a message, not the worker
  .then(() => port.postMessage({ ready: true } satisfies WorkerReady));

// The pool may send the next file while this one is read: files are read one after another, in order.
let reading: Promise<void> = Promise.resolve();
/** Files the pool asked to stop: OCR checks this before each page. */
const cancelled = new Set<number>();
port.on('message', (message: WorkerTask | CancelRead) => {
  if ('cancel' in message) {
    cancelled.add(message.cancel);
    return;
  }
  const task = message;
  reading = reading
    .then(async () => {
      const outcome: WorkerOutcome = isCheckTask(task) ? check(task) : await handle(task);
      try {
        port.postMessage(outcome);
      } catch (err) {
        // A report that cannot be sent back (not cloneable) fails alone; the next file is still read.
        port.postMessage(failed(task, `读取失败：${(err as Error).message}`));
      }
      collectIfLarge();
    })
    .catch(() => undefined); // nothing may stop the files after this one (the pool's time limit fails this one)
});

const maxTextChars = maxReportChars();

function textLength(report: Report): number {
  let chars = 0;
  for (const paragraph of report.paragraphs) chars += paragraph.original.length;
  return chars;
}

function failed(task: WorkerTask, error: string): WorkerOutcome {
  if (isCheckTask(task)) return { kind: 'check', id: task.id, findings: null, error, errorCode: 'internal' };
  return { id: task.id, report: null, format: null, error, errorCode: 'internal', fingerprint: null };
}

function check(task: CheckTask): CheckOutcome {
  // A check that throws is already an `uncertain` finding (runCheck); this catches only the unexpected.
  try {
    const findings = checkAlone(task.report, task.context, task.fingerprint, task.earlier);
    return { kind: 'check', id: task.id, findings, error: null, errorCode: null };
  } catch (err) {
    return { kind: 'check', id: task.id, findings: null, error: `检查失败：${(err as Error).message}`, errorCode: 'internal' };
  }
}

async function handle(task: ReadTask): Promise<ReadOutcome> {
  try {
    // The OCR engine loads only when a scanned page arrives (ocr-options.ts); each page is reported.
    const ocr = ocrOptions({
      onPage: (done, total, page) => port.postMessage({ id: task.id, ocr: { done, total, page } } satisfies ReadProgress),
      cancelled: () => cancelled.has(task.id),
    });
    const read = await readReportFile(task.file, task.bytes, ocr);
    cancelled.delete(task.id);
    // Refused here, not after: a report of millions of characters would stall the UI thread that stores it.
    const chars = read.report ? textLength(read.report) : 0;
    if (chars > maxTextChars) return { id: task.id, report: null, format: read.format, error: tooLongReason(chars, maxTextChars), errorCode: 'too-long', fingerprint: null };
    const fingerprint = read.report ? fingerprintReport(read.report) : null;
    return { id: task.id, ...read, fingerprint };
  } catch (err) {
    return { id: task.id, report: null, format: null, error: `读取失败：${(err as Error).message}`, errorCode: 'internal', fingerprint: null };
  }
}
