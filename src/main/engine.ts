/**
 * The door from the backend into the audit engine in src/core: reading (in workers), judging (checks +
 * score with store context), the reviewer's work, re-scoring stored findings, rubrics and check metadata.
 * The printed documents and the JSON export come through `engine-documents.ts` (kept apart so the parsing
 * workers, which load this file, do not load React). No other file in src/main imports src/core (the lint
 * enforces it), so an engine API change is fixed in these two files.
 */
import { ENGINE_VERSION as CORE_ENGINE_VERSION, checkWithoutPeers, judgeWithPeerFindings, judgeWithPeers, readReport, vetoScore, type SoloContext } from '../core/audit.ts';
import { ALL_CHECKS, SketchIndex, cachedFingerprint, knownFingerprint, narrativeFingerprint, primeFingerprint, runPeerChecks } from '../core/checks/index.ts';
import type { CheckContext, RelatedReport } from '../core/checks/types.ts';
import { checkOptionsFromRubric, defaultRubricJson as coreDefaultRubricJson, parseRubric, scoreReport, type Rubric } from '../core/score/index.ts';
import { anchorDecisions, applyCorrections, reanchorDecisions } from '../core/review.ts';
import { loadAllReaders } from '../core/ingest/index.ts';
import type { Finding, FindingDecision, Report, ScoreResult, SourceFormat } from '../shared/model.ts';
import type { OcrOptions } from '../core/ingest/pdf-scan.ts';

export type { Rubric };
/** OCR of scanned pages: the options ingest takes, and what an OCR engine (src/main/ocr) provides. */
export type { OcrOptions };
export type { GrayImage } from '../core/ingest/scan/gray-image.ts';
export type { RecognisedText, TextRecognizer } from '../core/ingest/scan/recognizer.ts';

export const ENGINE_VERSION = CORE_ENGINE_VERSION;

export interface ReadFileResult {
  report: Report | null;
  format: SourceFormat | null;
  error: string | null;
  errorCode: string | null;
}

/** ingest + parse; never throws. Runs inside the worker threads. */
export async function readReportFile(file: string, bytes: Uint8Array, ocr?: OcrOptions): Promise<ReadFileResult> {
  const r = await readReport(file, bytes, ocr ? { ocr } : {});
  return { report: r.report, format: r.format, error: r.error, errorCode: r.errorCode };
}

/** Load the readers that are otherwise loaded on the first file of their kind (pdf.js takes ~0.3 s). */
export async function warmUpReaders(): Promise<void> {
  await loadAllReaders();
}

export function fingerprintReport(report: Report): unknown {
  return narrativeFingerprint(report);
}

/** Index of a year's peers by narrative sketch, so a large batch is not compared all against all. */
export class PeerIndex {
  private readonly index = new SketchIndex<RelatedReport>();
  add(peer: RelatedReport): void {
    this.index.add(peer, cachedFingerprint(peer.report));
  }
  remove(peer: RelatedReport): void {
    this.index.remove(peer);
  }
  candidates(...args: Parameters<SketchIndex<RelatedReport>['candidates']>): Set<RelatedReport> {
    return this.index.candidates(...args);
  }
}

/** Reuse the fingerprint stored with a report (computed by the worker) instead of computing it again. */
export function reuseFingerprint(report: Report, stored: unknown): void {
  primeFingerprint(report, stored);
}

/** The fingerprint known for a report (stored with it, or computed), or null; never computes one. */
export function storedFingerprint(report: Report): unknown {
  return knownFingerprint(report);
}

/** The reviewer's work: corrections applied to a report copy, decisions matched to the current findings. */
export { anchorDecisions, applyCorrections, reanchorDecisions };

export type { SoloContext };
export type { CellCorrectionInput } from '../core/review.ts';

/**
 * The checks that need no peers (worker threads, under the time limit). `previous` may carry its stored
 * fingerprint as `fingerprint`, and the report its own, so the history checks need not compute them again.
 */
export function checkAlone(report: Report, context: SoloContext, fingerprint?: unknown, earlier?: readonly Finding[]): Finding[] {
  if (fingerprint !== undefined && fingerprint !== null) primeFingerprint(report, fingerprint);
  const previous = context.previous as (RelatedReport & { fingerprint?: unknown }) | null;
  if (previous?.fingerprint !== undefined && previous.fingerprint !== null) primeFingerprint(previous.report, previous.fingerprint);
  return checkWithoutPeers(report, context, earlier);
}

/** The rest of an audit after `checkAlone`: the peer comparison (with the year's peer index) and the score. */
export function finishAudit(report: Report, context: CheckContext, rubric: Rubric, withoutPeers: readonly Finding[], decisions: readonly FindingDecision[]): { findings: Finding[]; score: ScoreResult } {
  return judgeWithPeers(report, context, rubric, withoutPeers, decisions);
}

/** The peer checks alone, with the year's peers and their index (in the peer thread: peer-worker.ts). */
export function comparePeers(report: Report, context: CheckContext): Finding[] {
  return runPeerChecks(report, context);
}

/**
 * What the peer thread needs of a report: the narrative (paragraphs and where the parts start), not the
 * tables and their cell sources, so a year of reports copied there stays small. Checks with
 * `meta.comparesPeers` read only the narrative.
 */
export function narrativeOnly(report: Report): Report {
  const { ocr: _ocr, runCuts: _runCuts, legacyItems: _legacyItems, ...rest } = report;
  return {
    ...rest,
    tables: { active: null, requests: null, review: null },
    tableSources: { active: null, requests: null, review: null },
    requestsLabels: [],
    warnings: [],
  };
}

/** `finishAudit` with the peer checks' findings from the peer thread (`comparePeers`). */
export function finishAuditWith(
  report: Report,
  context: CheckContext,
  rubric: Rubric,
  withoutPeers: readonly Finding[],
  peerFindings: readonly Finding[],
  decisions: readonly FindingDecision[],
): { findings: Finding[]; score: ScoreResult } {
  return judgeWithPeerFindings(report, context, rubric, withoutPeers, peerFindings, decisions);
}

/** Score stored findings again with another rubric: no reading, no checks. */
export function rescoreFindings(report: Report, findings: Finding[], rubric: Rubric, decisions: readonly FindingDecision[]): { findings: Finding[]; score: ScoreResult } {
  return scoreReport({ report, findings, rubric, decisions: anchorDecisions(findings, decisions) });
}

export function defaultRubricJson(): string {
  return coreDefaultRubricJson();
}

/** Check options the rubric carries (default deadlines). */
export function rubricCheckOptions(rubric: Rubric): Partial<CheckContext['options']> {
  return checkOptionsFromRubric(rubric);
}

/** Parse and validate a rubric; throws an Error whose message names the bad field. */
export function parseRubricJson(json: string): Rubric {
  return parseRubric(json);
}

export function rubricIdentity(rubric: Rubric): { id: string; version: number } {
  return { id: rubric.id, version: rubric.version };
}

/** The rubric as stored: its id and the store's version number win over what the JSON says. */
export function withRubricVersion(rubric: Rubric, id: string, version: number): Rubric {
  return { ...rubric, id, version };
}

const CATEGORY = new Map(ALL_CHECKS.map((c) => [c.meta.id, c.meta.category as string]));

export function checkCategory(checkId: string): string {
  return CATEGORY.get(checkId) ?? '其他';
}

/** The score of a file that could not be read (vetoed, goes to the manual queue). */
export function vetoScoreFor(error: string, rubric: Rubric): ScoreResult {
  return vetoScore(error, rubric);
}

// What the rest of src/main uses from core as it is.
export { auditBatch, auditBatchWith, type BatchFile, type ReadResult, type SoloOutcome } from '../core/audit.ts';
export type { CheckContext, CheckOptions, RelatedReport } from '../core/checks/types.ts';
export { isSupportedExtension } from '../core/ingest/detect.ts';
export { defaultRubric } from '../core/score/index.ts';
export {
  rollUp,
  regionMember,
  rollupArithmetic,
  compareWithRollup,
  type Rollup,
  type RollupMember,
  type RegionDifference,
} from '../core/rollup/index.ts';
