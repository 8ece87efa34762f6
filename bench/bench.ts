/**
 * Benchmark (not a test): the bench corpus imported through the app's own service (createService →
 * importPaths → the real importer and worker pool, in this process), then a rubric change + full re-score,
 * PDF reading compared with `pdftotext -layout`, peak memory and the event-loop lag of this process (the one
 * that would serve the UI) while importing, and OCR of the scanned fixtures (bench/ocr-figures.ts).
 *   npm run bench                     300 files (bench/corpus default: ../shared/fixtures/bench)
 *   npm run bench -- --scale 10       the corpus in 10 variants (3,000 files, see bench/scale-corpus.ts); --no-postgres skips the server lines
 *   npm run bench -- --dir DIR --pool N
 *   npm run bench -- --cold [--runs 3]  the CLI as a user runs it, fresh process per run, next to pdftotext (bench/cold.ts)
 *   npm run bench -- --ocr            only the OCR figures (a few pages of the scanned fixtures)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ingest } from '../src/core/ingest/index.ts';
import { readReport } from '../src/core/audit.ts';
import { createService, openService, type AuditorService } from '../src/main/service.ts';
import { openPostgresStore } from '../src/main/store/postgres.ts';
import { skipWithoutPostgres, startPgCluster, type PgCluster } from '../test/unit/helpers/pg-cluster.ts';
import { buildScaledCorpus } from './scale-corpus.ts';
import { coldBench } from './cold.ts';
import { ocrBenchLine } from './ocr-figures.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const scansDir = path.resolve(repoRoot, '../shared/fixtures/scans');

interface Args {
  dir: string;
  scale: number;
  pool: number | undefined;
  cold: boolean;
  runs: number;
  /** Only the OCR figures (step 4). */
  ocr: boolean;
  /** Skip the PostgreSQL lines (a --scale run measures pauses and growth; the server comparison is the 300-file run's). */
  postgres: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: path.resolve(repoRoot, '../shared/fixtures/bench'), scale: 1, pool: undefined, cold: false, runs: 3, ocr: false, postgres: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`参数 ${a} 缺少取值`);
      return v;
    };
    if (a === '--dir') args.dir = path.resolve(value());
    else if (a === '--scale') args.scale = Number(value());
    else if (a === '--pool') args.pool = Number(value());
    else if (a === '--cold') args.cold = true;
    else if (a === '--runs') args.runs = Number(value());
    else if (a === '--ocr') args.ocr = true;
    else if (a === '--no-postgres') args.postgres = false;
    else throw new Error(`未知参数：${a}（可用：--dir DIR --scale N --pool N --cold --runs N --ocr --no-postgres）`);
  }
  if (!Number.isInteger(args.scale) || args.scale < 1) throw new Error('--scale 必须是正整数');
  return args;
}

const FORMATS = ['docx', 'pdf', 'txt'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(file: string): Format | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return (FORMATS as readonly string[]).includes(ext) ? (ext as Format) : null;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Peak RSS of this process (main thread + worker threads share it), sampled every 20 ms. */
class RssSampler {
  peak = process.memoryUsage.rss();
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage.rss());
    }, 20);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return this.peak;
  }
}

interface ImportFigures {
  files: number;
  wallMs: number;
  cpuMs: number;
  /** CPU of the thread that serves the UI (store, checks); the rest is the parsing workers and V8's helpers. */
  mainCpuMs: number;
  imported: number;
  errors: number;
  maxLagMs: number;
  p99LagMs: number;
  /** Pauses of the UI thread (a 10 ms timer late by more than 50 / 100 ms). */
  pausesOver50: number;
  pausesOver100: number;
  peakRss: number;
}

/** Counts the UI thread's pauses: a 10 ms timer that fires late by more than 50 / 100 ms. */
class PauseCounter {
  over50 = 0;
  over100 = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    let last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - last - 10;
      if (late > 50) this.over50++;
      if (late > 100) this.over100++;
      last = now;
    }, 10);
  }
  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** One import through the service, as the app does it: progress events, wait for the job. */
async function timedImport(service: AuditorService, paths: string[]): Promise<ImportFigures> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const rss = new RssSampler();
  const pauses = new PauseCounter();
  rss.start();
  pauses.start();
  lag.enable();
  const cpu0 = process.cpuUsage();
  const main0 = process.threadCpuUsage();
  const t0 = performance.now();
  const { jobId } = await service.importPaths({ paths });
  const done = await service.waitForImport(jobId);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const main = process.threadCpuUsage(main0);
  lag.disable();
  pauses.stop();
  return {
    files: paths.length,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainCpuMs: (main.user + main.system) / 1000,
    imported: done.imported,
    errors: done.errors.length,
    maxLagMs: lag.max / 1e6,
    p99LagMs: lag.percentile(99) / 1e6,
    pausesOver50: pauses.over50,
    pausesOver100: pauses.over100,
    peakRss: rss.stop(),
  };
}

function tempDb(label: string): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ogi-bench-${label}-`));
  return { file: path.join(dir, 'audit.db'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A service as the app runs it: the workers are started with it (the app does so at start-up, before the
 * reviewer can pick files), and the import is timed once they are ready. Their start-up is timed apart.
 */
async function withService<T>(label: string, pool: number | undefined, fn: (s: AuditorService, workerStartMs: number) => Promise<T>): Promise<T> {
  const db = tempDb(label);
  const t0 = performance.now();
  const service = createService({ dbPath: db.file, startWorkers: true, ...(pool ? { poolSize: pool } : {}) });
  try {
    await service.workersReady();
    return await fn(service, performance.now() - t0);
  } finally {
    await service.close();
    db.cleanup();
  }
}

/** The same import into a fresh PostgreSQL database of a throwaway local cluster (durable settings, as a server runs). */
async function withPostgresService<T>(cluster: PgCluster, name: string, pool: number | undefined, fn: (s: AuditorService) => Promise<T>): Promise<T> {
  const url = await cluster.createDatabase(name);
  const service = await openService(url, { startWorkers: true, ...(pool ? { poolSize: pool } : {}) });
  try {
    await service.workersReady();
    return await fn(service);
  } finally {
    await service.close();
  }
}

/** Two CLI processes import the same folder into one PostgreSQL database at once (two reviewers' machines). */
function concurrentCliImports(url: string, dir: string): Promise<{ wallMs: number; codes: (number | null)[] }> {
  const t0 = performance.now();
  const one = (): Promise<number | null> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin/ogi-audit.mjs'), 'import', dir, '--db', url, '--no-progress', '--jobs', '1'], {
        stdio: 'ignore',
      });
      child.on('exit', (code) => resolve(code));
    });
  return Promise.all([one(), one()]).then((codes) => ({ wallMs: performance.now() - t0, codes }));
}

/** The rubric change a reviewer makes: one check's weight moved, then every report re-scored. */
async function rescoreAfterRubricChange(service: AuditorService): Promise<{ ms: number; reports: number; reportedMs: number }> {
  const current = await service.getRubric();
  const rubric = JSON.parse(current.json) as { dimensions: { checks: { weight: number }[] }[] };
  // Move one point between two checks of the first dimension (its total must stay the same).
  const [first, second] = rubric.dimensions[0]!.checks;
  first!.weight += 1;
  second!.weight -= 1;
  const t0 = performance.now();
  await service.saveRubric({ json: JSON.stringify(rubric, null, 2) });
  const result = await service.rescoreAll();
  return { ms: performance.now() - t0, reports: result.reports, reportedMs: result.ms };
}

/** Single-threaded read (ingest + parse) of every file, and ingest alone for the PDFs. */
async function singleThreaded(files: string[]): Promise<{ readMs: Map<Format, number[]>; pdfIngestMs: number }> {
  const readMs = new Map<Format, number[]>(FORMATS.map((f) => [f, []]));
  let pdfIngestMs = 0;
  // Steady state, as in a running app's workers: libraries loaded and compiled before the clock starts.
  for (const format of FORMATS) {
    for (const file of files.filter((f) => formatOf(f) === format).slice(0, 5)) await readReport(file, new Uint8Array(fs.readFileSync(file)));
  }
  for (const file of files) {
    const format = formatOf(file)!;
    const bytes = new Uint8Array(fs.readFileSync(file));
    const t0 = performance.now();
    await readReport(file, bytes);
    readMs.get(format)!.push(performance.now() - t0);
    if (format === 'pdf') {
      const t1 = performance.now();
      await ingest(path.basename(file), bytes);
      pdfIngestMs += performance.now() - t1;
    }
  }
  return { readMs, pdfIngestMs };
}

function pdftotextMs(pdfs: string[]): number | null {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return null;
  const t0 = performance.now();
  for (const f of pdfs) {
    const r = spawnSync('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`pdftotext 读取 ${f} 失败：${r.stderr.toString()}`);
  }
  return performance.now() - t0;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c]! - width(cell))).join('  ')).join('\n');
}

/** Display width (CJK characters take two columns). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.dir)) throw new Error(`找不到基准文件夹：${args.dir}`);
  if (args.cold) {
    console.log(`OGI Auditor bench --cold — ${new Date().toISOString()}  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    await coldBench(args.dir, args.runs);
    console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    return;
  }
  const load0 = os.loadavg();
  const cores = os.availableParallelism();
  const poolSize = args.pool ?? cores;
  if (args.ocr) {
    console.log(`OGI Auditor bench --ocr — ${new Date().toISOString()}  cores ${cores}  load average ${load0.map((l) => l.toFixed(2)).join(' ')}`);
    console.log(await ocrBenchLine(scansDir, poolSize));
    console.log(`load average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    return;
  }
  console.log(`OGI Auditor bench — ${new Date().toISOString()}  node ${process.version}  cores ${cores}  pool ${poolSize}`);
  console.log(`load average at start: ${load0.map((l) => l.toFixed(2)).join(' ')}`);

  const baseFiles = fs.readdirSync(args.dir).filter((f) => formatOf(f)).sort().map((f) => path.join(args.dir, f));
  let corpus = baseFiles;
  let scaled: { dir: string; note: string; cleanup: () => void } | null = null;
  if (args.scale > 1) {
    scaled = await buildScaledCorpus(args.dir, args.scale);
    corpus = fs.readdirSync(scaled.dir).filter((f) => formatOf(f)).sort().map((f) => path.join(scaled!.dir, f));
    console.log(`scaled corpus: ${corpus.length} files — ${scaled.note}`);
  }
  const byFormat = new Map<Format, string[]>(FORMATS.map((f) => [f, corpus.filter((p) => formatOf(p) === f)]));

  try {
    // 1. The whole corpus, mixed, as a province imports it: the headline figure.
    const mixed = await withService('all', args.pool, async (service, workerStartMs) => {
      const figures = await timedImport(service, [scaled?.dir ?? args.dir]);
      const departments = (await service.listDepartments()).length;
      const rescore = await rescoreAfterRubricChange(service);
      // Before the single-threaded measurements below load the readers into this thread too.
      const maxRss = process.resourceUsage().maxRSS * 1024;
      return { figures, rescore, departments, workerStartMs, maxRss };
    });

    // 1b. The same import into PostgreSQL (a local throwaway cluster on this machine), then two processes
    // importing the same folder into one PostgreSQL database at once.
    let postgres: { figures: ImportFigures; concurrent: { wallMs: number; codes: (number | null)[]; reports: number; files: number } } | string;
    if (skipWithoutPostgres) postgres = skipWithoutPostgres;
    else if (!args.postgres) postgres = '--no-postgres';
    else {
      const cluster = await startPgCluster({ durable: true });
      try {
        const figures = await withPostgresService(cluster, 'bench', args.pool, (service) => timedImport(service, [scaled?.dir ?? args.dir]));
        const url = await cluster.createDatabase('bench_concurrent');
        const run = await concurrentCliImports(url, scaled?.dir ?? args.dir);
        const store = await openPostgresStore(url);
        const counts = await store.counts();
        await store.close();
        postgres = { figures, concurrent: { ...run, reports: counts.reports ?? 0, files: counts.files ?? 0 } };
      } finally {
        cluster.stop();
      }
    }

    // 2. Each format on its own (fresh DB each) for per-format throughput.
    const perFormat = new Map<Format, ImportFigures>();
    if (args.scale === 1) {
      for (const format of FORMATS) {
        const files = byFormat.get(format)!;
        if (files.length === 0) continue;
        perFormat.set(format, await withService(format, args.pool, (s) => timedImport(s, files)));
      }
    }

    // 3. Per-file cost without the pool, and PDF ingest against pdftotext on the same PDFs.
    // Always on the base corpus (the scaled copies read the same way).
    const single = await singleThreaded(baseFiles);
    const pdfs = baseFiles.filter((f) => formatOf(f) === 'pdf');
    const poppler = pdftotextMs(pdfs);

    const m = mixed.figures;
    const rows: string[][] = [['', 'files', 'import wall', 'files/s', 'CPU/wall', 'read p50', 'read p95', 'peak RSS']];
    for (const format of FORMATS) {
      const f = perFormat.get(format);
      const times = single.readMs.get(format)!;
      rows.push([
        format,
        String(f?.files ?? byFormat.get(format)!.length),
        f ? sec(f.wallMs) : '—',
        f ? (f.files / (f.wallMs / 1000)).toFixed(1) : '—',
        f ? (f.cpuMs / f.wallMs).toFixed(2) : '—',
        `${percentile(times, 50).toFixed(0)} ms`,
        `${percentile(times, 95).toFixed(0)} ms`,
        f ? mb(f.peakRss) : '—',
      ]);
    }
    const all = [...single.readMs.values()].flat();
    rows.push(['total', String(corpus.length), sec(m.wallMs), (corpus.length / (m.wallMs / 1000)).toFixed(1), (m.cpuMs / m.wallMs).toFixed(2),
      `${percentile(all, 50).toFixed(0)} ms`, `${percentile(all, 95).toFixed(0)} ms`, mb(m.peakRss)]);
    console.log('\nImport through the service (fresh temp DB each; read p50/p95 = single-threaded ingest+parse per file)');
    console.log(table(rows));
    console.log(`imported ${m.imported}, errors ${m.errors}, departments ${mixed.departments}; CPU ${sec(m.cpuMs)} over ${sec(m.wallMs)} wall (UI thread ${sec(m.mainCpuMs)}, workers and V8 helper threads ${sec(m.cpuMs - m.mainCpuMs)})`);
    console.log(`worker start-up before the import (once per app start, not in the import times): ${sec(mixed.workerStartMs)}`);
    if (args.scale > 1) console.log(`read p50/p95 measured on the ${baseFiles.length} base files; per-format imports only without --scale`);

    console.log('\nPostgreSQL (throwaway local cluster, fsync on; same files, same service)');
    if (typeof postgres === 'string') console.log(`skipped: ${postgres}`);
    else {
      const p = postgres.figures;
      console.log(table([
        ['', 'import wall', 'ratio to SQLite', 'UI-thread CPU', 'lag max / p99', 'imported'],
        ['SQLite file', sec(m.wallMs), '1.00×', sec(m.mainCpuMs), `${m.maxLagMs.toFixed(0)} / ${m.p99LagMs.toFixed(0)} ms`, String(m.imported)],
        ['PostgreSQL', sec(p.wallMs), `${(p.wallMs / m.wallMs).toFixed(2)}×`, sec(p.mainCpuMs), `${p.maxLagMs.toFixed(0)} / ${p.p99LagMs.toFixed(0)} ms`, String(p.imported)],
      ]));
      const c = postgres.concurrent;
      console.log(`two CLI processes (--jobs 1 each) importing the same folder into one database at once: ${sec(c.wallMs)}, exit codes ${c.codes.join(' ')}; ${c.reports} reports, ${c.files} files stored (${corpus.length} in the folder)`);
    }

    console.log('\nResponsiveness and memory during the mixed import');
    console.log(table([
      ['event-loop lag (UI process)', `max ${m.maxLagMs.toFixed(0)} ms`, `p99 ${m.p99LagMs.toFixed(0)} ms`],
      ['UI-thread pauses (10 ms timer late by)', `> 50 ms: ${m.pausesOver50}`, `> 100 ms: ${m.pausesOver100}`],
      ['peak RSS (sampled, main + workers)', mb(m.peakRss), ''],
      ['maxRSS (process.resourceUsage, start to end of import + re-score)', mb(mixed.maxRss), ''],
    ]));

    console.log('\nRubric change (saveRubric + rescoreAll)');
    console.log(`${mixed.rescore.reports} reports re-scored in ${mixed.rescore.ms.toFixed(0)} ms (rescoreAll reports ${mixed.rescore.reportedMs} ms)`);

    const pdfRead = single.readMs.get('pdf')!.reduce((a, b) => a + b, 0);
    console.log(`\nPDF: ${pdfs.length} files`);
    const pdfRows: string[][] = [['', 'wall', 'ratio to pdftotext']];
    const ratio = (ms: number): string => (poppler ? `${(ms / poppler).toFixed(2)}×` : '—');
    if (poppler !== null) pdfRows.push(['pdftotext -layout (sequential, one process per file)', sec(poppler), '1.00×']);
    pdfRows.push(['our ingest, single-threaded', sec(single.pdfIngestMs), ratio(single.pdfIngestMs)]);
    pdfRows.push(['our ingest + parse, single-threaded', sec(pdfRead), ratio(pdfRead)]);
    const pdfPool = perFormat.get('pdf');
    if (pdfPool) pdfRows.push([`our import (pool of ${poolSize}, + checks + store)`, sec(pdfPool.wallMs), ratio(pdfPool.wallMs)]);
    console.log(table(pdfRows));

    // 4. Scanned PDFs read by OCR (a few pages; `npm run bench:ocr` reads them all and checks the readings).
    console.log(`\n${await ocrBenchLine(scansDir, poolSize)}`);
    console.log(`\nload average at end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    scaled?.cleanup();
  }
}

await main();
