/**
 * .pdf reader on real files: LibreOffice fixtures (checked against answers.json), a WPS-printed
 * report from the corpus, hand-built PDFs for blank cells, and encrypted / damaged / image-only files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPdf } from '../../src/core/ingest/pdf.ts';
import { loadPdfJs } from '../../src/core/ingest/pdf-load.ts';
import { mapRadicals } from '../../src/core/text/radicals.ts';
import { IngestError, type Document, type TableBlock, type TableRowBlock } from '../../src/core/document.ts';
import { serializePdf } from './helpers/tiny-pdf.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const hasShared = existsSync(path.join(shared, 'fixtures'));
const skipShared = hasShared ? false : `../shared not found at ${shared}`;
if (!hasShared) console.log(`# skipping fixture tests: ../shared not found at ${shared}`);
const wpsFile = path.join(shared, 'corpus', 'govnianbao', 'szfgs2024.pdf');
const skipWps = existsSync(wpsFile) ? false : `corpus file not found: ${wpsFile}`;

interface Answer {
  tables?: { active?: (number | null)[] | null; requests?: (number | null)[][] | null; review?: (number | null)[] | null };
}

function answersFor(folder: string, file: string): Answer {
  const all = JSON.parse(readFileSync(path.join(shared, 'fixtures', folder, 'answers.json'), 'utf8')) as Record<string, Answer>;
  const answer = all[file];
  assert.ok(answer, `${file} missing from answers.json`);
  return answer;
}

async function readFixture(folder: string, file: string): Promise<Document> {
  return ingestPdf(new Uint8Array(readFileSync(path.join(shared, 'fixtures', folder, file))));
}

const tables = (doc: Document): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const allRows = (doc: Document): TableRowBlock[] => tables(doc).flatMap((t) => t.rows);
const ownTexts = (row: TableRowBlock): string[] => row.cells.filter((c) => !c.spanned).map((c) => c.text);
/** The values of a table 三 row: its last seven cells, as numbers (null for ''). */
const lastSeven = (row: TableRowBlock): (number | null)[] =>
  row.cells.slice(-7).map((c) => (c.text === '' ? null : Number(c.text)));

function rowWith(doc: Document, label: string): TableRowBlock {
  const row = allRows(doc).find((r) => ownTexts(r).some((t) => t.includes(label)));
  assert.ok(row, `no table row with a cell containing ${label}`);
  return row;
}

const PART_HEADINGS = [
  /一、总体情况/,
  /二、主动公开政府信息情况/,
  /三、收到和处理政府信息公开申请情况/,
  /四、政府信息公开行政复议、行政诉讼情况/,
  /五、存在的主要问题及改进情况/,
  /六、其他需要报告的事项/,
];

test('LibreOffice PDF: pages, title, six part headings as paragraphs, no spaces inside Chinese', { skip: skipShared }, async () => {
  const doc = await readFixture('cases', 'p01-clean.pdf');
  assert.equal(doc.format, 'pdf');
  assert.ok(doc.pages !== undefined && doc.pages >= 2);
  assert.ok(doc.metaTitle && doc.metaTitle.includes('年度报告'));
  for (const block of doc.blocks) {
    assert.ok(block.pos.page !== undefined && block.pos.page >= 1 && block.pos.page <= doc.pages, 'page number in range');
  }
  const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  for (const heading of PART_HEADINGS) {
    assert.ok(paragraphs.some((p) => heading.test(p) && p.length < 30), `heading ${heading} is its own paragraph`);
  }
  assert.ok(!paragraphs.some((p) => /\d \S*年|年 \d/.test(p) && /[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]/.test(p)), 'no space between digits and Chinese');
  // The closing date stays its own paragraph.
  assert.ok(paragraphs.some((p) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p)));
});

test('LibreOffice PDF: table rows carry the right labels and values (answers.json)', { skip: skipShared }, async () => {
  const doc = await readFixture('cases', 'p01-clean.pdf');
  const requests = answersFor('cases', 'p01-clean.pdf').tables?.requests;
  assert.ok(requests);
  assert.deepEqual(lastSeven(rowWith(doc, '本年新收')), requests[0]);
  assert.deepEqual(lastSeven(rowWith(doc, '上年结转')), requests[1]);
  // A label wrapped over two lines is one cell, in the row of its values.
  const partial = rowWith(doc, '部分公开');
  assert.ok(ownTexts(partial).includes('(二)部分公开(区分处理的,只计这一情形,不计其他情形)'));
  assert.deepEqual(lastSeven(partial), requests[3]);
  // The merged labels printed a character or two per line do not leak into the sub-row labels.
  for (const [label, index] of [['保护第三方合法权益', 7], ['本机关不掌握相关政府信息', 12], ['无正当理由大量反复申请', 18]] as const) {
    const row = rowWith(doc, label);
    assert.ok(ownTexts(row).some((t) => new RegExp(`^\\d\\.${label}$`).test(t)), `clean label for ${label}: ${ownTexts(row).join(' | ')}`);
    assert.deepEqual(lastSeven(row), requests[index]);
  }
  // Table 四: one row of 15 values.
  const review = answersFor('cases', 'p01-clean.pdf').tables?.review;
  const reviewRow = allRows(doc).find((r) => r.cells.length === 15 && r.cells.every((c) => /^\d+$/.test(c.text)));
  assert.ok(reviewRow && review);
  assert.deepEqual(reviewRow.cells.map((c) => Number(c.text)), review);
});

test('a table that runs onto the next page continues as the same table', { skip: skipShared }, async () => {
  const doc = await readFixture('cases', 'p01-clean.pdf');
  const requests = answersFor('cases', 'p01-clean.pdf').tables?.requests;
  assert.ok(requests);
  const table = tables(doc).find((t) => t.rows.some((r) => ownTexts(r).some((c) => c.includes('本年新收'))));
  assert.ok(table);
  const pages = new Set(table.rows.map((r) => r.pos.page));
  assert.ok(pages.size >= 2, `table 三 spans pages ${[...pages].join(',')}`);
  const carried = table.rows.find((r) => ownTexts(r).some((c) => c.includes('结转下年度')));
  assert.ok(carried, 'last row of table 三 is in the same table');
  assert.deepEqual(lastSeven(carried), requests[24]);
  const total = table.rows.find((r) => ownTexts(r).some((c) => c.includes('总计') && c.includes('七')));
  assert.ok(total);
  assert.deepEqual(lastSeven(total), requests[23]);
});

test('bench PDF: every table 三 row found by label has the values of answers.json', { skip: skipShared }, async () => {
  const file = 'b11-0004-pdf.pdf';
  const doc = await readFixture('bench', file);
  const requests = answersFor('bench', file).tables?.requests;
  assert.ok(requests);
  const table = tables(doc).find((t) => t.rows.some((r) => ownTexts(r).some((c) => c.includes('本年新收'))));
  assert.ok(table);
  const dataRows = table.rows.filter((r) => r.cells.slice(-7).every((c) => /^-?\d+$/.test(c.text)));
  assert.equal(dataRows.length, 25);
  assert.deepEqual(dataRows.map(lastSeven), requests);
});

test('WPS-printed PDF from the corpus: headings, fullwidth brackets, table 三 rows add up', { skip: skipWps }, async () => {
  const doc = await ingestPdf(new Uint8Array(readFileSync(wpsFile)));
  const paragraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  for (const heading of PART_HEADINGS) assert.ok(paragraphs.some((p) => heading.test(p)), `heading ${heading}`);
  assert.ok(paragraphs.some((p) => p.startsWith('（一）主动公开情况')));
  const first = rowWith(doc, '本年新收');
  const values = lastSeven(first);
  assert.ok(values.every((v) => typeof v === 'number' && Number.isFinite(v)), `7 numbers: ${values.join(',')}`);
  const nums = values as number[];
  assert.equal(nums[6], nums.slice(0, 6).reduce((a, b) => a + b, 0), 'row total = sum of the six applicant columns');
  assert.ok(ownTexts(rowWith(doc, '部分公开')).includes('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'));
  // Table 三 runs from page 4 onto page 5 in this file; its last rows must still be rows.
  assert.ok(lastSeven(rowWith(doc, '结转下年度')).every((v) => typeof v === 'number'));
});

// ---------- hand-built PDFs ----------

/** A one-page PDF around `content` (a content stream), optionally with Helvetica and an /Encrypt entry. */
function buildPdf(content: string, options: { encrypt?: boolean } = {}): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  return new Uint8Array(serializePdf(objects, { encrypt: options.encrypt }));
}

/** A ruled 4-column × 3-row grid; `cells[r][c]` drawn in its cell, '' left blank. */
function gridContent(cells: string[][]): string {
  const xs = [40, 160, 220, 280, 340];
  const ys = [250, 220, 190, 160];
  let s = '0.5 w\n';
  for (const y of ys) s += `${xs[0]} ${y} m ${xs[xs.length - 1]} ${y} l S\n`;
  for (const x of xs) s += `${x} ${ys[0]} m ${x} ${ys[ys.length - 1]} l S\n`;
  cells.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text !== '') s += `BT /F1 10 Tf ${xs[c]! + 4} ${ys[r]! - 20} Td (${text}) Tj ET\n`;
    }),
  );
  return s;
}

test('a blank cell comes out as an empty cell in its own column', async () => {
  const doc = await ingestPdf(buildPdf(gridContent([
    ['Label', 'A', 'B', 'C'],
    ['first', '1', '', '3'],
    ['second', '', '5', '6'],
  ])));
  const [table] = tables(doc);
  assert.ok(table, 'the ruled grid is read as a table');
  assert.deepEqual(table.rows.map((r) => r.cells.map((c) => c.text)), [
    ['Label', 'A', 'B', 'C'],
    ['first', '1', '', '3'],
    ['second', '', '5', '6'],
  ]);
  assert.equal(table.rows[1]!.pos.page, 1);
});

test('a PDF without any text is refused as a scan', async () => {
  await assert.rejects(ingestPdf(buildPdf(gridContent([]))), (err: unknown) => {
    assert.ok(err instanceof IngestError);
    assert.equal(err.code, 'scanned');
    assert.match(err.message, /扫描件/);
    return true;
  });
});

test('a password-protected PDF is refused as encrypted', async () => {
  await assert.rejects(ingestPdf(buildPdf('BT /F1 10 Tf 10 10 Td (x) Tj ET', { encrypt: true })), (err: unknown) => {
    assert.ok(err instanceof IngestError);
    assert.equal(err.code, 'encrypted');
    assert.equal(err.message, 'PDF 文件已加密，无法读取');
    return true;
  });
});

test('a truncated PDF is refused as damaged, an empty one as empty', { skip: skipShared }, async () => {
  const bytes = readFileSync(path.join(shared, 'fixtures', 'cases', 'p01-clean.pdf'));
  await assert.rejects(ingestPdf(new Uint8Array(bytes.subarray(0, 600))), (err: unknown) => {
    assert.ok(err instanceof IngestError);
    assert.ok(err.code === 'damaged' || err.code === 'scanned', `code ${err.code}`);
    return true;
  });
  await assert.rejects(ingestPdf(new Uint8Array(Buffer.from('%PDF-1.4\nnot really a pdf'))), (err: unknown) => {
    assert.ok(err instanceof IngestError);
    assert.equal(err.code, 'damaged');
    return true;
  });
  await assert.rejects(ingestPdf(new Uint8Array(0)), (err: unknown) => err instanceof IngestError && err.code === 'empty');
});

test('the input buffer is not detached by pdf.js', { skip: skipShared }, async () => {
  const bytes = new Uint8Array(readFileSync(path.join(shared, 'fixtures', 'cases', 'p01-clean.pdf')));
  await ingestPdf(bytes);
  assert.ok(bytes.byteLength > 0);
});

test('CJK radicals become unified ideographs', () => {
  assert.equal(mapRadicals('部⻔执⾏⻓度'), '部门执行长度');
  assert.equal(mapRadicals('（一）主动公开'), '（一）主动公开');
});

test('without borders, values are placed by column position and blanks stay in their column', async () => {
  const doc = await ingestPdf(
    buildPdf(gridContent([
      ['Label', 'A', 'B', 'C'],
      ['first', '1', '', '3'],
      ['second', '', '5', '6'],
    ])),
    { ignoreRules: true },
  );
  const [table] = tables(doc);
  assert.ok(table, 'the borderless grid is read as a table');
  const rows = table.rows.map((r) => r.cells.map((c) => c.text));
  assert.deepEqual(rows.find((r) => r[0] === 'first'), ['first', '1', '', '3']);
  assert.deepEqual(rows.find((r) => r[0] === 'second'), ['second', '', '5', '6']);
});

test('Uint8Array#toBase64 as pdf.js uses it for fonts: standard base64 and base64url, padding, bad options refused', async () => {
  await loadPdfJs();
  const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 62, 63]);
  const encode = (data: Uint8Array, options?: unknown): string => (data as Uint8Array & { toBase64: (o?: unknown) => string }).toBase64(options);
  assert.equal(encode(bytes), Buffer.from(bytes).toString('base64'));
  assert.equal(encode(bytes.subarray(3, 8)), Buffer.from(bytes.subarray(3, 8)).toString('base64'));
  assert.equal(encode(bytes, { alphabet: 'base64url' }), Buffer.from(bytes).toString('base64url') + '=');
  assert.equal(encode(bytes, { omitPadding: true }), Buffer.from(bytes).toString('base64').replace(/(?<!=)=+$/, ''));
  assert.throws(() => encode(bytes, null), TypeError);
});

test('a picture on a table page (a seal, a logo) is skipped, not decoded; the ruled row around it is read', async () => {
  const size = 400;
  const hex = Buffer.alloc(size * size, 0x80).toString('hex') + '>';
  const content =
    'BT /F1 12 Tf 72 720 Td (Total) Tj ET BT /F1 12 Tf 200 720 Td (12) Tj ET BT /F1 12 Tf 320 720 Td (34) Tj ET ' +
    'BT /F1 12 Tf 440 720 Td (56) Tj ET\n0.5 w 72 735 m 500 735 l S 72 712 m 500 712 l S 72 735 m 72 712 l S ' +
    '190 735 m 190 712 l S 310 735 m 310 712 l S 430 735 m 430 712 l S 500 735 m 500 712 l S\nq 200 0 0 200 100 300 cm /Im1 Do Q\n';
  const pdf = serializePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    `<< /Type /XObject /Subtype /Image /Width ${size} /Height ${size} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${hex.length} >>\nstream\n${hex}\nendstream`,
  ]);
  const doc = await ingestPdf(new Uint8Array(pdf));
  const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table');
  assert.ok(table, JSON.stringify(doc.blocks));
  assert.deepEqual(table.rows[0]!.cells.map((c) => c.text), ['Total', '12', '34', '56']);
});
