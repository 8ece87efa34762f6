import type { Check } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, sum } from './lib/findings.ts';
import { REQUEST_ROW, REQUEST_ROWS, REQUESTS_SIZE, requestColumnName } from '../../shared/template/index.ts';
import { indexes, judgeItems, withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const RESULTS_TOTAL = REQUEST_ROWS[REQUEST_ROW.total]!.label;

export const requestsResultTotal: Check = {
  meta: checkMeta('requests.result-total'),
  run: withTable('requests', '表三缺失，无法核对', (grid, report) =>
    judgeItems(indexes(REQUESTS_SIZE.cols), (c) => {
      const cells = [];
      for (let r = REQUEST_ROW.firstResult; r <= REQUEST_ROW.lastResult; r++) cells.push(grid[r]?.[c]);
      const total = grid[REQUEST_ROW.total]?.[c];
      if (!cells.every(isNumber) || !isNumber(total)) return undefined;
      const expected = sum(cells as number[]);
      if (expected === total) return null;
      const nonZero = (cells as number[]).map((v, i) => ({ v, r: i + REQUEST_ROW.firstResult })).filter((x) => x.v !== 0);
      return fail(`表三${requestColumnName(c)}：办理结果（一）至（六）之和=${expected}，“${RESULTS_TOTAL}”为 ${show(total)}`,
        [cellEvidence(report, { table: 'requests', row: REQUEST_ROW.total, col: c }), ...nonZero.map((x) => cellEvidence(report, { table: 'requests', row: x.r, col: c }))], { measure: 1 });
    }, { noneCompared: '表三办理结果各列均有空白单元格，无法核对', allPassed: (n) => `表三${n}列的${RESULTS_TOTAL}均等于各项办理结果之和` })),
};
