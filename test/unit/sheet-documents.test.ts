/**
 * The printed documents for real audits of the cases fixtures: HTML from core/sheet, PDF from
 * Chromium, read back with pdftotext. Expected values come from answers.json and the results.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderNoticeHtml, renderSheetHtml, renderSummaryHtml, checkInfo, rankResults } from '../../src/core/sheet/index.ts';
import { formatPoints } from '../../src/core/sheet/format.ts';
import { PdfPrinter } from '../../src/main/print/pdf.ts';
import type { AuditResult } from '../../src/shared/model.ts';
import { fixtureResults, fixturesMissing, readAnswers } from './sheet-fixtures.ts';

const FILES = ['p01-clean.docx', 'p03-result-total.pdf', 'p05-no-review-table.txt', 'p08-no-fee-statement.docx'];
const missing = fixturesMissing();
const noChromium = !['/usr/bin/chromium', process.env.OGI_CHROMIUM].some((p) => p && existsSync(p));
const noPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
})();
const skipPdf = missing ?? (noChromium ? '未安装 Chromium' : noPdftotext ? '未安装 pdftotext（poppler-utils）' : false);
if (missing) console.log(`跳过：${missing}`);

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** pdftotext may break a line anywhere: compare without whitespace. */
function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

async function results(): Promise<{ byName: Map<string, AuditResult>; all: AuditResult[] }> {
  const all = await fixtureResults(FILES);
  return { all, byName: new Map(FILES.map((n, i) => [n, all[i]!])) };
}

test('sheet HTML: department, score, grade, rank and every failed check of the fixture', { skip: missing ?? false }, async () => {
  const answers = readAnswers();
  const { all } = await results();
  const ranks = rankResults(all);
  all.forEach((r, i) => {
    const name = FILES[i]!;
    const a = answers[name]!;
    const html = renderSheetHtml({ result: r, auditedAt: '2025-02-10T09:00:00Z', engineVersion: '0.1.0', rank: { rank: ranks[i]!, of: all.length } }).html;
    assert.ok(html.startsWith('<!DOCTYPE html>'), name);
    assert.ok(html.includes(a.department), `${name}: department`);
    assert.ok(html.includes(formatPoints(r.score!.score!)), `${name}: score ${r.score!.score}`);
    assert.ok(html.includes(r.sha256), `${name}: sha256`);
    assert.ok(html.includes(`第 ${ranks[i]} 名`), `${name}: rank`);
    for (const check of a.expect_fail) assert.ok(html.includes(checkInfo(check).title), `${name}: failed check ${check} listed`);
    assert.ok(!/<script/i.test(html), 'no scripts in printed documents');
  });
});

test('sheet marks the offending table cell and leaves clean reports unmarked', { skip: missing ?? false }, async () => {
  const { byName } = await results();
  const bad = renderSheetHtml({ result: byName.get('p03-result-total.pdf')!, auditedAt: '2025-02-10T09:00:00Z', engineVersion: '0.1.0' }).html;
  assert.match(bad, /class="cell value flagged"/);
  const clean = renderSheetHtml({ result: byName.get('p01-clean.docx')!, auditedAt: '2025-02-10T09:00:00Z', engineVersion: '0.1.0' }).html;
  assert.doesNotMatch(clean, /class="cell [a-z]+ flagged/);
  const noReview = renderSheetHtml({ result: byName.get('p05-no-review-table.txt')!, auditedAt: '2025-02-10T09:00:00Z', engineVersion: '0.1.0' }).html;
  assert.ok(noReview.includes('报告中未找到此表'), 'missing table 四 is said so');
});

test('notice quotes the rule of the failed check and the fix-by date', { skip: missing ?? false }, async () => {
  const { byName } = await results();
  const r = byName.get('p08-no-fee-statement.docx')!;
  const html = renderNoticeHtml({ result: r, fixBy: '2025-03-31', issuedOn: '2025-03-10', office: '临江市人民政府办公室' }).html;
  assert.ok(html.includes('2025年3月31日'), 'fix-by date');
  assert.ok(html.includes(checkInfo('other.fee').title), 'the failed check');
  assert.ok(html.includes('信息处理费'), 'the rule text');
  assert.ok(!html.includes('本检查'), 'rule text without the tool’s own explanation');
});

test('PDFs: sheet, notice and summary read back with pdftotext', { skip: skipPdf }, async () => {
  const answers = readAnswers();
  const { all, byName } = await results();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ogi-sheet-'));
  const printer = await PdfPrinter.launch();
  try {
    const bad = byName.get('p03-result-total.pdf')!;
    const sheetPdf = path.join(dir, 'sheet.pdf');
    await writeFile(sheetPdf, await printer.toPdf(renderSheetHtml({ result: bad, auditedAt: '2025-02-10T09:00:00Z', engineVersion: '0.1.0' }).html));
    const sheet = squash(pdfText(sheetPdf));
    assert.ok(sheet.includes(squash(answers['p03-result-total.pdf']!.department)), 'department in sheet PDF');
    assert.ok(sheet.includes(formatPoints(bad.score!.score!)), 'score in sheet PDF');
    assert.ok(sheet.includes(checkInfo('requests.result-total').title), 'failed check in sheet PDF');
    assert.ok(sheet.includes('审核人') && sheet.includes('复核人'), 'signature lines');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [sheetPdf], { encoding: 'utf8' }))![1]);
    assert.ok(sheet.includes(`第1页共${pages}页`) && sheet.includes(`第${pages}页共${pages}页`), `page numbers 第 x 页 共 ${pages} 页`);
    const fonts = execFileSync('pdffonts', [sheetPdf], { encoding: 'utf8' });
    assert.match(fonts, /NotoSansSC/, 'the bundled font is embedded');

    const noticePdf = path.join(dir, 'notice.pdf');
    await writeFile(noticePdf, await printer.toPdf(renderNoticeHtml({ result: byName.get('p08-no-fee-statement.docx')!, fixBy: '2025-03-31', issuedOn: '2025-03-10' }).html));
    const notice = squash(pdfText(noticePdf));
    assert.ok(notice.includes('整改通知书') && notice.includes('2025年3月31日') && notice.includes('信息处理费'));

    const summaryPdf = path.join(dir, 'summary.pdf');
    const missingDept = '临江市未报送测试局';
    await writeFile(summaryPdf, await printer.toPdf(renderSummaryHtml({ year: 2024, results: all, missing: [missingDept], generatedAt: '2025-02-10T09:00:00Z' }).html));
    const summary = squash(pdfText(summaryPdf));
    assert.ok(summary.includes(missingDept), '未报送 list');
    for (const r of all) assert.ok(summary.includes(formatPoints(r.score!.score!)), `score ${r.score!.score} in summary`);
    assert.ok(summary.includes(checkInfo('other.fee').title), 'common problems list the failed check');
  } finally {
    await printer.close();
    await rm(dir, { recursive: true, force: true });
  }
});
