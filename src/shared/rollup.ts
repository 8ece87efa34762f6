/**
 * The region roll-up as every layer sees it (core computes it, main exports it, the UI shows it): the three
 * tables summed over the departments, who is in and who is left out, and per cell the departments that
 * make up the total.
 */
import type { CellAddress } from './template/index.ts';

export interface RollupExclusion {
  name: string;
  reason: string;
}

/** One department's share of a cell (departments with 0 are not listed). */
export interface CellContribution {
  department: string;
  value: number;
}

export interface RollupTables {
  active: number[];
  requests: number[][];
  review: number[];
}

export interface Rollup {
  year: number;
  /** Departments considered (included + excluded). */
  departments: number;
  included: string[];
  excluded: RollupExclusion[];
  tables: RollupTables;
  /** Per cell, the departments whose values make up the total, same shapes as `tables`. */
  drillDown: { active: CellContribution[][]; requests: CellContribution[][][]; review: CellContribution[][] };
}

export interface RegionDifference {
  address: CellAddress;
  /** The cell named by its row and column labels. */
  label: string;
  reported: number | null;
  rollup: number;
}

export interface RegionComparison {
  department: string;
  reportId: number | null;
  differences: RegionDifference[];
}

/** What the 汇总统计 screen and the exports show for a year. */
export interface YearRollup {
  rollup: Rollup;
  /** The sum checks run on the roll-up itself (a failure means a department's table was already wrong). */
  arithmetic: { check: string; status: string; message: string }[];
  /** The region government's own report against the roll-up of the others, when it was imported. */
  region: RegionComparison | null;
}
