/**
 * The import's handle on the peer-comparison thread (peer-worker.ts): it mirrors the years' peers into the
 * worker and asks it for one report's peer findings, so comparing with a year of thousands of reports never
 * holds the thread that serves the UI. Messages leave in order through one outbox, a few milliseconds'
 * worth per turn of the event loop (copying a year's reports into the worker at once would stall it).
 * If the worker cannot start or dies, `compare` answers null and the caller compares in its own thread.
 */
import { Worker } from 'node:worker_threads';
import type { Finding, Report } from '../shared/model.ts';
import type { CheckOptions } from './engine.ts';
import { workerEntry } from './worker-pool.ts';
import type { PeerAnswer, PeerEntry, PeerRequest } from './peer-worker-protocol.ts';

/** Outbox messages posted per turn of the event loop, at most this long (ms). */
const POST_BUDGET_MS = 8;

export class PeerComparer {
  private worker: Worker | null = null;
  private broken = false;
  private readonly held = new Set<number>();
  private readonly outbox: PeerRequest[] = [];
  private draining = false;
  private readonly waiting = new Map<number, (findings: Finding[] | null) => void>();
  private nextId = 1;

  /** True when the worker holds this year's peers (then `add`/`remove` keep it current). */
  holds(year: number): boolean {
    return !this.broken && this.held.has(year);
  }

  /** Give the worker a year's peers (all of them; later changes through `add`/`remove`). */
  hold(year: number, peers: PeerEntry[]): void {
    if (this.broken) return;
    this.held.add(year);
    for (const peer of peers) this.send({ kind: 'add', year, peers: [peer] });
  }

  add(year: number, peer: PeerEntry): void {
    if (this.holds(year)) this.send({ kind: 'add', year, peers: [peer] });
  }

  remove(year: number, key: string): void {
    if (this.holds(year)) this.send({ kind: 'remove', year, key });
  }

  /** The peer checks' findings for `report` against the year's peers except `exclude`; null when the worker is unavailable. */
  compare(year: number, exclude: string[], report: Report, fingerprint: unknown, options: CheckOptions): Promise<Finding[] | null> {
    if (!this.holds(year)) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ kind: 'compare', id, year, exclude, report, fingerprint, options });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail();
    if (worker) await worker.terminate();
  }

  private send(message: PeerRequest): void {
    this.outbox.push(message);
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    const started = performance.now();
    const worker = this.started();
    while (worker && this.outbox.length > 0 && performance.now() - started < POST_BUDGET_MS) {
      const message = this.outbox.shift()!;
      try {
        worker.postMessage(message);
      } catch (err) {
        // A report that cannot be copied: its comparison runs in the caller's thread.
        if (message.kind === 'compare') this.answer({ id: message.id, findings: null, error: (err as Error).message });
      }
    }
    if (!worker) this.outbox.length = 0;
    if (this.outbox.length > 0) setImmediate(() => this.drain());
    else this.draining = false;
    this.updateRef();
  }

  private started(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      const entry = workerEntry('peer-worker');
      const worker = new Worker(entry.url, { execArgv: entry.execArgv });
      worker.on('message', (answer: PeerAnswer) => this.answer(answer));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.worker = worker;
    } catch {
      this.fail();
    }
    return this.worker;
  }

  private answer(answer: PeerAnswer): void {
    const resolve = this.waiting.get(answer.id);
    this.waiting.delete(answer.id);
    resolve?.(answer.findings);
    this.updateRef();
  }

  /** From now on every comparison runs in the caller's thread; those waiting get null. */
  private fail(): void {
    this.broken = true;
    this.outbox.length = 0;
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }

  /** The worker keeps the process alive only while a comparison waits for it. */
  private updateRef(): void {
    if (!this.worker) return;
    if (this.waiting.size > 0) this.worker.ref();
    else this.worker.unref();
  }
}
