import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { narrativeParagraphs } from './lib/sentences.ts';

const ITEMS: { name: string; pattern: RegExp }[] = [
  { name: '工作考核', pattern: /考核/ },
  { name: '社会评议', pattern: /社会评议|评议/ },
  { name: '责任追究', pattern: /责任追究|追责|问责/ },
];

export const overviewArt50_4: Check = {
  meta: {
    id: 'overview.art50-4',
    title: '考核、评议和责任追究结果',
    category: '内容',
    severity: 'warning',
    docs: '《中华人民共和国政府信息公开条例》第五十条第四项要求各级人民政府的年度报告载明政府信息公开工作考核、社会评议和责任追究结果情况。本检查只适用于人民政府、街道办事处等政府机关的年报，政府部门的年报为“不适用”。',
    profiles: ['2021', '2019'],
  },
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
