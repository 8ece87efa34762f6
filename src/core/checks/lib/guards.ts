/**
 * What many checks need before they can judge, as wrappers of a check's `run`: the statistical table it
 * reads, or the same department's report of the year before. Without it the check says `na` and why.
 * And the verdict of a check that compares item by item (rows, columns, blocks).
 */
import type { Report, ReportTables, TableId } from '../../../shared/model.ts';
import type { Check, CheckContext, CheckFinding, RelatedReport } from '../types.ts';
import { na, pass, uncertain } from './findings.ts';
import { previousReport } from './history.ts';

type TableValues<T extends TableId> = NonNullable<ReportTables[T]>;

/** `run` with the report's table; `na(missing)` when the report has none. */
export function withTable<T extends TableId>(
  table: T,
  missing: string,
  run: (values: TableValues<T>, report: Report, context: CheckContext) => CheckFinding[],
): Check['run'] {
  return (report, context) => {
    const values = report.tables[table] as TableValues<T> | null;
    return values ? run(values, report, context) : [na(missing)];
  };
}

/** `run` with the same department's report of the year before; `na` saying why there is none to compare with. */
export function withPreviousReport(run: (report: Report, previous: RelatedReport, context: CheckContext) => CheckFinding[]): Check['run'] {
  return (report, context) => {
    const { prev, why } = previousReport(report, context);
    return prev ? run(report, prev, context) : [na(why)];
  };
}

/**
 * The verdict of a check that compares item by item (columns, rows, blocks). `judge` says of each item
 * whether it holds (null), fails (its finding) or cannot be compared (undefined: blank cells). The
 * failures, after `earlier` ones; else `uncertain` when no item could be compared; else one pass.
 */
export function judgeItems<T>(
  items: Iterable<T>,
  judge: (item: T) => CheckFinding | null | undefined,
  words: { noneCompared: string; allPassed: (compared: number) => string },
  earlier: CheckFinding[] = [],
): CheckFinding[] {
  const failures = [...earlier];
  let compared = 0;
  for (const item of items) {
    const finding = judge(item);
    if (finding === undefined) continue;
    compared++;
    if (finding) failures.push(finding);
  }
  if (failures.length > 0) return failures;
  if (compared === 0) return [uncertain(words.noneCompared)];
  return [pass(words.allPassed(compared))];
}

/** 0, 1, … n−1: the columns, rows or blocks of a table. */
export function indexes(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
