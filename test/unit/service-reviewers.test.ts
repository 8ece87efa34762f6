/**
 * Several reviewers on one database (two services = two machines): both decisions on the same finding are
 * kept with who and when, the latest in force; a correction made on a stale view is refused with
 * 已被他人修改，请刷新; the change stamp the overview polls moves when the other reviewer changes something.
 * Run on a SQLite file and, when the server binaries exist, on a throwaway PostgreSQL cluster.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openService, type AuditorService } from '../../src/main/service.ts';
import { hasShared, fixturesDir, skipWithoutShared } from './helpers/shared.ts';
import { skipWithoutPostgres, startPgCluster, type PgCluster } from './helpers/pg-cluster.ts';

let cluster: PgCluster | null = null;
before(async () => {
  if (!skipWithoutPostgres && hasShared) cluster = await startPgCluster({ durable: false });
});
after(() => cluster?.stop());

async function twoReviewers(location: string): Promise<void> {
  const a: AuditorService = await openService(location, { poolSize: 1 });
  const b: AuditorService = await openService(location, { poolSize: 1 });
  try {
    const job = await a.importPaths({ paths: [path.join(fixturesDir, 'cases', 'p02-row-total.pdf')] });
    assert.equal((await a.waitForImport(job.jobId)).imported, 1);
    const [summary] = await b.listReports({});
    assert.ok(summary, 'the other machine sees the import');
    const reportId = summary.reportId;
    const viewA = await a.getReport({ reportId });
    const viewB = await b.getReport({ reportId });
    assert.equal(viewA.revision, 0);
    const index = viewA.result.findings.findIndex((f) => f.status === 'fail' || f.status === 'uncertain');
    assert.ok(index >= 0, 'the fixture has a problem to decide on');
    const stampBefore = (await b.changeStamp()).stamp;

    const afterA = await a.decideFinding({ reportId, findingIndex: index, action: 'confirm', reason: '核实属实', reviewer: '张三', revision: viewA.revision });
    assert.notEqual((await b.changeStamp()).stamp, stampBefore, 'B can tell that something changed');
    // B still looks at the view read before A's decision.
    await assert.rejects(
      b.correctCell({ reportId, cell: { table: 'requests', row: 0, col: 0 }, value: 1, reason: '笔误', reviewer: '李四', revision: viewB.revision }),
      (err: Error & { code?: string }) => err.message === '已被他人修改，请刷新' && err.code === 'conflict',
    );
    await assert.rejects(
      b.decideFinding({ reportId, findingIndex: index, action: 'dismiss', reason: '不是问题', reviewer: '李四', revision: viewB.revision }),
      /已被他人修改，请刷新/,
    );
    assert.equal((await a.getReport({ reportId })).decisions.length, 1, 'nothing of the refused changes was stored');

    // After refreshing, B's decision on the same finding goes in: both kept, B's (the latest) in force.
    const refreshed = await b.getReport({ reportId });
    assert.equal(refreshed.revision, afterA.revision);
    const afterB = await b.decideFinding({ reportId, findingIndex: index, action: 'dismiss', reason: '不是问题', reviewer: '李四', revision: refreshed.revision });
    assert.deepEqual(afterB.decisions.map((d) => [d.reviewer, d.action]), [['张三', 'confirm'], ['李四', 'dismiss']]);
    for (const d of afterB.decisions) assert.match(d.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const seenByA = await a.getReport({ reportId });
    assert.equal(seenByA.revision, 2);
    assert.equal(seenByA.summary.failed, afterA.summary.failed - 1, 'the dismissal (latest) is in force: one problem fewer than after the confirmation');
  } finally {
    await a.close();
    await b.close();
  }
}

test('two reviewers on one SQLite file', { timeout: 300_000, skip: skipWithoutShared }, async () => {
  await twoReviewers(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-reviewers-')), 'shared.db'));
});

test('two reviewers on one PostgreSQL database', { timeout: 300_000, skip: skipWithoutShared || skipWithoutPostgres }, async () => {
  await twoReviewers(await cluster!.createDatabase('reviewers'));
});
