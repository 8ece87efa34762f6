/**
 * CommitBatcher: writes grouped into few transactions, each write all-or-nothing, and a batch that stops
 * before a write would overrun its time budget, so the event loop (the UI) gets a turn in between.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommitBatcher } from '../../src/main/commit-batcher.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import type { Store } from '../../src/main/store/store.ts';

/** Rows stand in for reports: one setting per write. */
async function stored(store: Store, n: number): Promise<number[]> {
  const found: number[] = [];
  for (let i = 0; i < n; i++) if ((await store.settings.get<number>(`row${i}`)) !== null) found.push(i);
  return found;
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a write that takes this long (checks + store of a large report)
  }
}

test('writes waiting together go in one batch; a failing write rolls back alone', async () => {
  const store = openSqliteStore(':memory:');
  const batcher = new CommitBatcher(store, { maxWaitMs: 5, maxBatch: 100 });
  const results = await Promise.allSettled([1, 2, 3, 4].map((n) =>
    batcher.commit(async (tx) => {
      await tx.settings.set(`row${n}`, n);
      if (n === 3) throw new Error('bad report');
      return n;
    }),
  ));
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  assert.deepEqual(await stored(store, 5), [1, 2, 4]);
  await store.close();
});

test('a batch stops before the next write would overrun the budget, and the rest follows after the loop had a turn', async () => {
  const store = openSqliteStore(':memory:');
  const batcher = new CommitBatcher(store, { budgetMs: 40, maxWaitMs: 5, maxBatch: 100 });
  // The event loop's turns between the writes: each write records how many turns it has seen.
  let turns = 0;
  let writing = true;
  const tick = (): void => {
    turns++;
    if (writing) setImmediate(tick);
  };
  setImmediate(tick);
  const seen: number[] = [];
  await Promise.all(
    Array.from({ length: 8 }, (_, n) =>
      batcher.commit(async (tx) => {
        busyFor(15);
        await tx.settings.set(`row${n}`, n);
        seen.push(turns);
      }),
    ),
  );
  writing = false;
  assert.equal((await stored(store, 8)).length, 8);
  await store.close();
  // 15 ms writes in a 40 ms budget: two per batch (a third would end at ~45 ms), so four batches with turns between.
  const batches = [...new Set(seen)].length;
  assert.ok(batches >= 4, `expected ≥ 4 batches of ≤ 2 writes, got turns ${seen.join(',')}`);
  for (const turn of new Set(seen)) assert.ok(seen.filter((t) => t === turn).length <= 2, `a batch ran past its budget: ${seen.join(',')}`);
});
