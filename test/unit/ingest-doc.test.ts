/**
 * Legacy .doc reader. test/fixtures/doc/p01-clean.doc is cases/p01-clean.docx saved as Word 97-2003
 * by LibreOffice, so its values are checked against the answers for p01-clean.docx.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestDoc, docTextToBlocks } from '../../src/core/ingest/doc.ts';
import { ingest } from '../../src/core/ingest/index.ts';
import { IngestError, type Document, type TableBlock } from '../../src/core/document.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const hasShared = existsSync(path.join(shared, 'fixtures'));
const skipShared = hasShared ? false : `../shared not found at ${shared}`;
if (!hasShared) console.log(`# skipping answer comparison: ../shared not found at ${shared}`);
const docFixture = path.join(repoRoot, 'test/fixtures/doc/p01-clean.doc');

function cellStream(doc: Document): string[] {
  return doc.blocks.flatMap((block) => (block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => cell.text)) : []));
}

test('p01-clean.doc: part headings are paragraphs, table rows carry the answers', { skip: skipShared }, async () => {
  const doc = await ingest('p01-clean.doc', new Uint8Array(readFileSync(docFixture)));
  assert.equal(doc.format, 'doc');
  const paragraphs = doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    assert.ok(paragraphs.includes(heading), `heading "${heading}" is its own paragraph`);
  }
  const tables = doc.blocks.filter((block): block is TableBlock => block.kind === 'table');
  assert.equal(tables.length, 3);
  assert.ok(tables.every((table) => table.rowsUncertain === true));

  const answers = JSON.parse(readFileSync(path.join(shared, 'fixtures/cases/answers.json'), 'utf8')) as Record<string, { tables: { requests: (number | null)[][] } }>;
  const requests = answers['p01-clean.docx']?.tables.requests;
  assert.ok(requests);
  const cells = cellStream(doc);
  const after = (label: string): number[] => {
    const at = cells.findIndex((text) => text.startsWith(label));
    assert.ok(at >= 0, `label ${label} found`);
    return cells.slice(at + 1, at + 8).map(Number);
  };
  assert.deepEqual(after('一、本年新收'), requests[0]);
  assert.deepEqual(after('(七)总计'), requests[23]);
  assert.deepEqual(after('四、结转下年度'), requests[24]);
  let last = -1;
  for (const block of doc.blocks) {
    assert.ok((block.pos.offset ?? -1) > last, 'offsets increase');
    last = block.pos.offset ?? -1;
  }
});

test('tab-separated text: tables from runs of cell lines, trailing paragraph split off, tab-aligned text stays text', () => {
  const blocks = docTextToBlocks('标题\n甲\t乙\t\n1\t2\t\t下一节标题\n姓名\t\n正文');
  assert.deepEqual(blocks.map((block) => (block.kind === 'paragraph' ? block.text : block.rows.map((row) => row.cells.map((cell) => cell.text)))), [
    '标题',
    [['甲', '乙'], ['1', '2', '']],
    '下一节标题',
    '姓名',
    '正文',
  ]);
});

function oleBytes(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 1024;
  for (const name of streamNames) {
    for (let i = 0; i < name.length; i++) bytes[at + i * 2] = name.charCodeAt(i);
    at += 128;
  }
  return bytes;
}

async function expectCode(bytes: Uint8Array, code: string): Promise<void> {
  await assert.rejects(ingestDoc(bytes), (error: unknown) => {
    assert.ok(error instanceof IngestError);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, /[\u4e00-\u9fff]/);
    return true;
  });
}

test('password-protected Office file, non-Word OLE file and broken .doc get their own codes', async () => {
  await expectCode(oleBytes(['EncryptionInfo', 'EncryptedPackage']), 'encrypted');
  await expectCode(oleBytes(['Workbook']), 'wrong-format');
  await expectCode(oleBytes(['WordDocument']), 'damaged');
  const real = new Uint8Array(readFileSync(docFixture));
  await expectCode(real.subarray(0, 3000), 'damaged');
});
