/**
 * A parsing worker for tests that misbehaves on request: the real audit-worker, with a listener placed in
 * front of it that reacts to a marker in the file name before the real reader sees the task.
 *   __hang__   loops forever (a parser stuck on a file)
 *   __oom__    allocates until the heap limit kills the worker
 *   __exit__   ends the thread (a native library calling exit)
 *   __throw__  throws outside any promise (an uncaught fault)
 *   __abort__  calls process.abort() (a native fault; in a worker thread Node turns it into an error)
 * Files without a marker are read by the real worker code.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('faulty-worker 只能作为 worker_threads 线程运行');

parentPort.on('message', (task: { file: string }) => {
  const name = task.file;
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
});

// Registered after the listener above, so a marked task misbehaves before the real reader runs.
await import('../../../src/main/audit-worker.ts');
