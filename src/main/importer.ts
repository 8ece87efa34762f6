/**
 * Batch import: walk folders, hash every file (sha256) and skip those already stored, read + parse in a
 * worker pool, run the checks that need no peers there too (under the same time limit), then — in this
 * thread — resolve the department and version, compare with the year's peers (indexed; in the peer thread
 * once the year is large, peer-comparer.ts), score, and write
 * file + report + findings in one transaction per file. Files are written in the order of the folder walk
 * (whichever worker finishes first), so a department's versions within one import follow the sorted paths.
 * Killing the process loses nothing committed; running the import again finishes the rest, including the
 * closing refresh of the reports the killed import wrote (marked pending_refresh in their own transaction).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { ImportProgress } from '../shared/api.ts';
import type { Finding, Report } from '../shared/model.ts';
import { NO_FAILED } from '../shared/problem-counts.ts';
import type { AuditInput, FileInput, ReportInput, RunInput, Store } from './store/store.ts';
import { WorkerPool, type CheckOutcome, type ReadOutcome } from './worker-pool.ts';
import { PeerCache, contextFor, effectiveReport, finishStored, soloContextFor, summarize } from './auditing.ts';
import { CommitBatcher } from './commit-batcher.ts';
import { TurnOrder } from './turn-order.ts';
import { PeerComparer } from './peer-comparer.ts';
import { ImportContext } from './import-context.ts';
import { ENGINE_VERSION, finishAudit, finishAuditWith, parseRubricJson, reuseFingerprint, rubricCheckOptions, rubricIdentity, vetoScoreFor, withRubricVersion, type Rubric, type SoloContext } from './engine.ts';
import { readLimits, tooLargeReason } from './settings.ts';
import { accessReason, walkInputs } from './walk.ts';
import { sha256Yielding } from './hash.ts';
import { FileReadRefused, readFileWithin } from './read-file.ts';

/** Errors that say nothing about the file (the worker died or hung): such files are retried next time. */
const TRANSIENT_ERRORS = new Set(['crash', 'timeout', 'closed', 'internal', 'cancelled']);

export interface ImportSource {
  /** Path on disk, or the uploaded file's name. */
  path: string;
  /** Bytes already in memory (uploads); read from `path` otherwise. */
  bytes?: Uint8Array;
}

export interface ImportOptions {
  /** The rubric to score with, unless `rubricInForce` is given. */
  rubric: Rubric;
  /**
   * The rubric in force, asked before each report is checked and again inside its write: a version saved
   * during the import applies from then on, and what the import wrote before is scored again at its end.
   */
  rubricInForce?: (store: Store) => Promise<Rubric>;
  /** Year to assume when a report does not say which year it covers. */
  year?: number;
  pool?: WorkerPool;
  poolSize?: number;
  timeoutMs?: number;
  /** Files larger than this are reported and not read (default: settings.ts). */
  maxFileBytes?: number;
  /** Called as the import goes; the `skipped` / `errors` arrays are the import's own and keep growing (only appended to). */
  onProgress?: (progress: ImportProgress) => void;
  jobId?: string;
  /** A year with this many peers is compared in the peer thread (default OFFLOAD_PEERS_FROM; tests lower it). */
  peerThreadFrom?: number;
  /** Aborting stops the import: no further file is read, scans being read stop at their next page. */
  signal?: AbortSignal;
}

export interface ImportSummary extends ImportProgress {
  reportIds: number[];
  ms: number;
}

/** Import files/folders into the store. Resolves when every file is committed, skipped or failed. */
export async function importSources(store: Store, sources: ImportSource[], options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const jobId = options.jobId ?? crypto.randomUUID();
  const onDisk = sources.filter((s) => !s.bytes).map((s) => s.path);
  const collected = walkInputs(onDisk);
  const queue: ImportSource[] = [...collected.files.map((f) => ({ path: f })), ...sources.filter((s) => s.bytes)];
  const progress: ImportProgress = {
    jobId,
    total: queue.length + collected.skipped.length,
    done: collected.skipped.length,
    current: null,
    imported: 0,
    skipped: [...collected.skipped],
    errors: [],
    finished: false,
  };
  // The lists only grow: listeners get them as they are (no copy per file, which made 5,000 files cost 5,000²).
  const emit = (): void => options.onProgress?.({ ...progress });
  const inWorkers = new Set<number>();
  emit();

  const limits = readLimits({ timeoutMs: options.timeoutMs, maxFileBytes: options.maxFileBytes });
  const maxFileBytes = limits.maxFileBytes;
  const ownPool = !options.pool;
  const pool = options.pool ?? new WorkerPool({ size: options.poolSize, timeoutMs: limits.timeoutMs, memoryMb: limits.workerMemoryMb });
  const rubrics = new KnownRubrics();
  const rubricInForce = options.rubricInForce ?? (async (): Promise<Rubric> => options.rubric);
  const rubricNow = async (s: Store): Promise<Rubric> => rubrics.remember(await rubricInForce(s));
  const runs = new RunsByRubric(store, 'import');
  await runs.of(await rubricNow(store));
  // A year of many peers is compared in its own thread (started only then), not in this one.
  const comparer = new PeerComparer();
  const peers = new PeerCache(store, comparer, options.peerThreadFrom);
  // Office settings and rosters read once for the whole import, not per report.
  const office = new ImportContext(store);
  // Writes go through one batcher: few transactions (fsyncs), and the event loop breathes between them.
  const batcher = new CommitBatcher(store, store.batching);
  const seen = new Map<string, string>();
  const reportIds: number[] = [];
  let nextTaskId = 1;
  // Writes take turns in queue order (the walk's sorted paths): a department-year's versions, and so which
  // file is its latest, must not depend on which worker finished first. A file that hangs holds the later
  // writes back only until its time limit.
  const writes = new TurnOrder();

  // Bounded in-flight work: hashing and reading stay a little ahead of the workers (each holds two files,
  // and one more per worker waits read and hashed), memory stays flat.
  const maxInFlight = pool.size * 3;
  let cursor = 0;

  /** `readDone` frees the file's reading slot as soon as the worker is done, before its write is committed. */
  const handle = async (source: ImportSource, index: number, readDone: () => void): Promise<void> => {
    const display = source.path;
    progress.current = display;
    let bytes: Uint8Array;
    try {
      // Checked on the open handle: a file swapped for a FIFO or a /dev/zero link after the scan is refused at once.
      if (source.bytes && source.bytes.byteLength > maxFileBytes) throw new FileReadRefused(tooLargeReason(source.bytes.byteLength, maxFileBytes), 'too-large');
      bytes = source.bytes ?? await readFileWithin(source.path, maxFileBytes);
    } catch (err) {
      progress.errors.push({ file: display, reason: err instanceof FileReadRefused ? err.message : `无法读取文件：${accessReason(err)}` });
      return;
    }
    const hash = await sha256Yielding(bytes);
    const earlier = seen.get(hash);
    if (earlier) {
      progress.skipped.push({ file: display, reason: `与本批文件 ${earlier} 内容相同，已跳过` });
      return;
    }
    seen.set(hash, display);
    const stored = await store.files.bySha(hash);
    if (stored && !(stored.errorCode && TRANSIENT_ERRORS.has(stored.errorCode))) {
      progress.skipped.push({ file: display, reason: `已导入过（内容相同的文件：${stored.name}）` });
      return;
    }
    if (options.signal?.aborted) {
      progress.skipped.push({ file: display, reason: '导入已取消，未读取' });
      return;
    }
    const taskId = nextTaskId++;
    inWorkers.add(taskId);
    let outcome = await pool.run({ id: taskId, file: display, bytes }, (page) => {
      progress.current = `${display}（扫描件，文字识别第 ${page.done}/${page.total} 页）`;
      progress.ocr = { file: display, ...page };
      emit();
    });
    inWorkers.delete(taskId);
    if (progress.ocr?.file === display) progress.ocr = null;
    readDone();
    if (outcome.errorCode === 'cancelled') {
      progress.skipped.push({ file: display, reason: outcome.error ?? '导入已取消' });
      return;
    }
    if (outcome.errorCode === 'too-long') {
      // Not stored, like a file over the size limit: writing its original and model would stall the thread serving the UI.
      progress.errors.push({ file: display, reason: outcome.error ?? '正文过长，未导入' });
      return;
    }
    // The checks run in a worker too, under the same time limit; this thread only compares with the peers and
    // scores. A rubric saved between the two whose check options differ (deadlines) makes the checks run again.
    let written: Awaited<ReturnType<typeof commit>> | undefined;
    let checked: Finding[] | null = null;
    let solo: SoloContext | null = null;
    let checkedWith: Rubric | null = null;
    for (let attempt = 1; !written; attempt++) {
      const rubric = await rubricNow(store);
      const runId = await runs.of(rubric);
      if (outcome.report && !(checkedWith && sameCheckOptions(rubric, checkedWith))) {
        const own = await checkRead(store, pool, outcome, options, rubric, office);
        solo = own.solo;
        if (own.outcome.findings) [checked, checkedWith] = [own.outcome.findings, rubric];
        else outcome = { ...outcome, report: null, error: own.outcome.error, errorCode: own.outcome.errorCode };
      }
      const read = outcome;
      // After a few changes in a row (hardly ever), the rubric in force at the write wins whatever run it is filed under.
      const expected = attempt < 4 ? rubric : null;
      await writes.turn(index);
      const committed = batcher.commit((tx) => commit(tx, { source: display, bytes, hash, outcome: read, checked, solo, rubricNow, expected, runId, options, peers }, stored?.id));
      // The batcher writes in the order it is given: the next file may queue its write behind this one.
      // (A rubric saved mid-import sends the writes caught by it round again, in the order their checks end.)
      writes.release(index);
      if (nothingLeftToRead()) batcher.flushSoon();
      try {
        written = await committed;
      } catch (err) {
        if (!(err instanceof RubricChanged)) throw err;
      }
    }
    if (written.duplicate) {
      // Another reviewer's import stored the same bytes a moment ago (shared database).
      progress.skipped.push({ file: display, reason: `已导入过（内容相同的文件：${written.file.name}）` });
      return;
    }
    reportIds.push(written.reportId);
    if (outcome.error) progress.errors.push({ file: display, reason: outcome.error });
    else progress.imported++;
  };

  options.signal?.addEventListener('abort', () => {
    progress.cancelled = true;
    pool.cancel([...inWorkers]);
    emit();
  });

  // `reading` bounds files read but not yet parsed (memory); `unfinished` counts files not yet committed.
  let reading = 0;
  let unfinished = 0;
  const nothingLeftToRead = (): boolean => reading === 0 && cursor >= queue.length;

  try {
    await new Promise<void>((resolve) => {
      const startNext = (): void => {
        while (reading < maxInFlight && cursor < queue.length) {
          const index = cursor++;
          const source = queue[index]!;
          reading++;
          unfinished++;
          let freed = false;
          const readDone = (): void => {
            if (freed) return;
            freed = true;
            reading--;
            startNext();
          };
          void handle(source, index, readDone)
            .catch((err: unknown) => {
              progress.errors.push({ file: source.path, reason: `导入失败：${(err as Error).message}` });
            })
            .finally(() => {
              // Skipped, failed or written: the later files' writes need not wait for this one.
              writes.release(index);
              unfinished--;
              progress.done++;
              emit();
              readDone();
              if (unfinished === 0 && cursor >= queue.length) resolve();
            });
        }
        if (unfinished === 0 && cursor >= queue.length) resolve();
      };
      startNext();
    });
    await refreshPeers({ store, batcher, pool, peers, runs, rubrics, rubricNow, office }, [...reportIds, ...(await regionReportsOfBatch(store, reportIds))]);
  } finally {
    await comparer.close();
    if (ownPool) await pool.close();
  }
  progress.current = null;
  progress.finished = true;
  emit();
  return { ...progress, reportIds, ms: Date.now() - started };
}

interface CommitInput {
  source: string;
  bytes: Uint8Array;
  hash: string;
  outcome: ReadOutcome;
  /** The findings of the checks that need no peers, from the worker (null when the file was not read). */
  checked: Finding[] | null;
  /** The context those checks ran with (previous year, options): the peer comparison needs no fresh read of it. */
  solo: SoloContext | null;
  rubricNow: (store: Store) => Promise<Rubric>;
  /** The rubric `checked` ran with and `runId` is filed under; another one in force at the write: RubricChanged. */
  expected: Rubric | null;
  runId: number;
  options: ImportOptions;
  peers: PeerCache;
}

/** A rubric was saved after the checks ran: nothing was written; check (if its options differ) and write again. */
class RubricChanged extends Error {}

function sameRubric(a: { id: string; version: number }, b: { id: string; version: number }): boolean {
  return a.id === b.id && a.version === b.version;
}

/** One audit run per rubric version an import scores with (runs record the rubric of their audits). */
class RunsByRubric {
  private readonly runs = new Map<string, Promise<number>>();
  private readonly store: Store;
  private readonly kind: RunInput['kind'];
  constructor(store: Store, kind: RunInput['kind']) {
    this.store = store;
    this.kind = kind;
  }

  /** Created outside any transaction (a rolled-back savepoint must not take a cached run with it). */
  of(rubric: Rubric): Promise<number> {
    const { id: rubricId, version: rubricVersion } = rubricIdentity(rubric);
    const key = `${rubricId}@${rubricVersion}`;
    let run = this.runs.get(key);
    if (!run) {
      run = this.store.audits.createRun({ kind: this.kind, rubricId, rubricVersion, engineVersion: ENGINE_VERSION });
      this.runs.set(key, run);
    }
    return run;
  }
}

/** Rubrics whose check options (default deadlines) are the same give the same findings. */
function sameCheckOptions(a: Rubric, b: Rubric): boolean {
  return JSON.stringify(rubricCheckOptions(a)) === JSON.stringify(rubricCheckOptions(b));
}

/** One file's transaction: file + blob + department + report version + audit + findings. */
async function commit(store: Store, c: CommitInput, replaceFileId: number | undefined): Promise<{ duplicate: false; reportId: number } | { duplicate: true; file: { name: string } }> {
  const { outcome } = c;
  // Scored with the rubric in force when written (read in the transaction, where a save cannot slip in).
  const rubric = await c.rubricNow(store);
  if (c.expected && !sameRubric(rubric, c.expected)) throw new RubricChanged();
  const report = outcome.report;
  const file: FileInput = {
    path: c.source,
    name: path.basename(c.source),
    size: c.bytes.byteLength,
    sha256: c.hash,
    format: outcome.format,
    error: outcome.error,
    errorCode: outcome.errorCode,
    pages: report?.pages ?? null,
    bytes: c.bytes,
  };
  let departmentId: number | null = null;
  let departmentName: string | null = null;
  let year: number | null = null;
  // The report as written, kept for the peer cache (set inside the transaction).
  const kept: { report: Report | null } = { report: null };
  const written = await store.reports.writeImported(
    {
      file,
      runId: c.runId,
      report: async (tx): Promise<ReportInput> => {
        year = report ? (report.year ?? c.options.year ?? null) : null;
        const department = report?.department ? await tx.departments.resolve(report.department) : null;
        departmentId = department?.id ?? null;
        departmentName = department?.name ?? report?.department ?? null;
        return {
          departmentId,
          departmentText: report?.department ?? null,
          year,
          generation: report?.generation ?? null,
          signedOn: report?.signedOn ?? null,
          report: report ? (report.year === null && year !== null ? { ...report, year } : report) : null,
          fingerprint: outcome.fingerprint,
        };
      },
      audit: async (tx, newId, _version, input): Promise<AuditInput> => {
        if (!input.report || !c.checked) return unreadableAudit(outcome, rubric);
        kept.report = input.report;
        // The worker computed the narrative fingerprint already; the peer check need not do it again here.
        if (outcome.fingerprint !== null) reuseFingerprint(input.report, outcome.fingerprint);
        const subject = { reportId: newId, departmentId: input.departmentId, year: input.year };
        // The checks' own context when they ran with this rubric's options (`expected`), else read again.
        const context = await contextFor(tx, subject, c.peers, rubric, (c.expected && c.solo) ?? undefined);
        const peerFindings = await c.peers.comparePeers(input.report, subject, context.options);
        const { findings, score } = peerFindings
          ? finishAuditWith(input.report, context, rubric, c.checked, peerFindings, [])
          : finishAudit(input.report, context, rubric, c.checked, []);
        return { findings, score, ...summarize(findings, [], score) };
      },
    },
    replaceFileId,
  );
  if (written.duplicate) return written;
  // Durable with the report: if this process dies before the closing refresh, the next import finishes it.
  await store.audits.markPendingRefresh(written.reportId);
  await c.peers.add(store, written.reportId, departmentId, year, kept.report ? { report: kept.report, fingerprint: outcome.fingerprint, stored: { department: departmentName, year } } : undefined);
  return { duplicate: false, reportId: written.reportId };
}

function unreadableAudit(outcome: Pick<ReadOutcome, 'error'>, rubric: Rubric): AuditInput {
  return {
    findings: [],
    score: vetoScoreFor(outcome.error ?? '无法读取', rubric),
    late: null,
    failed: 0,
    uncertain: 0,
    failedCounts: NO_FAILED,
  };
}

/**
 * The checks that need no peers on a report just read, in a worker. The department is looked up without
 * creating it (that happens when the report is written); a department new to the store has no previous
 * year yet. A previous-year report written later in this import is compared by `refreshPeers`.
 */
async function checkRead(
  store: Store,
  pool: WorkerPool,
  outcome: ReadOutcome,
  options: ImportOptions,
  rubric: Rubric,
  office: ImportContext,
): Promise<{ outcome: CheckOutcome; solo: SoloContext }> {
  const report = outcome.report!;
  const year = report.year ?? options.year ?? null;
  const departmentId = report.department ? ((await store.departments.match(report.department))?.id ?? null) : null;
  const solo = await soloContextFor(store, { departmentId, year }, rubric, office);
  return { outcome: await pool.check({ file: report.file, report, fingerprint: outcome.fingerprint, context: solo }), solo };
}

/**
 * The region governments' own reports (某县人民政府) of the batch's years imported before it: their tables
 * are compared with the sum of the departments' (region.rollup), so new departments change their findings.
 */
async function regionReportsOfBatch(store: Store, reportIds: readonly number[]): Promise<number[]> {
  const batch = new Set(reportIds);
  const years = new Set<number>();
  for (const id of reportIds) {
    const year = (await store.reports.row(id))?.year;
    if (year !== null && year !== undefined) years.add(year);
  }
  const out: number[] = [];
  for (const year of years) {
    // One query per year (names joined in the store), not one per report.
    for (const row of await store.reports.summaries({ year, latestOnly: true })) {
      if (!batch.has(row.reportId) && row.department?.trim().endsWith('人民政府')) out.push(row.reportId);
    }
  }
  return out;
}

/**
 * Reports imported early in a batch were checked against fewer peers than the later ones, and may have been
 * scored with a rubric replaced since; reports still marked pending were written by an import that died
 * before this step. Re-run their checks once the batch is in, storing a new audit only
 * where the findings or the rubric changed. The history checks run again in a worker where a previous-year
 * report exists now (all checks, when the rubric's check options changed); the peer comparison runs here, indexed.
 */
async function refreshPeers(r: Refresh, reportIds: number[]): Promise<void> {
  const { store, batcher, pool, peers, runs } = r;
  // This import's reports, and any an earlier import wrote but died before refreshing (kill -9, power loss).
  const ids = [...new Set([...reportIds, ...(await store.audits.pendingRefresh())])];
  if (ids.length === 0) return;
  // The import's peer cache already holds every year's latest reports (loaded once, then each new one added):
  // reusing it spares re-reading and re-fingerprinting them all, which blocked the event loop for seconds at 3,000 files.
  const refresh = async (id: number): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const rubric = await r.rubricNow(store);
      const runId = await runs.of(rubric);
      const row = await store.reports.row(id);
      if (!row?.currentAuditId) return;
      const before = await store.audits.findings(row.currentAuditId);
      const beforeScore = await store.audits.score(row.currentAuditId);
      const scoredWith = beforeScore ? await r.rubrics.of(store, beforeScore.rubric) : null;
      const unreadable = before.length === 0; // vetoed: nothing to compare, only the rubric can change
      // No reviewer work yet: with the same check options only the checks comparing with other reports can differ.
      let withoutPeers: readonly Finding[] = before;
      let solo: SoloContext | undefined;
      if (!unreadable) {
        solo = await soloContextFor(store, { departmentId: row.departmentId, year: row.year }, rubric, r.office);
        const checkAll = !scoredWith || !sameCheckOptions(scoredWith, rubric);
        if (solo.previous || checkAll) {
          const report = peers.reportOf(id) ?? (await effectiveReport(store, id));
          if (!report) return;
          const fingerprint = await store.reports.fingerprint(id);
          const own = await pool.check({ file: report.file, report, fingerprint, context: solo, ...(checkAll ? {} : { earlier: before }) });
          if (!own.findings) return; // overran: the audit written at import stands
          withoutPeers = own.findings;
        }
      }
      try {
        await batcher.commit(async (tx) => {
          const inForce = await r.rubricNow(tx);
          if (attempt < 4 && !sameRubric(inForce, rubric)) throw new RubricChanged();
          const sameRubricAsBefore = beforeScore !== null && sameRubric(inForce, beforeScore.rubric);
          if (unreadable) {
            if (sameRubricAsBefore) return;
            const file = await tx.files.byId(row.fileId);
            await tx.audits.insert(id, runId, unreadableAudit({ error: file?.error ?? null }, inForce));
            return;
          }
          // The row and context read a moment ago (outside the transaction), not read again inside it.
          const audit = await finishStored(tx, id, inForce, peers, withoutPeers, { row, ...(solo && sameRubric(inForce, rubric) ? { solo } : {}) });
          if (!audit) return;
          const same =
            sameRubricAsBefore &&
            before.length === audit.findings.length &&
            before.every((b, i) => {
              const f = audit.findings[i]!;
              // A passing finding's wording (e.g. how many peers were compared) is not worth a new audit.
              return b.check === f.check && b.status === f.status && b.deduction === f.deduction && (f.status === 'pass' || b.message === f.message);
            });
          if (!same) await tx.audits.insert(id, runId, audit);
        });
        return;
      } catch (err) {
        if (!(err instanceof RubricChanged)) throw err;
      }
    }
  };
  // Each report is its own savepoint; the batcher groups them and yields to the event loop between batches.
  await Promise.all(ids.map((id) => refresh(id)));
  await batcher.commit((tx) => tx.audits.clearPendingRefresh(ids));
}

interface Refresh {
  store: Store;
  batcher: CommitBatcher<Store>;
  pool: WorkerPool;
  peers: PeerCache;
  runs: RunsByRubric;
  rubrics: KnownRubrics;
  rubricNow: (store: Store) => Promise<Rubric>;
  office: ImportContext;
}

/** The rubrics audits were scored with, by id and version: those this import used, else the stored versions. */
class KnownRubrics {
  private readonly known = new Map<string, Rubric | null>();

  remember(rubric: Rubric): Rubric {
    this.known.set(`${rubric.id}@${rubric.version}`, rubric);
    return rubric;
  }

  async of(store: Store, which: { id: string; version: number }): Promise<Rubric | null> {
    const key = `${which.id}@${which.version}`;
    if (!this.known.has(key)) {
      const row = (await store.rubrics.all()).find((x) => x.id === which.id && x.version === which.version);
      this.known.set(key, row ? withRubricVersion(parseRubricJson(row.json), row.id, row.version) : null);
    }
    return this.known.get(key) ?? null;
  }
}
