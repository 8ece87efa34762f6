/** Console lines for CLI runs, in Chinese. */
import type { AuditResult } from '../../shared/model.ts';
import { terminalSafe as safe } from './terminal-text.ts';

export function formatResultLine(r: AuditResult, index: number, total: number): string {
  const head = `[${index}/${total}] ${safe(r.file)}`;
  if (r.error) return `${head}\n      无法审核：${safe(r.error)}`;
  const rep = r.report!;
  const score = r.score?.score;
  const vetoText = r.score?.veto ? `（${r.score.veto}）` : '';
  const scoreText = score === null || score === undefined ? '不评分' : `${score.toFixed(1)} 分 ${r.score?.grade ?? ''}${vetoText}`;
  const failed = r.findings.filter((f) => f.status === 'fail');
  const uncertain = r.findings.filter((f) => f.status === 'uncertain');
  const lines = [`${head}\n      ${rep.department === null ? '（单位未识别）' : safe(rep.department)} · ${rep.year ?? '年份未识别'}年 · ${rep.generation}版模板 · ${scoreText}`];
  if (failed.length === 0) lines.push('      未发现问题');
  for (const f of failed) lines.push(`      ✗ ${f.check}：${safe(f.message)}${f.deduction > 0 ? `（扣 ${f.deduction} 分）` : ''}`);
  if (uncertain.length > 0) lines.push(`      ? 待人工确认 ${uncertain.length} 项：${[...new Set(uncertain.map((f) => f.check))].join('、')}`);
  return lines.join('\n');
}

export function formatSummary(results: AuditResult[], skipped: number): string {
  const audited = results.filter((r) => !r.error);
  const notReports = results.filter((r) => r.errorCode === 'not-a-report').length;
  const errors = results.length - audited.length - notReports;
  const scores = audited.map((r) => r.score?.score).filter((s): s is number => typeof s === 'number');
  const avg = scores.length ? (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1) : '—';
  const grades = new Map<string, number>();
  for (const r of audited) {
    const g = r.score?.grade ?? '不评分';
    grades.set(g, (grades.get(g) ?? 0) + 1);
  }
  const gradeText = [...grades].map(([g, n]) => `${g} ${n}`).join('，');
  return `\n汇总：共 ${results.length} 个文件，已审核 ${audited.length} 个，无法读取 ${errors} 个${notReports ? `，不是年报 ${notReports} 个` : ''}${skipped ? `，跳过 ${skipped} 个` : ''}；平均分 ${avg}${gradeText ? `（${gradeText}）` : ''}`;
}
