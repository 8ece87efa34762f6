import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';

export const identity: Check = {
  meta: {
    id: 'identity',
    title: '单位、年度和落款日期',
    category: '结构',
    severity: 'warning',
    docs: '年度报告应能确定报告单位、报告年度和落款日期，以便主管部门登记、核对报送时限（条例第四十九条）。标题只写“我局”、未落款或未署日期的，列出无法确定的项目，需由审核人员补登。',
  },
  run(report) {
    const unknown: string[] = [];
    if (!report.department) unknown.push('报告单位');
    if (report.year === null) unknown.push('报告年度');
    if (!report.signedOn) unknown.push('落款日期');
    if (unknown.length === 0) {
      return [pass(`报告单位：${report.department}；年度：${report.year}；落款日期：${report.signedOn}`)];
    }
    return [fail(`无法确定：${unknown.join('、')}`, [{ text: report.title ?? report.file }], { measure: unknown.length })];
  },
};
