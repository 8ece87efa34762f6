import type { Check } from './types.ts';
import { fail, pass } from './lib/findings.ts';
import { scanOriginal } from './lib/scan.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** Template placeholders: XX局, ××, 20XX年, 【填写…】, ○○单位. Latin XX only next to Chinese text (not in URLs). */
const PLACEHOLDER = /(?:(?<![XxＸｘ])[XxＸｘ]{2,}|(?<![×＊*])[×＊*]{2,}|(?<![○〇])[○〇]{2,}(?=[局委办厅市县区镇乡单位部门])|某某)(?=[\u4e00-\u9fff年月日])|(?<=[\u4e00-\u9fff])(?:[XxＸｘ]{2,}|[×]{2,})|20[XxＸｘ×]{2}年|【[^】]{0,12}(?:填写|填报|输入|单位名称|名称|日期)[^】]{0,12}】|\[(?:填写|单位名称)[^\]]*\]/g;

export const textPlaceholder: Check = {
  meta: checkMeta('text.placeholder'),
  run(report) {
    const hits = scanOriginal(report, PLACEHOLDER);
    if (hits.length === 0) return [pass('未发现模板占位符')];
    return hits.slice(0, 10).map((h) => fail(`残留模板占位符“${h.match}”：${h.context}`, [h.evidence], { measure: 1 }));
  },
};
