/**
 * Everything a run hands to the office, written into one folder:
 *   sheets/<单位>.pdf   审核意见单, one per report
 *   notices/<单位>.pdf  整改通知书, one per report with problems to fix
 *   summary.pdf        汇总排名表 · summary.xlsx workbook · findings.csv (UTF-8 BOM)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { departmentMustFix, type CheckInfoMap } from '../../shared/check-catalogue.ts';
import { exportDocument, rankResults, renderNoticeHtml, renderSheetHtml, renderSummaryHtml } from '../engine-documents.ts';
import type { CellCorrection, ReviewerComment, ReviewerDecision } from '../../shared/api.ts';
import { effectiveStatuses } from '../../shared/decisions.ts';
import type { AuditResult } from '../../shared/model.ts';
import { printBatch } from '../print/pdf.ts';
import { findingsCsv } from './csv.ts';
import { uniqueBaseNames } from './file-names.ts';
import { writeWorkbook } from './xlsx.ts';

export interface WriteOutputsOptions {
  engineVersion: string;
  /** Year of the summary; default: the most common year among the results. */
  year?: number;
  office?: string;
  /** When the audit ran (ISO); default now. */
  auditedAt?: string;
  /** Import time per result file (as in AuditResult.file), when known. */
  importedAt?: Record<string, string>;
  /** Reviewer decisions per result file. */
  decisions?: Record<string, ReviewerDecision[]>;
  /** Reviewer cell corrections (listed on the sheet, cells marked †) and overall comments (审核意见), per result file. */
  corrections?: Record<string, CellCorrection[]>;
  comments?: Record<string, ReviewerComment>;
  /** The notice's date and fix-by date (ISO yyyy-mm-dd); fix-by defaults to 15 days after issue. */
  issuedOn?: string;
  fixBy?: string;
  missing?: string[];
  checks?: CheckInfoMap;
  /** Also write DIR/audit.json (OUTPUT.md format). */
  json?: boolean;
  /** Show a progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
  /** Called after each file written (the UI's progress of a batch export). */
  onProgress?: (done: number, total: number, file: string) => void;
  concurrency?: number;
}

export interface WrittenOutputs {
  sheets: string[];
  notices: string[];
  summaryPdf: string;
  xlsx: string;
  csv: string;
  json: string | null;
  /** Rank of each result among the scored reports of its year (null: not ranked), in the order of `results`. */
  ranks: (number | null)[];
  ms: number;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

function mostCommonYear(results: AuditResult[]): number | null {
  const counts = new Map<number, number>();
  for (const r of results) if (r.report?.year) counts.set(r.report.year, (counts.get(r.report.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** A report gets a notice when the department has something to fix (see departmentMustFix), or the file is unreadable. */
export function needsNotice(result: AuditResult, decisions: ReviewerDecision[] = [], checks?: CheckInfoMap): boolean {
  if (result.error) return true;
  const statuses = effectiveStatuses(result.findings, decisions);
  return result.findings.some((f, i) => departmentMustFix(f.check, statuses[i]!, checks));
}

export async function writeOutputs(results: AuditResult[], outDir: string, opts: WriteOutputsOptions): Promise<WrittenOutputs> {
  const started = Date.now();
  const auditedAt = opts.auditedAt ?? new Date().toISOString();
  const issuedOn = opts.issuedOn ?? isoDate(new Date());
  const fixBy = opts.fixBy ?? addDays(issuedOn, 15);
  const year = opts.year ?? mostCommonYear(results) ?? new Date().getFullYear() - 1;
  const sheetsDir = path.join(outDir, 'sheets');
  const noticesDir = path.join(outDir, 'notices');
  await mkdir(sheetsDir, { recursive: true });
  await mkdir(noticesDir, { recursive: true });

  // Departments are ranked against the others of the same year, and each year gets its own summary.
  const yearOf = (r: AuditResult): number => r.report?.year ?? year;
  const years = [...new Set(results.map(yearOf))].sort((a, b) => (a === year ? -1 : b === year ? 1 : b - a));
  const ranks: (number | null)[] = new Array<number | null>(results.length).fill(null);
  const scoredByYear = new Map<number, number>();
  for (const y of years) {
    const indexes = results.map((r, i) => (yearOf(r) === y ? i : -1)).filter((i) => i >= 0);
    const yearRanks = rankResults(indexes.map((i) => results[i]!));
    indexes.forEach((i, k) => (ranks[i] = yearRanks[k] ?? null));
    scoredByYear.set(y, yearRanks.filter((r) => r !== null).length);
  }
  // Files whose department is unknown are named after the original file so the office can tell them apart.
  const names = uniqueBaseNames(
    results.map((r) => ({ department: r.report?.department?.trim() || `单位未识别-${path.basename(r.file).replace(/\.[^.]+$/, '')}`, year: r.report?.year ?? null })),
  );
  const jobs: { html: string; file: string }[] = [];
  const sheets: string[] = [];
  const notices: string[] = [];
  results.forEach((result, i) => {
    const decisions = opts.decisions?.[result.file];
    const rank = ranks[i];
    const sheetFile = path.join(sheetsDir, `${names[i]}.pdf`);
    jobs.push({
      file: sheetFile,
      html: renderSheetHtml({
        result,
        auditedAt,
        importedAt: opts.importedAt?.[result.file] ?? null,
        engineVersion: opts.engineVersion,
        office: opts.office,
        rank: rank === null || rank === undefined ? null : { rank, of: scoredByYear.get(yearOf(result)) ?? 0 },
        decisions,
        corrections: opts.corrections?.[result.file] ?? [],
        comment: opts.comments?.[result.file] ?? null,
        checks: opts.checks,
      }).html,
    });
    sheets.push(sheetFile);
    if (needsNotice(result, decisions, opts.checks)) {
      const noticeFile = path.join(noticesDir, `${names[i]}.pdf`);
      jobs.push({ file: noticeFile, html: renderNoticeHtml({ result, fixBy, issuedOn, office: opts.office, decisions, checks: opts.checks }).html });
      notices.push(noticeFile);
    }
  });
  const summaryPdf = path.join(outDir, 'summary.pdf');
  for (const y of years) {
    jobs.push({
      file: y === year ? summaryPdf : path.join(outDir, `summary-${y}.pdf`),
      html: renderSummaryHtml({
        year: y,
        results: results.filter((r) => yearOf(r) === y),
        missing: y === year ? opts.missing : [],
        generatedAt: auditedAt,
        office: opts.office,
        checks: opts.checks,
        ...(opts.decisions ? { decisions: opts.decisions } : {}),
      }).html,
    });
  }

  const showProgress = opts.progress ?? Boolean(process.stderr.isTTY);
  const bar = showProgress
    ? new cliProgress.SingleBar(
        { format: '生成文书 [{bar}] {value}/{total} {name}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(jobs.length + 2, 0, { name: '' });
  const total = jobs.length + 2;
  let done = 0;
  const step = (file: string): void => {
    done += 1;
    bar?.increment(1, { name: path.basename(file) });
    opts.onProgress?.(done, total, file);
  };
  try {
    const xlsx = path.join(outDir, 'summary.xlsx');
    await writeWorkbook(xlsx, results, { year, generatedAt: auditedAt, missing: opts.missing, office: opts.office, checks: opts.checks, ...(opts.decisions ? { decisions: opts.decisions } : {}) });
    step(xlsx);
    const csv = path.join(outDir, 'findings.csv');
    await writeFile(csv, findingsCsv(results, opts.checks), 'utf8');
    step(csv);
    let json: string | null = null;
    if (opts.json) {
      json = path.join(outDir, 'audit.json');
      const rubric = results.find((r) => r.score)?.score?.rubric ?? { id: 'default', version: 1 };
      await writeFile(json, JSON.stringify(exportDocument(results, rubric), null, 2), 'utf8');
    }
    await printBatch(jobs, { concurrency: opts.concurrency, onDone: step });
    return { sheets, notices, summaryPdf, xlsx, csv, json, ranks, ms: Date.now() - started };
  } finally {
    bar?.stop();
  }
}
