/**
 * One count of problems: the overview's per-dimension column and 常见问题 panel (from the stored summaries, as
 * the screen gets them) equal the printed summary's (buildSummaryView over the year as exported), also after
 * a reviewer dismissed a finding; and findings are grouped by the rubric's dimensions, not by category.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';
import { loadYearFromStore } from '../../src/main/export/from-store.ts';
import { buildSummaryView } from '../../src/main/engine-documents.ts';
import { yearCommonProblems } from '../../src/renderer/components/CommonProblemsPanel.tsx';
import { DIMENSION_ORDER } from '../../src/shared/check-catalogue.ts';
import { fixturesDir, skipWithoutShared } from './helpers/shared.ts';

const FILES = ['b11-0002-txt.txt', 'b11-0005-txt.txt', 'b11-0011-txt.txt', 'b11-0014-txt.txt', 'b11-0017-txt.txt', 'b11-0020-txt.txt'];

test('the overview counts problems as the printed summary does, by dimension, after decisions', { timeout: 300_000, skip: skipWithoutShared }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-common-'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: FILES.map((f) => path.join(fixturesDir, 'bench', f)).filter((f) => fs.existsSync(f)) });
    await service.waitForImport(job.jobId);
    const [year] = await service.listYears();
    assert.ok(year !== undefined);

    const compare = async (label: string) => {
      const rows = await service.overview({ year });
      const unassigned = (await service.listReports({ year, latestOnly: true })).filter((r) => r.departmentId === null);
      const onScreen = yearCommonProblems(rows, unassigned);
      const stored = await loadYearFromStore(service.store, year);
      const printed = buildSummaryView({ year, results: stored.results, decisions: stored.decisions, generatedAt: new Date().toISOString() });
      assert.ok(onScreen.length > 0, `${label}: some check fails somewhere`);
      assert.deepEqual(
        onScreen.map((p) => [p.check, p.departments, p.findings]),
        printed.common.map((p) => [p.check, p.departments, p.findings]),
        `${label}: 常见问题 on screen = on the summary`,
      );
      for (const row of rows) {
        const r = row.report!;
        const line = printed.rows.find((p) => p.department === row.department)!;
        const fromSummary = Object.fromEntries(printed.dimensions.map((d, i) => [d, line.failedByDimension[i]!]).filter(([, n]) => n !== 0));
        assert.deepEqual(r.failedByDimension, fromSummary, `${label}: ${row.department} per dimension`);
        assert.equal(r.failed, line.failedTotal, `${label}: ${row.department} failed total`);
        for (const d of Object.keys(r.failedByDimension)) assert.ok(DIMENSION_ORDER.includes(d), `${d} is a rubric dimension`);
      }
      return onScreen;
    };

    const before = await compare('imported');
    // Dismiss one failing finding of the most common problem: one fewer finding on screen and on paper.
    const top = before[0]!;
    const rows = await service.overview({ year });
    const victim = rows.find((r) => (r.report?.failedByCheck[top.check] ?? 0) > 0)!;
    const detail = await service.getReport({ reportId: victim.report!.reportId });
    const index = detail.result.findings.findIndex((f) => f.check === top.check && f.status === 'fail');
    await service.decideFinding({ reportId: victim.report!.reportId, findingIndex: index, action: 'dismiss', reason: '测试驳回', reviewer: '测试' });
    const after = await compare('after a dismissal');
    const topAfter = after.find((p) => p.check === top.check);
    assert.equal((topAfter?.findings ?? 0), top.findings - 1);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
