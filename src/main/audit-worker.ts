/**
 * Worker thread entry: reads and parses one file at a time, in the order sent (ingest + parse, the
 * CPU-heavy part) and sends back the report model and its narrative fingerprint. Checks and scoring run
 * in the main thread, where the store's context (previous year, peers) is.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadOutcome, ReadTask, WorkerReady, WorkerSetup } from './audit-worker-protocol.ts';
import { fingerprintReport, readReportFile, warmUpReaders } from './engine.ts';
import { lowerThreadPriority } from './thread-priority.ts';

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
port.on('message', (task: ReadTask) => {
  reading = reading
    .then(async () => {
      const outcome = await handle(task);
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

function failed(task: ReadTask, error: string): ReadOutcome {
  return { id: task.id, report: null, format: null, error, errorCode: 'internal', fingerprint: null };
}

async function handle(task: ReadTask): Promise<ReadOutcome> {
  try {
    const read = await readReportFile(task.file, task.bytes);
    const fingerprint = read.report ? fingerprintReport(read.report) : null;
    return { id: task.id, ...read, fingerprint };
  } catch (err) {
    return failed(task, `读取失败：${(err as Error).message}`);
  }
}
