/**
 * The reviewer's work applied to an audit, in one place: cell corrections applied to a copy of the report,
 * and decisions matched to the findings of the audit they are now shown with.
 *
 * Reviewer decisions are made on one finding of one audit. When the checks run again (a corrected cell,
 * new peers, a new engine) the list of findings can change order or length, so a decision is re-anchored
 * to the finding it was made on: the same check with the same message; failing that, the same check with
 * the same wording once numbers are set aside (the problem is still there, its values changed). A decision
 * never moves to a different problem of the same check (another column, another peer): when its own is gone
 * it is kept in the store, shown as an earlier decision, and no longer applied. Decisions recorded without a
 * message (older stores) fall back to the same place in the list, or the only open finding of that check.
 */
import type { CellSource, CellValue, Finding, FindingDecision, Report } from '../shared/model.ts';
import { cellAddress, cellKey, cellValueAt, type CellAddress } from '../shared/template/index.ts';

/** A reviewer's correction of one table cell. */
export interface CellCorrectionInput {
  cell: CellAddress;
  value: CellValue;
}

/** The report with the reviewer's cell corrections applied (a copy; the report read from the file is kept as is). */
export function applyCorrections(report: Report, corrections: readonly CellCorrectionInput[]): Report {
  if (corrections.length === 0) return report;
  const tables = structuredClone(report.tables);
  const sources = structuredClone(report.tableSources);
  for (const { cell, value } of corrections) {
    // The source keeps where the cell is in the file and says what was read there before the correction.
    const read = cellValueAt(report.tableSources, cell) ?? null;
    const original = read?.correctedFrom ?? read?.raw ?? '';
    const source: CellSource = { ...(read ?? {}), raw: value === null ? '' : String(value), correctedFrom: original };
    delete source.provenance;
    delete source.ocr;
    if (cell.table === 'requests') {
      const row = tables.requests?.[cell.row];
      if (row && cell.col < row.length) {
        row[cell.col] = value;
        const sourceRow = sources.requests?.[cell.row];
        if (sourceRow) sourceRow[cell.col] = source;
      }
    } else {
      const values = tables[cell.table];
      if (values && cell.index < values.length) {
        values[cell.index] = value;
        const sourceValues = sources[cell.table];
        if (sourceValues && cell.index < sourceValues.length) sourceValues[cell.index] = source;
      }
    }
  }
  return { ...report, tables, tableSources: sources, ...(report.runCuts ? { runCuts: settledRuns(report, corrections) } : {}) };
}

/** A run of digits the reader could not cut is settled once the reviewer has set each of its cells. */
function settledRuns(report: Report, corrections: readonly CellCorrectionInput[]): Report['runCuts'] {
  const corrected = new Set(corrections.map((c) => cellKey(c.cell)));
  return report.runCuts!.map((cut) => {
    if (cut.status !== 'ambiguous' && cut.status !== 'impossible') return cut;
    const all = cut.cells.every((c) => {
      const address = cellAddress(cut.table, c.row, c.col ?? 0);
      return address !== null && corrected.has(cellKey(address));
    });
    return all ? { ...cut, status: 'corrected' as const } : cut;
  });
}

/** For each decision, the index of its finding in `findings`, or -1 when that finding is gone. */
export function anchorDecisionIndexes(findings: readonly Finding[], decisions: readonly FindingDecision[]): number[] {
  return decisions.map((d) => {
    if (d.message !== undefined) {
      const message = d.message;
      const exact = nearest(findings, d, (f) => f.message === message);
      if (exact >= 0) return exact;
      const shape = wording(message);
      return nearest(findings, d, (f) => wording(f.message) === shape);
    }
    let index = -1;
    if (findings[d.findingIndex]?.check === d.check) index = d.findingIndex;
    if (index < 0) {
      const open = findings.map((f, i) => (f.check === d.check && (f.status === 'fail' || f.status === 'uncertain') ? i : -1)).filter((i) => i >= 0);
      if (open.length === 1) index = open[0]!;
    }
    return index;
  });
}

/** The finding of the decision's check nearest its old place that `matches` (duplicates keep their order), or -1. */
function nearest(findings: readonly Finding[], d: FindingDecision, matches: (f: Finding) => boolean): number {
  let index = -1;
  let best = Infinity;
  findings.forEach((f, i) => {
    if (f.check === d.check && matches(f) && Math.abs(i - d.findingIndex) < best) {
      best = Math.abs(i - d.findingIndex);
      index = i;
    }
  });
  return index;
}

/** A message with its numbers set aside: the same problem reported with other values reads the same. */
function wording(message: string): string {
  return message.replace(/\d+(?:\.\d+)?/g, '#');
}

/** Every decision pointing at the current findings: `findingIndex` re-anchored, −1 when its finding is gone. */
export function reanchorDecisions<D extends FindingDecision>(findings: readonly Finding[], decisions: readonly D[]): D[] {
  const indexes = anchorDecisionIndexes(findings, decisions);
  return decisions.map((d, k) => ({ ...d, findingIndex: indexes[k]! }));
}

/** The decisions that still apply, pointing at the current findings. */
export function anchorDecisions<D extends FindingDecision>(findings: readonly Finding[], decisions: readonly D[]): D[] {
  return reanchorDecisions(findings, decisions).filter((d) => d.findingIndex >= 0);
}
