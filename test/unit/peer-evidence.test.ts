/**
 * Similarity findings read like evidence: the passage is quoted as the report writes it (punctuation kept,
 * not the normalised matching text), each peer department is named once, and all similar peers make one finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditBatch, readReport } from '../../src/core/audit.ts';
import { defaultRubric } from '../../src/core/score/index.ts';

const clean = path.resolve(import.meta.dirname, '../../../shared/fixtures/cases/p01-clean.txt');
const ORIGINAL = '临江市经济和信息化局';

test('peer similarity: original wording quoted, each department once, one finding', { skip: existsSync(clean) ? false : `${clean} not found` }, async () => {
  const text = readFileSync(clean, 'utf8');
  const copies: [string, string][] = [
    ['a.txt', text.replaceAll(ORIGINAL, '北湖县审计局')],
    ['b.txt', text.replaceAll(ORIGINAL, '北湖县教育局')],
    // A second version of 北湖县教育局's report in the same batch: named once.
    ['b-v2.txt', text.replaceAll(ORIGINAL, '北湖县教育局').replace('2025年1月20日', '2025年1月22日')],
    ['c.txt', text],
  ];
  const files = await Promise.all(copies.map(async ([name, body]) => ({ read: await readReport(name, new TextEncoder().encode(body)), sha256: name, size: body.length })));
  const results = auditBatch(files, defaultRubric());
  const mine = results.find((r) => r.file === 'a.txt')!;
  const peer = mine.findings.filter((f) => f.check === 'peer.repeated-text');
  assert.equal(peer.length, 1, peer.map((f) => f.message).join('\n'));
  const f = peer[0]!;
  assert.equal(f.status, 'fail');
  assert.equal(f.message.split('北湖县教育局').length - 1, 1, f.message);
  assert.match(f.message, new RegExp(ORIGINAL));
  // The quote is a run of the report's own text, punctuation included.
  const quote = /重复段落如：“(.+?)(…)?”/.exec(f.message)?.[1] ?? '';
  assert.ok(quote.length >= 20, f.message);
  assert.ok(text.replaceAll(ORIGINAL, '北湖县审计局').includes(quote), `quote not in the original text: ${quote}`);
  assert.match(quote, /[，,。《》]/);
  for (const e of f.evidence) assert.ok(e.other?.department, 'every evidence names the peer department');
  assert.ok(f.evidence.every((e) => !e.other || !/[\\/]/.test(e.other.department ?? '')), 'no file paths as names');
});
