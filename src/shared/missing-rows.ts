/**
 * Rows of table 三 that the report does not have at all — their label was not found and no value was read —
 * as opposed to a row whose cells were left blank. Shown as 缺 (screen and paper), never as 0 or 空.
 * Unknown (an empty set) when no row labels were read (e.g. a table rebuilt from a PDF's layout).
 */
import type { Report } from './model.ts';

export function missingRequestRows(report: Pick<Report, 'tables' | 'requestsLabels'> | null): Set<number> {
  const rows = report?.tables.requests;
  const labels = report?.requestsLabels ?? [];
  if (!rows || labels.length === 0) return new Set();
  const found = new Set(labels.map((l) => l.canonical).filter((r): r is number => r !== null));
  const missing = new Set<number>();
  rows.forEach((values, r) => {
    if (!found.has(r) && values.every((v) => v === null)) missing.add(r);
  });
  return missing;
}
