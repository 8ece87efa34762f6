import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { PART_TITLES } from '../../shared/template/index.ts';

export const sectionsPresent: Check = {
  meta: {
    id: 'sections.present',
    title: '六部分齐全有序',
    category: '结构',
    severity: 'error',
    docs: '依据《中华人民共和国政府信息公开条例》第五十条和国办公开办函〔2021〕30号规定的年报格式，年度报告应依次包含“一、总体情况”至“六、其他需要报告的事项”六个部分，标题可辨认。缺少某一部分或次序颠倒的，逐项列出。',
    profiles: ['2021', '2019'],
  },
  run(report) {
    const missing = PART_TITLES.filter((_, i) => !report.sections.find((s) => s.part === i + 1)?.found);
    const found = report.sections
      .filter((s) => s.found && s.headingIndex !== undefined)
      .sort((a, b) => a.part - b.part);
    const outOfOrder: string[] = [];
    for (let i = 1; i < found.length; i++) {
      if (found[i]!.headingIndex! < found[i - 1]!.headingIndex!) outOfOrder.push(found[i]!.title);
    }
    const out = [];
    if (missing.length > 0) {
      out.push(fail(`缺少${missing.length}个部分：${missing.join('；')}`, missing.map((t) => ({ text: t })), {
        measure: missing.length, kind: 'missing',
      }));
    }
    if (outOfOrder.length > 0) {
      out.push(fail(`部分次序颠倒：${outOfOrder.join('；')}`, found.filter((s) => outOfOrder.includes(s.title)).map((s) => ({
        text: s.title, page: s.page, offset: s.offset,
      })), { measure: outOfOrder.length, kind: 'order' }));
    }
    return out.length > 0 ? out : [pass('六个部分齐全，次序正确')];
  },
};
