/**
 * A department sends its report again (two versions of a fixture, the second an edited copy): the reviewer's
 * corrections of version 1 are carried over where the cell still holds the value read, listed for re-review
 * where the department changed the cell; 已整改 lists what the department fixed, not what a reviewer's
 * correction made go away. Through the service, as the app does it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';
import { REQUEST_ROWS } from '../../src/shared/template/index.ts';

const cases = path.resolve(import.meta.dirname, '../../../shared/fixtures/cases');
const skip = fs.existsSync(cases) ? false : `共享样例目录不存在：${cases}`;

/** The clean report with cells of 表三 changed: each edit names a row by its template label and a replacement in that line. */
function edited(edits: { row: number; from: RegExp; to: string }[], placeholder: boolean): string {
  const lines = fs.readFileSync(path.join(cases, 'p01-clean.txt'), 'utf8').split('\n');
  for (const e of edits) {
    const key = REQUEST_ROWS[e.row]!.label.slice(2, 9);
    const at = lines.findIndex((l) => l.includes(key) && l.includes('|'));
    assert.ok(at >= 0, `row ${e.row} found`);
    assert.match(lines[at]!, e.from);
    lines[at] = lines[at]!.replace(e.from, e.to);
  }
  if (placeholder) {
    const at = lines.findIndex((l, i) => i > 3 && /[\u4e00-\u9fff]{20,}/.test(l) && !l.includes('|'));
    lines[at] = `${lines[at]}本单位联系人为【填写】。`;
  }
  return lines.join('\n');
}

const A = { row: 0, col: 0 }; // 本年新收 · 自然人: 14 in the file, misprinted 15 in both versions
const B = { row: 12, col: 0 }; // 本机关不掌握 · 自然人: 1, printed 3 in v1, the department writes 2 in v2
const C = { row: 18, col: 6 }; // 无正当理由大量反复申请 · 总计: 13, printed 12 in both versions

test('version 2: corrections carried over or listed for re-review; 已整改 only what the department fixed', { skip, timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-versions-'));
  const first = { row: A.row, from: /\| 14 \|/, to: '| 15 |' };
  const third = { row: C.row, from: /\| 13 \|$/, to: '| 12 |' };
  fs.mkdirSync(path.join(dir, 'v1'));
  fs.mkdirSync(path.join(dir, 'v2'));
  fs.writeFileSync(path.join(dir, 'v1', 'report.txt'), edited([first, { row: B.row, from: /\| 1 \| 0/, to: '| 3 | 0' }, third], true));
  fs.writeFileSync(path.join(dir, 'v2', 'report-resubmitted.txt'), edited([first, { row: B.row, from: /\| 1 \| 0/, to: '| 2 | 0' }, third], false));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job1 = await service.importPaths({ paths: [path.join(dir, 'v1')] });
    assert.equal((await service.waitForImport(job1.jobId)).imported, 1);
    const [v1] = await service.listReports({});
    const read = (await service.getReport({ reportId: v1!.reportId })).result.report!.tables.requests!;
    assert.deepEqual([read[A.row]![A.col], read[B.row]![B.col], read[C.row]![C.col]], [15, 3, 12], 'the planted values are read');
    // The reviewer corrects A and B on version 1 (C goes unnoticed).
    await service.correctCell({ reportId: v1!.reportId, cell: { table: 'requests', ...A }, value: 14, reason: '原件为14', reviewer: '张三' });
    const v1Detail = await service.correctCell({ reportId: v1!.reportId, cell: { table: 'requests', ...B }, value: 1, reason: '原件为1', reviewer: '李四' });
    const failingRows = (d: typeof v1Detail, check: string): number[] =>
      d.result.findings.filter((f) => f.check === check && f.status === 'fail').flatMap((f) => f.evidence.filter((e) => e.table === 'requests' && e.col === 6).map((e) => e.row!));
    assert.deepEqual(failingRows(v1Detail, 'requests.row-total'), [C.row], 'after the corrections only C’s row fails its total');
    assert.ok(v1Detail.result.findings.some((f) => f.check === 'text.placeholder' && f.status === 'fail'));

    const job2 = await service.importPaths({ paths: [path.join(dir, 'v2')] });
    assert.equal((await service.waitForImport(job2.jobId)).imported, 1);
    const v2 = (await service.listReports({})).find((r) => r.version === 2)!;
    let detail = await service.getReport({ reportId: v2.reportId });

    // A still holds the value read in v1: the correction is carried over, with who made it and why.
    assert.equal(detail.corrections.length, 1, JSON.stringify(detail.corrections));
    const carried = detail.corrections[0]!;
    assert.deepEqual([carried.cell, carried.before, carried.value, carried.reviewer], [{ table: 'requests', ...A }, 15, 14, '张三']);
    assert.match(carried.reason, /^沿用第1版的更正：原件为14$/);
    assert.equal(detail.result.report!.tables.requests![A.row]![A.col], 14, 'the checks see the corrected value');
    // B was changed by the department: listed for re-review, not carried.
    assert.deepEqual(
      detail.correctionsToReview.map((c) => [c.cell, c.read, c.corrected, c.now, c.reviewer, c.version]),
      [[{ table: 'requests', ...B }, 3, 1, 2, '李四', 1]],
    );
    assert.deepEqual(failingRows(detail, 'requests.row-total').sort((a, b) => a - b), [B.row, C.row], 'B (the department’s new value) and C fail');

    // 已整改: the placeholder the department removed; nothing about the tables.
    assert.deepEqual(detail.fixedSincePrevious.map((f) => f.check), ['text.placeholder']);

    // The reviewer now corrects C on version 2: its failure goes away, but the department did not fix it.
    detail = await service.correctCell({ reportId: v2.reportId, cell: { table: 'requests', ...C }, value: 13, reason: '原件为13', reviewer: '张三' });
    assert.deepEqual(failingRows(detail, 'requests.row-total'), [B.row]);
    assert.deepEqual(detail.fixedSincePrevious.map((f) => f.check), ['text.placeholder'], 'a reviewer’s correction is no rectification');

    // Importing version 2 again adds nothing and carries nothing twice.
    const again = await service.importPaths({ paths: [path.join(dir, 'v2')] });
    await service.waitForImport(again.jobId);
    assert.equal((await service.getReport({ reportId: v2.reportId })).corrections.length, 2);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
