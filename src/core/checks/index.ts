/**
 * The check registry: every check of ../shared/spec/CHECKS.md, run with rule profiles.
 * A check that throws becomes one `uncertain` finding; the audit never crashes because of a check.
 */
import type { Finding, Report } from '../../shared/model.ts';
import type { Check, CheckContext, CheckFinding } from './types.ts';
import { activeValues } from './active-values.ts';
import { deadline } from './deadline.ts';
import { formatGeneration } from './format-generation.ts';
import { historyCarryover } from './history-carryover.ts';
import { historyNormativeStock } from './history-normative-stock.ts';
import { historyRepeatedText } from './history-repeated-text.ts';
import { historyValuesCopied } from './history-values-copied.ts';
import { identity } from './identity.ts';
import { legacyContents } from './legacy-contents.ts';
import { narrativeEnumeration } from './narrative-enumeration.ts';
import { narrativeFee } from './narrative-fee.ts';
import { narrativeNormative } from './narrative-normative.ts';
import { narrativePercent } from './narrative-percent.ts';
import { narrativeRequests } from './narrative-requests.ts';
import { narrativeReview } from './narrative-review.ts';
import { otherFee } from './other-fee.ts';
import { otherLocalItems } from './other-local-items.ts';
import { overviewArt50_4 } from './overview-art50-4.ts';
import { overviewAspects } from './overview-aspects.ts';
import { peerRepeatedText } from './peer-repeated-text.ts';
import { periodFullYear } from './period-full-year.ts';
import { problemsMeasures } from './problems-measures.ts';
import { requestsBalance } from './requests-balance.ts';
import { requestsResultTotal } from './requests-result-total.ts';
import { requestsRowTotal } from './requests-row-total.ts';
import { requestsValues } from './requests-values.ts';
import { regionRollup } from './region-rollup.ts';
import { reviewTotals } from './review-totals.ts';
import { scanOcrConfidence } from './scan-ocr-confidence.ts';
import { sectionsPresent } from './sections-present.ts';
import { tableActiveComplete } from './table-active-complete.ts';
import { tableRequestsComplete } from './table-requests-complete.ts';
import { tableRequestsLabels } from './table-requests-labels.ts';
import { tableReviewComplete } from './table-review-complete.ts';
import { textGarbled } from './text-garbled.ts';
import { textPersonalInfo } from './text-personal-info.ts';
import { textPlaceholder } from './text-placeholder.ts';
import { yearConsistency } from './year-consistency.ts';

/** In catalogue order (CHECKS.md). */
export const ALL_CHECKS: readonly Check[] = [
  sectionsPresent, overviewAspects, overviewArt50_4, legacyContents,
  tableActiveComplete, tableRequestsComplete, tableReviewComplete, tableRequestsLabels,
  problemsMeasures, otherFee, formatGeneration, periodFullYear, identity,
  requestsRowTotal, requestsResultTotal, requestsBalance, reviewTotals, activeValues, requestsValues,
  narrativeRequests, narrativeNormative, narrativeEnumeration, narrativePercent, narrativeReview, narrativeFee,
  deadline, yearConsistency,
  historyCarryover, historyNormativeStock, historyValuesCopied, historyRepeatedText, peerRepeatedText,
  textPlaceholder, textGarbled, textPersonalInfo, otherLocalItems,
  // Beyond the catalogue of CHECKS.md: the region's tables against its departments' sum; values of scanned pages read with low confidence.
  regionRollup, scanOcrConfidence,
];

export const CHECK_IDS: readonly string[] = ALL_CHECKS.map((c) => c.meta.id);

export function findCheck(id: string): Check | undefined {
  return ALL_CHECKS.find((c) => c.meta.id === id);
}

const PROFILE_NAME = { '2021': '2021年新版格式', '2019': '2019年试行格式', legacy: '2008年条例旧版格式' } as const;

function complete(check: Check, f: CheckFinding): Finding {
  const out: Finding = {
    check: check.meta.id,
    status: f.status,
    severity: f.severity ?? check.meta.severity,
    message: f.message,
    evidence: f.evidence ?? [],
    deduction: 0,
  };
  if (f.measure !== undefined) out.measure = f.measure;
  if (f.kind !== undefined) out.kind = f.kind;
  return out;
}

/** Runs one check with its profile; never throws. */
export function runCheck(check: Check, report: Report, context: CheckContext): Finding[] {
  const profiles = check.meta.profiles;
  if (profiles && !profiles.includes(report.generation)) {
    return [complete(check, { status: 'na', message: `不适用于${PROFILE_NAME[report.generation]}的年报`, evidence: [] })];
  }
  try {
    const found = check.run(report, context);
    if (found.length === 0) return [complete(check, { status: 'pass', message: '未发现问题', evidence: [] })];
    return found.map((f) => complete(check, f));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return [complete(check, { status: 'uncertain', message: `检查程序内部出错，未能判断：${reason}`, evidence: [] })];
  }
}

/** Every check on one report: each check id appears at least once (OUTPUT.md). */
export function runChecks(report: Report, context: CheckContext): Finding[] {
  return ALL_CHECKS.flatMap((check) => runCheck(check, report, context));
}

/**
 * The checks that compare with other reports run again; every other check keeps its findings from an
 * earlier run on the same report with the same options (they cannot have changed). A check missing from
 * the earlier run (added since) runs too.
 */
export function rerunComparisons(report: Report, context: CheckContext, earlier: readonly Finding[]): Finding[] {
  return rerunChecks(report, context, earlier, (check) => check.meta.comparesReports === true);
}

/**
 * The checks that compare with the year's peers run again (with `context.peers`); every other check keeps
 * its findings from `earlier` (a run in a worker without the peers). In catalogue order, as runChecks.
 */
export function rerunPeerComparisons(report: Report, context: CheckContext, earlier: readonly Finding[]): Finding[] {
  return rerunChecks(report, context, earlier, (check) => check.meta.comparesPeers === true);
}

/** The findings of the checks comparing with the year's peers alone: what the peer thread computes. */
export function runPeerChecks(report: Report, context: CheckContext): Finding[] {
  return ALL_CHECKS.filter((check) => check.meta.comparesPeers === true).flatMap((check) => runCheck(check, report, context));
}

/**
 * `rerunPeerComparisons` with the peer checks' findings computed elsewhere (`runPeerChecks` where the
 * year's peers are held); the other checks keep `earlier` as there.
 */
export function withPeerFindings(report: Report, context: CheckContext, earlier: readonly Finding[], peerFindings: readonly Finding[]): Finding[] {
  return ALL_CHECKS.flatMap((check) => {
    if (check.meta.comparesPeers === true) {
      const computed = peerFindings.filter((f) => f.check === check.meta.id);
      return computed.length > 0 ? computed : runCheck(check, report, context);
    }
    const kept = earlier.filter((f) => f.check === check.meta.id);
    return kept.length > 0 ? kept : runCheck(check, report, context);
  });
}

function rerunChecks(report: Report, context: CheckContext, earlier: readonly Finding[], again: (check: Check) => boolean): Finding[] {
  return ALL_CHECKS.flatMap((check) => {
    if (again(check)) return runCheck(check, report, context);
    const kept = earlier.filter((f) => f.check === check.meta.id);
    return kept.length > 0 ? kept : runCheck(check, report, context);
  });
}

/** Worst verdict of a check's findings: fail > uncertain > pass > na. */
export function verdictOf(findings: readonly Finding[], check: string): Finding['status'] | null {
  const mine = findings.filter((f) => f.check === check);
  if (mine.length === 0) return null;
  for (const v of ['fail', 'uncertain', 'pass'] as const) if (mine.some((f) => f.status === v)) return v;
  return 'na';
}

export const EMPTY_CONTEXT: CheckContext = { previous: null, peers: [], options: {} };

export type { Check, CheckContext, CheckFinding } from './types.ts';
export { narrativeFingerprint, compareFingerprints, primeFingerprint, cachedFingerprint, knownFingerprint, type NarrativeFingerprint, type Comparison } from './lib/similarity.ts';
export { SketchIndex } from './lib/sketch-index.ts';
