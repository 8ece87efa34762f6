/**
 * Thousands of duplicate files cost the store nothing per file: a copy of a file already in the batch is
 * skipped by its hash in memory, and a re-import of files already stored costs one indexed lookup per
 * distinct content. Counted as store round trips (not time), so the test holds on a loaded machine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importSources } from '../../src/main/importer.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import type { Store } from '../../src/main/store/store.ts';
import { defaultRubric } from '../../src/core/score/index.ts';
import { WorkerPool } from '../../src/main/worker-pool.ts';
import { fixturesDir, skipWithoutShared } from './helpers/shared.ts';

/** The store with every method call outside transactions counted (a transaction counts once). */
function counted(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrap = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        const value: unknown = Reflect.get(t, key, receiver);
        const name = `${prefix}${String(key)}`;
        if (typeof value === 'function') {
          return (...args: unknown[]): unknown => {
            calls.set(name, (calls.get(name) ?? 0) + 1);
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        if (value && typeof value === 'object' && key !== 'batching') return wrap(value, `${name}.`);
        return value;
      },
    });
  return { store: wrap(store, ''), calls };
}

const total = (calls: Map<string, number>): number => [...calls.values()].reduce((a, b) => a + b, 0);

test('duplicate files: store round trips do not grow with the number of copies', { timeout: 600_000, skip: skipWithoutShared }, async () => {
  const report = fs.readFileSync(path.join(fixturesDir, 'cases', 'p01-clean.txt'));
  const pool = new WorkerPool({ size: 1 });
  const roundTrips: Record<number, { first: number; again: number }> = {};
  try {
    for (const copies of [500, 2000]) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-duplicates-'));
      const folder = path.join(dir, 'in');
      fs.mkdirSync(folder);
      for (let i = 0; i < copies; i++) fs.writeFileSync(path.join(folder, `copy-${String(i).padStart(5, '0')}.txt`), report);
      const raw = openSqliteStore(path.join(dir, 'audit.db'));
      try {
        const { store, calls } = counted(raw);
        const first = await importSources(store, [{ path: folder }], { rubric: defaultRubric(), pool });
        assert.equal(first.imported, 1);
        assert.equal(first.skipped.length, copies - 1);
        assert.ok(first.skipped.every((s) => s.reason.includes('内容相同')), first.skipped[0]?.reason);
        const afterFirst = total(calls);
        const again = await importSources(store, [{ path: folder }], { rubric: defaultRubric(), pool });
        assert.equal(again.imported, 0);
        assert.equal(again.skipped.length, copies);
        roundTrips[copies] = { first: afterFirst, again: total(calls) - afterFirst };
        // One lookup of the one distinct content per import, whatever the number of copies.
        assert.equal(calls.get('files.bySha'), 2, JSON.stringify(Object.fromEntries(calls)));
      } finally {
        await raw.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await pool.close();
  }
  console.log(`store round trips: ${JSON.stringify(roundTrips)}`);
  assert.deepEqual(roundTrips[2000], roundTrips[500]);
});

test('a re-import of stored files: one lookup per distinct file', { timeout: 600_000, skip: skipWithoutShared }, async () => {
  const text = fs.readFileSync(path.join(fixturesDir, 'cases', 'p01-clean.txt'), 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-reimport-'));
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  const files = 300;
  // Distinct contents that are not reports (read quickly, stored as not-a-report): each needs its own lookup.
  for (let i = 0; i < files; i++) fs.writeFileSync(path.join(folder, `note-${i}.txt`), `会议纪要 第${i}号\n${text.slice(0, 40)}\n`);
  const raw = openSqliteStore(path.join(dir, 'audit.db'));
  const pool = new WorkerPool({ size: 1 });
  try {
    await importSources(raw, [{ path: folder }], { rubric: defaultRubric(), pool });
    const { store, calls } = counted(raw);
    const again = await importSources(store, [{ path: folder }], { rubric: defaultRubric(), pool });
    assert.equal(again.skipped.length, files);
    assert.equal(calls.get('files.bySha'), files);
    // Besides the lookups, a constant amount of work: the run, the pending refreshes, the rubric.
    assert.ok(total(calls) - files < 20, JSON.stringify(Object.fromEntries(calls)));
  } finally {
    await pool.close();
    await raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
