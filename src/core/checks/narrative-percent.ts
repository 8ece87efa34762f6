import type { Check, CheckFinding } from './types.ts';
import { quoteEvidence } from './lib/evidence.ts';
import { enumerations } from './lib/enumeration.ts';
import { fail, na, pass } from './lib/findings.ts';

export const narrativePercent: Check = {
  meta: {
    id: 'narrative.percent',
    title: '正文百分比',
    category: '数据',
    severity: 'info',
    docs: '国办公开办函〔2021〕30号要求年报数据准确。正文中“其中某类N条，占总数的X%”一类表述，百分比应与分项数和总数相符（按所写的小数位四舍五入）。',
  },
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
