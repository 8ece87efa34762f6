/** Import progress deltas: a receiver fed the updates in order, repeated, or after a gap ends with the sender's lists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportProgress } from '../../src/shared/api.ts';
import { applyProgressUpdate, progressSnapshot, progressUpdate, withoutEntries } from '../../src/shared/import-progress.ts';

function job(skipped: number, errors: number): ImportProgress {
  return {
    jobId: 'j1',
    total: 100,
    done: skipped + errors,
    current: `f${skipped + errors}.txt`,
    imported: 0,
    skipped: Array.from({ length: skipped }, (_, i) => ({ file: `s${i}.txt`, reason: '与本批文件 a.txt 内容相同，已跳过' })),
    errors: Array.from({ length: errors }, (_, i) => ({ file: `e${i}.txt`, reason: '文件为空' })),
    finished: false,
  };
}

test('updates carry only new entries; applied in order they rebuild the job', () => {
  let held: ImportProgress | null = null;
  let seen = { skipped: 0, errors: 0 };
  let carried = 0;
  for (const [s, e] of [[0, 0], [3, 0], [3, 2], [10, 2], [10, 2], [40, 7]] as const) {
    const sender = job(s, e);
    const update = progressUpdate(sender, seen);
    carried += update.skipped.length + update.errors.length;
    held = applyProgressUpdate(held, update);
    assert.deepEqual(held, sender);
    seen = { skipped: s, errors: e };
  }
  assert.equal(carried, 47, 'each entry travels once');
});

test('a repeated or overlapping update is harmless; a gap asks for a snapshot; another job starts over', () => {
  const sender = job(10, 4);
  const held = applyProgressUpdate(null, progressSnapshot(job(6, 2)))!;
  const update = progressUpdate(sender, { skipped: 6, errors: 2 });
  assert.deepEqual(applyProgressUpdate(applyProgressUpdate(held, update), update), sender);
  assert.deepEqual(applyProgressUpdate(held, progressUpdate(sender, { skipped: 3, errors: 1 })), sender);
  assert.equal(applyProgressUpdate(applyProgressUpdate(null, progressSnapshot(job(2, 0)))!, update), null);
  assert.equal(applyProgressUpdate({ ...held, jobId: 'other' }, update), null);
  assert.deepEqual(withoutEntries(update), { ...sender, skipped: [], errors: [] });
  // A receiver claiming more than exists (a restarted server) gets a snapshot.
  assert.deepEqual(progressUpdate(sender, { skipped: 50, errors: 0 }), progressSnapshot(sender));
});
