/**
 * Which table cells came from a run of digits written together (Report.runCuts): `recovered` cells were
 * cut for sure by the table's arithmetic (shown marked, so a reviewer knows); `pending` cells belong to a
 * run with several possible cuts (or none) that the reviewer has not settled. Keys are cellKey()s.
 */
import type { Report, RunCut } from './model.ts';
import { cellAddress, cellKey, type CellAddress } from './template/index.ts';

export interface RunCells {
  recovered: Set<string>;
  pending: Set<string>;
}

export function runCellAddresses(cut: RunCut): CellAddress[] {
  return cut.cells.map((c) => cellAddress(cut.table, c.row, c.col ?? 0)).filter((a): a is CellAddress => a !== null);
}

export function runCells(report: Report | null | undefined): RunCells {
  const out: RunCells = { recovered: new Set(), pending: new Set() };
  for (const cut of report?.runCuts ?? []) {
    const target = cut.status === 'recovered' ? out.recovered : cut.status === 'corrected' ? null : out.pending;
    if (target) for (const address of runCellAddresses(cut)) target.add(cellKey(address));
  }
  return out;
}

/** The runs the reviewer still has to settle (several cuts, or none that fits). */
export function openRuns(report: Report | null | undefined): RunCut[] {
  return (report?.runCuts ?? []).filter((c) => c.status === 'ambiguous' || c.status === 'impossible');
}
