/**
 * A reviewer's decision stays on the finding it was made on when the checks run again after a cell
 * correction changes the list of findings (their order and number).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';
import { fixturesDir, hasShared, readAnswers } from './helpers/shared.ts';

test('a dismissal follows its finding across a re-audit', { timeout: 120_000, skip: hasShared ? false : 'no ../shared fixtures' }, async () => {
  const answers = readAnswers('cases');
  // A case whose answers expect requests.balance to fail.
  const name = Object.keys(answers).find((n) => n.endsWith('.docx') && answers[n]!.expect_fail?.includes('requests.balance'))!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-dec-'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: [path.join(fixturesDir, 'cases', name)] });
    assert.equal((await service.waitForImport(job.jobId)).imported, 1);
    const [summary] = await service.listReports({});
    const before = await service.getReport({ reportId: summary!.reportId });
    const target = before.result.findings.findIndex((f) => f.check === 'requests.balance' && f.status === 'fail');
    assert.ok(target >= 0);
    const message = before.result.findings[target]!.message;
    await service.decideFinding({ reportId: summary!.reportId, findingIndex: target, action: 'dismiss', reason: '已电话核实，原表无误', reviewer: '张审核' });

    // Make another row of table 三 inconsistent: a new row-total finding appears before the dismissed one.
    const cell = before.result.report!.tables.requests![5]![0]!;
    const after = await service.correctCell({ reportId: summary!.reportId, cell: { table: 'requests', row: 5, col: 0 }, value: cell + 3, reason: '测试', reviewer: '张审核' });
    assert.notEqual(after.result.findings.length, before.result.findings.length, 'the correction changed the list of findings');

    const decision = after.decisions[0]!;
    const anchored = after.result.findings[decision.findingIndex]!;
    assert.equal(anchored.check, 'requests.balance');
    assert.equal(anchored.message, message);
    assert.equal(anchored.deduction, 0, 'a dismissed finding costs nothing');
    assert.ok(!after.result.score!.deductions.some((d) => d.check === 'requests.balance'));
  } finally {
    await service.close();
  }
});

test('the roster gives who has not submitted (未报送) and who was late (逾期)', { timeout: 120_000, skip: hasShared ? false : 'no ../shared fixtures' }, async () => {
  const answers = readAnswers('cases');
  // A case whose answers expect the deadline check to fail (signed after 31 January).
  const late = Object.keys(answers).find((n) => answers[n]!.expect_fail?.includes('deadline'))!;
  const { department, year } = answers[late]! as { department: string; year: number };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-roster-'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    await service.setRoster({ year, names: [department, '临江市未报送局'] });
    const job = await service.importPaths({ paths: [path.join(fixturesDir, 'cases', late)] });
    assert.equal((await service.waitForImport(job.jobId)).imported, 1);
    const rows = await service.overview({ year });
    const submitted = rows.find((r) => r.department === department)!;
    assert.equal(submitted.missing, false);
    assert.equal(submitted.report?.late, true);
    const missing = rows.find((r) => r.department === '临江市未报送局')!;
    assert.equal(missing.missing, true);
    assert.equal(missing.report, null);
  } finally {
    await service.close();
  }
});
