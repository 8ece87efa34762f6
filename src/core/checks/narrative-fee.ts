import type { Check } from './types.ts';
import { cellEvidence, quoteEvidence } from './lib/evidence.ts';
import { feeStatements } from './lib/fee.ts';
import { fail, isNumber, na, pass } from './lib/findings.ts';
import { REQUEST_COLUMN, REQUEST_ROW } from '../../shared/template/index.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const narrativeFee: Check = {
  meta: checkMeta('narrative.fee'),
  run(report) {
    const grid = report.tables.requests;
    const statements = feeStatements(report);
    if (statements.length === 0) return [na('第六部分未说明信息处理费，无从比较（见“信息处理费说明”）')];
    if (!grid) return [na('表三缺失，无法与信息处理费说明核对')];
    const charged = statements.find((s) => s.amountYuan === null || s.amountYuan > 0);
    const received = grid[REQUEST_ROW.received]?.[REQUEST_COLUMN.total];
    const carried = grid[REQUEST_ROW.carriedOver]?.[REQUEST_COLUMN.total];
    if (!charged) return [pass('第六部分写明未收取信息处理费', [quoteEvidence(statements[0]!.sentence)])];
    if (isNumber(received) && isNumber(carried) && received + carried === 0) {
      return [fail(`第六部分称收取了信息处理费，但表三本年新收、上年结转申请均为0：“${quoteEvidence(charged.sentence, 60).text}”`,
        [quoteEvidence(charged.sentence), cellEvidence(report, { table: 'requests', row: REQUEST_ROW.received, col: REQUEST_COLUMN.total }), cellEvidence(report, { table: 'requests', row: REQUEST_ROW.carriedOver, col: REQUEST_COLUMN.total })])];
    }
    return [pass('信息处理费说明与表三申请数据不矛盾', [quoteEvidence(charged.sentence)])];
  },
};
