/** .txt ingest and normalisation on small hand-made inputs: encodings and the table shapes seen in real files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { ingestText } from '../../src/core/ingest/text.ts';
import { decodeText } from '../../src/core/ingest/decode.ts';
import { normalizeText } from '../../src/core/text/normalize.ts';
import { cellValue, isValueLike } from '../../src/core/parse/tables/cells.ts';
import type { TableBlock } from '../../src/core/document.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

test('decodes BOM, UTF-8 and GB18030 without guessing', () => {
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('年度报告')])).text, '年度报告');
  assert.equal(decodeText(enc('年度报告')).encoding, 'utf-8');
  const gbk = new Uint8Array(iconv.encode('政府信息公开工作年度报告', 'gb18030'));
  const decoded = decodeText(gbk);
  assert.equal(decoded.encoding, 'gb18030');
  assert.equal(decoded.text, '政府信息公开工作年度报告');
});

test('pipe rows keep blank cells in place; filler pipes are trailing blanks', async () => {
  const doc = await ingestText(enc('标题\n规章 | 0 |  | 3 |\n行政许可 | 5 | ||\n正文'));
  const table = doc.blocks[1] as TableBlock;
  assert.equal(table.kind, 'table');
  assert.deepEqual(table.rows[0]!.cells.map((c) => c.text), ['规章', '0', '', '3']);
  assert.deepEqual(table.rows[1]!.cells.map((c) => c.text), ['行政许可', '5', '', '']);
  assert.equal(table.rowsUncertain, undefined);
  // Offsets point into the decoded text.
  assert.equal(table.rows[0]!.cells[3]!.pos.offset, '标题\n规章 | 0 |  | '.length);
});

test('one cell per line is marked as rows-uncertain', async () => {
  const lines = ['规章 |', '0 |', '0 |', '0 |', '|||', '行政规范性文件 |', '4 |', '5 |', '5 |'];
  const doc = await ingestText(enc(lines.join('\n')));
  assert.equal((doc.blocks[0] as TableBlock).rowsUncertain, true);
});

test('empty and binary files are refused with a reason', async () => {
  await assert.rejects(ingestText(enc('  \n ')), /空文本/);
  await assert.rejects(ingestText(new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6, 7, 8, 0, 0])), /不是文本/);
});

test('normalisation: full-width, pinyin damage, traditional, PDF spacing', () => {
  assert.equal(normalizeText('（一）２０２４ 年 1 月'), '(一)2024年1月');
  assert.equal(normalizeText('根據(jù)《條例》'), '根據《條例》');
  assert.equal(normalizeText('根據(jù)《條例》', { simplified: true }), '根据《条例》');
  assert.equal(normalizeText('商业 企业'), '商业企业');
});

test('cell values: blanks and dashes are not zeros; units are not numbers', () => {
  assert.equal(cellValue('0'), 0);
  assert.equal(cellValue(' 14 '), 14);
  assert.equal(cellValue('-16'), -16);
  assert.equal(cellValue('0.25'), 0.25);
  for (const blank of ['', '/', '-', '—', '无', '不适用']) {
    assert.equal(cellValue(blank), null, blank);
    assert.ok(isValueLike(blank), blank);
  }
  assert.equal(cellValue('251000元'), null);
  assert.ok(isValueLike('251000元'));
  assert.ok(!isValueLike('规章'));
});
