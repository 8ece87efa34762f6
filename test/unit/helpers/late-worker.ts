/**
 * A parsing worker for tests whose answers come back out of order: the real audit-worker, with every task
 * for a file whose name contains `__late__` handed to it only after a pause. A worker answers in the order
 * it was sent (the pool relies on it), so the tasks behind a late one wait too; the files the pool sent to
 * the other workers meanwhile are answered first.
 */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('late-worker 只能作为 worker_threads 线程运行');
const port = parentPort;

export const LATE_MS = 3000;

// Take the real worker's task listener, and hand it the late files' tasks after a pause.
const listen = port.on.bind(port);
port.on = ((event: string, listener: (message: unknown) => void) => {
  if (event !== 'message') return listen(event, listener);
  let handed: Promise<void> = Promise.resolve();
  return listen(event, (message: unknown) => {
    const file = message && typeof message === 'object' && 'file' in message ? String(message.file) : '';
    const pause = file.includes('__late__') ? LATE_MS : 0;
    handed = handed.then(() => new Promise<void>((resolve) => setTimeout(resolve, pause))).then(() => listener(message));
  });
}) as typeof port.on;

await import('../../../src/main/audit-worker.ts');
