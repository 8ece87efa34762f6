/** Pick a row's N value cells out of its value run (fillers and merged-cell padding removed). */
import type { TableCellBlock } from '../../document.ts';
import type { CellSource, CellValue } from '../../../shared/model.ts';
import { cellValue } from './cells.ts';

export interface PickedValues {
  values: CellValue[];
  sources: (CellSource | null)[];
  /** True when fewer cells than expected were found (the row was padded with blanks). */
  short: boolean;
}

export function pickValues(cells: (TableCellBlock & { spanned?: boolean })[], count: number): PickedValues {
  // A value cell merged across columns is one value: its expanded copies are not the next columns' values.
  let run = cells.filter((c) => !c.spanned);
  // Web pages pad rows with empty filler cells at the end; merged labels may leave empty cells in front.
  while (run.length > count && run[run.length - 1]!.text.trim() === '') run = run.slice(0, -1);
  while (run.length > count && run[0]!.text.trim() === '') run = run.slice(1);
  const picked = run.slice(0, count);
  const values: CellValue[] = [];
  const sources: (CellSource | null)[] = [];
  for (let i = 0; i < count; i++) {
    const cell = picked[i];
    if (!cell) {
      values.push(null);
      sources.push(null);
      continue;
    }
    values.push(cellValue(cell.text));
    sources.push({ raw: cell.text, ...(cell.pos.page !== undefined ? { page: cell.pos.page } : {}), ...(cell.pos.offset !== undefined ? { offset: cell.pos.offset } : {}) });
  }
  return { values, sources, short: picked.length < count };
}
