import type { Check, CheckFinding } from './types.ts';
import { cellEvidence, quoteEvidence } from './lib/evidence.ts';
import { fail, isNumber, na, pass } from './lib/findings.ts';
import { findCountedNumbers } from './lib/numbers.ts';
import { clauses, sentencesOf } from './lib/sentences.ts';
import { yearsMentioned } from './lib/years.ts';
import { REVIEW_BLOCKS, REVIEW_TOTAL_COLUMN, reviewIndex } from '../../shared/template/index.ts';
import { withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** The 总计 cell of each block of table 四: reconsiderations, then the two kinds of lawsuits. */
const REVIEW_TOTALS = REVIEW_BLOCKS.map((_, b) => reviewIndex(b, REVIEW_TOTAL_COLUMN));
/** The template's names of the two kinds of case: 表四's first block, and the lawsuits' blocks. */
const RECONSIDERATION = REVIEW_BLOCKS[0]!.label;
const LAWSUIT = REVIEW_BLOCKS[1]!.label;

const NEGATION = /(?:未|没有|无|零)[^,，;；。]{0,30}?(?:复议|诉讼)/;

export const narrativeReview: Check = {
  meta: checkMeta('narrative.review'),
  run: withTable('review', '表四缺失，无法与正文核对', (v, report) => {
    const [reconsideration, direct, afterReview] = REVIEW_TOTALS.map((i) => v[i]);
    const lawsuits = isNumber(direct) && isNumber(afterReview) ? direct + afterReview : null;
    const out: CheckFinding[] = [];
    let compared = 0;
    for (const s of sentencesOf(report)) {
      if (!/复议|诉讼/.test(s.text)) continue;
      if (!(s.part === 4 || /信息公开|依申请/.test(s.text))) continue;
      if (report.year !== null && yearsMentioned(s.text).some((y) => y < report.year!)) continue;
      for (const { text: c } of clauses(s.text)) {
        const claims: { what: string; value: number }[] = [];
        const neg = NEGATION.exec(c);
        if (neg) {
          const tail = c.slice(neg.index);
          if (/复议/.test(tail)) claims.push({ what: RECONSIDERATION, value: 0 });
          if (/诉讼/.test(tail)) claims.push({ what: LAWSUIT, value: 0 });
        } else {
          const nums = findCountedNumbers(c, '件|起|宗|次|个');
          if (nums.length === 1 && !/其中|维持|纠正|撤销|审结|败诉|胜诉/.test(c)) {
            const hasR = /复议/.test(c);
            const hasL = /诉讼|起诉/.test(c);
            if (hasR !== hasL) claims.push({ what: hasR ? RECONSIDERATION : LAWSUIT, value: nums[0]!.value });
          }
        }
        for (const claim of claims) {
          const table = claim.what === RECONSIDERATION ? reconsideration : lawsuits;
          if (!isNumber(table)) continue;
          compared++;
          if (table !== claim.value) {
            const cells = claim.what === RECONSIDERATION ? [cellEvidence(report, { table: 'review', index: REVIEW_TOTALS[0] })] : [cellEvidence(report, { table: 'review', index: REVIEW_TOTALS[1] }), cellEvidence(report, { table: 'review', index: REVIEW_TOTALS[2] })];
            out.push(fail(`正文称${claim.what}${claim.value === 0 ? '未发生' : `${claim.value}件`}，表四${claim.what}总计为${table}：“${quoteEvidence(s, 60).text}”`,
              [quoteEvidence(s), ...cells], { measure: 1 }));
          }
        }
      }
    }
    if (out.length > 0) return out;
    return compared > 0 ? [pass(`正文关于${RECONSIDERATION}、${LAWSUIT}的表述与表四一致（${compared}处）`)] : [na(`正文未陈述${RECONSIDERATION}、${LAWSUIT}数量`)];
  }),
};
