import type { Evidence, Report } from '../../shared/model.ts';
import type { Check, CheckFinding } from './types.ts';
import { cellEvidence, quoteEvidence, show } from './lib/evidence.ts';
import { fail, isNumber, na, pass, uncertain } from './lib/findings.ts';
import { findCountedNumbers } from './lib/numbers.ts';
import { clauses, sentencesOf } from './lib/sentences.ts';
import { yearsMentioned } from './lib/years.ts';
import { anyOfWords, REQUEST_COLUMN, REQUEST_COLUMNS, REQUEST_RESULT_KINDS, REQUEST_ROW, requestRowShort } from '../../shared/template/index.ts';
import { withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

/** A sentence is about disclosure applications when it names them explicitly. */
const TOPIC = /依申请公开|信息公开申请|公开申请|申请公开|政府信息公开的?申请|依申请/;
/** Other things counted in 件 that sit next to applications in the text. */
const OTHER_TOPIC = /信箱|来信|信件|来电|热线|咨询|留言|投诉|举报|办件|政务服务|审批|建议|提案|复议|诉讼|信访|网上办事|事项清单/;
const CARRY_FORWARD = /结转(?:至|到)?下(?:一)?年|转入下(?:一)?年|下(?:一)?年度继续办理|结转下年/;
const CARRY_OVER = /上年(?:度)?结转|结转上年|上一年度结转|上年度遗留/;
const RECEIVED = /新收|收到|受理|承办|接收|接到|共|合计|总计|办理了?|处理了?|申请(?:数量|总数|量)?为?/;
/** Breakdowns (by channel, applicant or result) are not the total. */
const BREAKDOWN = new RegExp(`其中|当面|网上|网络|信函|邮寄|传真|电话|电子邮件|${REQUEST_COLUMNS[REQUEST_COLUMN.natural]}|法人|企业|${anyOfWords(REQUEST_RESULT_KINDS)}|办结|答复|告知|撤回|同比|增加|减少|增长|下降|上升|比上年|较上年|去年`);
/**
 * In a government's report the table covers the whole government; a count attributed to its general
 * office or to some of its bodies ("区政府办代表区政府受理…17件") is a part, not the table's total.
 */
const SUB_BODY = /政府办|办公室|办公厅|本级|(?:各|有关|部分)(?:部门|单位|乡镇|街道)/;
const NONE = /(?:未|没有|无|尚未|均未)(?:收到|受理|发生|接到|承办|产生)?[^,，;；。]{0,8}(?:依申请公开|信息公开申请|公开申请)/;

type Role = 'received' | 'carryOver' | 'carryForward';

interface Statement { role: Role; value: number; sentence: ReturnType<typeof sentencesOf>[number] }

function statements(report: Report): { found: Statement[]; unclear: Statement[] } {
  const found: Statement[] = [];
  const unclear: Statement[] = [];
  for (const s of sentencesOf(report)) {
    if (!TOPIC.test(s.text)) continue;
    const years = yearsMentioned(s.text);
    if (report.year !== null && years.some((y) => y !== report.year && y !== report.year! + 1)) continue;
    for (const clause of clauses(s.text)) {
      const c = clause.text;
      if (OTHER_TOPIC.test(c)) continue;
      if (NONE.test(c) && !CARRY_FORWARD.test(c) && !CARRY_OVER.test(c)) {
        found.push({ role: 'received', value: 0, sentence: s });
        continue;
      }
      const nums = findCountedNumbers(c, '件|个|条|份|次');
      if (nums.length === 0) continue;
      const n = nums[0]!;
      const before = c.slice(0, n.index);
      const role: Role | null = CARRY_FORWARD.test(before) ? 'carryForward'
        : CARRY_OVER.test(before) ? 'carryOver'
        : BREAKDOWN.test(before) ? null
        : RECEIVED.test(before) && (TOPIC.test(c) || /申请/.test(before)) ? 'received' : null;
      if (role && report.isGovernment && SUB_BODY.test(before)) unclear.push({ role, value: n.value, sentence: s });
      else if (role) found.push({ role, value: n.value, sentence: s });
      else if (TOPIC.test(c) && !BREAKDOWN.test(before)) unclear.push({ role: 'received', value: n.value, sentence: s });
    }
  }
  return { found, unclear };
}

export const narrativeRequests: Check = {
  meta: checkMeta('narrative.requests'),
  run: withTable('requests', '表三缺失，无法与正文核对', (grid, report) => {
    const { found, unclear } = statements(report);
    if (found.length === 0 && unclear.length === 0) return [na('正文未陈述政府信息公开申请数量')];
    const newly = grid[REQUEST_ROW.received]?.[REQUEST_COLUMN.total];
    const carried = grid[REQUEST_ROW.carriedOver]?.[REQUEST_COLUMN.total];
    const forward = grid[REQUEST_ROW.carriedForward]?.[REQUEST_COLUMN.total];
    const out: CheckFinding[] = [];
    for (const st of found) {
      let ok: boolean;
      let cells: Evidence[];
      let expected: string;
      if (st.role === 'received') {
        if (!isNumber(newly)) continue;
        const accepted = [newly, isNumber(carried) ? newly + carried : newly];
        ok = accepted.includes(st.value);
        cells = [cellEvidence(report, { table: 'requests', row: REQUEST_ROW.received, col: REQUEST_COLUMN.total }), ...(isNumber(carried) && carried > 0 ? [cellEvidence(report, { table: 'requests', row: REQUEST_ROW.carriedOver, col: REQUEST_COLUMN.total })] : [])];
        expected = `表三本年新收${show(newly)}件${isNumber(carried) && carried > 0 ? `、上年结转${carried}件` : ''}`;
      } else if (st.role === 'carryOver') {
        if (!isNumber(carried)) continue;
        ok = st.value === carried;
        cells = [cellEvidence(report, { table: 'requests', row: REQUEST_ROW.carriedOver, col: REQUEST_COLUMN.total })];
        expected = `表三上年结转${carried}件`;
      } else {
        if (!isNumber(forward)) continue;
        ok = st.value === forward;
        cells = [cellEvidence(report, { table: 'requests', row: REQUEST_ROW.carriedForward, col: REQUEST_COLUMN.total })];
        expected = `表三${requestRowShort(REQUEST_ROW.carriedForward)}${forward}件`;
      }
      if (!ok) {
        out.push(fail(`正文称${st.value}件，与${expected}不符：“${quoteEvidence(st.sentence, 60).text}”`, [quoteEvidence(st.sentence), ...cells], { measure: 1 }));
      }
    }
    if (out.length > 0) return out;
    if (found.length === 0) {
      const u = unclear[0]!;
      return [uncertain(`正文提到与申请相关的数字${u.value}件，无法确定是否指申请数量，请人工核对`, [quoteEvidence(u.sentence), cellEvidence(report, { table: 'requests', row: REQUEST_ROW.received, col: REQUEST_COLUMN.total })])];
    }
    return [pass(`正文所述申请数量与表三一致（${found.length}处）`, found.slice(0, 3).map((f) => quoteEvidence(f.sentence)))];
  }),
};
