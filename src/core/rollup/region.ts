/**
 * The region government's own report (某县人民政府) against the roll-up of its departments: which report
 * is the region's, the roll-up's own arithmetic (the same sum checks as a department's tables), and the
 * cells where the region's report differs from the sum.
 */
import type { Finding, Report } from '../../shared/model.ts';
import { requestsBalance } from '../checks/requests-balance.ts';
import { requestsResultTotal } from '../checks/requests-result-total.ts';
import { requestsRowTotal } from '../checks/requests-row-total.ts';
import { reviewTotals } from '../checks/review-totals.ts';
import { runCheck, EMPTY_CONTEXT } from '../checks/index.ts';
import type { Rollup } from './rollup.ts';

// Which report is the region's and how it differs from the sum: no check imports there (region.rollup uses them).
export { compareWithRollup, regionMember, type RegionDifference } from './region-compare.ts';

/** A synthetic 2021-format report holding the roll-up's tables, for the arithmetic checks. */
function rollupAsReport(rollup: Rollup, name: string): Report {
  return {
    file: `${name}（汇总）`,
    format: 'txt',
    department: name,
    departmentSource: null,
    year: rollup.year,
    signedOn: null,
    generation: '2021',
    title: null,
    isGovernment: true,
    sections: [],
    tables: { active: [...rollup.tables.active], requests: rollup.tables.requests.map((r) => [...r]), review: [...rollup.tables.review] },
    tableSources: { active: null, requests: null, review: null },
    requestsLabels: [],
    paragraphs: [],
    statedPeriod: null,
    traditional: false,
    warnings: [],
  };
}

/** The sum checks of a department's tables, run on the roll-up (a failure means a member's table was already wrong). */
export function rollupArithmetic(rollup: Rollup, name = '全区域'): Finding[] {
  const report = rollupAsReport(rollup, name);
  return [requestsRowTotal, requestsResultTotal, requestsBalance, reviewTotals].flatMap((check) => runCheck(check, report, EMPTY_CONTEXT));
}
