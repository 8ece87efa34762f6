/** Cell value rules shared by active.values and requests.values. */
import type { CellSource } from '../../../shared/model.ts';

/** A number written with its unit ("251000元", "3件"): the unit belongs in the header, not the cell. */
export function unitInCell(source: CellSource | null | undefined): string | null {
  if (!source) return null;
  const m = /\d\s*(万元|元|件|条|个|项|次|人)/.exec(source.raw);
  return m ? m[1]! : null;
}

export type ValueProblem = 'negative' | 'fraction' | 'unit';

export function valueProblem(value: number | null | undefined, source: CellSource | null | undefined, opts: { decimals: boolean; signed: boolean }): ValueProblem | null {
  if (unitInCell(source)) return 'unit';
  if (value === null || value === undefined) return null;
  if (!opts.signed && value < 0) return 'negative';
  if (!opts.decimals && !Number.isInteger(value)) return 'fraction';
  return null;
}

export const PROBLEM_TEXT: Record<ValueProblem, string> = {
  negative: '为负数',
  fraction: '不是整数',
  unit: '在单元格内写了单位',
};
