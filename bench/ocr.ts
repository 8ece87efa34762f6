/**
 * OCR benchmark (not a test): the scanned fixtures (../shared/fixtures/scans) read whole.
 *   1. both scans sent together through the app's worker pool (2 workers): wall, pages/s, CPU of the process (all threads), peak RSS;
 *   2. one page at a time in this thread (one ONNX thread): wall and CPU time per page, after a warm-up page;
 *   3. what was read against answers.json: cells exact, department, year, expected check verdicts.
 *   npm run bench:ocr [-- --dir DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMPTY_CONTEXT, runChecks } from '../src/core/checks/index.ts';
import type { Report } from '../src/shared/model.ts';
import { median, pageCount, perPageOneCore, throughPool } from './ocr-figures.ts';

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
const loadavg = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`OCR bench — ${new Date().toISOString()}  load average ${loadavg()}`);

// 1. Through the worker pool, as an import reads them (first: the pool's RSS is not inflated by this thread's model).
const pool = await throughPool(
  files.map((file) => path.join(dir, file)),
  2,
  (file, done, total) => console.log(`  ${file}：第 ${done}/${total} 页`),
);
const { outcomes, pages } = pool;
console.log(
  `进程池（2 个工作线程，同时送入，含首次加载模型）：${files.length} 个文件 ${pages} 页，wall ${(pool.wallMs / 1000).toFixed(1)} s，${(pages / (pool.wallMs / 1000)).toFixed(2)} 页/秒，同时在读的扫描件 ${pool.concurrency.toFixed(2)}（2 = 两个核都在读），CPU ${(pool.cpuMs / 1000).toFixed(1)} s（CPU/wall ${(pool.cpuMs / pool.wallMs).toFixed(2)}），峰值 RSS ${Math.round(pool.peakRss / 1048576)} MB（之前 ${Math.round(pool.rssBefore / 1048576)} MB）`,
);

// 2. Page by page, single-threaded.
const everyPage: { file: string; page: number }[] = [];
for (const file of files) {
  const n = await pageCount(path.join(dir, file));
  for (let page = 1; page <= n; page++) everyPage.push({ file: path.join(dir, file), page });
}
const perPage = await perPageOneCore(everyPage);
console.log('单线程逐页（先读一页加载模型，不计）：');
for (const p of perPage) console.log(`  ${p.file} 第${p.page}页  wall ${(p.wallMs / 1000).toFixed(2)} s  CPU ${(p.cpuMs / 1000).toFixed(2)} s`);
console.log(`  中位数 CPU ${(median(perPage.map((p) => p.cpuMs)) / 1000).toFixed(2)} s/页，wall ${(median(perPage.map((p) => p.wallMs)) / 1000).toFixed(2)} s/页`);

// 3. Accuracy against answers.json.
let exact = 0;
let total = 0;
outcomes.forEach((o, i) => {
  const file = files[i]!;
  const want = answers[file]!;
  const report: Report | null = o.report;
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
    `  ${file}：单元格 ${ok}/${w.length}，单位 ${report.department === want.department ? '✓' : `✗ ${report.department}`}，年度 ${report.year === want.year ? '✓' : `✗ ${report.year}`}，预期结论 ${wrong.length === 0 ? '✓' : `✗ ${wrong.join('、')}`}，待确认 ${findings.filter((f) => f.status === 'uncertain').map((f) => f.check).join('、') || '无'}${report.warnings.length ? `，提示：${report.warnings.join('；')}` : ''}`,
  );
});
console.log(`表格单元格准确率 ${((exact / Math.max(1, total)) * 100).toFixed(1)}%（${exact}/${total}）`);
console.log(`load average at end ${loadavg()}`);
