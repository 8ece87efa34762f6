/**
 * The audit sheet as an office signs it: typical reports (the bench fixtures, audited together so the
 * similarity check has its peers) print on at most two A4 pages, with the original's SHA-256 and the engine
 * in a footer line on every page (not in the header table), headings kept with what follows them, and the
 * 审核意见 box holding the reviewer's comment — or lines to write on. Read back with pdfinfo/pdftotext.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderSheetHtml } from '../../src/core/sheet/index.ts';
import { PdfPrinter } from '../../src/main/print/pdf.ts';
import { fixtureResults, sharedDir } from './sheet-fixtures.ts';

const benchDir = path.join(sharedDir, 'fixtures/bench');
// Two of each format: what departments send.
const BENCH = ['b11-0000-docx.docx', 'b11-0001-pdf.pdf', 'b11-0002-txt.txt', 'b11-0003-docx.docx', 'b11-0004-pdf.pdf', 'b11-0005-txt.txt'];

const noFixtures = existsSync(path.join(benchDir, 'answers.json')) ? false : `共享样例目录不存在：${benchDir}`;
const noChromium = ['/usr/bin/chromium', process.env.OGI_CHROMIUM].some((p) => p && existsSync(p)) ? false : '未安装 Chromium';
const noPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return false;
  } catch {
    return '未安装 pdfinfo（poppler-utils）';
  }
})();
const skipPdf = noFixtures || noChromium || noPoppler;
if (skipPdf) console.log(`跳过：${skipPdf}`);

const squash = (s: string): string => s.replace(/\s+/g, '');
const COMMENT = { text: '经核对，表三数据与业务台账一致。\n请按整改通知书修改第三部分后重新报送。', reviewer: '王审核', at: '2025-02-12T09:30:00Z' };

test('a typical report prints on at most 2 pages, footer line on every page, the comment in the 审核意见 box', { skip: skipPdf, timeout: 300_000 }, async () => {
  const results = await fixtureResults(BENCH, benchDir);
  assert.equal(results.length, BENCH.length);
  const printer = await PdfPrinter.launch();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ogi-sheet-print-'));
  try {
    for (const [i, result] of results.entries()) {
      const withComment = i % 2 === 0;
      const html = renderSheetHtml({
        result,
        auditedAt: '2025-02-12T10:00:00Z',
        engineVersion: '9.8.7',
        rank: { rank: i + 1, of: results.length },
        comment: withComment ? COMMENT : null,
      }).html;
      const file = path.join(dir, `${i}.pdf`);
      await writeFile(file, await printer.toPdf(html));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      const name = BENCH[i]!;
      assert.ok(pages >= 1 && pages <= 2, `${name}: ${pages} pages (at most 2)`);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pageTexts = text.split('\f').filter((p) => p.trim().length > 0);
      assert.equal(pageTexts.length, pages);
      for (const [n, pageText] of pageTexts.entries()) {
        assert.ok(squash(pageText).includes(`SHA-256：${result.sha256}`), `${name}: SHA-256 at the foot of page ${n + 1}`);
        assert.ok(squash(pageText).includes('审核引擎9.8.7'), `${name}: engine version at the foot of page ${n + 1}`);
      }
      // Only in the footer: the header table no longer carries the hash.
      const header = /<table class="info">[\s\S]*?<\/table>/.exec(html)![0];
      assert.ok(!header.includes(result.sha256) && !header.includes('SHA-256'), `${name}: no SHA-256 in the header table`);
      const flat = squash(text);
      assert.ok(flat.includes('审核意见') && flat.includes('审核人：') && flat.includes('复核人：'), `${name}: opinion box and signatures`);
      if (withComment) {
        assert.ok(flat.includes(squash(COMMENT.text.split('\n')[0]!)) && flat.includes(squash(COMMENT.text.split('\n')[1]!)), `${name}: the comment printed`);
        assert.ok(flat.includes('王审核'), `${name}: who wrote the comment`);
        assert.doesNotMatch(html, /class="write-line"/);
      } else {
        assert.equal((html.match(/class="write-line"/g) ?? []).length, 4, `${name}: lines to write on by hand`);
      }
    }
  } finally {
    await printer.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('no heading is left alone at a page foot: headings avoid a break after them, rows and blocks are not split', { skip: noFixtures }, async () => {
  const [result] = await fixtureResults([BENCH[0]!], benchDir);
  const html = renderSheetHtml({ result: result!, auditedAt: '2025-02-12T10:00:00Z', engineVersion: '1' }).html;
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  const rule = (selector: RegExp): string => {
    // Flat rules only (selector { declarations }); the @page block's margin boxes are not looked at.
    const rules = css.split('}').map((chunk) => chunk.split('{'));
    const found = rules.filter((parts) => parts.length === 2 && selector.test(parts[0]!));
    assert.ok(found.length > 0, `a rule for ${selector}`);
    return found.map((parts) => parts[1]).join(';');
  };
  assert.match(rule(/(^|,)\s*(\.sheet )?h2\b/), /break-after:\s*avoid/);
  assert.match(rule(/\.table-title/), /break-after:\s*avoid/);
  assert.match(rule(/\.dim-head\.has-rows/), /break-after:\s*avoid/);
  assert.match(rule(/(^|,)\s*tr\b/), /break-inside:\s*avoid/);
  assert.match(rule(/\.table-block/), /break-inside:\s*avoid/);
  // The statistics section's heading is printed inside one unbreakable block with its first table.
  assert.match(html, /<div class="keep"><h2>[一二三四]、统计表核对<\/h2>[\s\S]*?<div class="table-block">/);
  // And so is the 审核意见 heading with its box and the signature lines.
  assert.match(html, /<div class="keep"><h2>[一二三四五]、审核意见<\/h2><div class="opinion">/);
});
