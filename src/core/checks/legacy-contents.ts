import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { narrativeParagraphs } from './lib/sentences.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { anyOfWords, LEGACY_ITEMS, REVIEW_BLOCKS } from '../../shared/template/index.ts';

/** Table 四's block names (reconsideration, lawsuit). */
const REVIEW_KINDS = [...new Set(REVIEW_BLOCKS.map((b) => b.label))];

/**
 * 2008 条例 第三十二条: the items a report of that time must contain (the template's LEGACY_ITEMS after the
 * opening 概述; 其他事项 is optional), each with the words that show it in a report without headings.
 */
const ITEMS: { item: string; pattern: RegExp }[] = [
  /主动公开/,
  /依申请公开|公开申请/,
  /收费|减免/,
  new RegExp(`${anyOfWords(REVIEW_KINDS)}|复议和诉讼`),
  /问题|不足/,
].map((pattern, i) => ({ item: LEGACY_ITEMS[i + 1], pattern }));

export const legacyContents: Check = {
  meta: checkMeta('legacy.contents'),
  run(report) {
    let missing: string[];
    if (report.legacyItems && report.legacyItems.length > 0) {
      missing = report.legacyItems.filter((i) => !i.found && !/其他/.test(i.item)).map((i) => i.item);
    } else {
      const text = narrativeParagraphs(report).map(({ p }) => p.text).join('\n');
      missing = ITEMS.filter((i) => !i.pattern.test(text)).map((i) => i.item);
    }
    if (missing.length === 0) return [pass('条例（2008）第三十二条规定的内容齐全')];
    return [fail(`缺少条例（2008）第三十二条规定的内容：${missing.join('；')}`, missing.map((t) => ({ text: t })), {
      measure: missing.length,
    })];
  },
};
