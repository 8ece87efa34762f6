import type { Check } from './types.ts';
import type { CheckFinding } from './types.ts';
import { cellEvidence } from './lib/evidence.ts';
import { fail, na, pass } from './lib/findings.ts';
import { REQUESTS_SIZE, requestColumnName, requestRowName, REVIEW_SIZE, reviewCellName } from '../../shared/template/index.ts';
import { PROBLEM_TEXT, valueProblem } from './lib/values.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const requestsValues: Check = {
  meta: checkMeta('requests.values'),
  run(report) {
    const grid = report.tables.requests;
    const review = report.tables.review;
    if (!grid && !review) return [na('表三、表四均缺失，无法核对数值')];
    const out: CheckFinding[] = [];
    const opts = { decimals: false, signed: false };
    for (let r = 0; grid && r < REQUESTS_SIZE.rows; r++) {
      for (let c = 0; c < REQUESTS_SIZE.cols; c++) {
        const problem = valueProblem(grid[r]?.[c], report.tableSources.requests?.[r]?.[c], opts);
        if (!problem) continue;
        const ev = cellEvidence(report, { table: 'requests', row: r, col: c });
        out.push(fail(`表三${requestRowName(r)}${requestColumnName(c)}“${ev.text}”${PROBLEM_TEXT[problem]}`, [ev], { measure: 1, kind: problem }));
      }
    }
    for (let i = 0; review && i < REVIEW_SIZE; i++) {
      const problem = valueProblem(review[i], report.tableSources.review?.[i], opts);
      if (!problem) continue;
      const ev = cellEvidence(report, { table: 'review', index: i });
      out.push(fail(`表四${reviewCellName(i)}“${ev.text}”${PROBLEM_TEXT[problem]}`, [ev], { measure: 1, kind: problem }));
    }
    return out.length > 0 ? out : [pass('表三、表四数值均为非负整数')];
  },
};
