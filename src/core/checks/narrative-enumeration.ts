import type { Check, CheckFinding } from './types.ts';
import { quoteEvidence } from './lib/evidence.ts';
import { enumerations } from './lib/enumeration.ts';
import { fail, na, pass, sum, uncertain } from './lib/findings.ts';

export const narrativeEnumeration: Check = {
  meta: {
    id: 'narrative.enumeration',
    title: '正文分项之和',
    category: '数据',
    severity: 'warning',
    docs: '《中华人民共和国政府信息公开条例》第五十条要求年报如实报告工作情况，国办公开办函〔2021〕30号要求数据准确。正文中“共N条（件），其中……”的分项数字之和应等于总数；分项之和大于总数，或列举完整却小于总数的，均为数据错误。',
  },
  run(report) {
    const list = enumerations(report);
    if (list.length === 0) return [na('正文没有“共N条，其中……”形式的分项列举')];
    const out: CheckFinding[] = [];
    for (const e of list) {
      const total = sum(e.items.map((i) => i.value));
      if (total === e.total) continue;
      const msg = `正文“共${e.total}${e.unit}”，所列分项之和为${e.items.map((i) => i.value).join('+')}=${total}：“${quoteEvidence(e.sentence, 60).text}”`;
      if (total < e.total && (e.open || e.items.length < 3)) out.push(uncertain(`${msg}（列举可能不完整，请人工核对）`, [quoteEvidence(e.sentence)]));
      else out.push(fail(msg, [quoteEvidence(e.sentence)], { measure: 1 }));
    }
    return out.length > 0 ? out : [pass(`正文${list.length}处分项列举之和与总数一致`, list.slice(0, 2).map((e) => quoteEvidence(e.sentence)))];
  },
};
