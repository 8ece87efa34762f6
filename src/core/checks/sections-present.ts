import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { PART_TITLES } from '../../shared/template/index.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const sectionsPresent: Check = {
  meta: checkMeta('sections.present'),
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
