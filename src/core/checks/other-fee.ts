import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { feeStatements } from './lib/fee.ts';
import { quoteEvidence } from './lib/evidence.ts';
import { partParagraphs } from './lib/sentences.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const otherFee: Check = {
  meta: checkMeta('other.fee'),
  run(report) {
    if (report.year !== null && report.year < 2021) return [na(`${report.year}年度年报早于信息处理费报告要求（国办函〔2020〕109号），不适用`)];
    const statements = feeStatements(report);
    if (statements.length > 0) {
      const s = statements[0]!;
      return [pass(s.amountYuan === 0 ? '第六部分写明未收取信息处理费' : '第六部分写明了信息处理费收取情况', [quoteEvidence(s.sentence)])];
    }
    const paras = partParagraphs(report, 6);
    const section = report.sections.find((x) => x.part === 6);
    const ev = paras.length > 0
      ? [{ text: paras.map(({ p }) => p.original).join(' ').slice(0, 160), page: paras[0]!.p.page, offset: paras[0]!.p.offset }]
      : [{ text: section?.found ? `${section.title}（无正文）` : '未找到第六部分', page: section?.page, offset: section?.offset }];
    return [fail('第六部分未说明是否收取信息处理费（应写明金额或“未收取”）', ev)];
  },
};
