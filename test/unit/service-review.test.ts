/**
 * The service over a real store: a resubmitted corrected report shows which earlier findings were fixed,
 * the roster gives 未报送, decisions need reason + reviewer, corrections keep the original value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const cases = path.resolve(repoRoot, '../shared/fixtures/cases');

test('resubmission, rectification, roster, decisions and corrections', { timeout: 300_000, skip: !fs.existsSync(cases) && `no fixtures at ${cases}` }, async () => {
  const answers = JSON.parse(fs.readFileSync(path.join(cases, 'answers.json'), 'utf8')) as Record<string, { department: string; year: number }>;
  const clean = answers['p01-clean.txt']!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-svc-'));
  // Version 1: the clean report with a template placeholder left in part 一 (a planted defect).
  const original = fs.readFileSync(path.join(cases, 'p01-clean.txt'), 'utf8');
  const lines = original.split('\n');
  const at = lines.findIndex((l, i) => i > 3 && /[\u4e00-\u9fff]{20,}/.test(l));
  lines[at] = `${lines[at]}本单位联系人为【填写】。`;
  fs.mkdirSync(path.join(dir, 'v1'));
  fs.writeFileSync(path.join(dir, 'v1', 'report.txt'), lines.join('\n'));

  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    await service.setRoster({ year: clean.year, names: [clean.department, '临江市不存在局'] });
    const first = await service.importPaths({ paths: [path.join(dir, 'v1')] });
    assert.equal((await service.waitForImport(first.jobId)).imported, 1);
    const second = await service.importPaths({ paths: [path.join(cases, 'p01-clean.txt')] });
    assert.equal((await service.waitForImport(second.jobId)).imported, 1);

    const reports = await service.listReports({ year: clean.year });
    assert.equal(reports.length, 2);
    const v2 = reports.find((r) => r.version === 2)!;
    assert.ok(v2.latest);
    assert.equal(v2.department, clean.department);
    const detail = await service.getReport({ reportId: v2.reportId });
    assert.equal(detail.versions.length, 2);
    assert.ok(detail.fixedSincePrevious.some((f) => f.check === 'text.placeholder'), JSON.stringify(detail.fixedSincePrevious));

    const overview = await service.overview({ year: clean.year });
    const missing = overview.filter((r) => r.missing).map((r) => r.department);
    assert.deepEqual(missing, ['临江市不存在局']);
    assert.equal(overview.find((r) => r.department === clean.department)?.report?.reportId, v2.reportId);

    // Decisions: reason and reviewer are required.
    const v1 = reports.find((r) => r.version === 1)!;
    const v1Detail = await service.getReport({ reportId: v1.reportId });
    const index = v1Detail.result.findings.findIndex((f) => f.check === 'text.placeholder' && f.status === 'fail');
    assert.ok(index >= 0);
    await assert.rejects(service.decideFinding({ reportId: v1.reportId, findingIndex: index, action: 'dismiss', reason: ' ', reviewer: '张三' }), /理由不能为空/);
    await assert.rejects(service.decideFinding({ reportId: v1.reportId, findingIndex: index, action: 'dismiss', reason: '模板说明', reviewer: '' }), /审核人不能为空/);
    const decided = await service.decideFinding({ reportId: v1.reportId, findingIndex: index, action: 'dismiss', reason: '为模板说明文字', reviewer: '张三' });
    assert.equal(decided.decisions.length, 1);
    assert.equal(decided.summary.failed, v1Detail.summary.failed - 1);
    assert.ok((decided.summary.score ?? 0) >= (v1Detail.summary.score ?? 0));

    // Correction keeps the original value and re-runs the checks.
    const before = detail.result.report!.tables.requests![0]![0]!;
    const corrected = await service.correctCell({ reportId: v2.reportId, cell: { table: 'requests', row: 0, col: 0 }, value: before + 1, reason: '核对原件', reviewer: '李四' });
    assert.equal(corrected.corrections[0]!.before, before);
    assert.equal(corrected.result.report!.tables.requests![0]![0], before + 1);
    assert.ok(corrected.result.findings.some((f) => f.check === 'requests.row-total' && f.status === 'fail'));

    // Tables 二 and 四 are flat: any cell, not only the first, is corrected by its index.
    const reviewTotal = detail.result.report!.tables.review![9]!;
    const reviewed = await service.correctCell({ reportId: v2.reportId, cell: { table: 'review', index: 9 }, value: reviewTotal + 2, reason: '核对原件', reviewer: '李四' });
    assert.deepEqual(reviewed.corrections.at(-1)!.cell, { table: 'review', index: 9 });
    assert.equal(reviewed.corrections.at(-1)!.before, reviewTotal);
    assert.equal(reviewed.result.report!.tables.review![9], reviewTotal + 2);
    const totals = reviewed.result.findings.find((f) => f.check === 'review.totals' && f.status === 'fail');
    assert.ok(totals && totals.evidence.some((e) => e.table === 'review' && e.row === 9), 'review.totals re-ran and names the corrected cell');
    const activeValue = detail.result.report!.tables.active![4];
    const activeFixed = await service.correctCell({ reportId: v2.reportId, cell: { table: 'active', index: 4 }, value: 7, reason: '核对原件', reviewer: '李四' });
    assert.equal(activeFixed.corrections.at(-1)!.before, activeValue);
    assert.equal(activeFixed.result.report!.tables.active![4], 7);
    await assert.rejects(
      service.correctCell({ reportId: v2.reportId, cell: { table: 'review', index: 15 }, value: 1, reason: '越界', reviewer: '李四' }),
      /单元格位置超出表格范围/,
    );
    // Counts are whole numbers from 0 up to a sane bound; the message names the cell.
    for (const value of [1.7e308, -1, 2.5, 1e12]) {
      await assert.rejects(
        service.correctCell({ reportId: v2.reportId, cell: { table: 'requests', row: 0, col: 0 }, value, reason: '测试', reviewer: '李四' }),
        (error: Error) => /更正值无效：表三 一、本年新收政府信息公开申请数量 · 自然人列的值应为不小于 0 的整数/.test(error.message) && error.message.includes(String(value)),
        String(value),
      );
    }
    await assert.rejects(
      service.correctCell({ reportId: v2.reportId, cell: { table: 'review', index: 3 }, value: -2, reason: '测试', reviewer: '李四' }),
      /表四 行政复议·尚未审结的值应为不小于 0 的整数/,
    );
    // Table 二's fee is an amount in 万元: decimals are allowed there.
    const fee = await service.correctCell({ reportId: v2.reportId, cell: { table: 'active', index: 9 }, value: 2.5, reason: '核对原件', reviewer: '李四' });
    assert.equal(fee.result.report!.tables.active![9], 2.5);

    const rescored = await service.rescoreAll();
    assert.equal(rescored.reports, 1);
    const sheet = await service.renderDocument({ kind: 'sheet', reportId: v2.reportId });
    assert.match(sheet.html, /<html/);
  } finally {
    await service.close();
  }
});
