import type { Check } from './types.ts';
import { fail, pass, uncertain } from './lib/findings.ts';
import { partParagraphs, type Sentence, sentencesOf } from './lib/sentences.ts';
import { quoteEvidence } from './lib/evidence.ts';
import type { Report } from '../../shared/model.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';
import { partName } from '../../shared/template/index.ts';

const PROBLEM = /问题|不足|差距|短板|薄弱|欠缺|不够|不到位|有待|不及时|不充分|不全面|不规范|不平衡|滞后|单一|不高|不强|仍存|尚存|存在|缺乏|缺少|困难/;
/** Forward-looking wording of a measure; "有待加强" / "需进一步加大" are problems, not measures. */
const MEASURE = /下一步|下步|今后|明年|来年|改进措施|整改措施|改进方向|工作打算|工作计划|努力方向|\d{4}年[,，]?[^。,，]{0,12}将|将(?:进一步|继续|持续|加大|加强|着力|不断|全面|深入|认真|积极|严格|切实|强化|完善|推进|做好|提升|提高|健全|建立|规范|优化|拓展|丰富|扩大|落实|采取|重点|聚焦|围绕|坚持|抓好)|(?:进一步|继续|持续|着力|切实)(?:加大|加强|完善|推进|做好|提升|提高|健全|规范|优化|拓展|丰富|扩大|落实|强化)|针对.{0,20}(?:问题|不足)/g;
const NOT_A_MEASURE_BEFORE = /(?:有待|亟待|需要|还需|仍需|尚需|亟需|需|要|应|待)$/;

function hasMeasure(text: string): boolean {
  for (const m of text.matchAll(MEASURE)) {
    const before = text.slice(Math.max(0, m.index! - 3), m.index!);
    if (!NOT_A_MEASURE_BEFORE.test(before)) return true;
  }
  return false;
}

/** The problems-and-improvements text: part 五, or for legacy reports the section titled 问题…改进/打算. */
function problemSentences(report: Report): Sentence[] | null {
  if (report.generation !== 'legacy' || partParagraphs(report, 5).length > 0) {
    const found = report.sections.find((s) => s.part === 5)?.found;
    const sentences = sentencesOf(report, { parts: [5] });
    if (!found && sentences.length === 0) return null;
    return sentences;
  }
  // Legacy: the paragraphs after a heading about problems and plans, up to the next top-level heading.
  const all = sentencesOf(report);
  const start = all.findIndex((s) => /^[一二三四五六七八九十]+、.{0,12}问题/.test(s.text));
  if (start < 0) return null;
  const rest = all.slice(start + 1);
  const end = rest.findIndex((s) => /^[一二三四五六七八九十]+、/.test(s.text));
  return end < 0 ? rest : rest.slice(0, end);
}

export const problemsMeasures: Check = {
  meta: checkMeta('problems.measures'),
  run(report) {
    const sentences = problemSentences(report);
    if (sentences === null) return [uncertain(`未找到“${partName(5)}”部分，无法判断（见“六部分齐全有序”）`)];
    const body = sentences.filter((s) => !/^[(（]?[一二三四五六七八九十\d]+[)）、.]?.{0,4}(存在的主要问题|改进情况|改进措施)[。.]?$/.test(s.text) || /将/.test(s.text));
    const text = sentences.map((s) => s.text).join('');
    const plain = text.replace(/[\s。.,，;；:：、]/g, '');
    if (plain.length < 8 || /^(无|没有|暂无|无问题)$/.test(plain)) {
      return [fail('第五部分为空或仅写“无”', sentences.slice(0, 1).map((s) => quoteEvidence(s)), { kind: 'empty' })];
    }
    const problems = sentences.filter((s) => PROBLEM.test(s.text) && !hasMeasure(s.text));
    const problemAny = sentences.some((s) => PROBLEM.test(s.text));
    const measures = sentences.filter((s) => hasMeasure(s.text));
    const ev = [...problems.slice(0, 1), ...measures.slice(0, 1)].map((s) => quoteEvidence(s));
    if (!problemAny && measures.length === 0) {
      return [fail('第五部分既未写明具体问题，也未写明改进措施', body.slice(0, 2).map((s) => quoteEvidence(s)), { kind: 'empty' })];
    }
    if (measures.length === 0) {
      return [fail('第五部分只列出问题，未写明改进措施', problems.slice(0, 3).map((s) => quoteEvidence(s)), { kind: 'no-measures' })];
    }
    if (!problemAny) {
      return [fail('第五部分只写了改进措施，未写明存在的具体问题', measures.slice(0, 2).map((s) => quoteEvidence(s)), { kind: 'no-problems' })];
    }
    return [pass('第五部分写明了存在的问题和改进措施', ev)];
  },
};
