import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { partText } from './lib/sentences.ts';
import { normalizeText } from '../text/normalize.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const otherLocalItems: Check = {
  meta: checkMeta('other.local-items'),
  run(report, context) {
    const items = (context.options.localItems ?? []).map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) return [na('主管部门未配置第六部分的本地要求事项')];
    const text = partText(report, 6).replace(/\s/g, '');
    const missing = items.filter((k) => !text.includes(normalizeText(k, { simplified: true }).replace(/\s/g, '')));
    if (missing.length === 0) return [pass(`第六部分包含本地要求的${items.length}项内容`)];
    return [fail(`第六部分未报告：${missing.join('、')}`, missing.map((m) => ({ text: m })), { measure: missing.length })];
  },
};
