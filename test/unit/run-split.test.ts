/**
 * Runs of digits cut into table cells by the template's arithmetic (run-split.ts) and weighed together
 * with the rest of the table (run-resolve.ts): unique cuts are used and marked, ambiguous ones stay
 * unknown with their candidates, impossible rows are reported, nothing is guessed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutRun, requestsRowRule, reviewRule } from '../../src/core/parse/tables/run-split.ts';
import { resolveRuns, type PendingRun } from '../../src/core/parse/tables/run-resolve.ts';
import type { CellValue, ReportTableSources, ReportTables } from '../../src/shared/model.ts';

test('a 表三 row run with one cut under 总计 = the six columns', () => {
  assert.deepEqual(cutRun(['200000121'], 7, requestsRowRule), { cuts: [[20, 0, 0, 0, 0, 1, 21]], overflow: false });
  assert.deepEqual(cutRun(['12030000123'], 7, requestsRowRule).cuts, [[120, 3, 0, 0, 0, 0, 123]]);
  assert.deepEqual(cutRun(['370000441'], 7, requestsRowRule).cuts, [[37, 0, 0, 0, 0, 4, 41]]);
});

test('zeros: no leading zeros, so a run of zeros is all zeros and too few digits cut nothing', () => {
  assert.deepEqual(cutRun(['0000000'], 7, requestsRowRule).cuts, [[0, 0, 0, 0, 0, 0, 0]]);
  assert.deepEqual(cutRun(['000'], 3).cuts, [[0, 0, 0]]);
  assert.deepEqual(cutRun(['00'], 3).cuts, []);
  // "05" is never a cell: 0|5 is the only way.
  assert.deepEqual(cutRun(['1055'], 3).cuts, [[1, 0, 55], [10, 5, 5]]);
});

test('spaces in the source are always cuts; pieces may themselves be runs', () => {
  assert.deepEqual(cutRun(['20', '0', '0', '0', '0', '121'], 7, requestsRowRule).cuts, [[20, 0, 0, 0, 0, 1, 21]]);
  assert.deepEqual(cutRun(['0', '0', '41'], 3).cuts, [[0, 0, 41]]);
  // More pieces than cells: no cut.
  assert.deepEqual(cutRun(['1', '2', '3', '4'], 3).cuts, []);
});

test('ambiguous runs list every cut that fits', () => {
  assert.deepEqual(cutRun(['110000011'], 7, requestsRowRule).cuts, [[1, 10, 0, 0, 0, 0, 11], [11, 0, 0, 0, 0, 0, 11]]);
  assert.deepEqual(cutRun(['1023'], 3).cuts, [[1, 0, 23], [10, 2, 3]]);
});

test('impossible rows: no cut satisfies the row total', () => {
  assert.deepEqual(cutRun(['200000122'], 7, requestsRowRule).cuts, []);
  assert.deepEqual(cutRun(['1100000011'], 7, requestsRowRule).cuts, []);
});

test('表四: each block of five sums to its 总计', () => {
  assert.deepEqual(cutRun(['300140000020002'], 15, reviewRule(0)).cuts, [[3, 0, 0, 1, 4, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]]);
  // Multi-digit: 12 + 3 = 15 in the first block.
  assert.deepEqual(cutRun(['12300150000020002'], 15, reviewRule(0)).cuts, [[12, 3, 0, 0, 15, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]]);
  // A transposed row holds one block (firstIndex 5 = 未经复议直接起诉).
  assert.deepEqual(cutRun(['10001'], 5, reviewRule(5)).cuts, [[1, 0, 0, 0, 1]]);
  assert.deepEqual(cutRun(['10002'], 5, reviewRule(5)).cuts, []);
});

test('the candidate list is bounded and says when more cuts fit', () => {
  const many = cutRun(['123456789012'], 5, () => true, 10);
  assert.equal(many.cuts.length, 10);
  assert.equal(many.overflow, true);
});

test('long runs with no cut are given up fast (pruned by the row rule, not enumerated)', () => {
  // CPU time of this process, so a loaded machine does not fail it; enumerating took seconds.
  const started = process.cpuUsage();
  cutRun(['1234567123456712345671234567'], 15, reviewRule(0));
  cutRun(['98765432109876543210'], 7, requestsRowRule);
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < 500, `took ${Math.round(ms)} ms of CPU`);
});

function emptyTables(): { tables: ReportTables; sources: ReportTableSources } {
  return {
    tables: { active: new Array<CellValue>(10).fill(0), requests: Array.from({ length: 25 }, () => new Array<CellValue>(7).fill(0)), review: new Array<CellValue>(15).fill(0) },
    sources: { active: new Array(10).fill(null), requests: Array.from({ length: 25 }, () => new Array(7).fill(null)), review: new Array(15).fill(null) },
  };
}

const rowRun = (row: number, run: string): PendingRun => ({ table: 'requests', cells: Array.from({ length: 7 }, (_, col) => ({ row, col })), tokens: [run], label: `row ${row}`, offset: 100 + row });

test('table 三: a row ambiguous on its own is settled by the column sums, and marked as recovered', () => {
  const { tables, sources } = emptyTables();
  // 本年新收 11 from natural persons; all answered in 予以公开; (七)总计 11 — written as runs.
  const runs = [rowRun(0, '110000011'), rowRun(2, '110000011'), rowRun(23, '110000011')];
  // Alone, each of the three rows has two cuts (1|10|… and 11|0|…).
  assert.equal(cutRun(['110000011'], 7, requestsRowRule).cuts.length, 2);
  const cuts = resolveRuns(tables, sources, runs);
  // The column sums still allow both readings (the same cut in every row): nothing is guessed.
  assert.deepEqual(cuts.map((c) => c.status), ['ambiguous', 'ambiguous', 'ambiguous']);
  assert.equal(tables.requests![0]![0], null);
  assert.equal(sources.requests![0]![0]!.raw, '110000011');

  // Row 0 spelled out with spaces pins the others through 一 + 二 = (七)总计 + 四 and (七)总计 = Σ results.
  const again = emptyTables();
  again.tables.requests![0] = [11, 0, 0, 0, 0, 0, 11];
  const settled = resolveRuns(again.tables, again.sources, [rowRun(2, '110000011'), rowRun(23, '110000011')]);
  assert.deepEqual(settled.map((c) => c.status), ['recovered', 'recovered']);
  assert.deepEqual(again.tables.requests![2], [11, 0, 0, 0, 0, 0, 11]);
  assert.deepEqual(again.tables.requests![23], [11, 0, 0, 0, 0, 0, 11]);
  assert.equal(again.sources.requests![2]![0]!.provenance, 'run-split');
  assert.equal(again.sources.requests![2]![0]!.offset, 102);
});

test('table 三: an arithmetic error is neither invented nor hidden', () => {
  const { tables, sources } = emptyTables();
  tables.requests![0] = [11, 0, 0, 0, 0, 0, 11];
  // (七)总计 written 12 while the result rows sum to 11: no combination satisfies the column sums, so each row
  // keeps the cuts of its own arithmetic; the unique ones are used and the checks see the error.
  const cuts = resolveRuns(tables, sources, [rowRun(2, '110000011'), rowRun(23, '120000012')]);
  assert.deepEqual(tables.requests![23], [12, 0, 0, 0, 0, 0, 12]);
  assert.deepEqual(cuts.map((c) => c.status), ['ambiguous', 'recovered']);
  // An impossible row is reported with no candidates and its cells stay unknown.
  const bad = resolveRuns(tables, sources, [rowRun(5, '200000122')]);
  assert.equal(bad[0]!.status, 'impossible');
  assert.deepEqual(bad[0]!.candidates, []);
  assert.equal(tables.requests![5]![6], null);
});

test('表二 and 表四 runs', () => {
  const { tables, sources } = emptyTables();
  const cuts = resolveRuns(tables, sources, [
    { table: 'active', cells: [0, 1, 2].map((row) => ({ row })), tokens: ['000'], label: '规章' },
    { table: 'active', cells: [3, 4, 5].map((row) => ({ row })), tokens: ['1023'], label: '行政规范性文件' },
    { table: 'review', cells: Array.from({ length: 15 }, (_, row) => ({ row })), tokens: ['300140000020002'], label: '表四数据行' },
  ]);
  assert.deepEqual(cuts.map((c) => c.status), ['recovered', 'ambiguous', 'recovered']);
  assert.deepEqual(tables.active!.slice(0, 6), [0, 0, 0, null, null, null]);
  assert.deepEqual(cuts[1]!.candidates, [[1, 0, 23], [10, 2, 3]]);
  assert.deepEqual(tables.review, [3, 0, 0, 1, 4, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]);
});
