/**
 * Cells that stood in a run of digits written together (Report.runCuts). A run that could not be cut
 * for sure leaves its cells unknown: they are not blanks (the values are there, only their borders are
 * not), so the completeness checks leave them out and say instead which cuts the arithmetic allows; a run
 * that no cut can satisfy is an arithmetic error of its row, reported by the arithmetic checks.
 */
import type { Evidence, Report, RunCut, TableId } from '../../../shared/model.ts';
import type { CheckFinding } from '../types.ts';
import { fail, uncertain } from './findings.ts';

const cellKey = (row: number, col?: number): string => `${row}:${col ?? ''}`;

/** Keys (row:col) of the cells of `table` whose run was not cut for sure. */
export function unsettledCells(report: Report, table: TableId): Set<string> {
  const keys = new Set<string>();
  for (const cut of report.runCuts ?? []) {
    if (cut.table !== table || (cut.status !== 'ambiguous' && cut.status !== 'impossible')) continue;
    for (const cell of cut.cells) keys.add(cellKey(cell.row, cell.col));
  }
  return keys;
}

export function isUnsettled(keys: Set<string>, row: number, col?: number): boolean {
  return keys.has(cellKey(row, col));
}

export function runEvidence(cut: RunCut): Evidence {
  const first = cut.cells[0]!;
  const ev: Evidence = { table: cut.table, row: first.row, text: cut.raw };
  if (first.col !== undefined) ev.col = first.col;
  if (cut.page !== undefined) ev.page = cut.page;
  if (cut.offset !== undefined) ev.offset = cut.offset;
  return ev;
}

function listCuts(cut: RunCut): string {
  const shown = cut.candidates.slice(0, 6).map((c) => c.join('|'));
  return `${shown.join('；')}${cut.candidates.length > 6 || cut.more ? ' 等' : ''}`;
}

/** One `uncertain` finding per run of `table` with several possible cuts (and, for 表二, with none). */
export function ambiguousRunFindings(report: Report, table: TableId, tableName: string): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const cut of report.runCuts ?? []) {
    if (cut.table !== table) continue;
    if (cut.status === 'ambiguous') {
      out.push(uncertain(
        `${tableName}“${cut.label}”的数字连在一起（${cut.raw}），按表格勾稽关系有${cut.more ? '多' : cut.candidates.length}种切分：${listCuts(cut)}；请审核人员选定`,
        [runEvidence(cut)], { kind: 'run-ambiguous' }));
    } else if (cut.status === 'impossible' && table === 'active') {
      out.push(uncertain(`${tableName}“${cut.label}”的数字连在一起（${cut.raw}），无法切分为${cut.cells.length}个单元格，请人工核对`, [runEvidence(cut)], { kind: 'run-impossible' }));
    }
  }
  return out;
}

/** One `fail` per run of `table` that no cut can satisfy: its row's numbers do not add up, however read. */
export function impossibleRunFindings(report: Report, table: 'requests' | 'review', what: string): CheckFinding[] {
  return (report.runCuts ?? [])
    .filter((cut) => cut.table === table && cut.status === 'impossible')
    .map((cut) => fail(`${what}“${cut.label}”的数字连在一起（${cut.raw}），无论怎样切分都不满足总计等于各项之和：该行数据有误或缺项`, [runEvidence(cut)], { measure: 1, kind: 'run-impossible' }));
}
