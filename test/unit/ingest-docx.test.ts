/**
 * .docx reader on the real fixtures: table 三 comes out as a full grid (merged labels repeated,
 * blank cells ''), every value agrees with answers.json, and hostile zips are refused with the
 * right IngestError code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { ingestDocx } from '../../src/core/ingest/docx.ts';
import { slimWordXml } from '../../src/core/ingest/docx-slim.ts';
import { IngestError, type Document, type TableBlock } from '../../src/core/document.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const hasShared = existsSync(path.join(shared, 'fixtures'));
const skipShared = hasShared ? false : `../shared not found at ${shared}`;
if (!hasShared) console.log(`# skipping fixture tests: ../shared not found at ${shared}`);

interface Answer {
  tables?: { requests?: (number | null)[][] | null };
}

function readAnswers(folder: string): Record<string, Answer> {
  return JSON.parse(readFileSync(path.join(shared, 'fixtures', folder, 'answers.json'), 'utf8')) as Record<string, Answer>;
}

async function read(file: string): Promise<Document> {
  return ingestDocx(new Uint8Array(readFileSync(file)));
}

function tables(doc: Document): TableBlock[] {
  return doc.blocks.filter((block): block is TableBlock => block.kind === 'table');
}

/** Table 三: the table whose cells hold the 本年度办理结果 label. */
function requestsTable(doc: Document): TableBlock {
  const found = tables(doc).find((table) => table.rows.some((row) => row.cells.some((cell) => cell.text.includes('本年度办理结果'))));
  assert.ok(found, 'table 三 not found');
  return found;
}

/** The 25 template rows of table 三 as read from the grid: last 7 cells of each row, from 一、本年新收 on. */
function requestsValues(table: TableBlock): string[][] {
  const start = table.rows.findIndex((row) => row.cells.some((cell) => cell.text.includes('本年新收')));
  assert.ok(start >= 0, '一、本年新收 row not found');
  return table.rows.slice(start, start + 25).map((row) => row.cells.slice(-7).map((cell) => cell.text));
}

function valueMatches(text: string, expected: number | null): boolean {
  return expected === null ? text === '' : Number(text) === expected;
}

test('p04-blank-cells.docx: table 三 is a full grid, the merged label repeats, blank cells are empty strings', { skip: skipShared }, async () => {
  const file = path.join(shared, 'fixtures/cases/p04-blank-cells.docx');
  const expected = readAnswers('cases')['p04-blank-cells.docx']?.tables?.requests;
  assert.ok(expected, 'answers.json has no requests table for p04');
  const table = requestsTable(await read(file));
  assert.ok(table.rows.length >= 25, `only ${table.rows.length} rows`);
  const width = table.rows[0]?.cells.length ?? 0;
  assert.ok(width >= 8);
  for (const row of table.rows) assert.equal(row.cells.length, width, 'rows of unequal width');

  const labelled = table.rows.filter((row) => row.cells.some((cell) => cell.text === '三、本年度办理结果'));
  assert.equal(labelled.length, 22, 'the 三、本年度办理结果 label spans 22 rows');
  const firstCopies = labelled.map((row) => row.cells.find((cell) => cell.text === '三、本年度办理结果'));
  assert.equal(firstCopies.filter((cell) => !cell?.spanned).length, 1, 'exactly one original, the rest marked spanned');

  const values = requestsValues(table);
  let blanks = 0;
  expected.forEach((row, r) => row.forEach((value, c) => {
    const text = values[r]?.[c];
    assert.ok(text !== undefined && valueMatches(text, value), `row ${r} column ${c}: read "${text}", expected ${value}`);
    if (value === null) blanks++;
  }));
  assert.ok(blanks > 0, 'p04 is expected to have blank cells');
});

test('every .docx in cases and bench: table 三 values read from the grid equal answers.json', { skip: skipShared }, async () => {
  let checked = 0;
  for (const folder of ['cases', 'bench']) {
    const answers = readAnswers(folder);
    const files = readdirSync(path.join(shared, 'fixtures', folder)).filter((name) => name.endsWith('.docx'));
    for (const name of files) {
      const expected = answers[name]?.tables?.requests;
      const doc = await read(path.join(shared, 'fixtures', folder, name));
      if (!expected) continue;
      const table = requestsTable(doc);
      const width = table.rows[0]?.cells.length;
      assert.ok(table.rows.every((row) => row.cells.length === width), `${name}: ragged grid`);
      const values = requestsValues(table);
      expected.forEach((row, r) => row.forEach((value, c) => {
        const text = values[r]?.[c] ?? '<missing>';
        assert.ok(valueMatches(text, value), `${name} row ${r} column ${c}: read "${text}", expected ${value}`);
      }));
      checked++;
    }
  }
  console.log(`# table 三 matched answers.json in ${checked} .docx files`);
  assert.ok(checked >= 100, `only ${checked} files checked`);
});

test('blank template: three tables, title from core properties, offsets increase in reading order', { skip: skipShared }, async () => {
  const file = path.join(shared, 'corpus/govnianbao/政务公开年报模版.docx');
  const doc = await read(file);
  assert.equal(doc.format, 'docx');
  assert.equal(tables(doc).length, 3);
  const requests = requestsTable(doc);
  assert.ok(requests.rows.length >= 25);
  let last = -1;
  for (const block of doc.blocks) {
    const offset = block.pos.offset;
    assert.ok(offset !== undefined && offset > last, 'block offsets strictly increase');
    last = offset;
  }
  const p04 = await read(path.join(shared, 'fixtures/cases/p04-blank-cells.docx'));
  assert.ok(p04.metaTitle && p04.metaTitle.includes('年度报告'), `metaTitle: ${p04.metaTitle}`);
  // Paragraph text is never empty and has no runs of whitespace.
  for (const block of p04.blocks) if (block.kind === 'paragraph') assert.match(block.text, /^\S(.*\S)?$/u);
});

async function expectIngestError(bytes: Uint8Array, code: string): Promise<IngestError> {
  try {
    await ingestDocx(bytes);
  } catch (error) {
    assert.ok(error instanceof IngestError, `expected IngestError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, /[\u4e00-\u9fff]/, 'message is in Chinese');
    return error;
  }
  assert.fail(`expected IngestError ${code}`);
}

/** Offset of the central-directory record of `name` in a zip. */
function centralRecord(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoded = new TextEncoder().encode(name);
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === encoded.length && encoded.every((b, i) => bytes[at + 46 + i] === b)) return at;
  }
  throw new Error(`no central record for ${name}`);
}

test('zip bombs are refused before inflating: huge declared size, huge ratio, too many entries, lying header', async () => {
  const small = new JSZip();
  small.file('word/document.xml', '<w:document/>');
  small.file('[Content_Types].xml', '<Types/>');
  const base = await small.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

  // Declared 500 MB for one entry.
  const declared = base.slice();
  new DataView(declared.buffer).setUint32(centralRecord(declared, 'word/document.xml') + 24, 500 * 1024 * 1024, true);
  const error = await expectIngestError(declared, 'zip-bomb');
  assert.match(error.message, /MB/);

  // 8 MB of zeros compresses about 1000:1.
  const ratio = new JSZip();
  ratio.file('word/document.xml', new Uint8Array(8 * 1024 * 1024));
  await expectIngestError(await ratio.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'zip-bomb');

  const many = new JSZip();
  many.file('word/document.xml', '<w:document/>');
  for (let i = 0; i < 2001; i++) many.file(`word/media/x${i}.txt`, 'x');
  await expectIngestError(await many.generateAsync({ type: 'uint8array' }), 'zip-bomb');

  // A real document whose directory claims document.xml is 100 bytes: reading stops at the lie.
  if (hasShared) {
    const real = new Uint8Array(readFileSync(path.join(shared, 'fixtures/cases/p01-clean.docx')));
    new DataView(real.buffer, real.byteOffset).setUint32(centralRecord(real, 'word/document.xml') + 24, 100, true);
    await expectIngestError(real, 'zip-bomb');
  }
});

test('a zip that is not a Word document, and a truncated .docx, are named as such', { skip: skipShared }, async () => {
  const other = new JSZip();
  other.file('xl/workbook.xml', '<workbook/>');
  const error = await expectIngestError(await other.generateAsync({ type: 'uint8array' }), 'wrong-format');
  assert.match(error.message, /word\/document\.xml/);

  const real = new Uint8Array(readFileSync(path.join(shared, 'fixtures/cases/p01-clean.docx')));
  await expectIngestError(real.subarray(0, Math.floor(real.length / 2)), 'damaged');
  // Corrupt the deflate stream of document.xml but keep the directory: still 'damaged', never a crash.
  const corrupt = real.slice();
  const view = new DataView(corrupt.buffer);
  const local = view.getUint32(centralRecord(corrupt, 'word/document.xml') + 42, true);
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  for (let i = dataStart + 10; i < dataStart + 200; i++) corrupt[i] = 0xff;
  await expectIngestError(corrupt, 'damaged');
});

test('automatic Word numbering ("一、" "(一)") is written back into the text', { skip: skipShared }, async () => {
  const original = readFileSync(path.join(shared, 'fixtures/cases/p01-clean.docx'));
  const zip = await JSZip.loadAsync(original);
  const xml = await zip.file('word/document.xml')?.async('string');
  assert.ok(xml);
  let numbered = 0;
  // Move the typed numbers of headings and (一)-items into Word list numbering.
  // The fixture splits "(一)" over three runs with empty run properties: join such runs first.
  const joined = xml.replaceAll('</w:t></w:r><w:r><w:rPr></w:rPr><w:t>', '');
  const renumber = (segment: string, topLevel: boolean): string => segment.replace(/<w:p>(<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>)?(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:t(?: [^>]*)?>)(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\))/g,
    (whole: string, pPr: string | undefined, runStart: string, top: string | undefined) => {
      if (top && !topLevel) return whole;
      numbered++;
      const numPr = `<w:numPr><w:ilvl w:val="${top ? 0 : 1}"/><w:numId w:val="3"/></w:numPr>`;
      const properties = pPr ? pPr.replace('<w:pPr>', `<w:pPr>${numPr}`) : `<w:pPr>${numPr}</w:pPr>`;
      return `<w:p>${properties}${runStart}`;
    });
  // Table row labels (一、本年新收…) are not part of the heading list: only their (一)-items are numbered.
  const rewritten = joined.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/).map((segment) => renumber(segment, !segment.startsWith('<w:tbl>'))).join('');
  assert.ok(numbered >= 20, `only ${numbered} paragraphs renumbered`);
  zip.file('word/document.xml', rewritten);
  zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`);
  const rels = await zip.file('word/_rels/document.xml.rels')?.async('string');
  assert.ok(rels);
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>',
    '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'));
  const withNumbering = await ingestDocx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  const plain = await ingestDocx(new Uint8Array(original));
  const view = (doc: Document): unknown[] => doc.blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.rows.map((row) => row.cells.map((cell) => cell.text))));
  assert.deepEqual(view(withNumbering), view(plain));
});

test('slimWordXml cuts formatting-only elements (nested, self-closing, with ">" in attributes) and keeps text and merges', () => {
  const xml =
    '<w:document><w:body><w:p><w:pPr><w:pStyle w:val="1"/><w:spacing w:line="360"/><w:jc w:val="center"/>' +
    '<w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:rFonts w:ascii="a>b"/><w:rPrChange w:id="1"><w:rPr><w:i/></w:rPr>' +
    '</w:rPrChange></w:rPr><w:t>收到 a&gt;b > c</w:t></w:r><w:bookmarkStart w:id="0" w:name="x"/><w:proofErr w:type="gramEnd"/></w:p>' +
    '<w:tbl><w:tblPr><w:tblW w:w="0"/><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr><w:tr><w:tc><w:tcPr>' +
    '<w:tcW w:w="1"/><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:r><w:tab/>' +
    '<w:t>7</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>';
  assert.equal(
    slimWordXml(xml),
    '<w:document><w:body><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>收到 a&gt;b > c</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:tab/>' +
      '<w:t>7</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>',
  );
  // Runs split only by formatting are joined (revision ids dropped); a tab or break between them is kept.
  assert.equal(
    slimWordXml('<w:p w:rsidR="00A1" w14:paraId="1F"><w:r w:rsidRPr="00B2"><w:rPr><w:b/></w:rPr><w:t>(</w:t></w:r><w:r><w:t>一</w:t></w:r>' +
      '<w:r><w:t xml:space="preserve">) 主动公开</w:t></w:r><w:r><w:tab/><w:t>12</w:t></w:r></w:p>'),
    '<w:p><w:r><w:t>(一) 主动公开</w:t></w:r><w:r><w:tab/><w:t>12</w:t></w:r></w:p>',
  );
  // Malformed (an element left open) or commented XML is handed on unchanged.
  assert.equal(slimWordXml('<w:p><w:rPr><w:b/></w:p>'), '<w:p><w:rPr><w:b/></w:p>');
  assert.equal(slimWordXml('<w:p><!-- <w:rPr> --><w:r><w:t>x</w:t></w:r></w:p>'), '<w:p><!-- <w:rPr> --><w:r><w:t>x</w:t></w:r></w:p>');
});

test('every .docx in shared (cases, corpus, bench): the same blocks whether or not formatting XML is cut first', { skip: skipShared }, async () => {
  const files = ['fixtures/cases', 'fixtures/bench', 'corpus/govnianbao']
    .map((folder) => path.join(shared, folder))
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.docx')).map((name) => path.join(folder, name)));
  assert.ok(files.length >= 100, `only ${files.length} .docx files`);
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const slim = await ingestDocx(bytes);
    const full = await ingestDocx(bytes, { keepFormattingXml: true });
    assert.deepEqual(slim.blocks, full.blocks, path.basename(file));
    // Cutting may only remove mammoth's notes about elements it would have ignored anyway.
    for (const warning of slim.warnings) assert.ok(full.warnings.includes(warning), `${path.basename(file)}: ${warning}`);
  }
});

/** p01-clean.docx with its document.xml rewritten by `edit`. */
async function withDocumentXml(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(shared, 'fixtures/cases/p01-clean.docx')));
  zip.file('word/document.xml', edit(await zip.file('word/document.xml')!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

test('a .docx whose XML declares a DOCTYPE (entities) is refused saying so, not called truncated', { skip: skipShared }, async () => {
  const bytes = await withDocumentXml((xml) => xml.replace(/(<\?xml[^>]*\?>)/, '$1<!DOCTYPE w:document [<!ENTITY lol "lol">]>'));
  const error = await expectIngestError(bytes, 'damaged');
  assert.match(error.message, /DOCTYPE/);
  assert.match(error.message, /document\.xml/);
  assert.doesNotMatch(error.message, /不完整|截断/);
});

test('3,000 tables nested in each other: a clear Chinese message, never a stack overflow', { skip: skipShared }, async () => {
  let nested = '<w:p><w:r><w:t>最里层</w:t></w:r></w:p>';
  for (let i = 0; i < 3000; i++) nested = `<w:tbl><w:tr><w:tc>${nested}</w:tc></w:tr></w:tbl><w:p/>`;
  const error = await expectIngestError(await withDocumentXml((xml) => xml.replace('<w:body>', `<w:body>${nested}`)), 'damaged');
  assert.match(error.message, /表格层层嵌套达 3000 层/);
  assert.doesNotMatch(error.message, /call stack/i);
  // A few levels, as real reports have, read as before.
  let shallow = '<w:p><w:r><w:t>内层表格</w:t></w:r></w:p>';
  for (let i = 0; i < 3; i++) shallow = `<w:tbl><w:tr><w:tc>${shallow}</w:tc></w:tr></w:tbl><w:p/>`;
  const doc = await ingestDocx(await withDocumentXml((xml) => xml.replace('<w:body>', `<w:body>${shallow}`)));
  assert.ok(doc.blocks.some((b) => b.kind === 'table' && b.rows.some((r) => r.cells.some((c) => c.text.includes('本年新收')))));
});
