import type { Check } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, sum } from './lib/findings.ts';
import { REQUEST_ROW, REQUEST_ROWS, REQUESTS_SIZE, requestColumnName } from '../../shared/template/index.ts';
import { indexes, judgeItems, withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** 一 + 二 = the results' total under 三 + 四. */
const RESULTS_TOTAL = REQUEST_ROWS[REQUEST_ROW.total]!.label;
const BALANCE_ROWS = [REQUEST_ROW.received, REQUEST_ROW.carriedOver, REQUEST_ROW.total, REQUEST_ROW.carriedForward];

export const requestsBalance: Check = {
  meta: checkMeta('requests.balance'),
  run: withTable('requests', '表三缺失，无法核对', (grid, report) =>
    judgeItems(indexes(REQUESTS_SIZE.cols), (c) => {
      const [a, b, t, d] = BALANCE_ROWS.map((r) => grid[r]?.[c]);
      if (![a, b, t, d].every(isNumber)) return undefined;
      const left = sum([a!, b!]);
      const right = sum([t!, d!]);
      if (left === right) return null;
      return fail(`表三${requestColumnName(c)}：一+二=${show(a)}+${show(b)}=${left}，三${RESULTS_TOTAL}+四=${show(t)}+${show(d)}=${right}`,
        BALANCE_ROWS.map((r) => cellEvidence(report, { table: 'requests', row: r, col: c })), { measure: 1 });
    }, { noneCompared: '表三有空白单元格，无法核对勾稽关系', allPassed: (n) => `表三${n}列均满足“一+二=三+四”` })),
};
