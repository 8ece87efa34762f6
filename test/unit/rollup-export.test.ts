/**
 * The region roll-up as the office gets it from the CLI: reports of distinct departments imported into a
 * database, `export` writes rollup.json whose tables are the cell-by-cell sum of the departments' tables
 * (computed here from the fixture answers, not from our reader), and the region government's own report
 * is compared cell by cell with the sum of the others.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fixturesDir, skipWithoutShared } from './helpers/shared.ts';
import { runCli } from './helpers/run-cli.ts';
import { compareWithRollup, rollUp } from '../../src/core/rollup/index.ts';
import type { Report } from '../../src/shared/model.ts';
import { cellLabel } from '../../src/shared/template/index.ts';
import { openStore } from '../../src/main/store/open.ts';

interface Answer {
  department: string | null;
  year: number;
  generation: string;
  tables: { active: (number | null)[] | null; requests: (number | null)[][] | null; review: (number | null)[] | null };
}

const bench = path.join(fixturesDir, 'bench');
let tmp = '';
before(() => {
  if (!skipWithoutShared) tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-rollup-'));
});
after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const ogi = runCli;

const complete = (a: Answer): boolean =>
  a.generation === '2021' &&
  a.tables.active !== null && a.tables.requests !== null && a.tables.review !== null &&
  [...a.tables.active, ...a.tables.requests.flat(), ...a.tables.review].every((v) => v !== null);

test('export writes rollup.json = the sum of the departments\' tables; the region report is compared cell by cell', { skip: skipWithoutShared, timeout: 300_000 }, async () => {
  const answers = JSON.parse(fs.readFileSync(path.join(bench, 'answers.json'), 'utf8')) as Record<string, Answer>;
  // Ten .txt reports of one year, one per department, all of one county (南岭县…), plus the county government.
  const picked: [string, Answer][] = [];
  const seen = new Set<string>();
  for (const [file, a] of Object.entries(answers)) {
    if (!file.endsWith('.txt') || !a.department || seen.has(a.department) || !a.department.startsWith('南岭县')) continue;
    seen.add(a.department);
    picked.push([file, a]);
    if (picked.length === 10) break;
  }
  assert.ok(picked.length >= 5, 'enough distinct departments in the bench');
  const folder = path.join(tmp, 'reports');
  fs.mkdirSync(folder);
  // The last department arrives in an import of its own, after the county's report: its finding must follow.
  const late = path.join(tmp, 'late');
  fs.mkdirSync(late);
  for (const [i, [file]] of picked.entries()) fs.copyFileSync(path.join(bench, file), path.join(i === picked.length - 1 ? late : folder, file));
  // The county government's own report: another bench report renamed — its tables cannot be the county's sum.
  const [govSource, govAnswer] = Object.entries(answers).find(([f, a]) => f.endsWith('.txt') && a.department?.startsWith('青山县') && complete(a))!;
  const govText = fs.readFileSync(path.join(bench, govSource), 'utf8').replaceAll(govAnswer.department!, '南岭县人民政府');
  fs.writeFileSync(path.join(folder, 'gov-南岭县人民政府.txt'), govText);

  const db = path.join(tmp, 'office.db');
  const imported = await ogi(['import', folder, '--db', db, '--no-progress']);
  assert.equal(imported.code, 0, imported.stderr);
  const importedLate = await ogi(['import', late, '--db', db, '--no-progress']);
  assert.equal(importedLate.code, 0, importedLate.stderr);
  const out = path.join(tmp, 'out');
  const exported = await ogi(['export', '--db', db, '--year', '2024', '--out', out, '--rollup-only']);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /南岭县人民政府年报统计表与各单位汇总数有 \d+ 处不一致/);

  const json = JSON.parse(fs.readFileSync(path.join(out, 'rollup.json'), 'utf8')) as {
    year: number; departments: number; included: string[]; excluded: { name: string; reason: string }[];
    tables: { active: number[]; requests: number[][]; review: number[] };
  };
  assert.deepEqual(Object.keys(json).sort(), ['departments', 'excluded', 'included', 'tables', 'year']);
  assert.equal(json.year, 2024);
  assert.equal(json.departments, picked.length + 1);
  const expectedIncluded = picked.filter(([, a]) => complete(a));
  assert.deepEqual([...json.included].sort(), expectedIncluded.map(([, a]) => a.department!).sort());
  assert.ok(json.excluded.some((e) => e.name === '南岭县人民政府' && /本级人民政府/.test(e.reason)));
  for (const [, a] of picked.filter(([, a]) => !complete(a))) assert.ok(json.excluded.some((e) => e.name === a.department && e.reason.length > 0));

  // The sum, cell by cell, from the answers.
  const sum = (pick: (a: Answer) => (number | null)[]): number[] =>
    pick(expectedIncluded[0]![1]).map((_, i) => Math.round(expectedIncluded.reduce((s, [, a]) => s + (pick(a)[i] ?? 0), 0) * 10_000) / 10_000);
  assert.deepEqual(json.tables.active, sum((a) => a.tables.active!));
  assert.deepEqual(json.tables.review, sum((a) => a.tables.review!));
  assert.deepEqual(json.tables.requests.flat(), sum((a) => a.tables.requests!.flat()));

  // The region government's differences: the cells where its answer differs from that sum.
  const expectedDiffs = [
    ...govAnswer.tables.active!.map((v, i) => (v === json.tables.active[i] ? null : `active:${i}`)),
    ...govAnswer.tables.requests!.flatMap((row, r) => row.map((v, c) => (v === json.tables.requests[r]![c] ? null : `requests:${r}:${c}`))),
    ...govAnswer.tables.review!.map((v, i) => (v === json.tables.review[i] ? null : `review:${i}`)),
  ].filter((x): x is string => x !== null);
  assert.ok(expectedDiffs.length > 0);
  // The same differences are findings of the county's own report (region.rollup), each naming its cell and both values.
  const store = await openStore(db);
  try {
    const govRow = (await store.reports.summaries({ year: 2024, latestOnly: true })).find((r) => r.department === '南岭县人民政府')!;
    const auditId = (await store.reports.row(govRow.reportId))!.currentAuditId!;
    const findings = (await store.audits.findings(auditId)).filter((f) => f.check === 'region.rollup');
    const othersLeftOut = json.excluded.filter((e) => e.name !== '南岭县人民政府').length > 0;
    for (const f of findings) assert.equal(f.status, othersLeftOut ? 'uncertain' : 'fail', f.message);
    const cells = findings.flatMap((f) => f.evidence.map((e) => (e.table === 'requests' ? `requests:${e.row}:${e.col}` : `${e.table}:${e.row}`)));
    assert.deepEqual(cells.sort(), [...expectedDiffs].sort());
    for (const f of findings.filter((x) => x.evidence.length === 1)) {
      const e = f.evidence[0]!;
      const address = e.table === 'requests' ? { table: 'requests' as const, row: e.row!, col: e.col! } : { table: e.table!, index: e.row! };
      assert.ok(f.message.includes(cellLabel(address, '2021')), f.message);
      assert.match(f.message, /本级年报填报 (空白|[\d.]+)，\d+ 个单位汇总为 [\d.]+/);
    }
    if (!othersLeftOut) assert.ok((await store.audits.score(auditId))!.deductions.some((d) => d.check === 'region.rollup'), 'priced by the rubric');
  } finally {
    await store.close();
  }

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'rollup.xlsx'));
  assert.deepEqual(wb.worksheets.map((s) => s.name), ['表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '各单位明细', '纳入情况', '与本级政府年报比对']);
  const cmp = wb.getWorksheet('与本级政府年报比对')!;
  assert.match(String(cmp.getCell('A1').value), new RegExp(`${expectedDiffs.length} 处不一致`));
  // Every department of the sum has its rows in the drill-down sheet.
  const detail = wb.getWorksheet('各单位明细')!;
  const named = new Set<string>();
  detail.eachRow((row, n) => { if (n > 1) named.add(String(row.getCell(1).value)); });
  for (const [, a] of expectedIncluded) assert.ok(named.has(a.department!), a.department!);
});

test('rollUp leaves out what cannot be added and never counts blanks as zeros; compareWithRollup names cells', () => {
  const tables = (v: number): Report['tables'] => ({
    active: Array.from({ length: 10 }, () => v),
    requests: Array.from({ length: 25 }, () => Array.from({ length: 7 }, () => v)),
    review: Array.from({ length: 15 }, () => v),
  });
  const report = (department: string, t: Report['tables'], generation: Report['generation'] = '2021'): Report => ({
    file: `${department}.txt`, format: 'txt', department, departmentSource: 'title', year: 2024, signedOn: null, generation,
    title: null, isGovernment: false, sections: [], tables: t, tableSources: { active: null, requests: null, review: null },
    requestsLabels: [], paragraphs: [], statedPeriod: null, traditional: false, warnings: [],
  });
  const blank = tables(1);
  blank.review![3] = null;
  const r = rollUp(2024, [
    { department: '甲局', report: report('甲局', tables(2)) },
    { department: '乙局', report: report('乙局', tables(3)) },
    { department: '丙局', report: report('丙局', blank) },
    { department: '丁局', report: null },
    { department: '戊局', report: report('戊局', tables(5), '2019') },
    { department: '己局', report: report('己局', { active: null, requests: null, review: null }) },
  ]);
  assert.deepEqual(r.included, ['甲局', '乙局']);
  assert.equal(r.departments, 6);
  assert.deepEqual(r.excluded.map((e) => e.name).sort(), ['丙局', '丁局', '己局', '戊局'].sort());
  assert.match(r.excluded.find((e) => e.name === '丙局')!.reason, /1 个空白/);
  assert.match(r.excluded.find((e) => e.name === '丁局')!.reason, /未报送/);
  assert.equal(r.tables.review[3], 5);
  assert.deepEqual(r.drillDown.requests[0]![6], [{ department: '甲局', value: 2 }, { department: '乙局', value: 3 }]);
  const region = report('某县人民政府', tables(5));
  region.tables.requests![2]![0] = 7;
  const diffs = compareWithRollup(region, r);
  assert.equal(diffs.length, 1);
  assert.deepEqual(diffs[0]!.address, { table: 'requests', row: 2, col: 0 });
  assert.equal(diffs[0]!.reported, 7);
  assert.equal(diffs[0]!.rollup, 5);
  assert.match(diffs[0]!.label, /^表三 .+ · 自然人列$/);
});
