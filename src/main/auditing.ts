/**
 * Running checks + scoring for stored reports: the context the store can give (same department's previous
 * year, same-year peers, roster deadline and date of receipt), reviewer corrections applied to a copy of the
 * report, reviewer decisions applied by the engine, and the summary numbers the lists show.
 */
import type { Finding, FindingDecision, Report, ScoreResult } from '../shared/model.ts';
import { effectiveStatuses } from '../shared/decisions.ts';
import { countFailed } from '../shared/problem-counts.ts';
import type { AuditInput, ReportRow, RosterRow, Store } from './store/store.ts';
import {
  PeerIndex,
  anchorDecisions,
  applyCorrections,
  checkCategory,
  finishAudit,
  finishAuditWith,
  reuseFingerprint,
  narrativeOnly,
  rubricCheckOptions,
  storedFingerprint,
  type CellCorrectionInput,
  type CheckContext,
  type RelatedReport,
  type Rubric,
  type SoloContext,
} from './engine.ts';
import type { CheckOutcome, CheckTask } from './audit-worker-protocol.ts';
import type { PeerComparer } from './peer-comparer.ts';
import type { PeerEntry } from './peer-worker-protocol.ts';

export interface OfficeOptions {
  /** Office-wide deadline per year (ISO date), overriding the statutory one. */
  deadlines?: Record<string, string>;
  localItems?: string[];
}

export async function officeOptions(store: Store): Promise<OfficeOptions> {
  return (await store.settings.get<OfficeOptions>('office')) ?? {};
}

/** A stored report with the reviewer's cell corrections applied (the original stays in the store). */
export async function effectiveReport(store: Store, reportId: number): Promise<Report | null> {
  const report = await store.reports.model(reportId);
  if (!report) return null;
  return applyCorrections(report, await store.reviews.corrections(reportId));
}

/**
 * A stored report as history or peer. `fresh` is the report just written by this import, with the
 * fingerprint its worker computed: it has no corrections yet, so it need not be read back from the store.
 */
async function related(store: Store, reportId: number, withCorrections: boolean, fresh?: FreshReport): Promise<RelatedReport | null> {
  const report = fresh?.report ?? (withCorrections ? await effectiveReport(store, reportId) : await store.reports.model(reportId));
  if (!report) return null;
  let department: string | null;
  let year: number | null;
  if (fresh?.stored) {
    // Just written by this import: its department's name and year are known, no need to read them back.
    ({ department, year } = fresh.stored);
  } else {
    const row = await store.reports.row(reportId);
    if (!row) return null;
    department = row.departmentId !== null ? ((await store.departments.get(row.departmentId))?.name ?? row.departmentText) : row.departmentText;
    year = row.year;
  }
  const rel: RelatedReport & { fingerprint?: unknown } = { file: report.file, department, year, report };
  const fp = fresh ? fresh.fingerprint : await store.reports.fingerprint(reportId);
  if (fp !== null) {
    rel.fingerprint = fp;
    reuseFingerprint(report, fp);
  }
  return rel;
}

export interface FreshReport {
  report: Report;
  fingerprint: unknown;
  /** As stored: the department's stored name (or the text read, without a department) and the year. */
  stored?: { department: string | null; year: number | null };
}

/** A peer as the cache holds it: with the fingerprint stored with it (or computed by its worker). */
type HeldPeer = RelatedReport & { fingerprint?: unknown };

/**
 * A year with at least this many peers is compared in the peer thread (PeerComparer); below it a comparison
 * takes well under a millisecond here, less than copying the report to the thread.
 */
export const OFFLOAD_PEERS_FROM = 200;

/**
 * Same-year reports of other departments, kept in memory across one import (loading a year's reports
 * once, then adding each new one) so a 500-file batch does not re-read the store for every file. With a
 * `comparer`, a year of many peers is mirrored into the peer thread and compared there (`comparePeers`).
 */
export class PeerCache {
  private readonly byYear = new Map<number, Map<string, HeldPeer>>();
  /** The same peers by report id (effective reports: corrections applied). */
  private readonly byId = new Map<number, HeldPeer>();
  private readonly indexes = new Map<number, PeerIndex>();
  private readonly store: Store;
  private readonly comparer: PeerComparer | undefined;
  private readonly offloadFrom: number;

  constructor(store: Store, comparer?: PeerComparer, offloadFrom = OFFLOAD_PEERS_FROM) {
    this.store = store;
    this.comparer = comparer;
    this.offloadFrom = offloadFrom;
  }

  /** Read a year's peers from the store once (before `peers` / `index` are asked for that year). */
  async load(year: number | null, store: Store = this.store): Promise<void> {
    if (year === null || this.byYear.has(year)) return;
    const peers = new Map<string, HeldPeer>();
    const index = new PeerIndex();
    for (const r of await store.reports.latestIdsForYear(year)) {
      const rel = await related(store, r.id, true);
      if (!rel) continue;
      const key = keyOf(r.departmentId, r.id);
      const old = peers.get(key);
      if (old) index.remove(old);
      peers.set(key, rel);
      this.byId.set(r.id, rel);
      index.add(rel);
    }
    // Another caller may have loaded the year while this one awaited the store.
    if (this.byYear.has(year)) return;
    this.byYear.set(year, peers);
    this.indexes.set(year, index);
    this.offloadIfLarge(year);
  }

  private year(year: number): Map<string, HeldPeer> {
    const peers = this.byYear.get(year);
    if (!peers) throw new Error(`peers of ${year} not loaded`);
    return peers;
  }

  peers(year: number | null, departmentId: number | null, reportId: number | null): RelatedReport[] {
    if (year === null) return [];
    const out: RelatedReport[] = [];
    for (const [key, rel] of this.year(year)) {
      if (departmentId !== null && key === `d${departmentId}`) continue;
      if (reportId !== null && key === `r${reportId}`) continue;
      out.push(rel);
    }
    return out;
  }

  /** The sketch index of a year's peers (the same objects `peers` returns). */
  index(year: number | null): PeerIndex | undefined {
    if (year === null) return undefined;
    this.year(year);
    return this.indexes.get(year);
  }

  /** Record a newly stored report (replacing the department's older version). */
  async add(store: Store, reportId: number, departmentId: number | null, year: number | null, fresh?: FreshReport): Promise<void> {
    if (year === null || !this.byYear.has(year)) return;
    const rel = await related(store, reportId, true, fresh);
    if (!rel) return;
    const peers = this.byYear.get(year)!;
    // A year the peer thread holds has its index there only (see offloadIfLarge).
    const index = this.indexes.get(year);
    const key = keyOf(departmentId, reportId);
    const old = peers.get(key);
    if (old) index?.remove(old);
    peers.set(key, rel);
    this.byId.set(reportId, rel);
    index?.add(rel);
    if (this.comparer?.holds(year)) this.comparer.add(year, peerEntry(key, rel));
    else this.offloadIfLarge(year);
  }

  /** The effective report of a peer already in memory, so re-checking it need not read the store. */
  reportOf(reportId: number): Report | undefined {
    return this.byId.get(reportId)?.report;
  }

  /**
   * The peer checks' findings for a report of `subject.year`, computed in the peer thread when that holds
   * the year; null when they are to be computed here (a small year, no comparer, or the thread failed).
   */
  async comparePeers(
    report: Report,
    subject: { reportId: number | null; departmentId: number | null; year: number | null },
    options: CheckContext['options'],
  ): Promise<Finding[] | null> {
    const { year } = subject;
    if (year === null || !this.comparer?.holds(year)) return null;
    const exclude: string[] = [];
    if (subject.departmentId !== null) exclude.push(`d${subject.departmentId}`);
    if (subject.reportId !== null) exclude.push(`r${subject.reportId}`);
    return this.comparer.compare(year, exclude, narrativeOnly(report), storedFingerprint(report), options);
  }

  private offloadIfLarge(year: number): void {
    const peers = this.byYear.get(year);
    if (!this.comparer || !peers || peers.size < this.offloadFrom || this.comparer.holds(year)) return;
    this.comparer.hold(year, [...peers].map(([key, rel]) => peerEntry(key, rel)));
    // Compared there from now on: this thread's copy of the index is memory for nothing. Should the thread
    // fail, the year is compared here with every peer (the index only spares work; verdicts and the peers named are the same).
    this.indexes.delete(year);
  }
}

function peerEntry(key: string, rel: HeldPeer): PeerEntry {
  return { key, file: rel.file, department: rel.department, year: rel.year, report: narrativeOnly(rel.report), fingerprint: rel.fingerprint ?? null };
}

function keyOf(departmentId: number | null, reportId: number): string {
  return departmentId !== null ? `d${departmentId}` : `r${reportId}`;
}

/** The CheckContext the store can give for a report of `departmentId` on `year`. */
export async function contextFor(
  store: Store,
  subject: { reportId: number | null; departmentId: number | null; year: number | null },
  peers: PeerCache,
  rubric: Rubric,
  solo?: SoloContext,
): Promise<CheckContext> {
  // The caller's solo context when it has one (the one its worker checks ran with): no second read of it.
  const { previous, options } = solo ?? (await soloContextFor(store, subject, rubric));
  const { departmentId, year } = subject;
  await peers.load(year, store);
  const context: CheckContext = { previous, peers: peers.peers(year, departmentId, subject.reportId), options };
  const index = peers.index(year);
  if (index) context.peerIndex = index;
  return context;
}

/** Where the office settings and roster entries come from: the store, or an import's copy (import-context.ts). */
export interface OfficeSource {
  officeOptions(): Promise<OfficeOptions>;
  rosterEntry(year: number, departmentId: number): Promise<RosterRow | null>;
}

/** The context of the checks that need no peers (they run in a worker): the previous year's report and the options. */
export async function soloContextFor(
  store: Store,
  subject: { departmentId: number | null; year: number | null },
  rubric: Rubric,
  source: OfficeSource = { officeOptions: () => officeOptions(store), rosterEntry: (year, departmentId) => store.roster.entry(year, departmentId) },
): Promise<SoloContext> {
  const { departmentId, year } = subject;
  let previous: RelatedReport | null = null;
  if (departmentId !== null && year !== null) {
    const prevId = await store.reports.latestId(departmentId, year - 1);
    if (prevId !== null) previous = await related(store, prevId, true);
  }
  const office = await source.officeOptions();
  const roster = departmentId !== null && year !== null ? await source.rosterEntry(year, departmentId) : null;
  const options: CheckContext['options'] = {
    ...rubricCheckOptions(rubric),
    deadline: roster?.deadline ?? (year !== null ? (office.deadlines?.[String(year)] ?? null) : null),
    receivedOn: roster?.receivedOn ?? null,
  };
  if (office.localItems?.length) options.localItems = office.localItems;
  return { previous, options };
}

/** Counts the lists show: findings after reviewer decisions (dismissed = not failed, confirmed = failed). */
export function summarize(findings: Finding[], decisions: readonly FindingDecision[] = [], score: ScoreResult | null = null): Pick<AuditInput, 'late' | 'failed' | 'uncertain' | 'failedCounts'> {
  const statuses = effectiveStatuses(findings, anchorDecisions(findings, decisions));
  // Failed findings per check and rubric dimension: the overview's columns and common problems, counted as the summary counts them.
  const failedCounts = countFailed(findings, statuses, score);
  const failed = statuses.filter((s) => s === 'fail').length;
  const uncertain = statuses.filter((s) => s === 'uncertain').length;
  // A dismissed deadline finding counts as on time.
  const deadline = statuses.filter((s, i) => findings[i]!.check === 'deadline');
  let late: boolean | null = null;
  if (deadline.includes('fail')) late = true;
  else if (deadline.includes('pass') || deadline.includes('dismissed')) late = false;
  return { late, failed, uncertain, failedCounts };
}

/** What runs the checks that need no peers: the worker pool (`WorkerPool.check`), under its time limit. */
export interface CheckRunner {
  check(task: Omit<CheckTask, 'kind' | 'id'>): Promise<CheckOutcome>;
}

/** Checks overran their time limit or failed in the worker: the reason in Chinese. */
export class CheckFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * The checks that need no peers on a stored report (corrections applied, and `pending` too: a correction
 * about to be written), run by `runner` in a worker under the time limit, outside any transaction. With
 * `earlier` (its last findings, same rubric and corrections) only the checks comparing with other reports
 * run. Throws CheckFailure when the checks overran or failed. Then `finishStored` in the transaction.
 */
export async function checkStored(
  store: Store,
  reportId: number,
  rubric: Rubric,
  runner: CheckRunner,
  options: { pending?: CellCorrectionInput; earlier?: readonly Finding[] } = {},
): Promise<Finding[] | null> {
  const row = await store.reports.row(reportId);
  const model = await store.reports.model(reportId);
  if (!row || !model) return null;
  // All corrections in one pass (the pending one last): a run of digits is settled only when all its cells are.
  const corrections = await store.reviews.corrections(reportId);
  const report = applyCorrections(model, options.pending ? [...corrections, options.pending] : corrections);
  // Corrections change table cells only; the narrative fingerprint stored with the report still holds.
  const fingerprint = await store.reports.fingerprint(reportId);
  const solo = await soloContextFor(store, { departmentId: row.departmentId, year: row.year }, rubric);
  const own = await runner.check({ file: report.file, report, fingerprint, context: solo, ...(options.earlier ? { earlier: [...options.earlier] } : {}) });
  if (own.findings === null) throw new CheckFailure(own.errorCode, own.error);
  return own.findings;
}

/**
 * The rest of a stored report's audit after `checkStored`: the comparison with the year's peers (indexed)
 * and the score with the reviewer's decisions, ready for insertAudit. Fast: runs inside the change's transaction.
 */
export async function finishStored(
  store: Store,
  reportId: number,
  rubric: Rubric,
  peers: PeerCache,
  withoutPeers: readonly Finding[],
  known: { row?: ReportRow; solo?: SoloContext } = {},
): Promise<AuditInput | null> {
  const row = known.row ?? (await store.reports.row(reportId));
  const cached = peers.reportOf(reportId);
  const report = cached ?? (await effectiveReport(store, reportId));
  if (!row || !report) return null;
  const fingerprint = cached ? null : await store.reports.fingerprint(reportId);
  if (fingerprint !== null) reuseFingerprint(report, fingerprint);
  const context = await contextFor(store, { reportId, departmentId: row.departmentId, year: row.year }, peers, rubric, known.solo);
  const decisions = await store.reviews.decisions(reportId);
  // A year held by the peer thread is compared there; the transaction waits, the event loop does not.
  const peerFindings = await peers.comparePeers(report, { reportId, departmentId: row.departmentId, year: row.year }, context.options);
  const { findings, score } = peerFindings
    ? finishAuditWith(report, context, rubric, withoutPeers, peerFindings, decisions)
    : finishAudit(report, context, rubric, withoutPeers, decisions);
  return { findings, score, ...summarize(findings, decisions, score) };
}
