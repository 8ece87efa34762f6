/**
 * Lower the priority of the calling thread, so parsing workers yield the CPU to the thread that serves the
 * UI (and to the user's other programs) while a large import runs. Linux only: there a worker thread has
 * its own id (from /proc/thread-self) and setpriority applies to that thread alone. Elsewhere it does
 * nothing — lowering a whole process's priority from a worker would slow the UI too.
 */
import fs from 'node:fs';
import os from 'node:os';

export function lowerThreadPriority(niceness = 10): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    os.setPriority(tid, Math.max(os.getPriority(tid), niceness));
    return true;
  } catch {
    return false; // not allowed or no /proc: run at normal priority
  }
}
