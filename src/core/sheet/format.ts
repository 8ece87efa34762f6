/** Small pure formatting helpers shared by the view models (no DOM, no node:*). */
/** Verdict words, generations, file names and evidence in words are shared with the UI and the CLI. */
export { baseName, describeEvidence, GENERATION_LABELS, VERDICT_LABELS, worstVerdict } from '../../shared/wording.ts';

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

