import type { Check } from './types.ts';
import { fail, pass, uncertain } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const periodFullYear: Check = {
  meta: checkMeta('period.full-year'),
  run(report) {
    const p = report.statedPeriod;
    if (!p) return [pass('未声明统计期限，按全年统计')];
    const from = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.from);
    const to = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.to);
    const ev = [{ text: p.quote, page: p.page, offset: p.offset }];
    if (!from || !to) return [uncertain(`无法读懂声明的统计期限：${p.quote}`, ev)];
    const full = from[2] === '01' && from[3] === '01' && to[2] === '12' && to[3] === '31' && from[1] === to[1];
    if (full) return [pass(`统计期限为${from[1]}年全年`, ev)];
    return [fail(`统计期限不是全年：${p.from} 至 ${p.to}（应为1月1日至12月31日）`, ev)];
  },
};
