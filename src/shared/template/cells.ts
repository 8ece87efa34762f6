/**
 * A typed address of one statistical-table cell, and the one place that says how an address is written
 * into the row/col fields of evidence, exports (../shared/spec/OUTPUT.md) and stored corrections:
 * table 三 uses (row, col); tables 二 and 四 are flat lists whose value index goes in `row` (col 0).
 */
import type { Generation, TableId } from '../model.ts';
import { activeCells, activeTemplateFor, REQUESTS_SIZE, REVIEW_SIZE } from './tables.ts';
import { cellLabel } from './labels.ts';

export type FlatTableId = Exclude<TableId, 'requests'>;

export type CellAddress = { table: 'requests'; row: number; col: number } | { table: FlatTableId; index: number };

/** Row/col fields as evidence, exports and the store write them. */
export interface CellFields {
  table: TableId;
  row: number;
  col: number;
}

export function cellFields(address: CellAddress): CellFields {
  return address.table === 'requests' ? { table: 'requests', row: address.row, col: address.col } : { table: address.table, row: address.index, col: 0 };
}

/** The address written as row/col fields (the reverse of cellFields); null when a field is missing. */
export function cellAddress(table: TableId, row: number | undefined, col: number | undefined): CellAddress | null {
  if (table === 'requests') return row === undefined || col === undefined ? null : { table, row, col };
  return row === undefined ? null : { table, index: row };
}

/** Stable text key of a cell ("requests:3:6", "review:7"), for maps and DOM ids. */
export function cellKey(address: CellAddress): string {
  return address.table === 'requests' ? `requests:${address.row}:${address.col}` : `${address.table}:${address.index}`;
}

export function sameCell(a: CellAddress, b: CellAddress): boolean {
  return cellKey(a) === cellKey(b);
}

/**
 * Whether the address names a cell of the template. Table 二's size depends on the layout, so the caller
 * passes how many values the report's table has.
 */
export function isCellInTemplate(address: CellAddress, generation: Generation | null, activeValues?: number): boolean {
  const inRange = (n: number, size: number): boolean => Number.isInteger(n) && n >= 0 && n < size;
  if (address.table === 'requests') return inRange(address.row, REQUESTS_SIZE.rows) && inRange(address.col, REQUESTS_SIZE.cols);
  if (address.table === 'review') return inRange(address.index, REVIEW_SIZE);
  return activeCells(activeTemplateFor(generation, activeValues)).some((c) => c.index === address.index);
}

/** The value at an address of a report's tables (undefined when the table is missing or the address is outside it). */
export function cellValueAt<T>(tables: { active: T[] | null; requests: T[][] | null; review: T[] | null }, address: CellAddress): T | undefined {
  if (address.table === 'requests') return tables.requests?.[address.row]?.[address.col];
  return tables[address.table]?.[address.index];
}

/** The largest value a cell may be corrected to: no count or amount of one year's report comes near it. */
export const MAX_CELL_VALUE = 999_999_999;

/**
 * What is wrong with a value for a cell, in words naming the cell, or null when it fits: counts are whole
 * numbers from 0 to MAX_CELL_VALUE; table 二's amounts may have decimals and the 2019 signed column (increase/decrease) may be negative.
 */
export function cellValueProblem(address: CellAddress, value: number, generation: Generation | null, activeValues?: number): string | null {
  const cell = address.table === 'active' ? activeCells(activeTemplateFor(generation, activeValues)).find((c) => c.index === address.index) : undefined;
  const name = cellLabel(address, generation, activeValues);
  const kind = cell?.decimal ? '不小于 0 的数' : cell?.signed ? '整数' : '不小于 0 的整数';
  const fits = Number.isFinite(value) && (cell?.decimal || Number.isInteger(value)) && (cell?.signed || value >= 0) && Math.abs(value) <= MAX_CELL_VALUE;
  return fits ? null : `${name}的值应为${kind}（绝对值不超过 ${MAX_CELL_VALUE}），不能是 ${String(value)}`;
}
