/**
 * OCR of scanned reports, bounded in time (two pages per test; the whole scans are read by
 * `npm run bench:ocr`): the scanned fixtures' table pages against answers.json, and a text PDF's table page
 * made into a scan (turned, noisy) against what its text layer says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReport } from '../../src/core/audit.ts';
import { EMPTY_CONTEXT, runChecks } from '../../src/core/checks/index.ts';
import { findLatticeTables } from '../../src/core/ingest/pdf-lattice.ts';
import { openPdf } from '../../src/core/ingest/pdf-load.ts';
import { readPage, type PageContent } from '../../src/core/ingest/pdf-page.ts';
import { groupLines } from '../../src/core/ingest/pdf-text.ts';
import { readScannedPage } from '../../src/core/ingest/scan/read-page.ts';
import { ocrOptions, sharedRecognizer } from '../../src/main/ocr/ocr-options.ts';
import { degrade, drawPdfPage } from './helpers/fake-scan.ts';
import { fixturesDir, skipWithoutShared, type FixtureAnswer } from './helpers/shared.ts';

const scans = path.join(fixturesDir, 'scans');

test('scan s02, its table pages (2–3) by OCR: every cell of 表三 and 表四, department, year, the planted row-total defect', { skip: skipWithoutShared, timeout: 240_000 }, async () => {
  const name = 's02-row-total-scan.pdf';
  const expected = (JSON.parse(readFileSync(path.join(scans, 'answers.json'), 'utf8')) as Record<string, FixtureAnswer>)[name]!;
  const pages: number[] = [];
  const read = await readReport(name, new Uint8Array(readFileSync(path.join(scans, name))), {
    ocr: { ...ocrOptions({ onPage: (_done, _total, page) => pages.push(page) }), onlyPages: [2, 3] },
  });
  assert.equal(read.error, null);
  const report = read.report!;
  assert.deepEqual(pages, [2, 3], 'progress is reported page by page');
  assert.deepEqual(report.ocr?.pages, [2, 3]);
  assert.equal(report.department, expected.department);
  assert.equal(report.year, expected.year);
  assert.equal(report.generation, expected.generation);

  const want = [...expected.tables!.requests!.flat(), ...expected.tables!.review!];
  const got = [...(report.tables.requests ?? []).flat(), ...(report.tables.review ?? [])];
  const exact = want.filter((v, i) => got[i] === v).length;
  assert.ok(exact / want.length >= 0.99, `${exact}/${want.length} cells exact: ${JSON.stringify(report.tables)}`);

  // Every value read by OCR says so, with its confidence and the picture of its cell.
  const source = report.tableSources.requests![0]![0]!;
  const picture = source.ocr?.image ?? '';
  assert.ok(source.ocr && source.ocr.confidence > 0 && picture.startsWith('data:image/png;base64,'));
  assert.ok(picture.length < 3000, `cell picture ${picture.length} characters`);

  const findings = runChecks(report, EMPTY_CONTEXT);
  const status = (id: string): string | undefined => findings.find((f) => f.check === id)?.status;
  const tableChecks = ['requests.row-total', 'requests.result-total', 'requests.balance', 'review.totals', 'table.requests.complete', 'table.review.complete'];
  for (const id of expected.expect_fail ?? []) if (tableChecks.includes(id)) assert.equal(status(id), 'fail', id);
  for (const id of expected.expect_pass ?? []) if (tableChecks.includes(id)) assert.equal(status(id), 'pass', id);
  // Part 五's heading sits right under 表四 on page 3: it heads its own part, not a row of the table.
  const part5 = report.sections.find((section) => section.part === 5);
  assert.ok(part5?.found && part5.page === 3, `part 五 found on page 3: ${JSON.stringify(part5)}`);
  for (const id of ['problems.measures', 'other.fee']) assert.equal(status(id), 'pass', id);
  const rowTotal = findings.find((f) => f.check === 'requests.row-total')!;
  assert.ok(rowTotal.evidence.some((e) => e.ocr?.image), 'evidence of a finding on OCR\'d values carries their pictures');
});

test('scan s01, page 3 (150 dpi): the text under 表四 (part 五\'s heading, its problems and measures, part 六) is read as text, not as rows of the table', { skip: skipWithoutShared, timeout: 240_000 }, async () => {
  const name = 's01-clean-scan.pdf';
  const expected = (JSON.parse(readFileSync(path.join(scans, 'answers.json'), 'utf8')) as Record<string, FixtureAnswer>)[name]!;
  const read = await readReport(name, new Uint8Array(readFileSync(path.join(scans, name))), { ocr: { ...ocrOptions(), onlyPages: [3] } });
  assert.equal(read.error, null);
  const report = read.report!;
  assert.deepEqual(report.tables.review, expected.tables!.review, '表四 cell by cell');
  const parts = new Map(report.sections.filter((s) => s.found).map((s) => [s.part, s.page]));
  assert.equal(parts.get(5), 3, `part 五's heading found on page 3 (found: ${[...parts.keys()].join(', ')})`);
  assert.equal(parts.get(6), 3, 'part 六 after it');
  const part5 = report.paragraphs.filter((p) => p.part === 5).map((p) => p.text).join('');
  assert.match(part5, /存在的主要问题/);
  assert.match(part5, /改进措施/);
  const findings = runChecks(report, EMPTY_CONTEXT);
  for (const id of ['problems.measures', 'other.fee', 'review.totals']) assert.equal(findings.find((f) => f.check === id)?.status, 'pass', id);
});

test('a text PDF\'s table page made into a scan (turned 1.4°, noisy, 150 dpi) reads the same cells as its text layer', { skip: skipWithoutShared, timeout: 240_000 }, async () => {
  const file = path.join(fixturesDir, 'cases', 'p02-row-total.pdf');
  const page = 2;
  const opened = await openPdf(new Uint8Array(readFileSync(file)));
  let textLayer: PageContent;
  try {
    textLayer = await readPage(opened.pdfjs, await opened.doc.getPage(page));
  } finally {
    await opened.destroy();
  }
  // The value cells of the table's rows (the last seven of each row that has numbers), position by position.
  const cells = (content: PageContent): string[] =>
    findLatticeTables(content.pieces, content.hRules, content.vRules).tables.flatMap((t) =>
      t.rows.filter((row) => row.some((c) => /^\d+$/.test(c.text.trim()))).flatMap((row) => row.slice(-7).map((c) => c.text.trim())),
    );
  const want = cells(textLayer);
  assert.ok(want.length >= 150, `the page holds table 三 (${want.length} value cells)`);

  const scan = degrade(await drawPdfPage(file, page, 150), { angle: 1.4, noise: 18, seed: 7 });
  const read = await readScannedPage(scan.image, scan.scale, scan.dpi, await sharedRecognizer());
  assert.ok(Math.abs(read.skew - 1.4) < 0.15, `skew found ${read.skew}°`);
  const got = cells(read);
  const exact = want.filter((v, i) => got[i] === v).length;
  assert.equal(got.length, want.length, `value cells found ${got.length}, text layer ${want.length}`);
  assert.ok(exact / want.length >= 0.99, `${exact}/${want.length} value cells exact`);
});

test('a page with text under its table (表四, then parts 五 and 六) made into a scan turned −2°, noisy, 200 dpi: the table\'s cells as its text layer, every line under the table read as text', { skip: skipWithoutShared, timeout: 240_000 }, async () => {
  const file = path.join(fixturesDir, 'bench', 'b11-0001-pdf.pdf');
  const page = 3;
  const opened = await openPdf(new Uint8Array(readFileSync(file)));
  let textLayer: PageContent;
  try {
    textLayer = await readPage(opened.pdfjs, await opened.doc.getPage(page));
  } finally {
    await opened.destroy();
  }
  const layout = (content: PageContent): { cells: string[]; lines: string[] } => {
    const found = findLatticeTables(content.pieces, content.hRules, content.vRules);
    const bottom = Math.max(...found.tables.map((t) => t.bottom));
    return {
      cells: found.tables.flatMap((t) => t.rows.flatMap((row) => row.map((c) => c.text.replace(/\s/g, '')))),
      // Lines below the last table, as the page reads them (OCR has no spaces between Chinese and digits).
      lines: groupLines(found.rest.filter((p) => p.top > bottom)).map((l) => l.text.replace(/\s/g, '')),
    };
  };
  const want = layout(textLayer);
  assert.ok(want.lines.some((l) => l.startsWith('五、存在的主要问题')), `the page has part 五 under its table: ${want.lines.join(' / ')}`);

  const scan = degrade(await drawPdfPage(file, page, 200), { angle: -2, noise: 14, seed: 11 });
  const read = await readScannedPage(scan.image, scan.scale, scan.dpi, await sharedRecognizer());
  assert.ok(Math.abs(read.skew + 2) < 0.15, `skew found ${read.skew}°`);
  const got = layout(read);
  const cellsExact = want.cells.filter((v, i) => got.cells[i] === v).length;
  assert.equal(got.cells.length, want.cells.length, `cells found ${got.cells.length}, text layer ${want.cells.length}`);
  assert.ok(cellsExact / want.cells.length >= 0.99, `${cellsExact}/${want.cells.length} cells exact`);
  for (const heading of want.lines.filter((l) => /^[五六]、/.test(l))) assert.ok(got.lines.includes(heading), `heading ${heading} read as text under the table: ${got.lines.join(' / ')}`);
  // Every line under the table is found (OCR may miss a character or two of the long ones).
  assert.equal(got.lines.length, want.lines.length, `lines under the table: ${got.lines.join(' / ')}`);
});
