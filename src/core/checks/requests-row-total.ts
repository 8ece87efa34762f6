import type { Check } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, sum } from './lib/findings.ts';
import { impossibleRunFindings } from './lib/run-cuts.ts';
import { REQUEST_COLUMN, REQUESTS_SIZE, requestRowName } from '../../shared/template/index.ts';
import { indexes, judgeItems, withTable } from './lib/guards.ts';

export const requestsRowTotal: Check = {
  meta: {
    id: 'requests.row-total',
    title: '表三各行总计',
    category: '数据',
    severity: 'error',
    docs: '国办公开办函〔2021〕30号表三中，每一行的“总计”应等于自然人与商业企业、科研机构、社会公益组织、法律服务机构、其他五类法人或其他组织之和。本检查逐行核对，列出总计不符的行及各列数值。',
    profiles: ['2021', '2019'],
  },
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
