/**
 * OCR figures for the benchmarks (not a test), on the scanned fixtures (../shared/fixtures/scans):
 *   - one core: CPU and wall per page read in this thread (one ONNX thread), after a warm-up page that loads
 *     the model;
 *   - both cores: the scans sent together through the app's worker pool, as an import sends them (the pool
 *     hands each worker its own file): pages per second of wall time, CPU/wall, peak RSS of the process.
 * `npm run bench` measures a few pages (`pages` below); `npm run bench:ocr` every page and the accuracy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openPdf } from '../src/core/ingest/pdf-load.ts';
import { readScannedPages } from '../src/core/ingest/pdf-scan.ts';
import { ocrOptions, sharedRecognizer } from '../src/main/ocr/ocr-options.ts';
import { WorkerPool, type ReadOutcome } from '../src/main/worker-pool.ts';

export interface PageTime {
  file: string;
  page: number;
  wallMs: number;
  cpuMs: number;
}

export interface PoolFigures {
  files: number;
  pages: number;
  wallMs: number;
  /** CPU of the whole process (every thread) over the run. */
  cpuMs: number;
  /** Sampled every 100 ms during the run, and before it. */
  peakRss: number;
  rssBefore: number;
  /**
   * Sum over the files of the time each was being read (first page begun → done), over the wall time: ~2
   * when two workers read at once, ~1 when one file waits for the other, whatever the machine's load.
   */
  concurrency: number;
  outcomes: ReadOutcome[];
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function pageCount(file: string): Promise<number> {
  const opened = await openPdf(new Uint8Array(fs.readFileSync(file)));
  try {
    return opened.doc.numPages;
  } finally {
    await opened.destroy();
  }
}

/** Each of `pages` read alone in this thread; the first page read before them loads the model and is not counted. */
export async function perPageOneCore(pages: readonly { file: string; page: number }[]): Promise<PageTime[]> {
  await sharedRecognizer();
  const read = (file: string, page: number): Promise<unknown> =>
    readScannedPages(new Uint8Array(fs.readFileSync(file)), [page], { ...ocrOptions(), budgetMs: 1e9 });
  if (pages.length > 0) await read(pages[0]!.file, pages[0]!.page);
  const times: PageTime[] = [];
  for (const { file, page } of pages) {
    const cpu0 = process.threadCpuUsage();
    const t0 = performance.now();
    await read(file, page);
    const cpu = process.threadCpuUsage(cpu0);
    times.push({ file: path.basename(file), page, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  return times;
}

/** The files sent at once to a started pool of `size` workers (each loads the model on its first scanned page). */
export async function throughPool(files: readonly string[], size: number, onPage?: (file: string, done: number, total: number) => void): Promise<PoolFigures> {
  let pages = 0;
  for (const file of files) pages += await pageCount(file);
  // Measure reading, not the budget: on a machine loaded by others a scan's wall time can pass the app's
  // per-file OCR budget and its last pages would be left unread (the workers read the variable when they start).
  const budget = process.env['OGI_OCR_BUDGET_S'];
  process.env['OGI_OCR_BUDGET_S'] = budget ?? '3600';
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const pool = new WorkerPool({ size, preload: true });
  try {
    await pool.whenReady();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let busyMs = 0;
    const outcomes = await Promise.all(
      files.map(async (file, i) => {
        let begun: number | undefined;
        const outcome = await pool.run({ id: i + 1, file: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) }, (p) => {
          begun ??= performance.now();
          onPage?.(path.basename(file), p.done, p.total);
        });
        busyMs += performance.now() - (begun ?? performance.now());
        return outcome;
      }),
    );
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { files: files.length, pages, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRss, rssBefore, concurrency: busyMs / wallMs, outcomes };
  } finally {
    clearInterval(sampler);
    await pool.close();
    if (budget === undefined) delete process.env['OGI_OCR_BUDGET_S'];
  }
}

/** The scanned fixtures, or null with the reason when they are absent. */
export function scanFiles(dir: string): string[] | string {
  if (!fs.existsSync(dir)) return `找不到扫描件文件夹：${dir}`;
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => path.join(dir, f));
  return files.length > 0 ? files : `${dir} 中没有 PDF`;
}

/**
 * The lines `npm run bench` prints last (the import figures, maxRSS included, are not touched by OCR):
 * every scan through the pool, then the table pages of two scans on one core in this thread.
 */
export async function ocrBenchLine(dir: string, poolSize: number): Promise<string> {
  const files = scanFiles(dir);
  if (typeof files === 'string') return `OCR: skipped (${files})`;
  const pool = await throughPool(files, poolSize);
  const failed = pool.outcomes.filter((o) => o.error);
  // Pages 2–3 hold the tables, the heaviest pages to read (every cell on its own).
  const one = await perPageOneCore(files.slice(0, 2).flatMap((file) => [2, 3].map((page) => ({ file, page }))));
  const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
  return [
    `OCR (${path.basename(dir)}: ${pool.files} scans, ${pool.pages} A4 pages)`,
    `  one core: median ${(median(one.map((p) => p.cpuMs)) / 1000).toFixed(2)} s CPU per page (wall ${(median(one.map((p) => p.wallMs)) / 1000).toFixed(2)} s; ${one.length} table pages, model loaded)`,
    `  pool of ${poolSize}, scans sent together: ${(pool.pages / (pool.wallMs / 1000)).toFixed(2)} pages/s (${(pool.wallMs / 1000).toFixed(1)} s wall, incl. each worker's model load; scans read at once ${pool.concurrency.toFixed(2)}, CPU/wall ${(pool.cpuMs / pool.wallMs).toFixed(2)}); peak RSS ${mb(pool.peakRss)} (${mb(pool.rssBefore)} before)${failed.length ? `; ${failed.length} failed: ${failed.map((o) => o.error).join('; ')}` : ''}`,
  ].join('\n');
}
