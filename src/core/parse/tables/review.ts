/**
 * Observed rows → canonical table 四 (15 values: 行政复议, 未经复议直接起诉, 复议后起诉 × 5).
 * The template prints one data row of 15 cells; some reports transpose it into three labelled rows.
 */
import type { CellSource, CellValue } from '../../../shared/model.ts';
import { hasNumbers, type ObservedRow } from './rows.ts';
import { pickValues } from './values.ts';
import type { PendingRun } from './run-resolve.ts';

export interface ReviewTable {
  values: CellValue[];
  sources: (CellSource | null)[];
  warnings: string[];
  runs: PendingRun[];
}

function blockOf(label: string): number | null {
  if (label.includes('复议后起诉')) return 2;
  if (label.includes('未经复议') || label.includes('直接起诉')) return 1;
  if (label.includes('行政复议')) return 0;
  return null;
}

export function mapReview(rows: ObservedRow[]): ReviewTable | null {
  // A data row left entirely blank (a wide row of empty cells under the headers) is a table left empty.
  const blankDataRow = rows.find((r) => r.values.length >= 10 && r.values.every((v) => v.text.trim() === ''));
  const valueRows = rows.filter(hasNumbers);
  if (valueRows.length === 0) {
    return blankDataRow ? { values: new Array<CellValue>(15).fill(null), sources: new Array<CellSource | null>(15).fill(null), warnings: [], runs: [] } : null;
  }
  const values = new Array<CellValue>(15).fill(null);
  const sources = new Array<CellSource | null>(15).fill(null);
  const warnings: string[] = [];
  const runs: PendingRun[] = [];

  // Transposed layout: three rows labelled by block, five values each.
  const labelled = valueRows.map((r) => blockOf(r.leaf));
  if (valueRows.length >= 3 && new Set(labelled.filter((b) => b !== null)).size === 3) {
    valueRows.forEach((row, i) => {
      const b = labelled[i];
      if (b === null || b === undefined) return;
      const picked = pickValues(row.values, 5);
      picked.values.forEach((v, k) => (values[b * 5 + k] = v));
      picked.sources.forEach((s, k) => (sources[b * 5 + k] = s));
      if (picked.run) runs.push({ table: 'review', cells: picked.values.map((_, k) => ({ row: b * 5 + k })), label: row.labels.at(-1)?.text ?? '', ...picked.run });
    });
    return { values, sources, warnings, runs };
  }

  // Template layout: the data cells of all value rows, in reading order. When the data is split over
  // several rows, each row's trailing empty cells are padding; a single row's blanks are real blanks.
  const cells = valueRows.flatMap((r) => {
    let run = r.values.filter((c) => !c.spanned);
    if (valueRows.length > 1) while (run.length > 0 && run[run.length - 1]!.text.trim() === '') run = run.slice(0, -1);
    return run;
  });
  const picked = pickValues(cells, 15);
  if (picked.short) warnings.push(`表四只读到 ${cells.length} 个数值单元格（应为 15 个）`);
  if (picked.run) runs.push({ table: 'review', cells: picked.values.map((_, k) => ({ row: k })), label: '表四数据行', ...picked.run });
  return { values: picked.values, sources: picked.sources, warnings, runs };
}
