import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { narrativeParagraphs } from './lib/sentences.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

const ITEMS: { name: string; pattern: RegExp }[] = [
  { name: '工作考核', pattern: /考核/ },
  { name: '社会评议', pattern: /社会评议|评议/ },
  { name: '责任追究', pattern: /责任追究|追责|问责/ },
];

export const overviewArt50_4: Check = {
  meta: checkMeta('overview.art50-4'),
  run(report) {
    if (!report.isGovernment) return [na('报告主体为政府部门，不适用第五十条第四项')];
    const text = narrativeParagraphs(report).map(({ p }) => p.text).join('\n');
    const missing = ITEMS.filter((i) => !i.pattern.test(text)).map((i) => i.name);
    if (missing.length === 0) return [pass('已载明工作考核、社会评议和责任追究结果')];
    return [fail(`政府年报未载明：${missing.join('、')}结果（条例第五十条第四项）`, [{ text: `全文未见：${missing.join('、')}` }], {
      measure: missing.length,
    })];
  },
};
