import type { Check } from './types.ts';
import { isBlank, tableCompleteness, type BlankCell } from './lib/completeness.ts';
import { REQUESTS_SIZE, requestColumnName, requestRowName } from '../../shared/template/index.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const tableRequestsComplete: Check = {
  meta: checkMeta('table.requests.complete'),
  run: tableCompleteness('requests', (grid) => {
    const blanks: BlankCell[] = [];
    for (let r = 0; r < REQUESTS_SIZE.rows; r++) {
      for (let c = 0; c < REQUESTS_SIZE.cols; c++) {
        if (isBlank(grid[r]?.[c])) blanks.push({ cell: { table: 'requests', row: r, col: c }, name: `${requestRowName(r)}${requestColumnName(c)}` });
      }
    }
    return blanks;
  }),
};
