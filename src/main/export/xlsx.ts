/**
 * The Excel workbook of a run (exceljs): 汇总 (ranking), 问题清单 (one row per finding),
 * 表二 / 表三 / 表四 (the extracted tables of every report; blank cells highlighted).
 */
import ExcelJS from 'exceljs';
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import { activeCellTitle, REQUEST_COLUMNS, REQUEST_HEADER, REQUEST_ROWS, REVIEW_SIZE, reviewCellTitle } from '../../shared/template/index.ts';
import { baseName, buildSummaryView, departmentOf, GENERATION_LABELS } from '../engine-documents.ts';
import type { AuditResult, CellValue, FindingDecision } from '../../shared/model.ts';
import { FINDING_COLUMNS, findingRows } from './finding-rows.ts';

export interface WorkbookOptions {
  year: number | null;
  generatedAt: string;
  missing?: string[];
  office?: string;
  checks?: CheckInfoMap;
  /** Reviewer decisions per result file: the summary counts problems after them, as the overview does. */
  decisions?: Record<string, readonly FindingDecision[]>;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const BLANK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const FONT = 'Microsoft YaHei';

function styleHeader(sheet: ExcelJS.Worksheet, rowNumber = 1): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true, name: FONT };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
  sheet.views = [{ state: 'frozen', ySplit: rowNumber }];
}

function cellValue(v: CellValue | undefined): number | null {
  return v === undefined ? null : v;
}

function addSummary(wb: ExcelJS.Workbook, results: AuditResult[], options: WorkbookOptions): void {
  const view = buildSummaryView({
    year: options.year ?? 0,
    results,
    missing: options.missing,
    generatedAt: options.generatedAt,
    office: options.office,
    checks: options.checks,
    ...(options.decisions ? { decisions: options.decisions } : {}),
  });
  const sheet = wb.addWorksheet('汇总');
  const header = ['名次', '单位', '年度', '文件', '得分', '等级', '否决事项', '按时报送', ...view.dimensions.map((d) => `不通过·${d}`), '不通过合计', '待确认', 'SHA-256'];
  sheet.addRow(header);
  for (const row of view.rows) {
    const r = results[row.index]!;
    sheet.addRow([
      row.rank,
      row.department,
      r.report?.year ?? null,
      row.file,
      r.score?.score ?? null,
      r.score?.grade ?? null,
      row.veto,
      row.onTime,
      ...row.failedByDimension,
      row.failedTotal,
      r.findings.filter((f) => f.status === 'uncertain').length,
      r.sha256,
    ]);
  }
  if (view.missing.length > 0) {
    sheet.addRow([]);
    for (const name of view.missing) sheet.addRow([null, name, options.year, null, null, null, '未报送']);
  }
  styleHeader(sheet);
  sheet.columns.forEach((c, i) => (c.width = [6, 30, 8, 30, 8, 8, 14, 10][i] ?? 12));
  sheet.getColumn(header.length).width = 66;
}

function addFindings(wb: ExcelJS.Workbook, results: AuditResult[], checks?: CheckInfoMap): void {
  const sheet = wb.addWorksheet('问题清单');
  sheet.addRow([...FINDING_COLUMNS]);
  for (const row of findingRows(results, checks)) sheet.addRow(row);
  styleHeader(sheet);
  [30, 8, 30, 24, 24, 12, 9, 9, 7, 60, 60].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(10).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(11).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_COLUMNS.length } };
}

function markBlanks(row: ExcelJS.Row, firstValueColumn: number, values: (CellValue | undefined)[]): void {
  values.forEach((v, i) => {
    if (v === null || v === undefined) row.getCell(firstValueColumn + i).fill = BLANK_FILL;
  });
}

function addActive(wb: ExcelJS.Workbook, results: AuditResult[]): void {
  const sheet = wb.addWorksheet('表二');
  sheet.addRow(['单位', '文件', '报告格式', '序号', '项目', '数值']);
  for (const r of results) {
    const values = r.report?.tables.active;
    if (!r.report) continue;
    if (!values) {
      sheet.addRow([departmentOf(r), baseName(r.file), GENERATION_LABELS[r.report.generation], null, '（未找到表二）', null]);
      continue;
    }
    values.forEach((v, i) => {
      const row = sheet.addRow([departmentOf(r), baseName(r.file), GENERATION_LABELS[r.report!.generation], i + 1, activeCellTitle(i, r.report!.generation, values.length), cellValue(v)]);
      markBlanks(row, 6, [v]);
    });
  }
  styleHeader(sheet);
  [30, 30, 28, 6, 36, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

function addRequests(wb: ExcelJS.Workbook, results: AuditResult[]): void {
  const sheet = wb.addWorksheet('表三');
  sheet.addRow(['单位', '文件', '行号', REQUEST_HEADER.all, ...REQUEST_COLUMNS]);
  for (const r of results) {
    if (!r.report) continue;
    const values = r.report.tables.requests;
    if (!values) {
      sheet.addRow([departmentOf(r), baseName(r.file), null, '（未找到表三）']);
      continue;
    }
    REQUEST_ROWS.forEach((templateRow, i) => {
      const rowValues = REQUEST_COLUMNS.map((_, c) => values[i]?.[c]);
      const row = sheet.addRow([departmentOf(r), baseName(r.file), i + 1, templateRow.label, ...rowValues.map(cellValue)]);
      markBlanks(row, 5, rowValues);
    });
  }
  styleHeader(sheet);
  [30, 30, 6, 44, 8, 8, 8, 10, 10, 8, 8].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

function addReview(wb: ExcelJS.Workbook, results: AuditResult[]): void {
  const sheet = wb.addWorksheet('表四');
  sheet.addRow(['单位', '文件', ...Array.from({ length: REVIEW_SIZE }, (_, i) => reviewCellTitle(i))]);
  for (const r of results) {
    if (!r.report) continue;
    const values = r.report.tables.review;
    if (!values) {
      sheet.addRow([departmentOf(r), baseName(r.file), '（未找到表四）']);
      continue;
    }
    const cells = Array.from({ length: REVIEW_SIZE }, (_, i) => values[i]);
    const row = sheet.addRow([departmentOf(r), baseName(r.file), ...cells.map(cellValue)]);
    markBlanks(row, 3, cells);
  }
  styleHeader(sheet);
  sheet.getRow(1).height = 48;
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 30;
  for (let c = 3; c <= 17; c++) sheet.getColumn(c).width = 11;
}

export function buildWorkbook(results: AuditResult[], options: WorkbookOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OGI Auditor';
  wb.created = new Date(options.generatedAt);
  addSummary(wb, results, options);
  addFindings(wb, results, options.checks);
  addActive(wb, results);
  addRequests(wb, results);
  addReview(wb, results);
  return wb;
}

export async function writeWorkbook(file: string, results: AuditResult[], options: WorkbookOptions): Promise<void> {
  await buildWorkbook(results, options).xlsx.writeFile(file);
}
