/**
 * The reader against the fixtures' answers.json: department, year, generation and every table cell
 * (blank = null, missing table = null), across .txt, GB18030 .txt, one-cell-per-line .txt, .docx and .pdf.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../../src/core/ingest/index.ts';
import { parseDocument } from '../../src/core/parse/index.ts';
import { fixturesDir, readAnswers, skipWithoutShared } from './helpers/shared.ts';

async function parseFixture(folder: string, name: string) {
  const bytes = new Uint8Array(readFileSync(path.join(fixturesDir, folder, name)));
  return parseDocument(await ingest(name, bytes), name);
}

for (const folder of ['seeds', 'cases', 'bench', 'web'] as const) {
  test(`reads every ${folder} fixture as answers.json says`, { skip: skipWithoutShared }, async () => {
    const answers = readAnswers(folder);
    const mismatches: string[] = [];
    for (const [name, expected] of Object.entries(answers)) {
      const report = await parseFixture(folder, name);
      if ('department' in expected && report.department !== expected.department) mismatches.push(`${name}: department ${report.department} ≠ ${expected.department}`);
      if (expected.year !== undefined && report.year !== expected.year) mismatches.push(`${name}: year ${report.year} ≠ ${expected.year}`);
      if (expected.generation !== undefined && report.generation !== expected.generation) mismatches.push(`${name}: generation ${report.generation} ≠ ${expected.generation}`);
      if (expected.tables) {
        for (const table of ['active', 'requests', 'review'] as const) {
          if (JSON.stringify(report.tables[table]) !== JSON.stringify(expected.tables[table])) {
            mismatches.push(`${name}: table ${table} ${JSON.stringify(report.tables[table])} ≠ ${JSON.stringify(expected.tables[table])}`);
          }
        }
      }
    }
    assert.deepEqual(mismatches, []);
  });
}

test('seed in traditional script with pinyin damage: department simplified, tables missing (null, not zeros)', { skip: skipWithoutShared }, async () => {
  const answers = readAnswers('seeds');
  const name = Object.keys(answers).find((n) => answers[n]!.tables && answers[n]!.tables!.requests === null)!;
  const report = await parseFixture('seeds', name);
  assert.equal(report.traditional, true);
  assert.equal(report.tables.requests, null);
  // The headings of parts 二–四 are there even though their tables are not.
  assert.deepEqual(report.sections.filter((s) => s.found).map((s) => s.part), [1, 2, 3, 4, 5, 6]);
  // Ruby pinyin after a character (根據(jù)) is gone from the matching text, kept in the original.
  const withPinyin = report.paragraphs.find((p) => /[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/.test(p.original))!;
  assert.ok(withPinyin, 'the seed has inline pinyin');
  assert.ok(!/[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/.test(withPinyin.text), 'inline pinyin removed from matching text');
  assert.ok(report.statedPeriod && report.statedPeriod.to.endsWith('12-15'), 'partial period found');
});

test('blank cells keep their place and their source position', { skip: skipWithoutShared }, async () => {
  const answers = readAnswers('cases');
  for (const name of Object.keys(answers).filter((n) => n.startsWith('p04'))) {
    const report = await parseFixture('cases', name);
    const expected = answers[name]!.tables!.requests!;
    const blanks = expected.flatMap((row, r) => row.map((v, c) => (v === null ? [r, c] : null)).filter((x) => x !== null));
    assert.ok(blanks.length > 0);
    for (const [r, c] of blanks as [number, number][]) {
      assert.equal(report.tables.requests![r]![c], null, `${name} [${r}][${c}] blank`);
    }
    // Filled neighbours carry the raw text and where it was found.
    const [r0] = blanks[0] as [number, number];
    const source = report.tableSources.requests![r0]!.find((s) => s && s.raw.trim() !== '');
    assert.ok(source && (source.page !== undefined || source.offset !== undefined));
  }
});

test('signing date, title and statistics period are read from the text', { skip: skipWithoutShared }, async () => {
  const answers = readAnswers('cases');
  const late = Object.keys(answers).find((n) => n.startsWith('p06'))!;
  const report = await parseFixture('cases', late);
  assert.match(report.signedOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(report.signedOn! > `${report.year! + 1}-01-31`, 'late report signed after 31 January');
  assert.ok(report.title?.includes('年度报告'));
  const partial = Object.keys(answers).find((n) => n.startsWith('p09'))!;
  const p9 = await parseFixture('cases', partial);
  assert.ok(p9.statedPeriod, 'period found');
  assert.notEqual(p9.statedPeriod!.to.slice(5), '12-31');
});
