import type { Check } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, sum } from './lib/findings.ts';
import { impossibleRunFindings } from './lib/run-cuts.ts';
import { REQUEST_COLUMN, REQUESTS_SIZE, requestRowName } from '../../shared/template/index.ts';
import { indexes, judgeItems, withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const requestsRowTotal: Check = {
  meta: checkMeta('requests.row-total'),
  run: withTable('requests', '表三缺失，无法核对', (grid, report) => {
    const total = REQUEST_COLUMN.total;
    return judgeItems(indexes(REQUESTS_SIZE.rows), (r) => {
      const row = grid[r];
      if (!row || !row.slice(0, REQUESTS_SIZE.cols).every(isNumber)) return undefined;
      const parts = row.slice(0, total) as number[];
      const expected = sum(parts);
      if (expected === row[total]) return null;
      return fail(`表三${requestRowName(r)}：各列之和 ${parts.join('+')}=${expected}，“总计”列为 ${show(row[total])}`,
        [cellEvidence(report, { table: 'requests', row: r, col: total }), ...parts.map((_, c) => cellEvidence(report, { table: 'requests', row: r, col: c }))], { measure: 1 });
    }, {
      noneCompared: '表三各行均有空白单元格，无法核对总计',
      allPassed: (n) => `表三${n}行的总计均等于各列之和${n < 25 ? `（${25 - n}行有空白未核对）` : ''}`,
    },
    // Runs of digits that no cut can make add up are this check's errors too.
    impossibleRunFindings(report, 'requests', '表三'));
  }),
};
