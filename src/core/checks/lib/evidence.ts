/** Evidence builders: table cells (with their source page/offset) and quoted sentences. */
import type { Evidence, Report } from '../../../shared/model.ts';
import { cellValueAt, type CellAddress } from '../../../shared/template/index.ts';
import { missingRequestRows } from '../../../shared/missing-rows.ts';
import type { Sentence } from './sentences.ts';

/**
 * Evidence for one table cell, with its source page/offset. Table 三 cells carry (row, col); tables 二 and 四
 * carry their value index in `row` (../shared/spec/OUTPUT.md keeps that shape).
 */
export function cellEvidence(report: Report, cell: CellAddress): Evidence {
  const ev: Evidence = cell.table === 'requests' ? { table: cell.table, row: cell.row, col: cell.col } : { table: cell.table, row: cell.index };
  const source = cellValueAt(report.tableSources, cell);
  const value = cellValueAt(report.tables, cell);
  if (source?.correctedFrom !== undefined) {
    // Corrected by the reviewer: the value the checks used, and what the file said.
    ev.text = value === null || value === undefined ? '（空白）' : String(value);
    ev.corrected = { original: source.correctedFrom };
    if (source.page !== undefined) ev.page = source.page;
    if (source.offset !== undefined) ev.offset = source.offset;
  } else if (source) {
    ev.text = source.raw;
    if (source.page !== undefined) ev.page = source.page;
    if (source.offset !== undefined) ev.offset = source.offset;
    // A value read from a scan is shown with the picture of its cell, wherever it is evidence.
    if (source.ocr) ev.ocr = source.ocr;
  } else if (cell.table === 'requests' && missingRequestRows(report).has(cell.row)) {
    ev.text = '（报告中无此行）';
  } else {
    ev.text = value === null || value === undefined ? '（空白）' : String(value);
  }
  return ev;
}

export function quoteEvidence(s: Sentence, maxLength = 160): Evidence {
  const ev: Evidence = { text: shorten(s.original || s.text, maxLength) };
  if (s.page !== undefined) ev.page = s.page;
  if (s.offset !== undefined) ev.offset = s.offset;
  return ev;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A value for messages: 空白 for null. */
export function show(value: number | null | undefined): string {
  return value === null || value === undefined ? '空白' : String(Math.round(value * 10000) / 10000);
}
