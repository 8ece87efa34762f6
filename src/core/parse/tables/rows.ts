/**
 * Table blocks → observed rows: the label cells of a row and its value cells, whatever the source.
 * Grids (Word, PDF, pipe text) keep their rows; one-cell-per-line text is re-cut into rows at every
 * label that follows values. Label-only rows (headers, wrapped label pieces) are kept separately.
 */
import type { TableBlock, TableCellBlock } from '../../document.ts';
import { compactLabel } from '../../text/normalize.ts';
import { isNumeric, isValueLike } from './cells.ts';

export interface ObservedRow {
  /** Label cells in order (original text), without duplicates from merged-cell expansion. */
  labels: TableCellBlock[];
  /** Cells after the last label cell, in order (blank cells included; merged-cell copies marked `spanned`). */
  values: (TableCellBlock & { spanned?: boolean })[];
  /** Compact simplified label text of the last label cell (the row's own label). */
  leaf: string;
  /** Compact simplified text of all label cells joined. */
  full: string;
}

export interface RowOptions {
  simplified: boolean;
}

function finishRow(labels: TableCellBlock[], values: TableCellBlock[], options: RowOptions): ObservedRow {
  const unique: TableCellBlock[] = [];
  for (const l of labels) if (!unique.some((u) => u.text === l.text)) unique.push(l);
  const leafCell = unique[unique.length - 1];
  return {
    labels: unique,
    values,
    leaf: leafCell ? compactLabel(leafCell.text, { simplified: options.simplified }) : '',
    full: compactLabel(unique.map((u) => u.text).join(' '), { simplified: options.simplified }),
  };
}

function rowFromCells(cells: TableCellBlock[], options: RowOptions): ObservedRow {
  let lastLabel = -1;
  cells.forEach((c, i) => {
    if (c.text.trim() !== '' && !isValueLike(c.text)) lastLabel = i;
  });
  const labels = cells.slice(0, lastLabel + 1).filter((c) => c.text.trim() !== '');
  return finishRow(labels, cells.slice(lastLabel + 1), options);
}

/** Re-cut a stream of cells into rows: a row is a run of labels followed by a run of values. */
export function rowsFromStream(cells: TableCellBlock[], options: RowOptions): ObservedRow[] {
  const rows: ObservedRow[] = [];
  let labels: TableCellBlock[] = [];
  let values: TableCellBlock[] = [];
  for (const cell of cells) {
    const isLabel = cell.text.trim() !== '' && !isValueLike(cell.text);
    if (isLabel) {
      if (values.some((v) => v.text.trim() !== '')) {
        rows.push(finishRow(labels, values, options));
        labels = [];
      }
      values = [];
      labels.push(cell);
    } else if (labels.length > 0 || values.length > 0 || cell.text.trim() !== '') {
      values.push(cell);
    }
  }
  if (labels.length > 0 || values.length > 0) rows.push(finishRow(labels, values, options));
  return rows;
}

export function hasNumbers(row: ObservedRow): boolean {
  return row.values.some((v) => isNumeric(v.text) || (v.text.trim() !== '' && isValueLike(v.text)));
}

export function observedRows(table: TableBlock, options: RowOptions): ObservedRow[] {
  if (table.rowsUncertain) return rowsFromStream(table.rows.flatMap((r) => r.cells), options);
  return table.rows.map((r) => rowFromCells(r.cells, options));
}

/** Compact text of a whole table, for deciding which of the three tables it is. */
export function tableText(table: TableBlock, options: RowOptions): string {
  return compactLabel(
    table.rows
      .flatMap((r) => r.cells)
      .map((c) => c.text)
      .join(' '),
    options,
  );
}
