import type { Check } from './types.ts';
import { fail, na, pass } from './lib/findings.ts';
import { partParagraphs } from './lib/sentences.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { partName } from '../../shared/template/index.ts';

const OVERVIEW = partName(1);

/** The five aspects of part 一 and the wordings that show each is covered. */
const ASPECTS: { name: string; pattern: RegExp }[] = [
  { name: '主动公开', pattern: /主动公开/ },
  { name: '依申请公开', pattern: /依申请|公开申请/ },
  { name: '政府信息管理', pattern: /信息管理|信息.{0,4}(审查|审核|保密审查|发布.{0,2}(流程|机制|制度))|公开属性|目录.{0,4}(编制|更新)/ },
  { name: '政府信息公开平台建设', pattern: /平台|网站|公开专栏|政务新媒体|公众号|公开栏/ },
  { name: '监督保障', pattern: /监督|保障|考核|培训|责任追究|评议/ },
];

export const overviewAspects: Check = {
  meta: checkMeta('overview.aspects'),
  run(report) {
    let paras = partParagraphs(report, 1);
    // Without a part 一 heading the overview is the untitled text before part 二.
    if (paras.length === 0) paras = partParagraphs(report, 0);
    if (paras.length === 0) return [na(`未找到“${OVERVIEW}”部分的正文，无法判断（见“六部分齐全有序”）`)];
    const text = paras.map(({ p }) => p.text).join('\n');
    const missing = ASPECTS.filter((a) => !a.pattern.test(text)).map((a) => a.name);
    if (missing.length === 0) return [pass(`${OVERVIEW}涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面`)];
    const first = paras[0]!.p;
    return [fail(`${OVERVIEW}未涉及：${missing.join('、')}`, [{ text: `第一部分（${paras.length}段）未见：${missing.join('、')}`, page: first.page, offset: first.offset }], {
      measure: missing.length,
    })];
  },
};
