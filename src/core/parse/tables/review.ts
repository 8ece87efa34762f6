/**
 * Observed rows → canonical table 四 (three blocks × five values, src/shared/template).
 * The template prints one data row of all cells; some reports transpose it into three labelled rows.
 */
import type { CellSource, CellValue } from '../../../shared/model.ts';
import { hasNumbers, type ObservedRow } from './rows.ts';
import { pickValues } from './values.ts';
import type { PendingRun } from './run-resolve.ts';
import { REVIEW_BLOCKS, REVIEW_COLUMNS, REVIEW_SIZE } from '../../../shared/template/index.ts';

const BLOCK = REVIEW_COLUMNS.length;

export interface ReviewTable {
  values: CellValue[];
  sources: (CellSource | null)[];
  warnings: string[];
  runs: PendingRun[];
}

/** Keys of each block's label, tried in this order (the third block's label names 复议 too). */
const BLOCK_KEYS: [block: number, keys: string[]][] = [
  [2, [REVIEW_BLOCKS[2]!.sub!]],
  [1, ['未经复议', '直接起诉']],
  [0, [REVIEW_BLOCKS[0]!.label]],
];

function blockOf(label: string): number | null {
  return BLOCK_KEYS.find(([, keys]) => keys.some((k) => label.includes(k)))?.[0] ?? null;
}

export function mapReview(rows: ObservedRow[]): ReviewTable | null {
  // A data row left entirely blank (a wide row of empty cells under the headers) is a table left empty.
  const blankDataRow = rows.find((r) => r.values.length >= 10 && r.values.every((v) => v.text.trim() === ''));
  const valueRows = rows.filter(hasNumbers);
  if (valueRows.length === 0) {
    return blankDataRow ? { values: new Array<CellValue>(REVIEW_SIZE).fill(null), sources: new Array<CellSource | null>(REVIEW_SIZE).fill(null), warnings: [], runs: [] } : null;
  }
  const values = new Array<CellValue>(REVIEW_SIZE).fill(null);
  const sources = new Array<CellSource | null>(REVIEW_SIZE).fill(null);
  const warnings: string[] = [];
  const runs: PendingRun[] = [];

  // Transposed layout: three rows labelled by block, five values each.
  const labelled = valueRows.map((r) => blockOf(r.leaf));
  if (valueRows.length >= 3 && new Set(labelled.filter((b) => b !== null)).size === 3) {
    valueRows.forEach((row, i) => {
      const b = labelled[i];
      if (b === null || b === undefined) return;
      const picked = pickValues(row.values, BLOCK);
      picked.values.forEach((v, k) => (values[b * BLOCK + k] = v));
      picked.sources.forEach((s, k) => (sources[b * BLOCK + k] = s));
      if (picked.run) runs.push({ table: 'review', cells: picked.values.map((_, k) => ({ row: b * BLOCK + k })), label: row.labels.at(-1)?.text ?? '', ...picked.run });
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
  const picked = pickValues(cells, REVIEW_SIZE);
  if (picked.short) warnings.push(`表四只读到 ${cells.length} 个数值单元格（应为 ${REVIEW_SIZE} 个）`);
  if (picked.run) runs.push({ table: 'review', cells: picked.values.map((_, k) => ({ row: k })), label: '表四数据行', ...picked.run });
  return { values: picked.values, sources: picked.sources, warnings, runs };
}
