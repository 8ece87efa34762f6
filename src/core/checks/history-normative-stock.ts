import type { Check, CheckFinding } from './types.ts';
import { cellEvidence } from './lib/evidence.ts';
import { fail, isNumber, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { withPreviousReport } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { ACTIVE_2021, NORMATIVE_DOCUMENTS } from '../../shared/template/index.ts';

/** The two rows of the 2021 table 二 that keep a stock: their name and first cell (issued, repealed, in force). */
const KINDS = ACTIVE_2021.rows.slice(0, 2).map((r) => ({ name: r.label, base: r.cells[0]!.index }));
const IN_FORCE = ACTIVE_2021.rows[0]!.cells[2]!.column;

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
    return compared > 0 ? [pass(`${KINDS[0]!.name}、${NORMATIVE_DOCUMENTS}${IN_FORCE}与上年度衔接`)] : [na('相关单元格空白，无法比较')];
  }),
};
