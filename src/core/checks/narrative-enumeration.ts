import type { Check, CheckFinding } from './types.ts';
import { quoteEvidence } from './lib/evidence.ts';
import { enumerations } from './lib/enumeration.ts';
import { fail, na, pass, sum, uncertain } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const narrativeEnumeration: Check = {
  meta: checkMeta('narrative.enumeration'),
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
