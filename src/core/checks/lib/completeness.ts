/** Shared logic of the three table.*.complete checks: missing table → one fail, blanks → one fail listing cells. */
import type { Evidence, Report, TableId } from '../../../shared/model.ts';
import type { CheckFinding } from '../types.ts';
import { cellEvidence } from './evidence.ts';
import { fail, pass } from './findings.ts';
import { ambiguousRunFindings, isUnsettled, unsettledCells } from './run-cuts.ts';

export interface BlankCell { row: number; col?: number; name: string }

export function completeness(
  report: Report,
  table: TableId,
  tableName: string,
  blanks: BlankCell[] | null,
  part: number,
): CheckFinding[] {
  if (blanks === null) {
    const section = report.sections.find((s) => s.part === part);
    const ev: Evidence = { table, text: section?.found ? `${section.title}（标题下无表格）` : `${tableName}缺失` };
    if (section?.page !== undefined) ev.page = section.page;
    if (section?.offset !== undefined) ev.offset = section.offset;
    return [fail(`${tableName}缺失${section?.found ? '：标题下未见表格（或表格为图片）' : ''}`, [ev], { kind: 'missing' })];
  }
  // Cells of a run of digits not cut for sure are filled (their borders are unknown): listed apart, not as blanks.
  const unsettled = unsettledCells(report, table);
  blanks = blanks.filter((b) => !isUnsettled(unsettled, b.row, b.col));
  const runs = ambiguousRunFindings(report, table, tableName);
  if (blanks.length === 0) return runs.length > 0 ? runs : [pass(`${tableName}完整，所有单元格均已填写`)];
  const names = blanks.slice(0, 8).map((b) => b.name).join('；');
  return [fail(`${tableName}有${blanks.length}个空白单元格（应填0的也须填写0）：${names}${blanks.length > 8 ? '等' : ''}`,
    blanks.map((b) => cellEvidence(report, table, b.row, b.col)), { measure: blanks.length, kind: 'blank' }), ...runs];
}
