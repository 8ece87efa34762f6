/**
 * OCR benchmark (not a test): the scanned fixtures (../shared/fixtures/scans) read whole.
 *   1. one page at a time in this thread (one ONNX thread): wall and CPU time per page, after a warm-up page;
 *   2. both scans through the app's worker pool (2 workers): wall, CPU of the process (all threads), peak RSS;
 *   3. what was read against answers.json: cells exact, department, year, expected check verdicts.
 *   npm run bench:ocr [-- --dir DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { openPdf } from '../src/core/ingest/pdf-load.ts';
import { EMPTY_CONTEXT, runChecks } from '../src/core/checks/index.ts';
import { readScannedPages } from '../src/core/ingest/pdf-scan.ts';
import { ocrOptions, sharedRecognizer } from '../src/main/ocr/ocr-options.ts';
import { WorkerPool } from '../src/main/worker-pool.ts';
import type { Report } from '../src/shared/model.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const dirArg = process.argv.indexOf('--dir');
const dir = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]!) : path.resolve(repoRoot, '../shared/fixtures/scans');
interface Answer {
  department: string | null;
  year: number;
  tables: { active: (number | null)[] | null; requests: (number | null)[][] | null; review: (number | null)[] | null };
  expect_fail?: string[];
  expect_pass?: string[];
}
const answers = JSON.parse(fs.readFileSync(path.join(dir, 'answers.json'), 'utf8')) as Record<string, Answer>;
const files = Object.keys(answers);
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// 1. Page by page, single-threaded.
await sharedRecognizer();
const perPage: { file: string; page: number; wall: number; cpu: number }[] = [];
let warmed = false;
for (const file of files) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
  const opened = await openPdf(bytes);
  const pages = opened.doc.numPages;
  await opened.destroy();
  for (let page = 1; page <= pages; page++) {
    if (!warmed) {
      await readScannedPages(bytes, [page], { ...ocrOptions(), budgetMs: 1e9 });
      warmed = true;
    }
    const c = process.cpuUsage();
    const t = performance.now();
    await readScannedPages(bytes, [page], { ...ocrOptions(), budgetMs: 1e9 });
    perPage.push({ file, page, wall: performance.now() - t, cpu: cpuMs(c) });
  }
}
console.log('单线程逐页（预热一页之后）：');
for (const p of perPage) console.log(`  ${p.file} 第${p.page}页  wall ${(p.wall / 1000).toFixed(2)} s  CPU ${(p.cpu / 1000).toFixed(2)} s`);
console.log(`  中位数 CPU ${(median(perPage.map((p) => p.cpu)) / 1000).toFixed(2)} s/页，wall ${(median(perPage.map((p) => p.wall)) / 1000).toFixed(2)} s/页`);

// 2. Through the worker pool, as an import reads them.
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const pool = new WorkerPool({ size: 2, preload: true });
await pool.whenReady();
const c = process.cpuUsage();
const t = performance.now();
const outcomes = await Promise.all(
  files.map((file, i) =>
    pool.run({ id: i + 1, file, bytes: new Uint8Array(fs.readFileSync(path.join(dir, file))) }, (p) => console.log(`  ${file}：第 ${p.done}/${p.total} 页`)),
  ),
);
const wall = performance.now() - t;
const cpu = cpuMs(c);
clearInterval(sampler);
await pool.close();
const pages = perPage.length;
console.log(`进程池（2 个工作线程，含首次加载模型）：${files.length} 个文件 ${pages} 页，wall ${(wall / 1000).toFixed(1)} s，CPU ${(cpu / 1000).toFixed(1)} s（CPU/wall ${(cpu / wall).toFixed(2)}），每页 wall ${(wall / pages / 1000).toFixed(2)} s，峰值 RSS ${Math.round(peakRss / 1048576)} MB`);

// 3. Accuracy against answers.json.
let exact = 0;
let total = 0;
outcomes.forEach((o, i) => {
  const file = files[i]!;
  const want = answers[file]!;
  const report = o.report as Report | null;
  if (!report) return console.log(`  ${file}：读取失败 ${o.error}`);
  const flat = (r: Answer['tables']): (number | null)[] => [...(r.active ?? []), ...(r.requests ?? []).flat(), ...(r.review ?? [])];
  const w = flat(want.tables);
  const g = flat(report.tables);
  const ok = w.filter((v, k) => g[k] === v).length;
  exact += ok;
  total += w.length;
  const findings = runChecks(report, EMPTY_CONTEXT);
  const wrong = [
    ...(want.expect_fail ?? []).filter((id) => findings.find((f) => f.check === id)?.status !== 'fail'),
    ...(want.expect_pass ?? []).filter((id) => findings.find((f) => f.check === id)?.status !== 'pass'),
  ];
  console.log(
    `  ${file}：单元格 ${ok}/${w.length}，单位 ${report.department === want.department ? '✓' : `✗ ${report.department}`}，年度 ${report.year === want.year ? '✓' : `✗ ${report.year}`}，预期结论 ${wrong.length === 0 ? '✓' : `✗ ${wrong.join('、')}`}，待确认 ${findings.filter((f) => f.status === 'uncertain').map((f) => f.check).join('、') || '无'}`,
  );
});
console.log(`表格单元格准确率 ${((exact / Math.max(1, total)) * 100).toFixed(1)}%（${exact}/${total}）`);
