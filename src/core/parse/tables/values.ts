/** Pick a row's N value cells out of its value run (fillers and merged-cell padding removed). */
import type { TableCellBlock } from '../../document.ts';
import type { CellSource, CellValue } from '../../../shared/model.ts';
import { cellValue } from './cells.ts';

export interface PickedValues {
  values: CellValue[];
  sources: (CellSource | null)[];
  /** True when fewer cells than expected were found (the row was padded with blanks). */
  short: boolean;
  /**
   * The row's values came as fewer pieces than cells, every piece a number and enough digits for all
   * cells: a run of digits written together, to be cut by the table's arithmetic (run-resolve.ts).
   * The values are then all null until it is.
   */
  run?: { tokens: string[]; page?: number; offset?: number };
}

const PLAIN_DIGITS = /^[-+]?\d+$/;

function runOf(cells: TableCellBlock[], count: number): PickedValues['run'] | undefined {
  const filled = cells.filter((c) => c.text.trim() !== '');
  if (filled.length === 0 || filled.length >= count || filled.length !== cells.length) return undefined;
  const tokens = filled.map((c) => c.text.trim());
  if (!tokens.every((t) => PLAIN_DIGITS.test(t))) return undefined;
  if (tokens.reduce((n, t) => n + t.replace(/^[-+]/, '').length, 0) < count) return undefined;
  const pos = filled[0]!.pos;
  return { tokens, ...(pos.page !== undefined ? { page: pos.page } : {}), ...(pos.offset !== undefined ? { offset: pos.offset } : {}) };
}

export function pickValues(cells: (TableCellBlock & { spanned?: boolean })[], count: number): PickedValues {
  // A value cell merged across columns is one value: its expanded copies are not the next columns' values.
  let run = cells.filter((c) => !c.spanned);
  // Web pages pad rows with empty filler cells at the end; merged labels may leave empty cells in front.
  while (run.length > count && run[run.length - 1]!.text.trim() === '') run = run.slice(0, -1);
  while (run.length > count && run[0]!.text.trim() === '') run = run.slice(1);
  const digitRun = runOf(run, count);
  if (digitRun) {
    return { values: new Array<CellValue>(count).fill(null), sources: new Array<CellSource | null>(count).fill(null), short: false, run: digitRun };
  }
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
    sources.push({
      raw: cell.text,
      ...(cell.pos.page !== undefined ? { page: cell.pos.page } : {}),
      ...(cell.pos.offset !== undefined ? { offset: cell.pos.offset } : {}),
      ...(cell.ocr ? { ocr: cell.ocr } : {}),
    });
  }
  return { values, sources, short: picked.length < count };
}
