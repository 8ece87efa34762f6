import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { partText } from './lib/sentences.ts';
import { normalizeText } from '../text/normalize.ts';

export const otherLocalItems: Check = {
  meta: {
    id: 'other.local-items',
    title: '本地要求的其他事项',
    category: '内容',
    severity: 'warning',
    docs: '国办公开办函〔2021〕30号规定第六部分报告“其他需要报告的事项”，各地主管部门常要求在此报告政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况等。本检查按主管部门配置的关键词逐项查找第六部分；未配置时不适用。',
  },
  run(report, context) {
    const items = (context.options.localItems ?? []).map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) return [na('主管部门未配置第六部分的本地要求事项')];
    const text = partText(report, 6).replace(/\s/g, '');
    const missing = items.filter((k) => !text.includes(normalizeText(k, { simplified: true }).replace(/\s/g, '')));
    if (missing.length === 0) return [pass(`第六部分包含本地要求的${items.length}项内容`)];
    return [fail(`第六部分未报告：${missing.join('、')}`, missing.map((m) => ({ text: m })), { measure: missing.length })];
  },
};
