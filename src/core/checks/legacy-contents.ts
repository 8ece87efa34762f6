import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { narrativeParagraphs } from './lib/sentences.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** 2008 条例 第三十二条: the items a report of that time must contain (其他事项 is optional). */
const ITEMS: { item: string; pattern: RegExp }[] = [
  { item: '主动公开政府信息的情况', pattern: /主动公开/ },
  { item: '依申请公开政府信息和不予公开政府信息的情况', pattern: /依申请公开|公开申请/ },
  { item: '政府信息公开的收费及减免情况', pattern: /收费|减免/ },
  { item: '因政府信息公开申请行政复议、提起行政诉讼的情况', pattern: /行政复议|行政诉讼|复议和诉讼/ },
  { item: '政府信息公开工作存在的主要问题及改进情况', pattern: /问题|不足/ },
];

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
