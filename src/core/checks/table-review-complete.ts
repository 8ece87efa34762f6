import type { Check } from './types.ts';
import { isBlank, tableCompleteness, type BlankCell } from './lib/completeness.ts';
import { REVIEW_SIZE, reviewCellName } from '../../shared/template/index.ts';

export const tableReviewComplete: Check = {
  meta: {
    id: 'table.review.complete',
    title: '表四填写完整',
    category: '结构',
    severity: 'error',
    docs: '国办公开办函〔2021〕30号规定第四部分以统一表格（表四）报告政府信息公开行政复议、行政诉讼情况，共15个数值（行政复议、未经复议直接起诉、复议后起诉各5项）。表格缺失或有空白单元格均不符合要求；未发生复议、诉讼的应填写0。',
    profiles: ['2021', '2019'],
  },
  run: tableCompleteness('review', (values) => {
    const blanks: BlankCell[] = [];
    for (let i = 0; i < REVIEW_SIZE; i++) {
      if (isBlank(values[i])) blanks.push({ cell: { table: 'review', index: i }, name: reviewCellName(i) });
    }
    return blanks;
  }),
};
