/**
 * Content of the draft circular (通报) on a year's audit: participation, grades, the ranking and the
 * common problems, taken from the summary view so the circular says what the summary ranking says.
 * Pure: the .docx is written in src/main/export/circular.ts.
 */
import type { AuditResult } from '../../shared/model.ts';
import { chineseDate, describeEvidence } from './format.ts';
import { buildSummaryView, type SummaryInput } from './summary-view.ts';

export interface CircularInput extends SummaryInput {
  /** Rectification deadline, YYYY-MM-DD. */
  fixBy: string;
  /** Date the circular is issued, YYYY-MM-DD. */
  issuedOn: string;
  /** Name the examples' departments as 某单位. */
  anonymise?: boolean;
  /** How many common problems get a section (the most frequent first). */
  maxProblems?: number;
}

export interface CircularExample {
  department: string;
  /** The quoted original sentence (“…”), or the table cell and the value filled in. */
  quote: string;
}

export interface CircularProblem {
  title: string;
  departments: number;
  share: string;
  examples: CircularExample[];
}

export interface CircularRankRow {
  rank: string;
  department: string;
  score: string;
  grade: string;
}

export interface CircularView {
  title: string;
  office: string;
  opening: string;
  participation: { due: number; submitted: number; missing: string[]; late: string[] };
  participationText: string;
  gradeText: string;
  ranking: CircularRankRow[];
  problems: CircularProblem[];
  requirements: string[];
  issuedOn: string;
}

const ANONYMOUS = '某单位';
const QUOTE_LIMIT = 90;
const EXAMPLES_PER_PROBLEM = 2;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT)}……` : flat;
}

/** Up to two departments whose report failed the check, each with a sentence quoted from its evidence. */
function examplesOf(check: string, results: AuditResult[], order: number[], departments: string[], anonymise: boolean): CircularExample[] {
  const examples: CircularExample[] = [];
  const used = new Set<string>();
  for (const i of order) {
    if (examples.length >= EXAMPLES_PER_PROBLEM) break;
    const department = departments[i]!;
    if (used.has(department)) continue;
    const evidence = results[i]!.findings.filter((f) => f.check === check && f.status === 'fail').flatMap((f) => f.evidence).filter((e) => e.text?.trim());
    // A sentence of the report reads better than a table cell.
    const sentence = evidence.find((e) => !e.table);
    const cell = evidence.find((e) => e.table);
    const quote = sentence ? `“${shorten(sentence.text!)}”` : cell ? describeEvidence({ ...cell, page: undefined }, results[i]!.report) : null;
    if (!quote) continue;
    used.add(department);
    examples.push({ department: anonymise ? ANONYMOUS : department, quote });
  }
  return examples;
}

export function buildCircularView(input: CircularInput): CircularView {
  const summary = buildSummaryView(input);
  const { year, results } = input;
  const order = summary.rows.map((r) => r.index);
  const departments: string[] = [];
  for (const row of summary.rows) departments[row.index] = row.department;
  const submitted = summary.counts.departments;
  const due = submitted + summary.missing.length;
  const late = summary.rows.filter((r) => r.onTime === '逾期').map((r) => r.department);
  const participationText =
    `本年度应报送年度报告的单位 ${due} 个，已报送 ${submitted} 个，未报送 ${summary.missing.length} 个` +
    (summary.missing.length > 0 ? `（${summary.missing.join('、')}）` : '') +
    `；逾期报送 ${late.length} 个` +
    (late.length > 0 ? `（${late.join('、')}）` : '') +
    '。';
  const graded = summary.counts.grades.filter((g) => g.count > 0);
  const gradeText =
    graded.length > 0
      ? `经审核评分，${graded.map((g) => `${g.grade} ${g.count} 个`).join('，')}。各单位得分和等级如下表（按得分排序）：`
      : '本年度报告均未能评分。各单位审核情况如下表：';
  const problems: CircularProblem[] = summary.common.slice(0, input.maxProblems ?? 8).map((p) => ({
    title: p.title,
    departments: p.departments,
    share: p.share,
    examples: examplesOf(p.check, results, order, departments, input.anonymise ?? false),
  }));
  return {
    title: `关于${year}年度政府信息公开工作年度报告审核情况的通报`,
    office: summary.office,
    opening:
      `根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息公开工作年度报告格式的有关要求，${summary.office}对各单位报送的` +
      `${year}年度政府信息公开工作年度报告进行了审核。现将有关情况通报如下：`,
    participation: { due, submitted, missing: summary.missing, late },
    participationText,
    gradeText,
    ranking: summary.rows.map((r) => ({ rank: r.rank === null ? '—' : String(r.rank), department: r.department, score: r.score, grade: r.veto && r.grade === '—' ? r.veto : r.grade })),
    problems,
    requirements: [
      '各单位要对照审核意见单和本通报指出的问题逐项整改，统计表数据要与业务台账核对一致，正文内容要与统计数据相互印证。',
      `存在问题的单位请于${chineseDate(input.fixBy)}前完成整改，在本单位政府信息公开专栏更新年度报告，并将整改情况书面报送${summary.office}。`,
      '未按时报送年度报告的单位要说明原因，立即补报。',
    ],
    issuedOn: chineseDate(input.issuedOn),
  };
}
