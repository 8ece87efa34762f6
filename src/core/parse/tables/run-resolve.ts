/**
 * Runs of digits found while mapping the tables → cells. Each run is cut by its row's arithmetic
 * (run-split.ts); the runs of table 三 are then weighed together against the rows that tie the table up
 * (the results' total = the sum of the result rows; 一 + 二 = that total + 四, for every column). A cut is used only when
 * it is the only one left; never a guess. When no combination satisfies the column sums the table has an
 * arithmetic error anyway: then each row keeps the cuts its own arithmetic allows, so the checks still
 * see the error where it is.
 */
import type { CellSource, CellValue, ReportTableSources, ReportTables, RunCell, RunCut, TableId } from '../../../shared/model.ts';
import { REQUEST_COLUMN, REQUEST_ROW, REQUESTS_SIZE } from '../../../shared/template/index.ts';
import { cutRun, requestsRowRule, reviewRule, type RowRule } from './run-split.ts';

/** A row whose value cells came as fewer pieces than cells, all of them digits. */
export interface PendingRun {
  table: TableId;
  cells: RunCell[];
  /** The pieces as separated in the source. */
  tokens: string[];
  label: string;
  page?: number;
  offset?: number;
}

/** Largest number of combinations of table 三's ambiguous rows tried against the column sums. */
const COMBINATION_LIMIT = 50_000;

function ruleFor(run: PendingRun): RowRule {
  if (run.table === 'requests' && run.cells.length === REQUESTS_SIZE.cols && run.cells[0]!.col === REQUEST_COLUMN.natural) return requestsRowRule;
  if (run.table === 'review') return reviewRule(run.cells[0]!.row);
  return () => true;
}

/** Result rows of table 三 that the results' total sums: (一)…(六) with their sub-rows (DOMAIN.md). */
const RESULT_ROWS = Array.from({ length: REQUEST_ROW.lastResult - REQUEST_ROW.firstResult + 1 }, (_, i) => i + REQUEST_ROW.firstResult);

function requestsColumnsHold(grid: readonly (readonly CellValue[])[]): boolean {
  for (let c = 0; c < REQUESTS_SIZE.cols; c++) {
    const cell = (r: number): CellValue => grid[r]?.[c] ?? null;
    const total = cell(REQUEST_ROW.total);
    if (total !== null) {
      let sum = 0;
      let known = true;
      for (const r of RESULT_ROWS) {
        const v = cell(r);
        if (v === null) {
          known = false;
          break;
        }
        sum += v;
      }
      if (known && sum !== total) return false;
    }
    const [a, b, d] = [cell(REQUEST_ROW.received), cell(REQUEST_ROW.carriedOver), cell(REQUEST_ROW.carriedForward)];
    if (a !== null && b !== null && total !== null && d !== null && a + b !== total + d) return false;
  }
  return true;
}

/**
 * Narrow the cuts of table 三's runs by the column sums. Returns, per run, the cuts used by at least one
 * combination that satisfies them — or null when none does (or there are too many to try).
 */
function narrowByColumns(grid: CellValue[][], runs: { run: PendingRun; cuts: number[][] }[]): number[][][] | null {
  let combinations = 1;
  for (const r of runs) combinations *= Math.max(1, r.cuts.length);
  if (runs.length === 0 || combinations > COMBINATION_LIMIT) return null;
  const used = runs.map(() => new Set<number>());
  const choice = new Array<number>(runs.length).fill(0);
  const work = grid.map((row) => [...row]);
  let any = false;
  const assign = (k: number): void => {
    if (k === runs.length) {
      if (requestsColumnsHold(work)) {
        any = true;
        choice.forEach((c, i) => used[i]!.add(c));
      }
      return;
    }
    const { run, cuts } = runs[k]!;
    for (let i = 0; i < cuts.length; i++) {
      run.cells.forEach((cell, j) => (work[cell.row]![cell.col ?? 0] = cuts[i]![j]!));
      choice[k] = i;
      assign(k + 1);
    }
    run.cells.forEach((cell) => (work[cell.row]![cell.col ?? 0] = null));
  };
  assign(0);
  if (!any) return null;
  return runs.map((r, i) => r.cuts.filter((_, k) => used[i]!.has(k)));
}

function setCell(tables: ReportTables, sources: ReportTableSources, table: TableId, cell: RunCell, value: CellValue, source: CellSource | null): void {
  if (table === 'requests') {
    const row = tables.requests?.[cell.row];
    if (row) row[cell.col ?? 0] = value;
    const srow = sources.requests?.[cell.row];
    if (srow) srow[cell.col ?? 0] = source;
  } else {
    const values = tables[table];
    if (values) values[cell.row] = value;
    const s = sources[table];
    if (s) s[cell.row] = source;
  }
}

/** Cut every pending run, fill the cells of the unique cuts (marked 'run-split') and describe them all. */
export function resolveRuns(tables: ReportTables, sources: ReportTableSources, pending: readonly PendingRun[]): RunCut[] {
  const cut = pending.map((run) => {
    const found = cutRun(run.tokens, run.cells.length, ruleFor(run));
    return { run, cuts: found.cuts, more: found.overflow };
  });

  // Table 三: weigh the rows that are not settled by their own arithmetic against the column sums.
  const grid = tables.requests;
  if (grid) {
    const open = cut.filter((c) => c.run.table === 'requests' && c.cuts.length > 1 && !c.more);
    if (open.length > 0) {
      const work = grid.map((row) => [...row]);
      for (const c of cut) {
        if (c.run.table !== 'requests') continue;
        const fill = c.cuts.length === 1 && !c.more ? c.cuts[0]! : null;
        c.run.cells.forEach((cell, j) => (work[cell.row]![cell.col ?? 0] = fill ? fill[j]! : null));
      }
      const narrowed = narrowByColumns(work, open);
      if (narrowed) open.forEach((c, i) => (c.cuts = narrowed[i]!));
    }
  }

  return cut.map(({ run, cuts, more }) => {
    const status: RunCut['status'] = cuts.length === 0 ? 'impossible' : cuts.length === 1 && !more ? 'recovered' : 'ambiguous';
    const raw = run.tokens.join(' ');
    const place = { ...(run.page !== undefined ? { page: run.page } : {}), ...(run.offset !== undefined ? { offset: run.offset } : {}) };
    run.cells.forEach((cell, j) => {
      const value = status === 'recovered' ? cuts[0]![j]! : null;
      const source: CellSource =
        status === 'recovered' ? { raw: String(value), ...place, provenance: 'run-split' } : { raw, ...place };
      setCell(tables, sources, run.table, cell, value, source);
    });
    return { table: run.table, cells: run.cells, raw, label: run.label, status, candidates: cuts, ...(more ? { more: true } : {}), ...place };
  });
}
