/** View model of the rectification notice (整改通知书). */
import type { ReviewerDecision } from '../../shared/api.ts';
import type { AuditResult } from '../../shared/model.ts';
import { checkInfo, departmentMustFix } from '../../shared/check-catalogue.ts';
import type { CheckInfoMap } from '../../shared/check-catalogue.ts';
import { baseName, formatScore } from './format.ts';
import { DEFAULT_OFFICE, departmentOf, findingViews } from './finding-view.ts';

export interface NoticeInput {
  result: AuditResult;
  /** Date the department must fix the report by, and the notice's date (ISO yyyy-mm-dd). */
  fixBy: string;
  issuedOn: string;
  office?: string;
  /** Document number such as 〔2025〕3号; omitted when the office numbers by hand. */
  noticeNo?: string;
  decisions?: ReviewerDecision[];
  checks?: CheckInfoMap;
}

export interface NoticeProblemView {
  number: number;
  title: string;
  /** Plain description of the defect (the finding's message). */
  description: string;
  rule: string | null;
  where: string[];
}

export interface NoticeView {
  documentTitle: string;
  office: string;
  noticeNo: string | null;
  department: string;
  year: number | null;
  fileName: string;
  score: string;
  grade: string;
  fixBy: string;
  issuedOn: string;
  problems: NoticeProblemView[];
}

const MAX_NOTICE_PLACES = 4;

/** The rule as the department should read it: the check's docs without how the tool checks it. */
function ruleText(docs: string): string {
  return docs.replace(/本检查[^。]*。/g, '').trim() || docs;
}

export function buildNoticeView(input: NoticeInput): NoticeView {
  const { result } = input;
  const department = departmentOf(result);
  const views = findingViews(result, input.decisions, input.checks);
  const problems: NoticeProblemView[] = [];
  for (const v of views) {
    // Only what the department must fix: doubts wait for the reviewer, the office's own tasks stay on the sheet.
    if (!departmentMustFix(v.check, v.status, input.checks)) continue;
    const info = checkInfo(v.check, input.checks);
    problems.push({
      number: problems.length + 1,
      title: info.title,
      description: v.message,
      rule: info.docs ? ruleText(info.docs) : null,
      where: v.evidence.length > MAX_NOTICE_PLACES ? [...v.evidence.slice(0, MAX_NOTICE_PLACES), `等共 ${v.evidence.length} 处`] : v.evidence,
    });
  }
  if (result.error) {
    problems.unshift({ number: 0, title: '报告文件无法读取', description: result.error, rule: null, where: [baseName(result.file)] });
    problems.forEach((p, i) => (p.number = i + 1));
  }
  return {
    documentTitle: `${department}整改通知书`,
    office: input.office?.trim() || DEFAULT_OFFICE,
    noticeNo: input.noticeNo ?? null,
    department,
    year: result.report?.year ?? null,
    fileName: baseName(result.file),
    score: formatScore(result.score?.score),
    grade: result.score?.grade ?? '—',
    fixBy: input.fixBy,
    issuedOn: input.issuedOn,
    problems,
  };
}
