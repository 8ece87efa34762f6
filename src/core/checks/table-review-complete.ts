import type { Check } from './types.ts';
import { isBlank, tableCompleteness, type BlankCell } from './lib/completeness.ts';
import { REVIEW_SIZE, reviewCellName } from '../../shared/template/index.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const tableReviewComplete: Check = {
  meta: checkMeta('table.review.complete'),
  run: tableCompleteness('review', (values) => {
    const blanks: BlankCell[] = [];
    for (let i = 0; i < REVIEW_SIZE; i++) {
      if (isBlank(values[i])) blanks.push({ cell: { table: 'review', index: i }, name: reviewCellName(i) });
    }
    return blanks;
  }),
};
