import type { CellValue } from '../../shared/model.ts';
import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { withPreviousReport } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

function flat(t: CellValue[] | CellValue[][] | null): CellValue[] | null {
  return t === null ? null : (t as (CellValue | CellValue[])[]).flat();
}

function same(a: CellValue[] | null, b: CellValue[] | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]);
}

const TABLES = [
  { id: 'active' as const, name: '表二' },
  { id: 'requests' as const, name: '表三' },
  { id: 'review' as const, name: '表四' },
];

export const historyValuesCopied: Check = {
  meta: checkMeta('history.values-copied'),
  run: withPreviousReport((report, prev) => {
    if (prev.report.generation !== report.generation) return [na('两年年报格式版本不同，无法逐格比较')];
    const copied: string[] = [];
    let compared = 0;
    for (const t of TABLES) {
      const a = flat(report.tables[t.id]);
      const b = flat(prev.report.tables[t.id]);
      if (!a || !b) continue;
      compared++;
      const allZero = a.every((v) => v === 0 || v === null);
      if (!allZero && same(a, b)) copied.push(t.name);
    }
    if (compared === 0) return [na('两年年报缺少可比较的统计表')];
    if (copied.length === 0) return [pass('统计表与上年度年报不同')];
    return [fail(`${copied.join('、')}与${prev.year ?? '上'}年度年报逐格相同，疑似照抄`, [{ text: copied.join('、'), other: otherOf(prev) }], {
      measure: copied.length,
    })];
  }),
};
