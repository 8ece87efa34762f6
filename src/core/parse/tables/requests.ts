/** Observed rows → canonical table 三 (25 rows × 7 columns), rows found by label, not position. */
import type { CellSource, CellValue, ObservedRowLabel } from '../../../shared/model.ts';
import { alignInOrder, fuzzyScore, keywordScore } from './align.ts';
import { hasNumbers, type ObservedRow } from './rows.ts';
import { REQUEST_HEADINGS, REQUEST_ROW, REQUEST_ROWS_ABSENT_IN_2019, REQUESTS_SIZE, requestHeadingName } from '../../../shared/template/index.ts';
import { REQUEST_GROUP_PATTERN, REQUEST_ROWS } from './templates.ts';
import { pickValues } from './values.ts';
import type { PendingRun } from './run-resolve.ts';

/** A leaf label ending in the last result group's name: in the 2019 layout that group is one row. */
const LAST_GROUP_LEAF = new RegExp(`${requestHeadingName(REQUEST_HEADINGS.length - 1)}$`);

export interface RequestsTable {
  values: CellValue[][];
  sources: (CellSource | null)[][];
  labels: ObservedRowLabel[];
  /** The 2019 trial layout (the last result group as a single row) was found. */
  layout2019: boolean;
  matchedRows: number;
  warnings: string[];
  runs: PendingRun[];
}

const COLUMNS = REQUESTS_SIZE.cols;

function rowScore(row: ObservedRow, templateIndex: number): number {
  const t = REQUEST_ROWS[templateIndex]!;
  // A subtotal such as "(三)…(总计)" must not be taken for the grand total.
  if (REQUEST_GROUP_PATTERN.test(row.leaf) && t.index !== REQUEST_ROW.lastResult) return 0;
  let s = keywordScore(row.leaf, row.full, t.keys, t.leafPattern);
  if (s === 0 && t.keys.length > 0) s = fuzzyScore(row.leaf, t.label);
  // The last result group's label alone with values is the 2019 layout's single row, mapped to the last result row.
  if (t.index === REQUEST_ROW.lastResult && LAST_GROUP_LEAF.test(row.leaf)) s = Math.max(s, 3);
  return s;
}

/** A row with only blank cells still counts when its own label names a template row (a table left empty). */
function isBlankTemplateRow(row: ObservedRow): boolean {
  return row.values.length > 0 && REQUEST_ROWS.some((t) => t.keys.some((k) => k.length >= 2 && row.leaf.includes(k)));
}

export function mapRequests(rows: ObservedRow[]): RequestsTable | null {
  const valueRows = rows.filter((r) => hasNumbers(r) || isBlankTemplateRow(r));
  const score = valueRows.map((row) => REQUEST_ROWS.map((_, t) => rowScore(row, t)));
  const assigned = alignInOrder(score, REQUEST_ROWS.length);
  const matchedRows = assigned.filter((a) => a !== null).length;
  if (matchedRows < 3) return null;

  const values: CellValue[][] = REQUEST_ROWS.map(() => new Array<CellValue>(COLUMNS).fill(null));
  const sources: (CellSource | null)[][] = REQUEST_ROWS.map(() => new Array<CellSource | null>(COLUMNS).fill(null));
  const labels: ObservedRowLabel[] = [];
  const warnings: string[] = [];
  const runs: PendingRun[] = [];
  let layout2019 = false;
  valueRows.forEach((row, i) => {
    const canonical = assigned[i] ?? null;
    const leafCell = row.labels[row.labels.length - 1];
    const pos = leafCell?.pos ?? row.values[0]?.pos;
    labels.push({
      canonical,
      label: leafCell?.text ?? '',
      kind: canonical !== null ? 'row' : REQUEST_GROUP_PATTERN.test(row.leaf) ? 'subtotal' : 'unknown',
      ...(pos?.page !== undefined ? { page: pos.page } : {}),
      ...(pos?.offset !== undefined ? { offset: pos.offset } : {}),
    });
    if (canonical === null) return;
    if (canonical === REQUEST_ROW.lastResult && LAST_GROUP_LEAF.test(row.leaf)) layout2019 = true;
    const picked = pickValues(row.values, COLUMNS);
    values[canonical] = picked.values;
    sources[canonical] = picked.sources;
    if (picked.run) runs.push({ table: 'requests', cells: picked.values.map((_, col) => ({ row: canonical, col })), label: leafCell?.text ?? '', ...picked.run });
    if (picked.short) warnings.push(`表三“${leafCell?.text ?? ''}”行只读到 ${row.values.length} 个数值单元格（应为 7 个）`);
  });
  // The 2019 template had no cells for these rows: they are 0, not blanks (DOMAIN.md).
  if (layout2019 && !REQUEST_ROWS_ABSENT_IN_2019.some((r) => assigned.includes(r))) {
    for (const r of REQUEST_ROWS_ABSENT_IN_2019) values[r] = new Array<CellValue>(COLUMNS).fill(0);
  }
  return { values, sources, labels, layout2019, matchedRows, warnings, runs };
}
