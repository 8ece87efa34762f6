/**
 * writeOutputs on real audits of the cases fixtures: the folder layout, the workbook read back with
 * exceljs, the CSV's BOM and rows, the PDFs read back with pdftotext; plus file-name rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkInfo } from '../../src/core/sheet/index.ts';
import { formatPoints } from '../../src/core/sheet/format.ts';
import { findingsCsv } from '../../src/main/export/csv.ts';
import { safeFileName, uniqueBaseNames } from '../../src/main/export/file-names.ts';
import { writeOutputs } from '../../src/main/export/write-outputs.ts';
import { fixtureResults, fixturesMissing, readAnswers } from './sheet-fixtures.ts';

const FILES = ['p01-clean.docx', 'p04-blank-cells.docx', 'p06-late.docx', 'p10-review-total.txt'];
const missing = fixturesMissing();
const noTools = !existsSync(process.env.OGI_CHROMIUM ?? '/usr/bin/chromium')
  ? '未安装 Chromium'
  : (() => {
      try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return false;
      } catch {
        return '未安装 pdftotext（poppler-utils）';
      }
    })();
if (missing) console.log(`跳过：${missing}`);

test('file names: Windows-forbidden characters stripped, duplicates get year then version', () => {
  assert.equal(safeFileName('临江市"教育局"<试点>/办公室: 2024?*|'), '临江市教育局试点办公室 2024');
  assert.equal(safeFileName('  ..  '), '未命名');
  assert.equal(safeFileName('CON'), 'CON_');
  const names = uniqueBaseNames([
    { department: '甲局', year: 2024 },
    { department: '乙局', year: 2024 },
    { department: '甲局', year: 2023 },
    { department: '乙局', year: 2024 },
  ]);
  assert.deepEqual(names, ['甲局-2024', '乙局-2024-v1', '甲局-2023', '乙局-2024-v2']);
  assert.equal(new Set(names).size, names.length);
});

test('CSV of findings: UTF-8 BOM, CRLF, one row per finding, quoted fields', { skip: missing ?? false }, async () => {
  const results = await fixtureResults(FILES);
  const csv = findingsCsv(results);
  assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with a BOM');
  const lines = csv.slice(1).trimEnd().split('\r\n');
  // Quoted fields never contain CRLF here (messages are one line), so lines = rows.
  assert.equal(lines.length, 1 + results.reduce((n, r) => n + r.findings.length, 0));
  assert.ok(lines[0]!.startsWith('单位,年度,文件,检查项编号'));
});

test('writeOutputs: sheets, notices, summary PDF, workbook and CSV for the fixtures', { skip: missing ?? noTools ?? false }, async () => {
  const answers = readAnswers();
  const results = await fixtureResults(FILES);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ogi-out-'));
  try {
    const written = await writeOutputs(results, dir, {
      engineVersion: '0.1.0',
      office: '临江市人民政府办公室',
      issuedOn: '2025-03-10',
      fixBy: '2025-03-31',
      missing: ['临江市未报送测试局'],
      progress: false,
    });
    // Same department and year in every fixture: names must still be unique.
    assert.equal(readdirSync(path.join(dir, 'sheets')).length, FILES.length);
    // Lateness is the office's record (fixedBy), not something to fix in the report: no notice for it alone.
    const failing = FILES.filter((f) => answers[f]!.expect_fail.some((check) => checkInfo(check).fixedBy !== 'office'));
    assert.ok(written.notices.length >= failing.length, 'a notice for every report with a failure the department must fix');
    for (const f of ['summary.pdf', 'summary.xlsx', 'findings.csv']) assert.ok(existsSync(path.join(dir, f)), f);

    // The sheet of the late report: department, score, the failed check.
    const lateIndex = FILES.indexOf('p06-late.docx');
    const sheetText = execFileSync('pdftotext', ['-layout', written.sheets[lateIndex]!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    assert.ok(sheetText.includes(answers['p06-late.docx']!.department));
    assert.ok(sheetText.includes(formatPoints(results[lateIndex]!.score!.score!)));
    assert.ok(sheetText.includes(checkInfo('deadline').title));
    const summaryText = execFileSync('pdftotext', ['-layout', written.summaryPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    assert.ok(summaryText.includes('临江市未报送测试局'));
    assert.ok(summaryText.includes('逾期'), 'the late report is flagged in the summary');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'summary.xlsx'));
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['汇总', '问题清单', '表二', '表三', '表四']);
    const summary = wb.getWorksheet('汇总')!;
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    const scoreCol = header.indexOf('得分') + 1;
    const fileCol = header.indexOf('文件') + 1;
    const deptCol = header.indexOf('单位') + 1;
    for (let i = 0; i < FILES.length; i++) {
      const row = summary.getRow(i + 2);
      const file = String(row.getCell(fileCol).value);
      const result = results[FILES.indexOf(file)]!;
      assert.ok(result, `summary row for ${file}`);
      assert.equal(row.getCell(deptCol).value, answers[file]!.department);
      assert.equal(row.getCell(scoreCol).value, result.score!.score);
    }
    const findings = wb.getWorksheet('问题清单')!;
    const failedRows: string[] = [];
    findings.eachRow((row, n) => {
      if (n > 1 && row.getCell(7).value === '不通过') failedRows.push(`${row.getCell(3).value}|${row.getCell(4).value}`);
    });
    for (const f of FILES) for (const check of answers[f]!.expect_fail) assert.ok(failedRows.includes(`${f}|${check}`), `${f} ${check} in 问题清单`);
    const requests = wb.getWorksheet('表三')!;
    assert.equal(requests.rowCount, 1 + 25 * results.filter((r) => r.report?.tables.requests).length);

    const csv = readFileSync(path.join(dir, 'findings.csv'));
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with the UTF-8 BOM');
    const csvText = csv.toString('utf8');
    assert.ok(csvText.includes('p04-blank-cells.docx,table.requests.complete'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
