import type { Check } from './types.ts';
import { fail, pass, uncertain } from './lib/findings.ts';
import { yearsMentioned } from './lib/years.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const yearConsistency: Check = {
  meta: checkMeta('year.consistency'),
  run(report) {
    if (report.year === null) return [uncertain('无法确定报告年度')];
    const y = report.year;
    const conflicts: { text: string; page?: number; offset?: number }[] = [];
    if (report.title) {
      const titleYears = yearsMentioned(report.title);
      if (titleYears.length > 0 && !titleYears.includes(y)) conflicts.push({ text: `标题：${report.title}` });
    }
    if (report.statedPeriod) {
      const py = Number(report.statedPeriod.from.slice(0, 4));
      if (py !== y) conflicts.push({ text: `统计期限：${report.statedPeriod.quote}`, page: report.statedPeriod.page, offset: report.statedPeriod.offset });
    }
    if (report.signedOn) {
      const sy = Number(report.signedOn.slice(0, 4));
      if (sy !== y && sy !== y + 1) conflicts.push({ text: `落款日期：${report.signedOn}` });
    }
    if (conflicts.length === 0) return [pass(`标题、统计期限和落款日期与${y}年度一致`)];
    return [fail(`与报告年度${y}不一致：${conflicts.map((c) => c.text).join('；')}`, conflicts, { measure: conflicts.length })];
  },
};
