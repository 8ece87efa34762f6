/** Findings as CSV for Excel/WPS: UTF-8 with BOM (or Excel shows mojibake), CRLF, RFC 4180 quoting. */
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import type { AuditResult } from '../../shared/model.ts';
import { FINDING_COLUMNS, findingRows } from './finding-rows.ts';

export const UTF8_BOM = '\uFEFF';

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet; prefix a quote to keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function findingsCsv(results: AuditResult[], checks?: CheckInfoMap): string {
  const lines = [FINDING_COLUMNS.join(','), ...findingRows(results, checks).map((row) => row.map(csvField).join(','))];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
