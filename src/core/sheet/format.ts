/** Small pure formatting helpers shared by the view models (no DOM, no node:*). */
import type { Evidence, Generation, Report, Verdict } from '../../shared/model.ts';
import { tablePlaceLabel } from '../../shared/template/index.ts';

export const VERDICT_LABELS: Record<Verdict, string> = { pass: '通过', fail: '不通过', uncertain: '待确认', na: '不适用' };

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

/** "2025-01-20" → "2025年1月20日"; anything unparseable is returned as given. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** ISO timestamp → "2025-01-20 14:03" (local wall time as written in the ISO string). */
export function shortDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[1]} ${m[2]}` : m[1]!;
}

export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(rounded * 10 === Math.round(rounded * 10) ? 1 : 2);
}

/** A score as printed: '—' when there is none (vetoed, unreadable). */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : formatPoints(score);
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** One evidence item in words: "第2页 · 表三 （七）总计 总计列 · “15”". */
export function describeEvidence(e: Evidence, report: Report | null): string {
  const parts: string[] = [];
  if (e.page !== undefined) parts.push(`第${e.page}页`);
  if (e.table) {
    const generation = report?.generation ?? null;
    const activeLength = report?.tables.active?.length ?? 10;
    parts.push(tablePlaceLabel(e.table, e.row, e.col, generation, activeLength));
  }
  if (e.text) parts.push(e.table ? `填报值“${truncate(e.text, 40)}”` : `原文：“${truncate(e.text, 160)}”`);
  // Read from a scanned page: the printed sheet says so (the value is the machine's reading of a picture).
  if (e.ocr) parts.push(`扫描件OCR识别，把握${Math.round(e.ocr.confidence * 100)}%`);
  if (e.other) {
    const who = e.other.department ?? baseName(e.other.file);
    parts.push(`对照：${who}${e.other.year ? ` ${e.other.year}年` : ''}报告（${baseName(e.other.file)}）`);
  }
  return parts.join(' · ');
}
