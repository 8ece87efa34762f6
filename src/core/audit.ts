/**
 * The whole pipeline for one file: bytes → Document → Report → Findings → Score.
 * Reading (slow, per file, in workers) and judging (fast, needs other reports as context) are separate
 * steps so the importer can read in parallel and judge against the store; `auditBatch` does both for a
 * CLI run without a database.
 */
import { IngestError } from './document.ts';
import { ingest, type IngestOptions } from './ingest/index.ts';
import { detectFormat } from './ingest/detect.ts';
import { parseDocument } from './parse/index.ts';
import { rerunComparisons, rerunPeerComparisons, runChecks, withPeerFindings } from './checks/index.ts';
import type { CheckContext, CheckOptions, RelatedReport } from './checks/types.ts';
import { checkOptionsFromRubric, scoreReport, type Rubric } from './score/index.ts';
import { anchorDecisions } from './review.ts';
import type { AuditResult, Finding, FindingDecision, Report, ScoreResult, SourceFormat } from '../shared/model.ts';

export { ENGINE_VERSION } from './version.ts';

export interface ReadResult {
  file: string;
  format: SourceFormat | null;
  report: Report | null;
  error: string | null;
  errorCode: string | null;
}

/** Minimal signs of an annual report on open government information: without them the file is vetoed. */
export function looksLikeAnnualReport(report: Report): boolean {
  const partsFound = report.sections.filter((s) => s.found).length;
  const hasTable = report.tables.active !== null || report.tables.requests !== null || report.tables.review !== null;
  // A letter or notice about the annual report (关于报送…年度报告的函, filed in the same web column) is not one,
  // even when its numbered points read like parts.
  if (!hasTable && report.title === null && isLetterHeading(report.paragraphs[0]?.text ?? '')) return false;
  const mentions = report.paragraphs.some((p) => /政府信息公开|政务公开|信息公开/.test(p.text));
  return mentions && (partsFound >= 2 || hasTable || (report.generation === 'legacy' && (report.legacyItems ?? []).filter((i) => i.found).length >= 3));
}

function isLetterHeading(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^关于.{2,70}?的(?:函|复函|通知|通报|请示|批复|意见)/.test(t);
}

/** Narrative characters below which a report whose tables hold no figure is an unfilled template. */
const UNFILLED_NARRATIVE_CHARS = 200;

/**
 * A template nobody filled in (the office's blank Word form): not one figure in any statistics table
 * and hardly any text under the six headings. Returns the narrative length when unfilled, else null.
 */
export function unfilledTemplate(report: Report): number | null {
  const { active, requests, review } = report.tables;
  const anyFigure = (active ?? []).some((v) => v !== null) || (review ?? []).some((v) => v !== null)
    || (requests ?? []).some((row) => row.some((v) => v !== null));
  if (anyFigure) return null;
  const headings = new Set(report.sections.map((s) => s.headingIndex).filter((i) => i !== undefined));
  const narrative = report.paragraphs
    .filter((p, i) => p.part >= 1 && !p.fromTable && !headings.has(i))
    .reduce((n, p) => n + p.text.replace(/[\s（）()：:。，,、]/g, '').length, 0);
  return narrative < UNFILLED_NARRATIVE_CHARS ? narrative : null;
}

/** Read one file into a Report. Never throws: an unreadable file becomes an error with a Chinese reason. */
export async function readReport(file: string, bytes: Uint8Array, options: IngestOptions = {}): Promise<ReadResult> {
  const detected = detectFormat(file, bytes);
  const format = detected.kind === 'supported' ? detected.format : null;
  try {
    const doc = await ingest(file, bytes, options);
    const report = parseDocument(doc, file);
    if (!looksLikeAnnualReport(report)) {
      return { file, format, report: null, error: '不是政府信息公开工作年度报告（未找到年报的章节和统计表），请人工核对', errorCode: 'not-a-report' };
    }
    const narrative = unfilledTemplate(report);
    if (narrative !== null) {
      return { file, format, report: null, error: `不是政府信息公开工作年度报告：空白模板，统计表未填写任何数据，正文仅${narrative}字，请人工核对`, errorCode: 'not-a-report' };
    }
    return { file, format, report, error: null, errorCode: null };
  } catch (e) {
    if (e instanceof IngestError) return { file, format, report: null, error: e.message, errorCode: e.code };
    const message = e instanceof Error ? e.message : String(e);
    return { file, format, report: null, error: `读取失败：${message}`, errorCode: 'damaged' };
  }
}

export interface Judgement {
  findings: Finding[];
  score: ScoreResult;
}

/** Run every check and score the findings with a rubric; reviewer decisions are re-anchored to the new findings. */
export function judgeReport(report: Report, context: CheckContext, rubric: Rubric, decisions: readonly FindingDecision[] = []): Judgement {
  const findings = runChecks(report, context);
  return scoreReport({ report, findings, rubric, decisions: anchorDecisions(findings, decisions) });
}

/**
 * Judge a report again after other reports arrived: only the checks that compare with them run, the
 * rest of `earlier` (its last findings under the same rules) is kept.
 */
export function rejudgeComparisons(
  report: Report,
  context: CheckContext,
  rubric: Rubric,
  earlier: readonly Finding[],
  decisions: readonly FindingDecision[] = [],
): Judgement {
  const findings = rerunComparisons(report, context, earlier);
  return scoreReport({ report, findings, rubric, decisions: anchorDecisions(findings, decisions) });
}

/** What a check run without the year's peers needs: the same department's previous report and the options. */
export type SoloContext = Pick<CheckContext, 'previous' | 'options'>;

/**
 * Every check without the year's peers: the part of an audit that runs in a worker thread, under the time
 * limit (the peer comparison runs where the peer index is; see `judgeWithPeers`). With `earlier` (the
 * report's last findings under the same rules) only the checks comparing with other reports run again.
 */
export function checkWithoutPeers(report: Report, context: SoloContext, earlier?: readonly Finding[]): Finding[] {
  const solo: CheckContext = { previous: context.previous, peers: [], options: context.options };
  return earlier ? rerunComparisons(report, solo, earlier) : runChecks(report, solo);
}

/** The rest of an audit after `checkWithoutPeers`: the checks comparing with the year's peers, then the score. */
export function judgeWithPeers(
  report: Report,
  context: CheckContext,
  rubric: Rubric,
  withoutPeers: readonly Finding[],
  decisions: readonly FindingDecision[] = [],
): Judgement {
  const findings = rerunPeerComparisons(report, context, withoutPeers);
  return scoreReport({ report, findings, rubric, decisions: anchorDecisions(findings, decisions) });
}

/** `judgeWithPeers` with the peer checks' findings computed in another thread (`runPeerChecks`). */
export function judgeWithPeerFindings(
  report: Report,
  context: CheckContext,
  rubric: Rubric,
  withoutPeers: readonly Finding[],
  peerFindings: readonly Finding[],
  decisions: readonly FindingDecision[] = [],
): Judgement {
  const findings = withPeerFindings(report, context, withoutPeers, peerFindings);
  return scoreReport({ report, findings, rubric, decisions: anchorDecisions(findings, decisions) });
}

/** The score of a file that could not be audited (vetoed). */
export function vetoScore(error: string, rubric: Rubric): ScoreResult {
  return scoreReport({ report: null, findings: [], rubric, error }).score;
}

export interface BatchFile {
  read: ReadResult;
  sha256: string;
  size: number;
}

function related(read: ReadResult): RelatedReport {
  const report = read.report!;
  return { file: read.file, department: report.department, year: report.year, report };
}

/** A batch file's context: the other reports of the same year are the peers, the previous year's report of the same department (if in the batch) the history. */
function batchContext(readable: readonly BatchFile[], f: BatchFile, checkOptions: CheckOptions): CheckContext {
  const report = f.read.report!;
  const peers = readable
    .filter((o) => o !== f && o.read.report!.year === report.year && !sameDepartment(o.read.report!, report))
    .map((o) => related(o.read));
  const previousFile = readable.find((o) => o !== f && sameDepartment(o.read.report!, report) && report.year !== null && o.read.report!.year === report.year - 1);
  return { previous: previousFile ? related(previousFile.read) : null, peers, options: checkOptions };
}

function unreadableResult(f: BatchFile, rubric: Rubric, error: string | null, errorCode: string | null): AuditResult {
  return {
    file: f.read.file,
    sha256: f.sha256,
    size: f.size,
    format: f.read.format,
    error,
    ...(errorCode ? { errorCode } : {}),
    report: null,
    findings: [],
    score: vetoScore(error ?? '无法读取', rubric),
  };
}

/**
 * Judge a batch read without a database: the other reports of the same year are the peers,
 * the same department's report of the previous year (if in the batch) is the history. Checks run in this thread.
 */
export function auditBatch(files: BatchFile[], rubric: Rubric, options: CheckOptions = {}): AuditResult[] {
  const readable = files.filter((f) => f.read.report !== null);
  const checkOptions: CheckOptions = { ...checkOptionsFromRubric(rubric), ...options };
  return files.map((f) => {
    if (!f.read.report) return unreadableResult(f, rubric, f.read.error, f.read.errorCode);
    const report = f.read.report;
    const judged = judgeReport(report, batchContext(readable, f, checkOptions), rubric);
    return { file: f.read.file, sha256: f.sha256, size: f.size, format: f.read.format, error: null, report, findings: judged.findings, score: judged.score };
  });
}

/** What `checkAlone` gives back: the findings of `checkWithoutPeers`, or why there are none (a timeout). */
export type SoloOutcome = { findings: Finding[]; error: null; errorCode: null } | { findings: null; error: string; errorCode: string };

/**
 * `auditBatch` with the checks that need no peers run by `checkAlone` (in worker threads, under the time
 * limit); the peer comparison and the score here. A report whose checks fail or overrun is vetoed with the reason.
 */
export async function auditBatchWith(
  files: BatchFile[],
  rubric: Rubric,
  options: CheckOptions,
  checkAlone: (report: Report, context: SoloContext) => Promise<SoloOutcome>,
): Promise<AuditResult[]> {
  const readable = files.filter((f) => f.read.report !== null);
  const checkOptions: CheckOptions = { ...checkOptionsFromRubric(rubric), ...options };
  const solo = await Promise.all(files.map((f) => (f.read.report ? checkAlone(f.read.report, batchContext(readable, f, checkOptions)) : null)));
  return files.map((f, i) => {
    const own = solo[i];
    if (!f.read.report || !own) return unreadableResult(f, rubric, f.read.error, f.read.errorCode);
    if (own.findings === null) return unreadableResult(f, rubric, own.error, own.errorCode);
    const report = f.read.report;
    const judged = judgeWithPeers(report, batchContext(readable, f, checkOptions), rubric, own.findings);
    return { file: f.read.file, sha256: f.sha256, size: f.size, format: f.read.format, error: null, report, findings: judged.findings, score: judged.score };
  });
}

function sameDepartment(a: Report, b: Report): boolean {
  return a.department !== null && a.department === b.department;
}
