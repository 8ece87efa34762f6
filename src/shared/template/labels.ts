/**
 * Names of template rows, columns and cells, for messages (checks), evidence lines (UI, sheet, exports)
 * and grids. All are built from the template data in ./tables.ts.
 */
import type { Generation, PartNumber, TableId } from '../model.ts';
import type { CellAddress } from './cells.ts';
import {
  activeCells,
  activeTemplateFor,
  partTitle,
  REQUEST_COLUMNS,
  REQUEST_HEADINGS,
  REQUEST_ROW,
  REQUEST_ROWS,
  REVIEW_COLUMNS,
  reviewBlockName,
  TABLE_SHORT,
  withoutNumbering,
  type ActiveTemplate,
} from './tables.ts';

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A row of table 三 with its group: the heading and row 4 ("（三）… 1.…"), or row 3 alone without its note. */
export function requestRowTitle(row: number): string {
  const r = REQUEST_ROWS[row];
  if (!r) return `第${row + 1}行`;
  return r.group ? `${r.group.label} ${r.name}` : r.name;
}

export function requestColumnTitle(col: number): string {
  return REQUEST_COLUMNS[col] ?? `第${col + 1}列`;
}

/** For messages: the row's title in quotes, then 行. */
export function requestRowName(row: number): string {
  return `“${shorten(requestRowTitle(row), 24)}”行`;
}

/** For messages: the column's name in quotes, then 列. */
export function requestColumnName(col: number): string {
  return `“${requestColumnTitle(col)}”列`;
}

/** Table 二 cell: "row·column" (the layout follows the generation, or the number of values read). */
export function activeCellTitle(index: number, generation: Generation | null, valuesRead?: number): string {
  const template = activeTemplateFor(generation, valuesRead);
  const row = template.rows.find((r) => r.cells.some((c) => c.index === index));
  const cell = activeCells(template).find((c) => c.index === index);
  return row && cell ? `${row.label}·${cell.column}` : `第${index + 1}项`;
}

/** For messages: “row·column”. */
export function activeCellName(generation: Generation | null, index: number, valuesRead?: number): string {
  return `“${activeCellTitle(index, generation, valuesRead)}”`;
}

/** Table 四 cell: "block（sub-block）·column". */
export function reviewCellTitle(index: number): string {
  const columns = REVIEW_COLUMNS.length;
  return `${reviewBlockName(Math.floor(index / columns))}·${REVIEW_COLUMNS[index % columns] ?? ''}`;
}

/** For messages: block（sub-block）“column”. */
export function reviewCellName(index: number): string {
  const columns = REVIEW_COLUMNS.length;
  return `${reviewBlockName(Math.floor(index / columns))}“${REVIEW_COLUMNS[index % columns] ?? ''}”`;
}

/**
 * One cell for people: "表三 <row title> · <column>列", "表二 <row>·<column>", "表四 <block>·<column>".
 * `activeValues` is how many values the report's table 二 has.
 */
export function cellLabel(address: CellAddress, generation: Generation | null, activeValues?: number): string {
  if (address.table === 'requests') return `${TABLE_SHORT.requests} ${requestRowTitle(address.row)} · ${requestColumnTitle(address.col)}列`;
  if (address.table === 'active') return `${TABLE_SHORT.active} ${activeCellTitle(address.index, generation, activeValues)}`;
  return `${TABLE_SHORT.review} ${reviewCellTitle(address.index)}`;
}

/**
 * What evidence row/col fields point at, for people: a cell, or for table 三 a whole row ("表三 <row title> · 整行")
 * or column ("表三 总计列"). Flat tables carry their index in `row`.
 */
export function tablePlaceLabel(table: TableId, row: number | undefined, col: number | undefined, generation: Generation | null, activeValues?: number): string {
  if (table === 'requests') {
    if (row !== undefined && col !== undefined) return cellLabel({ table, row, col }, generation);
    if (row !== undefined) return `${TABLE_SHORT.requests} ${requestRowTitle(row)}`;
    if (col !== undefined) return `${TABLE_SHORT.requests} ${requestColumnTitle(col)}列`;
    return TABLE_SHORT.requests;
  }
  if (row === undefined) return TABLE_SHORT[table];
  return cellLabel({ table, index: row }, generation, activeValues);
}

/** A row of table 三 without numbering or note (rows 1 and 2 lose their "二、" and "（一）"). */
export function requestRowShort(row: number): string {
  const r = REQUEST_ROWS[row];
  return r ? withoutNumbering(r.name) : `第${row + 1}行`;
}

/** Table 二 as a grid: column headers, and per row its label and the value index under each header. */
export interface ActiveGridLayout {
  columns: string[];
  rows: { label: string; group: string; cells: (number | null)[] }[];
}

/**
 * Rows with several cells share the header; a row with one cell names its column in its label
 * ("row（column）"). Where rows differ (2019), a header lists the names used at that position.
 */
export function activeGridLayout(template: ActiveTemplate): ActiveGridLayout {
  const width = Math.max(...template.rows.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, i) => {
    const names = template.rows.filter((r) => r.cells.length > 1).map((r) => r.cells[i]?.column);
    return [...new Set(names.filter((n): n is string => n !== undefined))].join(' / ');
  });
  return {
    columns,
    rows: template.rows.map((r) => ({
      label: r.cells.length === 1 ? `${r.label}（${r.cells[0]!.column}）` : r.label,
      group: `${r.group}：${r.cells.map((c) => c.column).join('、')}`,
      cells: Array.from({ length: width }, (_, i) => r.cells[i]?.index ?? null),
    })),
  };
}

/** A part's title without its numbering, for messages and matching. */
export function partName(part: PartNumber): string {
  return withoutNumbering(partTitle(part));
}

/** A heading of table 三 without its numbering, by its place in REQUEST_HEADINGS (0: the results heading). */
export function requestHeadingName(heading: number): string {
  return withoutNumbering(REQUEST_HEADINGS[heading]?.label ?? '');
}

/** The six kinds of result of table 三, without numbering: its first two result rows, then its four result groups. */
export const REQUEST_RESULT_KINDS: readonly string[] = [
  requestRowShort(REQUEST_ROW.firstResult),
  requestRowShort(REQUEST_ROW.firstResult + 1),
  ...REQUEST_HEADINGS.slice(1).map((h) => withoutNumbering(h.label)),
];

/** A regular-expression alternation matching any of the words as written. */
export function anyOfWords(words: readonly string[]): string {
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
}
