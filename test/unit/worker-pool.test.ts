/**
 * The parsing pool can be started ahead of the first import: whenReady resolves once each worker has
 * loaded its readers (and does not hang on a worker that dies while loading); files then read as usual.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkerPool } from '../../src/main/worker-pool.ts';

test('whenReady resolves when the workers have loaded pdf.js and mammoth; a file is then read', async () => {
  const pool = new WorkerPool({ size: 2 });
  try {
    await pool.whenReady();
    const samples = path.resolve(import.meta.dirname, '../../assets/samples');
    const pdf = fs.readdirSync(samples).find((name) => name.endsWith('.pdf'));
    assert.ok(pdf, 'assets/samples has a PDF');
    const outcome = await pool.run({ id: 1, file: pdf, bytes: new Uint8Array(fs.readFileSync(path.join(samples, pdf))) });
    assert.equal(outcome.error, null);
    assert.equal(outcome.format, 'pdf');
    assert.ok(outcome.report?.tables.requests, 'table 三 read');
  } finally {
    await pool.close();
  }
});

test('whenReady does not wait forever for a worker that dies while starting', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-pool-'));
  const entry = path.join(dir, 'dies.mjs');
  fs.writeFileSync(entry, 'process.exit(3);\n');
  const pool = new WorkerPool({ size: 1, timeoutMs: 10_000, entry: new URL(`file://${entry}`) });
  try {
    // Without the guard this awaits forever and the test runner cancels the test.
    await pool.whenReady();
    // The dead worker was replaced (by another that dies): a file sent now fails with a reason instead of hanging.
    const outcome = await pool.run({ id: 1, file: '甲.txt', bytes: new Uint8Array([0x61]) });
    assert.equal(outcome.report, null);
    assert.match(outcome.error ?? '', /解析进程/);
  } finally {
    await pool.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('files sent together go to different workers (two scans are read on two cores, not queued in one worker)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-pool-'));
  const entry = path.join(dir, 'says-its-thread.mjs');
  // A worker that answers every file with the id of the thread that got it.
  fs.writeFileSync(
    entry,
    [
      "import { parentPort, threadId } from 'node:worker_threads';",
      'parentPort.postMessage({ ready: true });',
      "parentPort.on('message', (task) => parentPort.postMessage({ id: task.id, report: null, format: null, error: String(threadId), errorCode: 'test', fingerprint: null }));",
    ].join('\n'),
  );
  for (const preload of [true, false]) {
    const pool = new WorkerPool({ size: 2, timeoutMs: 10_000, entry: new URL(`file://${entry}`), preload });
    try {
      const outcomes = await Promise.all([1, 2].map((id) => pool.run({ id, file: `扫描件${id}.pdf`, bytes: new Uint8Array([id]) })));
      const threads = outcomes.map((o) => o.error);
      assert.equal(new Set(threads).size, 2, `${preload ? 'started' : 'growing'} pool: files read by threads ${threads.join(', ')}`);
    } finally {
      await pool.close();
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
