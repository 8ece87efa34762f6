import type { Check, CheckFinding } from './types.ts';
import { cellEvidence } from './lib/evidence.ts';
import { fail, isNumber, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { withPreviousReport } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const KINDS = [{ name: '规章', base: 0 }, { name: '行政规范性文件', base: 3 }];

export const historyNormativeStock: Check = {
  meta: checkMeta('history.normative-stock'),
  run: withPreviousReport((report, prev) => {
    const now = report.tables.active;
    const before = prev.report.tables.active;
    if (!now || !before || prev.report.generation !== '2021') return [na('本年或上年年报缺少新版表二，无法衔接比较')];
    const out: CheckFinding[] = [];
    let compared = 0;
    for (const k of KINDS) {
      const [stock, issued, repealed, current] = [before[k.base + 2], now[k.base], now[k.base + 1], now[k.base + 2]];
      if (![stock, issued, repealed, current].every(isNumber)) continue;
      compared++;
      const expected = stock! + issued! - repealed!;
      if (expected !== current) {
        out.push(fail(`${k.name}：上年现行有效${stock}+本年制发${issued}−本年废止${repealed}=${expected}，本年现行有效为${current}`, [
          { ...cellEvidence(prev.report, { table: 'active', index: k.base + 2 }), other: otherOf(prev) },
          cellEvidence(report, { table: 'active', index: k.base }), cellEvidence(report, { table: 'active', index: k.base + 1 }), cellEvidence(report, { table: 'active', index: k.base + 2 }),
        ], { measure: 1 }));
      }
    }
    if (out.length > 0) return out;
    return compared > 0 ? [pass('规章、规范性文件现行有效件数与上年度衔接')] : [na('相关单元格空白，无法比较')];
  }),
};
