/**
 * A parsing worker for tests that misbehaves on request: the real audit-worker, with its incoming tasks
 * passing through this file first. A task with a marker in its file name is kept from the real reader and
 * misbehaves when the worker would start it (once the files sent before it are answered; the pool hands
 * a worker the next file while it reads one):
 *   __hang__   loops forever (a parser stuck on a file)
 *   __oom__    allocates until the heap limit kills the worker
 *   __exit__   ends the thread (a native library calling exit)
 *   __throw__  throws outside any promise (an uncaught fault)
 *   __abort__  calls process.abort() (a native fault; in a worker thread Node turns it into an error)
 * Files without a marker are read by the real worker code.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('faulty-worker 只能作为 worker_threads 线程运行');
const port = parentPort;

type Task = { id: number; file: string };

function misbehave(name: string): void {
  if (name.includes('__hang__')) {
    for (;;) {
      // busy: timers and messages never run again in this thread
    }
  }
  if (name.includes('__oom__')) {
    const keep: number[][] = [];
    for (;;) keep.push(new Array<number>(1_000_000).fill(keep.length));
  }
  if (name.includes('__exit__')) process.exit(7);
  if (name.includes('__throw__')) throw new Error('模拟的解析进程故障');
  if (name.includes('__abort__')) process.abort();
}

const MARKERS = ['__hang__', '__oom__', '__exit__', '__throw__', '__abort__'];
const isMarked = (task: Task): boolean => MARKERS.some((m) => task.file.includes(m));

// Take the real worker's task listener for ourselves, and count the outcomes it sends.
let realListener: ((task: Task) => void) | null = null;
const listen = port.on.bind(port);
port.on = ((event: string, listener: (task: Task) => void) => {
  if (event === 'message') realListener = listener;
  else listen(event, listener);
  return port;
}) as typeof port.on;
let forwarded = 0;
let answered = 0;
const pending: { after: number; file: string }[] = [];
const post = port.postMessage.bind(port);
port.postMessage = ((message: unknown, transfer?: never) => {
  post(message, transfer);
  if (message && typeof message === 'object' && 'id' in message) answered++;
  faultWhenDue();
}) as typeof port.postMessage;

function faultWhenDue(): void {
  const due = pending.findIndex((p) => answered >= p.after);
  if (due < 0) return;
  const [fault] = pending.splice(due, 1);
  // Outside the reader's promise chain, as a fault in a parser would be.
  setImmediate(() => misbehave(fault!.file));
}

listen('message', (task: Task) => {
  if (!isMarked(task)) {
    forwarded++;
    realListener?.(task);
    return;
  }
  pending.push({ after: forwarded, file: task.file });
  faultWhenDue();
});

await import('../../../src/main/audit-worker.ts');
