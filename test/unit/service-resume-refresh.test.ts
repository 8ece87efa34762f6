/**
 * Opening the app after an import died before its closing refresh: the service (as the app and browser mode
 * start it) finishes that refresh for the reports still marked pending, before any new job.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService, type AuditorService } from '../../src/main/service.ts';
import { benchSubset } from './helpers/bench-subset.ts';
import { skipWithoutShared } from './helpers/shared.ts';

async function scores(service: AuditorService): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const r of await service.listReports({})) {
    const { result } = await service.getReport({ reportId: r.reportId });
    out.set(r.reportId, JSON.stringify([result.score?.score, result.findings.map((f) => `${f.check} ${f.status} ${f.deduction}`)]));
  }
  return out;
}

test('the app opened after an interrupted import finishes its refresh', { timeout: 600_000, skip: skipWithoutShared }, async () => {
  const { dir, files } = benchSubset(8, 'ogi-resume-');
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-resume-db-')), 'audit.db');
  try {
    const first = createService({ dbPath: dbFile, poolSize: 1 });
    let expected: Map<number, string>;
    try {
      const job = await first.importPaths({ paths: [dir] });
      assert.equal((await first.waitForImport(job.jobId)).imported, files.length);
      expected = await scores(first);
      // What a kill before the closing refresh leaves: audits without the comparison with the batch, still marked.
      const store = first.store;
      const runId = await store.audits.createRun({ kind: 'import', rubricId: 'default', rubricVersion: 1, engineVersion: 'test' });
      for (const reportId of expected.keys()) {
        const row = (await store.reports.row(reportId))!;
        const findings = (await store.audits.findings(row.currentAuditId!)).filter((f) => !f.check.startsWith('peer.'));
        const score = (await store.audits.score(row.currentAuditId!))!;
        await store.transaction(async (tx) => {
          await tx.audits.insert(reportId, runId, { findings, score: { ...score, score: 0 }, late: null, failed: 0, uncertain: 0, failedCounts: { byCheck: {}, byDimension: {} } });
          await tx.audits.markPendingRefresh(reportId);
        });
      }
      assert.notDeepEqual(await scores(first), expected);
    } finally {
      await first.close();
    }

    // Opened as the app opens it: the refresh runs before close() returns (it waits for running jobs).
    const app = createService({ dbPath: dbFile, poolSize: 1, startWorkers: true });
    await app.close();

    const after = createService({ dbPath: dbFile, poolSize: 1 });
    try {
      assert.deepEqual(await after.store.audits.pendingRefresh(), []);
      assert.deepEqual(await scores(after), expected);
    } finally {
      await after.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(dbFile), { recursive: true, force: true });
  }
});
