/** Observed rows → canonical table 二 (10 values; 22 for the 2019 trial format). */
import type { CellSource, CellValue } from '../../../shared/model.ts';
import { alignInOrder, keywordScore } from './align.ts';
import { hasNumbers, type ObservedRow } from './rows.ts';
import { activeTemplateFor } from '../../../shared/template/index.ts';
import { ACTIVE_2019, ACTIVE_2019_MARKERS, ACTIVE_2021, type ActiveRowTemplate } from './templates.ts';
import { pickValues } from './values.ts';
import type { PendingRun } from './run-resolve.ts';

export interface ActiveTable {
  values: CellValue[];
  sources: (CellSource | null)[];
  layout2019: boolean;
  matchedRows: number;
  warnings: string[];
  runs: PendingRun[];
}

export function isActive2019Layout(compactTableText: string): boolean {
  return ACTIVE_2019_MARKERS.filter((m) => compactTableText.includes(m)).length >= 2;
}

export function mapActive(rows: ObservedRow[], layout2019: boolean): ActiveTable | null {
  const template: ActiveRowTemplate[] = layout2019 ? ACTIVE_2019 : ACTIVE_2021;
  const size = activeTemplateFor(layout2019 ? '2019' : '2021').size;
  // Rows left blank still count when their own label names a template row (a table left empty).
  const named = (r: ObservedRow): boolean => r.values.length > 0 && template.some((t) => t.keys.some((k) => r.leaf.includes(k)));
  const valueRows = rows.filter((r) => hasNumbers(r) || named(r));
  const score = valueRows.map((row) => template.map((t) => keywordScore(row.leaf, row.full, t.keys)));
  const assigned = alignInOrder(score, template.length);
  const matchedRows = assigned.filter((a) => a !== null).length;
  if (matchedRows < 2) return null;
  const values = new Array<CellValue>(size).fill(null);
  const sources = new Array<CellSource | null>(size).fill(null);
  const warnings: string[] = [];
  const runs: PendingRun[] = [];
  valueRows.forEach((row, i) => {
    const a = assigned[i];
    if (a === null || a === undefined) return;
    const t = template[a]!;
    const picked = pickValues(row.values, t.count);
    picked.values.forEach((v, k) => (values[t.start + k] = v));
    picked.sources.forEach((s, k) => (sources[t.start + k] = s));
    if (picked.run) runs.push({ table: 'active', cells: picked.values.map((_, k) => ({ row: t.start + k })), label: t.label, ...picked.run });
    if (picked.short) warnings.push(`表二“${t.label}”行只读到 ${row.values.length} 个数值单元格（应为 ${t.count} 个）`);
  });
  return { values, sources, layout2019, matchedRows, warnings, runs };
}
