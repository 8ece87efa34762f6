/**
 * GET /api/events: import progress as Server-Sent Events. A client first gets a snapshot of each running job
 * and of the last finished one (`progress` events with skippedFrom/errorsFrom 0), then deltas (ImportProgressUpdate: only the entries added
 * since), and rebuilds each job with applyProgressUpdate. A client that does not read is dropped once what
 * waits for it exceeds the per-client bound; it reconnects and starts again from a snapshot. A closed client
 * is forgotten at once, with whatever was queued for it.
 */
import type http from 'node:http';
import type { ImportProgressUpdate } from '../../shared/api.ts';

/** Bytes that may wait unsent for one client, beyond the event being written. */
export const MAX_EVENT_BACKLOG_BYTES = 1024 * 1024;

export interface EventStreamStats {
  clients: number;
  /** Bytes queued in the server for all clients (not yet taken by the OS). */
  bufferedBytes: number;
  /** Most bytes ever queued for one client (after any write, before a drop). */
  peakClientBytes: number;
  /** Largest event written. */
  largestEventBytes: number;
  /** Clients closed for not reading. */
  dropped: number;
}

function frame(update: ImportProgressUpdate): string {
  return `event: progress\ndata: ${JSON.stringify(update)}\n\n`;
}

export class ImportEventStream {
  /** Each client with the largest burst written to it (its snapshot, one event with a job's first thousand skipped files): not lag. */
  private readonly clients = new Map<http.ServerResponse, number>();
  private peak = 0;
  private largestEvent = 0;
  private dropped = 0;

  private readonly maxBacklogBytes: number;

  constructor(maxBacklogBytes = MAX_EVENT_BACKLOG_BYTES) {
    this.maxBacklogBytes = maxBacklogBytes;
  }

  /** Takes over an authorised request: headers, a snapshot of `current`, then every broadcast until it closes. */
  attach(req: http.IncomingMessage, res: http.ServerResponse, current: ImportProgressUpdate[]): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // retry: a dropped client comes back within a second.
    res.write(': ok\nretry: 1000\n\n');
    let snapshotBytes = 0;
    for (const update of current) {
      const text = frame(update);
      snapshotBytes += Buffer.byteLength(text);
      res.write(text);
    }
    this.clients.set(res, snapshotBytes);
    const forget = (): void => {
      this.clients.delete(res);
    };
    req.on('close', forget);
    res.on('close', forget);
    res.on('error', forget);
  }

  broadcast(update: ImportProgressUpdate): void {
    if (this.clients.size === 0) return;
    const text = frame(update);
    const bytes = Buffer.byteLength(text);
    for (const [res, largestBefore] of [...this.clients]) {
      const largest = Math.max(largestBefore, bytes);
      this.clients.set(res, largest);
      res.write(text);
      this.peak = Math.max(this.peak, res.writableLength);
      // More waiting than the bound plus one burst: this client is not reading — close it.
      if (res.writableLength > this.maxBacklogBytes + largest) this.drop(res);
    }
    this.largestEvent = Math.max(this.largestEvent, bytes);
  }

  stats(): EventStreamStats {
    return { clients: this.clients.size, bufferedBytes: this.bufferedBytes(), peakClientBytes: this.peak, largestEventBytes: this.largestEvent, dropped: this.dropped };
  }

  close(): void {
    for (const res of this.clients.keys()) res.end();
    this.clients.clear();
  }

  private bufferedBytes(): number {
    let total = 0;
    for (const res of this.clients.keys()) total += res.writableLength;
    return total;
  }

  private drop(res: http.ServerResponse): void {
    this.clients.delete(res);
    this.dropped++;
    // destroy, not end: end would keep the unread backlog until it drained.
    res.destroy();
  }
}
