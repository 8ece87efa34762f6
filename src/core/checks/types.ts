/**
 * The contract of one check, modelled on ESLint rules: metadata + a pure function.
 * A check never throws on odd input: it returns `na` or `uncertain` instead.
 */
import type { CheckCategory, Evidence, Finding, Generation, Report, Severity, Verdict } from '../../shared/model.ts';
import type { NarrativeFingerprint } from './lib/similarity.ts';

/** Each check's metadata lives in the check catalogue (src/shared/check-catalogue.ts), shared with the UI and documents. */
export type { CheckMeta } from '../../shared/check-catalogue.ts';
import type { CheckMeta } from '../../shared/check-catalogue.ts';

/** Another report the context-aware checks compare with (previous year, peers of the same batch). */
export interface RelatedReport {
  file: string;
  department: string | null;
  year: number | null;
  report: Report;
}

export interface CheckContext {
  /** Same department's report for the previous year, when known. */
  previous: RelatedReport | null;
  /** Other reports of the same run / year (never includes the report itself). */
  peers: RelatedReport[];
  /**
   * Index of the peers' narrative sketches (lib/sketch-index.ts). With many peers, peer.repeated-text
   * compares only the candidates it returns, which include every peer that can reach the threshold.
   */
  peerIndex?: { candidates(fingerprint: NarrativeFingerprint, threshold: number): Set<RelatedReport> };
  /** Office settings that checks read. */
  options: CheckOptions;
}

export interface CheckOptions {
  /** The office's own deadline (ISO date) for the year under review; default per DOMAIN.md. */
  deadline?: string | null;
  /** The office's recorded date of receipt (ISO), preferred over the signing date. */
  receivedOn?: string | null;
  /** Keywords the office requires in part 六 (other.local-items); empty = check off. */
  localItems?: string[];
  /**
   * Default deadlines as month-day (MM-DD) of the year after the report year, when `deadline` is not set:
   * `current` for reports on 2019 onwards (default 01-31), `legacy` for 2008–2018 (03-31),
   * `government` for a government's own report (03-31). The rubric carries these (score/rubric.ts).
   */
  deadlines?: { current?: string; legacy?: string; government?: string };
}

/** What a check returns: findings without the rubric's deduction (scoring adds it). */
export type CheckFinding = Omit<Finding, 'deduction' | 'check' | 'severity'> & { severity?: Severity };

export interface Check {
  meta: CheckMeta;
  run(report: Report, context: CheckContext): CheckFinding[];
}

export type { Evidence, Verdict };
