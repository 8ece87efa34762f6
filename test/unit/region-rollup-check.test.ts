/**
 * region.rollup: the region government's own report gets a finding for each cell where its tables differ
 * from the sum of its departments' tables, naming the cell by the template's labels and both values, and
 * the default rubric prices it. Departments' own reports and a region without departments are not compared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from '../../src/core/checks/index.ts';
import type { RelatedReport } from '../../src/core/checks/types.ts';
import { scoreReport, defaultRubric } from '../../src/core/score/index.ts';
import { cellLabel } from '../../src/shared/template/index.ts';
import type { Report } from '../../src/shared/model.ts';
import { buildReport, defaultRequests, withCell } from './helpers/report-builder.ts';

const peer = (report: Report): RelatedReport => ({ file: report.file, department: report.department, year: report.year, report });
const context = (peers: Report[]) => ({ previous: null, peers: peers.map(peer), options: {} });

/** Two departments with the builder's tables: the region's correct tables are twice theirs. */
function county(): { departments: Report[]; region: Report } {
  const departments = [buildReport({ department: '临江县教育局' }), buildReport({ department: '临江县财政局' })];
  const base = departments[0]!.tables;
  const region = buildReport({
    department: '临江县人民政府',
    isGovernment: true,
    active: base.active!.map((v) => (v ?? 0) * 2),
    requests: base.requests!.map((row) => row.map((v) => (v ?? 0) * 2)),
    review: base.review!.map((v) => (v ?? 0) * 2),
  });
  return { departments, region };
}

test('a region report whose tables equal the sum passes; each differing cell is a fail naming the cell and both values, priced by the rubric', () => {
  const { departments, region } = county();
  const same = runChecks(region, context(departments)).filter((f) => f.check === 'region.rollup');
  assert.deepEqual(same.map((f) => f.status), ['pass']);
  assert.match(same[0]!.message, /2 个单位的汇总数逐项一致/);

  // 本年新收 of natural persons filled as the sum + 4, and one review cell as 3 instead of 0.
  const sum = region.tables.requests![0]![0]!;
  const wrong = { ...region, tables: { ...region.tables, requests: withCell(region.tables.requests!, 0, 0, sum + 4), review: region.tables.review!.map((v, i) => (i === 4 ? 3 : v)) } };
  const findings = runChecks(wrong, context(departments));
  const mine = findings.filter((f) => f.check === 'region.rollup');
  assert.deepEqual(mine.map((f) => f.status), ['fail', 'fail']);
  const requestsLabel = cellLabel({ table: 'requests', row: 0, col: 0 }, '2021');
  assert.match(requestsLabel, /本年新收/);
  assert.ok(mine[0]!.message.includes(requestsLabel), mine[0]!.message);
  assert.ok(mine[0]!.message.endsWith(`本级年报填报 ${sum + 4}，2 个单位汇总为 ${sum}，相差 4`), mine[0]!.message);
  assert.deepEqual(mine[0]!.evidence.map((e) => [e.table, e.row, e.col]), [['requests', 0, 0]]);
  assert.ok(mine[1]!.message.includes(cellLabel({ table: 'review', index: 4 }, '2021')), mine[1]!.message);
  assert.match(mine[1]!.message, /填报 3，2 个单位汇总为 0/);

  const { score } = scoreReport({ report: wrong, findings, rubric: defaultRubric() });
  const line = score.deductions.find((d) => d.check === 'region.rollup');
  assert.equal(line?.points, 2, 'one point per differing cell');
  assert.equal(line?.dimension, '数据准确');
});

test('with a department left out of the sum the differences are uncertain; departments and a lone region are not compared', () => {
  const { departments, region } = county();
  const withoutTables = buildReport({ department: '临江县水利局', requests: null });
  const wrong = { ...region, tables: { ...region.tables, requests: withCell(region.tables.requests!, 0, 1, 99) } };
  const partial = runChecks(wrong, context([...departments, withoutTables])).filter((f) => f.check === 'region.rollup');
  assert.ok(partial.length > 0 && partial.every((f) => f.status === 'uncertain'), partial.map((f) => f.status).join());
  assert.match(partial[0]!.message, /临江县水利局：未读取到统计表（表三）/);

  const own = runChecks(departments[0]!, context([region, departments[1]!])).filter((f) => f.check === 'region.rollup');
  assert.deepEqual(own.map((f) => f.status), ['na']);
  const alone = runChecks(region, context([])).filter((f) => f.check === 'region.rollup');
  assert.deepEqual(alone.map((f) => f.status), ['na']);
});

test('a department report scores as before: region.rollup is na and its weight returns to the other data checks', () => {
  const report = buildReport({ requests: withCell(defaultRequests(), 2, 6, 9) });
  const findings = runChecks(report, context([]));
  const { score } = scoreReport({ report, findings, rubric: defaultRubric() });
  const line = score.deductions.find((d) => d.check === 'requests.row-total')!;
  assert.equal(line.points, 2);
  assert.match(line.explanation, /上限 6/);
});
