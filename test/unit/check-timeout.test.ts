/**
 * Issue #14, defect 1: checks run where the per-file time limit applies, never on the thread that serves
 * the UI. A check that never returns (test worker: helpers/slow-check-worker.ts) must end in a Chinese
 * timeout message — at import and in the re-audit after a reviewer's correction — while the service keeps
 * answering other API calls; the CLI audit of such a file ends within its limit too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService, type AuditorService } from '../../src/main/service.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const cases = path.resolve(repoRoot, '../shared/fixtures/cases');
const skip = !fs.existsSync(cases) && `no fixtures at ${cases}`;
const slowWorker = new URL('./helpers/slow-check-worker.ts', import.meta.url);
const SLOW_VALUE = 987654321;
// Generous: on a loaded machine reading a report in a fresh worker can take seconds.
const TIMEOUT_MS = 10_000;

/** Calls a cheap API method every 50 ms until stopped; resolves with the longest wait for an answer. */
function probe(service: AuditorService): { stop: () => Promise<number> } {
  let longest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await service.listYears();
      longest = Math.max(longest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return longest;
    },
  };
}

test('a check that never returns times out at import and at re-audit, and the service answers meanwhile', { timeout: 180_000, skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-check-timeout-'));
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  fs.copyFileSync(path.join(cases, 'p01-clean.txt'), path.join(folder, 'clean.txt'));
  // Other bytes, same report: the slow one is not skipped as a duplicate.
  fs.writeFileSync(path.join(folder, 'report__slow__.txt'), `${fs.readFileSync(path.join(cases, 'p01-clean.txt'), 'utf8')}\n`);
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1, timeoutMs: TIMEOUT_MS, workerEntry: slowWorker, startWorkers: true });
  try {
    await service.workersReady();
    const watch = probe(service);
    const started = performance.now();
    const { jobId } = await service.importPaths({ paths: [folder] });
    const done = await service.waitForImport(jobId);
    const importMs = performance.now() - started;
    const longest = await watch.stop();
    assert.equal(done.imported, 1, JSON.stringify(done));
    const failed = done.errors.find((e) => e.file.endsWith('report__slow__.txt'));
    assert.ok(failed, JSON.stringify(done.errors));
    assert.match(failed.reason, /检查超时（超过 10 秒）/);
    assert.ok(importMs >= TIMEOUT_MS, `the slow check ran until its limit (${importMs} ms)`);
    // The thread serving the API was never held for the length of the stuck check.
    assert.ok(longest < TIMEOUT_MS / 2, `longest API wait during the import: ${longest} ms`);

    const [clean] = await service.listReports({ latestOnly: true });
    assert.ok(clean && clean.score !== null, JSON.stringify(clean));
    const watch2 = probe(service);
    await assert.rejects(
      service.correctCell({ reportId: clean.reportId, cell: { table: 'active', index: 0 }, value: SLOW_VALUE, reason: '核对原件', reviewer: '张三' }),
      /单元格更正未保存：重新检查未完成（检查超时（超过 10 秒）/,
    );
    const longest2 = await watch2.stop();
    assert.ok(longest2 < TIMEOUT_MS / 2, `longest API wait during the re-audit: ${longest2} ms`);
    // The pool replaced the stuck worker: the next re-audit works.
    const fixed = await service.correctCell({ reportId: clean.reportId, cell: { table: 'active', index: 0 }, value: 1, reason: '更正录入错误', reviewer: '张三' });
    assert.equal(fixed.corrections.length, 1, 'the correction whose checks overran was not saved');
    assert.ok(fixed.summary.score !== null);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI audit: a report with a 100,000-character pinyin line ends within the time limit, with a result or a timeout message', { timeout: 120_000, skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-long-line-'));
  try {
    const lines = fs.readFileSync(path.join(cases, 'p01-clean.txt'), 'utf8').split('\n');
    lines.splice(Math.floor(lines.length / 2), 0, `中(${'ā'.repeat(100_000)}`);
    const file = path.join(dir, 'long-line.txt');
    fs.writeFileSync(file, lines.join('\n'));
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/ogi-audit.mjs'), 'audit', file], {
      encoding: 'utf8',
      env: { ...process.env, OGI_PARSE_TIMEOUT_S: '5' },
    });
    const ms = performance.now() - started;
    assert.ok(run.status === 0 || run.status === 2, run.stderr);
    assert.match(run.stdout, /分|检查超时（超过 5 秒）|解析超时（超过 5 秒）/);
    // Reading and checking have 5 s each; start-up and the rest get the remainder.
    assert.ok(ms < 30_000, `${ms} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
