/**
 * Groups the importer's per-report writes into few transactions, and keeps the event loop (which serves
 * the UI) free between them.
 *
 * Every commit is one savepoint inside a shared transaction: a report is still all-or-nothing, and a
 * kill loses only the reports of the open transaction (none of them half-written). A commit waits at most
 * `maxWaitMs` for others to join it (or none once `maxBatch` are waiting); a batch is written while the
 * next write still fits in `budgetMs`, then the transaction ends and the loop yields before the rest. With
 * SQLite's synchronous=FULL each transaction costs an fsync (~7 ms here), so this turns one fsync per
 * report into one per few reports. A store that asks for batches of one (PostgreSQL: the server syncs
 * off this thread, and small transactions keep concurrent importers from deadlocking) gets a transaction
 * per write, retried by the store when it loses a lock race.
 */

/** What the batcher needs of a store: nestable transactions. */
export interface Transactional<S> {
  /** `whole`: a failure of `fn` fails the transaction, so writes inside it need no savepoints of their own. */
  transaction<T>(fn: (tx: S) => Promise<T>, options?: { whole?: boolean }): Promise<T>;
}

interface Pending<S, T> {
  write: (tx: S) => Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

export interface BatchOptions {
  budgetMs?: number;
  maxWaitMs?: number;
  maxBatch?: number;
}

export class CommitBatcher<S extends Transactional<S>> {
  private readonly store: S;
  private readonly budgetMs: number;
  private readonly maxWaitMs: number;
  private readonly maxBatch: number;
  private readonly pending: Pending<S, unknown>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private flushing = false;

  constructor(store: S, options: BatchOptions = {}) {
    this.store = store;
    this.budgetMs = options.budgetMs ?? 25;
    this.maxWaitMs = options.maxWaitMs ?? 150;
    this.maxBatch = options.maxBatch ?? 8;
  }

  /** Run `write` (which may open its own nested transaction) in the next batch; resolves with its result. */
  commit<T>(write: (tx: S) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve, reject } as Pending<S, unknown>);
      this.schedule();
    });
  }

  /** Nothing more is coming soon (the last file is read): write what waits without waiting for company. */
  flushSoon(): void {
    if (this.immediate || this.flushing || this.pending.length === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.immediate = setImmediate(() => void this.flush());
  }

  private schedule(): void {
    if (this.immediate || this.flushing) return;
    if (this.pending.length >= this.maxBatch) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.immediate = setImmediate(() => void this.flush());
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.maxWaitMs);
    }
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.immediate = null;
    this.flushing = true;
    try {
      if (this.maxBatch <= 1) await this.writeOne();
      else await this.writeBatch();
    } finally {
      this.flushing = false;
    }
    // The rest of a large batch follows at once (after yielding), not after another wait.
    if (this.pending.length > 0) this.immediate = setImmediate(() => void this.flush());
  }

  /**
   * Batches of one: the write is the whole transaction (a failure undoes all of it), so the atomic writes
   * inside it need no savepoints of their own — two round trips fewer each on a server.
   */
  private async writeOne(): Promise<void> {
    const item = this.pending.shift();
    if (!item) return;
    try {
      item.resolve(await this.store.transaction(item.write, { whole: true }));
    } catch (err) {
      item.reject(err);
    }
  }

  private async writeBatch(): Promise<void> {
    const started = performance.now();
    const taken: { item: Pending<S, unknown>; ok: boolean; value: unknown }[] = [];
    try {
      await this.store.transaction(async (tx) => {
        // Stop before a write that would likely overrun the budget (judged by the longest one so far), not
        // after it: the first reports of an import, before the checks are compiled, take up to 30 ms each.
        let longest = 0;
        while (this.pending.length > 0 && (taken.length === 0 || performance.now() - started + longest <= this.budgetMs)) {
          const item = this.pending.shift()!;
          const itemStarted = performance.now();
          // A nested transaction is a savepoint: a failing report rolls back alone.
          try {
            taken.push({ item, ok: true, value: await tx.transaction(item.write, { whole: true }) });
          } catch (err) {
            taken.push({ item, ok: false, value: err });
          }
          longest = Math.max(longest, performance.now() - itemStarted);
        }
      });
    } catch (err) {
      // The batch itself failed (disk full, database locked): nothing of it is stored.
      for (const t of taken) t.item.reject(err);
      for (const item of this.pending.splice(0)) item.reject(err);
      return;
    }
    for (const t of taken) {
      if (t.ok) t.item.resolve(t.value);
      else t.item.reject(t.value);
    }
  }
}
