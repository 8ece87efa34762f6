/** Evidence builders: table cells (with their source page/offset) and quoted sentences. */
import type { Evidence, Report, TableId } from '../../../shared/model.ts';
import type { Sentence } from './sentences.ts';

/**
 * Evidence for one table cell. `requests` is 2-D (row, col); `active` and `review` are flat lists:
 * their value index goes in `row` (for review the index runs left to right, see DOMAIN.md).
 */
export function cellEvidence(report: Report, table: TableId, row: number, col?: number): Evidence {
  const ev: Evidence = { table, row };
  if (col !== undefined) ev.col = col;
  let source: { raw: string; page?: number; offset?: number } | null | undefined;
  let value: number | null | undefined;
  if (table === 'requests') {
    source = report.tableSources.requests?.[row]?.[col ?? 0];
    value = report.tables.requests?.[row]?.[col ?? 0];
  } else {
    source = report.tableSources[table]?.[row];
    value = report.tables[table]?.[row];
  }
  if (source) {
    ev.text = source.raw;
    if (source.page !== undefined) ev.page = source.page;
    if (source.offset !== undefined) ev.offset = source.offset;
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
