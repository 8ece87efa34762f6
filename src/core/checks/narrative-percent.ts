import type { Check, CheckFinding } from './types.ts';
import { quoteEvidence } from './lib/evidence.ts';
import { enumerations } from './lib/enumeration.ts';
import { fail, na, pass } from './lib/findings.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const narrativePercent: Check = {
  meta: checkMeta('narrative.percent'),
  run(report) {
    const out: CheckFinding[] = [];
    let compared = 0;
    for (const e of enumerations(report)) {
      if (e.total <= 0) continue;
      for (const item of e.items) {
        if (!item.percent) continue;
        compared++;
        const actual = (item.value / e.total) * 100;
        const tolerance = 0.5 * 10 ** -item.percent.decimals + 1e-9;
        if (Math.abs(actual - item.percent.value) > tolerance) {
          out.push(fail(`${item.value}/${e.total}=${actual.toFixed(Math.max(1, item.percent.decimals))}%，正文写作${item.percent.raw}%：“${quoteEvidence(e.sentence, 60).text}”`,
            [quoteEvidence(e.sentence)], { measure: 1 }));
        }
      }
    }
    if (out.length > 0) return out;
    return compared > 0 ? [pass(`正文${compared}处百分比与分项数相符`)] : [na('正文没有可核对的百分比')];
  },
};
