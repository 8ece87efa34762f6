/**
 * The region roll-up of a year from the store: every department's latest report with the reviewer's
 * corrections applied, the roster's departments without a report, the region government's own report
 * compared with the sum of the others. Written as rollup.json and rollup.xlsx.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { activeCellTitle, REQUEST_COLUMNS, requestRowTitle, reviewCellTitle, TABLE_TITLES } from '../../shared/template/index.ts';
import type { YearRollup } from '../../shared/rollup.ts';
import { effectiveReport } from '../auditing.ts';
import { compareWithRollup, regionMember, rollUp, rollupArithmetic, type Rollup, type RollupMember } from '../engine.ts';
import type { Store } from '../store/store.ts';

/** The JSON handed on (rollup.json): the shape named by the office's export format. */
export interface RollupJson {
  year: number;
  departments: number;
  included: string[];
  excluded: { name: string; reason: string }[];
  tables: { active: number[]; requests: number[][]; review: number[] };
}

export async function loadYearRollup(store: Store, year: number): Promise<YearRollup> {
  const rows = await store.reports.summaries({ year, latestOnly: true });
  const members: RollupMember[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.departmentId !== null) seen.add(row.departmentId);
    const report = row.error ? null : await effectiveReport(store, row.reportId);
    const department = row.department ?? report?.department ?? `未识别单位（${path.basename(row.file)}）`;
    members.push({ department, report: report ? { ...report, department } : null, reportId: row.reportId });
  }
  for (const entry of await store.roster.forYear(year)) {
    if (!seen.has(entry.departmentId)) members.push({ department: entry.department, report: null });
  }
  const region = regionMember(members);
  const others = region ? members.filter((m) => m !== region) : members;
  const rollup = rollUp(year, others);
  if (region) {
    rollup.departments += 1;
    rollup.excluded.push({ name: region.department, reason: '本级人民政府自身的年报：不计入汇总，与汇总数逐项比对' });
  }
  const comparison = region?.report
    ? { department: region.department, reportId: region.reportId ?? null, differences: compareWithRollup(region.report, rollup) }
    : null;
  const arithmetic = rollupArithmetic(rollup).map((f) => ({ check: f.check, status: f.status, message: f.message }));
  return { rollup, arithmetic, region: comparison };
}

export function rollupJson(r: Rollup): RollupJson {
  return { year: r.year, departments: r.departments, included: r.included, excluded: r.excluded, tables: r.tables };
}

const HEADER_FONT = { bold: true, name: 'Microsoft YaHei' } as const;

function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = HEADER_FONT;
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

export async function rollupWorkbook(y: YearRollup, title: string): Promise<ExcelJS.Workbook> {
  const { rollup } = y;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OGI Auditor';
  const active = wb.addWorksheet('表二 主动公开');
  active.addRow([`${title} ${TABLE_TITLES.active}（汇总）`]).font = HEADER_FONT;
  header(active, ['项目', '汇总数', '构成（单位：数值）']);
  rollup.tables.active.forEach((v, i) => active.addRow([activeCellTitle(i, '2021'), v, rollup.drillDown.active[i]!.map((c) => `${c.department}：${c.value}`).join('；')]));
  active.columns = [{ width: 40 }, { width: 12 }, { width: 80 }];

  const requests = wb.addWorksheet('表三 依申请公开');
  requests.addRow([`${title} ${TABLE_TITLES.requests}（汇总）`]).font = HEADER_FONT;
  header(requests, ['项目', ...REQUEST_COLUMNS]);
  rollup.tables.requests.forEach((row, r) => requests.addRow([requestRowTitle(r), ...row]));
  requests.columns = [{ width: 48 }, ...REQUEST_COLUMNS.map(() => ({ width: 12 }))];

  const review = wb.addWorksheet('表四 复议诉讼');
  review.addRow([`${title} ${TABLE_TITLES.review}（汇总）`]).font = HEADER_FONT;
  header(review, ['项目', '汇总数', '构成']);
  rollup.tables.review.forEach((v, i) => review.addRow([reviewCellTitle(i), v, rollup.drillDown.review[i]!.map((c) => `${c.department}：${c.value}`).join('；')]));
  review.columns = [{ width: 40 }, { width: 12 }, { width: 80 }];

  // One row per department and cell kind: the drill-down of every total, filterable in Excel.
  const byDept = wb.addWorksheet('各单位明细');
  header(byDept, ['单位', '表', '项目', '数值']);
  for (const [i, list] of rollup.drillDown.active.entries()) for (const c of list) byDept.addRow([c.department, '表二', activeCellTitle(i, '2021'), c.value]);
  for (const [r, cols] of rollup.drillDown.requests.entries()) {
    for (const [col, list] of cols.entries()) for (const c of list) byDept.addRow([c.department, '表三', `${requestRowTitle(r)}·${REQUEST_COLUMNS[col]}`, c.value]);
  }
  for (const [i, list] of rollup.drillDown.review.entries()) for (const c of list) byDept.addRow([c.department, '表四', reviewCellTitle(i), c.value]);
  byDept.columns = [{ width: 36 }, { width: 8 }, { width: 60 }, { width: 12 }];

  const scope = wb.addWorksheet('纳入情况');
  header(scope, ['单位', '是否纳入汇总', '原因']);
  for (const name of rollup.included) scope.addRow([name, '纳入', '']);
  for (const e of rollup.excluded) scope.addRow([e.name, '未纳入', e.reason]);
  scope.columns = [{ width: 40 }, { width: 14 }, { width: 60 }];

  if (y.region) {
    const cmp = wb.addWorksheet('与本级政府年报比对');
    cmp.addRow([`${y.region.department}年报与各单位汇总数比对：${y.region.differences.length} 处不一致`]).font = HEADER_FONT;
    header(cmp, ['单元格', '年报填报数', '各单位汇总数', '差额']);
    for (const d of y.region.differences) cmp.addRow([d.label, d.reported, d.rollup, d.reported === null ? null : d.reported - d.rollup]);
    cmp.columns = [{ width: 50 }, { width: 14 }, { width: 14 }, { width: 12 }];
  }
  return wb;
}

export async function writeRollupOutputs(y: YearRollup, outDir: string, title: string): Promise<{ json: string; xlsx: string }> {
  const json = path.join(outDir, 'rollup.json');
  const xlsx = path.join(outDir, 'rollup.xlsx');
  await writeFile(json, `${JSON.stringify(rollupJson(y.rollup), null, 2)}\n`);
  await (await rollupWorkbook(y, title)).xlsx.writeFile(xlsx);
  return { json, xlsx };
}
