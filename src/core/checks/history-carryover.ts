import type { Check, CheckFinding } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, na, pass } from './lib/findings.ts';
import { otherOf } from './lib/history.ts';
import { REQUEST_ROW, REQUESTS_SIZE, requestColumnName, requestRowShort } from '../../shared/template/index.ts';
import { withPreviousReport } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const historyCarryover: Check = {
  meta: checkMeta('history.carryover'),
  run: withPreviousReport((report, prev) => {
    const now = report.tables.requests;
    const before = prev.report.tables.requests;
    if (!now || !before) return [na('本年或上年年报缺少表三，无法衔接比较')];
    const out: CheckFinding[] = [];
    let compared = 0;
    for (let c = 0; c < REQUESTS_SIZE.cols; c++) {
      const a = now[REQUEST_ROW.carriedOver]?.[c];
      const b = before[REQUEST_ROW.carriedForward]?.[c];
      if (!isNumber(a) || !isNumber(b)) continue;
      compared++;
      if (a !== b) {
        const prevCell = cellEvidence(prev.report, { table: 'requests', row: REQUEST_ROW.carriedForward, col: c });
        out.push(fail(`表三${requestColumnName(c)}：本年“上年结转”为${show(a)}，${prev.year ?? '上'}年度年报“${requestRowShort(REQUEST_ROW.carriedForward)}”为${show(b)}`,
          [cellEvidence(report, { table: 'requests', row: REQUEST_ROW.carriedOver, col: c }), { ...prevCell, other: otherOf(prev) }], { measure: 1 }));
      }
    }
    if (out.length > 0) return out;
    return compared > 0 ? [pass('本年上年结转与上年度年报结转下年度数据一致')] : [na('相关单元格空白，无法比较')];
  }),
};
