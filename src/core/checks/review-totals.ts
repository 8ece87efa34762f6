import type { Check } from './types.ts';
import { cellEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, sum } from './lib/findings.ts';
import { impossibleRunFindings } from './lib/run-cuts.ts';
import { REVIEW_BLOCKS, REVIEW_COLUMNS, REVIEW_TOTAL_COLUMN, reviewBlockName, reviewIndex } from '../../shared/template/index.ts';
import { indexes, judgeItems, withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const reviewTotals: Check = {
  meta: checkMeta('review.totals'),
  run: withTable('review', '表四缺失，无法核对', (v, report) =>
    judgeItems(indexes(REVIEW_BLOCKS.length), (b) => {
      const parts = v.slice(reviewIndex(b, 0), reviewIndex(b, REVIEW_TOTAL_COLUMN));
      const total = v[reviewIndex(b, REVIEW_TOTAL_COLUMN)];
      if (!parts.every(isNumber) || !isNumber(total)) return undefined;
      const expected = sum(parts as number[]);
      if (expected === total) return null;
      return fail(`表四“${reviewBlockName(b)}”：${REVIEW_COLUMNS.slice(0, REVIEW_TOTAL_COLUMN).join('+')}=${(parts as number[]).join('+')}=${expected}，总计为 ${show(total)}`,
        [reviewIndex(b, REVIEW_TOTAL_COLUMN), ...parts.map((_, c) => reviewIndex(b, c))].map((i) => cellEvidence(report, { table: 'review', index: i })), { measure: 1 });
    }, { noneCompared: '表四有空白单元格，无法核对总计', allPassed: (n) => `表四${n}组数据的总计均正确` },
    // Runs of digits that no cut can make add up are this check's errors too.
    impossibleRunFindings(report, 'review', '表四'))),
};
