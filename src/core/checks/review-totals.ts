import type { Check } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, sum } from './lib/findings.ts';
import { impossibleRunFindings } from './lib/run-cuts.ts';
import { REVIEW_BLOCKS, REVIEW_TOTAL_COLUMN, reviewBlockName, reviewIndex } from '../../shared/template/index.ts';
import { indexes, judgeItems, withTable } from './lib/guards.ts';

export const reviewTotals: Check = {
  meta: {
    id: 'review.totals',
    title: '表四总计',
    category: '数据',
    severity: 'error',
    docs: '国办公开办函〔2021〕30号表四中，行政复议、未经复议直接起诉、复议后起诉三组数据的“总计”应分别等于结果维持、结果纠正、其他结果、尚未审结之和。本检查逐组核对。',
    profiles: ['2021', '2019'],
  },
  run: withTable('review', '表四缺失，无法核对', (v, report) =>
    judgeItems(indexes(REVIEW_BLOCKS.length), (b) => {
      const parts = v.slice(reviewIndex(b, 0), reviewIndex(b, REVIEW_TOTAL_COLUMN));
      const total = v[reviewIndex(b, REVIEW_TOTAL_COLUMN)];
      if (!parts.every(isNumber) || !isNumber(total)) return undefined;
      const expected = sum(parts as number[]);
      if (expected === total) return null;
      return fail(`表四“${reviewBlockName(b)}”：维持+纠正+其他+尚未审结=${(parts as number[]).join('+')}=${expected}，总计为 ${show(total)}`,
        [reviewIndex(b, REVIEW_TOTAL_COLUMN), ...parts.map((_, c) => reviewIndex(b, c))].map((i) => cellEvidence(report, { table: 'review', index: i })), { measure: 1 });
    }, { noneCompared: '表四有空白单元格，无法核对总计', allPassed: (n) => `表四${n}组数据的总计均正确` },
    // Runs of digits that no cut can make add up are this check's errors too.
    impossibleRunFindings(report, 'review', '表四'))),
};
