/**
 * The region government's own report (某县人民政府) among a year's reports, and the cells where its tables
 * differ from the roll-up of the others. Used by the roll-up outputs and by the check region.rollup.
 */
import type { Report } from '../../shared/model.ts';
import { cellLabel, type CellAddress } from '../../shared/template/index.ts';
import type { Rollup, RollupMember } from './rollup.ts';
import type { RegionDifference } from '../../shared/rollup.ts';

export type { RegionDifference } from '../../shared/rollup.ts';

const GOVERNMENT_SUFFIX = '人民政府';

/**
 * The region's own report: a government's report (name ending in 人民政府) whose place the other members'
 * names fall under most often — 临江市人民政府 among 临江市教育局, 临江市财政局… — and only when that
 * choice is unambiguous. A batch of several districts' governments with no city report has none.
 */
export function regionMember(members: readonly RollupMember[]): RollupMember | null {
  const governments = members.filter((m) => m.report !== null && m.department.endsWith(GOVERNMENT_SUFFIX));
  if (governments.length === 0) return null;
  const scored = governments.map((g) => {
    const place = g.department.slice(0, -GOVERNMENT_SUFFIX.length);
    const under = members.filter((m) => m !== g && place.length > 0 && m.department.startsWith(place)).length;
    return { g, under, place };
  });
  scored.sort((a, b) => b.under - a.under || a.place.length - b.place.length);
  if (governments.length === 1) return scored[0]!.g;
  if (scored[0]!.under > 0 && scored[0]!.under > scored[1]!.under) return scored[0]!.g;
  return null;
}

/** Cells where the region's own report differs from the roll-up of the others (a missing cell counts as differing). */
export function compareWithRollup(region: Report, rollup: Rollup): RegionDifference[] {
  const out: RegionDifference[] = [];
  const t = region.tables;
  const push = (address: CellAddress, reported: number | null | undefined, sum: number): void => {
    const value = reported ?? null;
    if (value !== null && Math.abs(value - sum) < 1e-6) return;
    out.push({ address, label: cellLabel(address, '2021'), reported: value, rollup: sum });
  };
  rollup.tables.active.forEach((sum, index) => push({ table: 'active', index }, t.active?.[index], sum));
  rollup.tables.requests.forEach((row, r) => row.forEach((sum, col) => push({ table: 'requests', row: r, col }, t.requests?.[r]?.[col], sum)));
  rollup.tables.review.forEach((sum, index) => push({ table: 'review', index }, t.review?.[index], sum));
  return out;
}
