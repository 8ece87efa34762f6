/**
 * Readable evidence after the reviewer's work and for incomplete tables: a corrected cell's evidence shows
 * the corrected value, that it was corrected, and what the file said (service → findings → screen words →
 * printed sheet); a 表三 row the report does not have shows as 缺 on paper and on screen, not 0 or 空.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createService } from '../../src/main/service.ts';
import { buildSheetView } from '../../src/core/sheet/index.ts';
import { describeEvidence } from '../../src/shared/wording.ts';
import { REQUEST_ROWS } from '../../src/shared/template/index.ts';
import { TableGrids } from '../../src/renderer/components/TableGrid.tsx';
import { fixtureResults } from './sheet-fixtures.ts';

const cases = path.resolve(import.meta.dirname, '../../../shared/fixtures/cases');
const skip = fs.existsSync(cases) ? false : `共享样例目录不存在：${cases}`;

test('a corrected cell: evidence with the corrected value and the value read, on screen words and on the sheet', { skip, timeout: 180_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-evidence-'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: [path.join(cases, 'p02-row-total.docx')] });
    assert.equal((await service.waitForImport(job.jobId)).imported, 1);
    const [report] = await service.listReports({});
    const before = await service.getReport({ reportId: report!.reportId });
    const rowTotal = before.result.findings.find((f) => f.check === 'requests.row-total' && f.status === 'fail');
    assert.ok(rowTotal, 'the fixture fails a row total');
    // A cell the failing row's evidence names (not its total): the reviewer corrects it to another value.
    const target = rowTotal.evidence.find((e) => e.table === 'requests' && e.col !== 6 && e.text !== '0')!;
    const read = before.result.report!.tables.requests![target.row!]![target.col!]!;
    const corrected = read + 1;
    const after = await service.correctCell({ reportId: report!.reportId, cell: { table: 'requests', row: target.row!, col: target.col! }, value: corrected, reason: '核对原件', reviewer: '张三' });

    const stillFailing = after.result.findings.find((f) => f.check === 'requests.row-total' && f.status === 'fail')!;
    const evidence = stillFailing.evidence.find((e) => e.row === target.row && e.col === target.col)!;
    assert.equal(evidence.text, String(corrected), 'the evidence shows the value the checks used');
    assert.deepEqual(evidence.corrected, { original: String(read) }, 'and what the file said');
    const words = describeEvidence(evidence, after.result.report);
    assert.ok(words.includes(`审核人更正为“${corrected}”（原读取“${read}”）`), words);
    assert.ok(!words.includes(`填报值“${read}”`), 'the value read is not presented as the value');

    const sheet = (await service.renderDocument({ kind: 'sheet', reportId: report!.reportId })).html;
    assert.ok(sheet.includes(`审核人更正为“${corrected}”（原读取“${read}”）`), 'the sheet says so');
    assert.match(sheet, new RegExp(`class="cell value flagged corrected">${corrected}<sup>`), 'the cell shows the corrected value, marked †');
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('表三 rows the report does not have: 缺 on the sheet and the screen, named in the evidence; blank cells stay 空', { skip, timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-missing-rows-'));
  try {
    // The clean report with two rows of 表三 taken out (found by their template labels) and one cell blanked.
    const lost = [6, 7];
    const lines = fs.readFileSync(path.join(cases, 'p01-clean.txt'), 'utf8').split('\n');
    const kept = lines.filter((l) => !lost.some((r) => l.includes(REQUEST_ROWS[r]!.label.slice(2, 8))));
    assert.equal(kept.length, lines.length - lost.length, 'exactly the two rows removed');
    const blankRow = kept.findIndex((l) => l.includes(REQUEST_ROWS[9]!.label.slice(2, 8)));
    kept[blankRow] = kept[blankRow]!.replace(/\|\s*0\s*\|/, '|  |');
    fs.writeFileSync(path.join(dir, 'p01-missing-rows.txt'), kept.join('\n'));
    fs.copyFileSync(path.join(cases, 'answers.json'), path.join(dir, 'answers.json'));
    const [result] = await fixtureResults(['p01-missing-rows.txt'], dir);
    const report = result!.report!;

    const sheet = buildSheetView({ result: result!, auditedAt: '2025-02-12T10:00:00Z', engineVersion: 't' });
    const grid = sheet.tables.find((g) => g.id === 'requests')!;
    const rowsByLabel = new Map(grid.rows.filter((r) => !r.heading).map((r) => [r.label, r]));
    for (const r of lost) {
      const row = rowsByLabel.get(REQUEST_ROWS[r]!.label)!;
      assert.ok(row.cells.every((c) => c.text === '缺' && c.missingRow), `${REQUEST_ROWS[r]!.label}: 缺`);
    }
    const withBlank = rowsByLabel.get(REQUEST_ROWS[9]!.label)!;
    assert.ok(withBlank.cells.some((c) => c.text === '空') && !withBlank.cells.some((c) => c.text === '缺'), 'a blank cell is 空, not 缺');
    assert.ok(grid.rows.filter((r) => !r.heading && !lost.includes(REQUEST_ROWS.findIndex((t) => t.label === r.label))).every((r) => r.cells.every((c) => !c.missingRow)));

    // The findings name the missing rows' cells as missing, not as a value or a blank.
    const complete = result!.findings.find((f) => f.check === 'table.requests.complete' && f.status === 'fail')!;
    const missingEvidence = complete.evidence.filter((e) => e.table === 'requests' && lost.includes(e.row!));
    assert.ok(missingEvidence.length > 0 && missingEvidence.every((e) => e.text === '（报告中无此行）'));

    // The screen's grid.
    const { missingRequestRows } = await import('../../src/shared/missing-rows.ts');
    const html = renderToStaticMarkup(createElement(TableGrids, { tables: report.tables, generation: report.generation, idPrefix: 't-', missingRows: missingRequestRows(report) }));
    for (const r of lost) {
      for (let col = 0; col < 7; col++) assert.match(html, new RegExp(`data-cell="requests:${r}:${col}"[^>]*>缺</td>`), `screen cell ${r}:${col}`);
    }
    assert.doesNotMatch(html, new RegExp(`data-cell="requests:9:\\d"[^>]*>缺</td>`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
