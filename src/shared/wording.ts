/**
 * The words the screen, the printed documents, the CLI and the exports share: verdicts, reviewer decisions,
 * template generations, and evidence in words. One place, so a verdict or a decision reads the same everywhere.
 */
import type { DecisionAction, Evidence, Generation, Report, Verdict } from './model.ts';
import { tablePlaceLabel } from './template/index.ts';

export const VERDICT_LABELS: Record<Verdict, string> = { pass: '通过', fail: '不通过', uncertain: '待确认', na: '不适用' };

/** The reviewer's two decisions, as a verb (buttons, records) and as a state (a decided finding). */
export const DECISION_LABELS: Record<DecisionAction, string> = { confirm: '确认', dismiss: '驳回' };
export const DECIDED_LABELS: Record<DecisionAction, string> = { confirm: '已确认', dismiss: '已驳回' };

export const GENERATION_LABELS: Record<Generation, string> = {
  '2021': '2021年版格式（国办公开办函〔2021〕30号）',
  '2019': '2019年试行格式（国办公开办函〔2019〕60号）',
  legacy: '2008年条例旧版格式',
};

/** Verdict order, worst first: a check's verdict is the worst of its findings. */
const VERDICT_RANK: Record<Verdict, number> = { fail: 3, uncertain: 2, pass: 1, na: 0 };

export function worstVerdict(verdicts: Verdict[]): Verdict {
  let worst: Verdict = 'na';
  for (const v of verdicts) if (VERDICT_RANK[v] > VERDICT_RANK[worst]) worst = v;
  return worst;
}

/** Last path component, for both / and \ separators. */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** One evidence item in words: "第2页 · 表三 <row> · <column>列 · 填报值“15”". */
export function describeEvidence(e: Evidence, report: Pick<Report, 'generation' | 'tables'> | null): string {
  const parts: string[] = [];
  if (e.page !== undefined) parts.push(`第${e.page}页`);
  if (e.table) parts.push(tablePlaceLabel(e.table, e.row, e.col, report?.generation ?? null, report?.tables.active?.length));
  if (e.corrected) parts.push(`审核人更正为“${truncate(e.text ?? '', 40) || '空'}”（原读取“${truncate(e.corrected.original, 40) || '空'}”）`);
  else if (e.text) parts.push(e.table ? `填报值“${truncate(e.text, 40)}”` : `原文：“${truncate(e.text, 160)}”`);
  // Read from a scanned page: the printed sheet says so (the value is the machine's reading of a picture).
  if (e.ocr) parts.push(`扫描件OCR识别，把握${Math.round(e.ocr.confidence * 100)}%`);
  if (e.other) {
    const who = e.other.department ?? baseName(e.other.file);
    parts.push(`对照：${who}${e.other.year ? ` ${e.other.year}年` : ''}报告（${baseName(e.other.file)}）`);
  }
  return parts.join(' · ');
}
