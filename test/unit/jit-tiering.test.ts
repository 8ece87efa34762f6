/**
 * The worker pool raises V8's Turbofan threshold (jit-tiering.ts). Checked in child processes with
 * --trace-opt: a function called 5,000 times in a worker thread is optimised with V8's default and left
 * alone once the threshold is raised — which also fails if a future V8 drops the flag.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tiering = new URL('../../src/main/jit-tiering.ts', import.meta.url).href;

const script = `
import { Worker, isMainThread } from 'node:worker_threads';
if (isMainThread) {
  if (process.env.TUNE === '1') (await import(${JSON.stringify(tiering)})).tuneJitForBatchWork();
  new Worker(new URL(import.meta.url));
} else {
  function warmOnly(x) { return x * 2 + (x >> 1); }
  let sum = 0;
  for (let i = 0; i < 5000; i++) sum += warmOnly(i);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (let i = 0; i < 10; i++) sum += warmOnly(i);
  console.log('sum', sum);
}
`;

function turbofanCompilations(tune: boolean): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-jit-'));
  try {
    const file = path.join(dir, 'probe.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ['--trace-opt', '--disable-warning=ExperimentalWarning', file], {
      env: { ...process.env, TUNE: tune ? '1' : '0' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /unrecognized flag/, 'this V8 no longer knows the flag');
    return run.stdout.split('\n').filter((line) => /completed compiling .*warmOnly/.test(line)).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('V8 optimises a warm function by default, and no longer once the pool has raised the threshold', () => {
  assert.ok(turbofanCompilations(false) > 0, 'expected V8 to optimise a function called 5,000 times by default');
  assert.equal(turbofanCompilations(true), 0);
});
