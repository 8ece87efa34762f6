/**
 * The rubric editor's table (src/renderer/rubric-table.ts): the default rubric read as rows and written back
 * unchanged, an edit that scores differently, a cap (扣分上限) that scoring honours, errors naming the row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, defaultRequests, DEFAULT_TEXT, withCell } from './helpers/report-builder.ts';
import { runChecks, EMPTY_CONTEXT } from '../../src/core/checks/index.ts';
import { defaultRubricJson, parseRubric, scoreReport } from '../../src/core/score/index.ts';
import { explainServiceError, rubricTable, tableToRubricJson, type RubricTable } from '../../src/renderer/rubric-table.ts';

function written(table: RubricTable): string {
  const out = tableToRubricJson(table);
  assert.ok('json' in out, `无错误：${'errors' in out ? out.errors.join('；') : ''}`);
  return out.json;
}

function edit(table: RubricTable, check: string, patch: Partial<RubricTable['rows'][number]>): RubricTable {
  return { ...table, rows: table.rows.map((r) => (r.check === check ? { ...r, ...patch } : r)) };
}

const rowIndex = (table: RubricTable, check: string): number => table.rows.findIndex((r) => r.check === check);

test('the default rubric as a table: Chinese titles and labels, written back it is the same rubric', () => {
  const table = rubricTable(defaultRubricJson());
  const scored = table.rows.filter((r) => r.dimension !== null);
  assert.equal(scored.length, 21);
  assert.equal(table.dimensions.length, 5);
  for (const row of table.rows) {
    assert.match(row.title, /\p{Script=Han}/u, `${row.check} 有中文标题`);
    for (const slot of row.deductions) assert.doesNotMatch(slot.label, /[A-Za-z]{3,}/, `${row.check}：${slot.label}`);
  }
  const rowTotal = table.rows.find((r) => r.check === 'requests.row-total')!;
  assert.deepEqual(rowTotal.deductions.map((s) => [s.label, s.value]), [['每行', '2']]);
  assert.equal(table.rows.filter((r) => r.veto).length, 3);
  assert.deepEqual(parseRubric(written(table)), parseRubric(defaultRubricJson()));
  // Checks outside the rubric are listed as 不计分; the legacy substitute is not a row of its own.
  assert.ok(table.rows.some((r) => r.check === 'overview.art50-4' && r.dimension === null));
  assert.ok(!table.rows.some((r) => r.check === 'legacy.contents'));
});

test('a weight moved between two checks of a dimension changes the score; the cap limits what a check costs', () => {
  let grid = defaultRequests();
  for (const r of [2, 3, 12]) grid = withCell(grid, r, 6, 9);
  const report = buildReport({ requests: grid, text: { 1: [...DEFAULT_TEXT[1]!, '全年制发行政规范性文件2件。'] } });
  const findings = runChecks(report, EMPTY_CONTEXT);
  const lost = (json: string): number => scoreReport({ report, findings, rubric: parseRubric(json) }).score.deductions.find((d) => d.check === 'requests.row-total')?.points ?? 0;
  const table = rubricTable(defaultRubricJson());
  assert.equal(lost(written(table)), 6);
  // The cap grows with the weight of the na checks of the dimension (region.rollup here): 3.2 × 30/24 = 4.
  const capped = edit(table, 'requests.row-total', { cap: '3.2' });
  assert.equal(lost(written(capped)), 4);
  assert.match(scoreReport({ report, findings, rubric: parseRubric(written(capped)) }).score.deductions.find((d) => d.check === 'requests.row-total')!.explanation, /上限 4/);
  // 4.8 → 8 on this check, 4.8 → 1.6 on another of 数据准确: the sum stays 100.
  const moved = edit(edit(table, 'requests.row-total', { weight: '8' }), 'review.totals', { weight: '1.6' });
  assert.equal(lost(written(moved)), 6, '3 行 × 2 分，上限 8 以上');
  const rubric = parseRubric(written(moved));
  assert.equal(rubric.dimensions.find((d) => d.name === '数据准确')!.weight, 30);
});

test('errors name the row in plain Chinese', () => {
  const table = rubricTable(defaultRubricJson());
  const i = rowIndex(table, 'requests.row-total');
  const tooSmall = tableToRubricJson(edit(table, 'requests.row-total', { cap: '1' }));
  assert.ok('errors' in tooSmall);
  assert.deepEqual(tooSmall.errors, [`第 ${i + 1} 行「${table.rows[i]!.title}」：扣分上限不能小于单项扣分（2 分）`]);
  const total = tableToRubricJson(edit(table, 'requests.row-total', { weight: '3.8' }));
  assert.ok('errors' in total);
  assert.deepEqual(total.errors, ['各检查项权重合计必须为 100 分（现为 99 分）']);
  const bad = tableToRubricJson(edit(table, 'deadline', { weight: '八' }));
  assert.ok('errors' in bad);
  assert.match(bad.errors[0]!, /^第 1 行「.+」：权重必须是不小于 0 的数$/);
  const fromService = explainServiceError(table, '评分规则无效：dimensions[2].checks[0].cap 不能大于权重（4.8）');
  assert.equal(fromService, `第 ${i + 1} 行「${table.rows[i]!.title}」：扣分上限不能大于权重（4.8）`);
});

test('a veto switched on and off; an unscored check given a dimension and a weight', () => {
  const table = rubricTable(defaultRubricJson());
  const vetoed = parseRubric(written(edit(table, 'requests.balance', { veto: true })));
  assert.ok(vetoed.dimensions.flatMap((d) => d.checks).find((c) => c.check === 'requests.balance')!.veto);
  const off = parseRubric(written(edit(table, 'table.active.complete', { veto: false })));
  assert.equal(off.dimensions.flatMap((d) => d.checks).find((c) => c.check === 'table.active.complete')!.veto, undefined);
  const added = edit(edit(table, 'overview.art50-4', { dimension: '内容翔实', weight: '2', deductions: [{ path: ['points'], label: '每次', value: '2' }] }), 'other.fee', { weight: '2' });
  const rubric = parseRubric(written(added));
  const check = rubric.dimensions.find((d) => d.name === '内容翔实')!.checks.find((c) => c.check === 'overview.art50-4');
  assert.deepEqual(check, { check: 'overview.art50-4', weight: 2, deduction: { type: 'fixed', points: 2 } });
});
