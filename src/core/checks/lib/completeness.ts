/** Shared logic of the three table.*.complete checks: missing table → one fail, blanks → one fail listing cells. */
import type { CellValue, Evidence, Report, ReportTables, TableId } from '../../../shared/model.ts';
import { TABLE_PART, TABLE_SHORT, partTitle, withoutNumbering, type CellAddress } from '../../../shared/template/index.ts';
import type { Check, CheckFinding } from '../types.ts';
import { cellEvidence } from './evidence.ts';
import { fail, pass } from './findings.ts';
import { ambiguousRunFindings, isUnsettled, unsettledCells } from './run-cuts.ts';

export interface BlankCell { cell: CellAddress; name: string }

/** Not filled in (a 0 must be written as 0). */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined;
}

/** The run of a table.*.complete check: the blank cells `blanksOf` finds in the table, or the table missing. */
export function tableCompleteness<T extends TableId>(table: T, blanksOf: (values: NonNullable<ReportTables[T]>, report: Report) => BlankCell[]): Check['run'] {
  return (report) => {
    const values = report.tables[table] as NonNullable<ReportTables[T]> | null;
    return completeness(report, table, values ? blanksOf(values, report) : null);
  };
}

export function completeness(report: Report, table: TableId, blanks: BlankCell[] | null): CheckFinding[] {
  const part = TABLE_PART[table];
  const tableName = `${TABLE_SHORT[table]}（${withoutNumbering(partTitle(part))}）`;
  if (blanks === null) {
    const section = report.sections.find((s) => s.part === part);
    const ev: Evidence = { table, text: section?.found ? `${section.title}（标题下无表格）` : `${tableName}缺失` };
    if (section?.page !== undefined) ev.page = section.page;
    if (section?.offset !== undefined) ev.offset = section.offset;
    return [fail(`${tableName}缺失${section?.found ? '：标题下未见表格（或表格为图片）' : ''}`, [ev], { kind: 'missing' })];
  }
  // Cells of a run of digits not cut for sure are filled (their borders are unknown): listed apart, not as blanks.
  const unsettled = unsettledCells(report, table);
  blanks = blanks.filter((b) => (b.cell.table === 'requests' ? !isUnsettled(unsettled, b.cell.row, b.cell.col) : !isUnsettled(unsettled, b.cell.index)));
  const runs = ambiguousRunFindings(report, table, tableName);
  if (blanks.length === 0) return runs.length > 0 ? runs : [pass(`${tableName}完整，所有单元格均已填写`)];
  // A table without a single figure is an unfilled template, not a table with a few gaps: priced (and vetoed) like a missing one.
  const values = report.tables[table] ?? [];
  const anyFigure = values.some((v) => (Array.isArray(v) ? v.some((c) => c !== null) : v !== null));
  if (!anyFigure && runs.length === 0) {
    return [fail(`${tableName}未填写任何数据（${blanks.length}个单元格全部空白）`,
      blanks.slice(0, 1).map((b) => cellEvidence(report, b.cell)), { measure: blanks.length, kind: 'empty' })];
  }
  const names = blanks.slice(0, 8).map((b) => b.name).join('；');
  return [fail(`${tableName}有${blanks.length}个空白单元格（应填0的也须填写0）：${names}${blanks.length > 8 ? '等' : ''}`,
    blanks.map((b) => cellEvidence(report, b.cell)), { measure: blanks.length, kind: 'blank' }), ...runs];
}
