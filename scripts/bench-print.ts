/**
 * Benchmark (not a test): time printing N audit sheets to PDF with one browser and the default
 * page pool. Uses real audits of the cases fixtures, repeated with distinct department names.
 *   npx tsx scripts/bench-print.ts [count=100] [concurrency=2]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditBatch, readReport } from '../src/core/audit.ts';
import type { BatchFile } from '../src/core/audit.ts';
import { defaultRubric } from '../src/core/score/index.ts';
import { rankResults, renderSheetHtml } from '../src/core/sheet/index.ts';
import { printBatch } from '../src/main/print/pdf.ts';
import { sha256 } from '../src/main/hash.ts';
import type { AuditResult } from '../src/shared/model.ts';

const count = Number(process.argv[2] ?? 100);
const concurrency = Number(process.argv[3] ?? 2);
const casesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures/cases');

const t0 = performance.now();
const files = readdirSync(casesDir).filter((f) => /\.(docx|txt|pdf)$/.test(f)).slice(0, 12);
const batch: BatchFile[] = [];
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(path.join(casesDir, f)));
  batch.push({ read: await readReport(path.join(casesDir, f), bytes), sha256: sha256(bytes), size: bytes.byteLength });
}
const base = auditBatch(batch, defaultRubric());
const results: AuditResult[] = Array.from({ length: count }, (_, i) => {
  const r = base[i % base.length]!;
  return { ...r, report: r.report ? { ...r.report, department: `${r.report.department ?? '某单位'}（第${i + 1}家）` } : null };
});
const tAudit = performance.now();

const ranks = rankResults(results);
const html = results.map((result, i) => renderSheetHtml({ result, auditedAt: new Date().toISOString(), engineVersion: 'bench', rank: ranks[i] ? { rank: ranks[i]!, of: count } : null }).html);
const tRender = performance.now();

const dir = await mkdtemp(path.join(os.tmpdir(), 'ogi-bench-'));
let done = 0;
try {
  await printBatch(html.map((h, i) => ({ html: h, file: path.join(dir, `${i}.pdf`) })), { concurrency, onDone: () => done++ });
} finally {
  await rm(dir, { recursive: true, force: true });
}
const tPrint = performance.now();

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
console.log(`审核 ${files.length} 个样例：${s(tAudit - t0)}`);
console.log(`渲染 ${count} 份审核意见单 HTML：${s(tRender - tAudit)}（每份 ${((tRender - tAudit) / count).toFixed(1)} ms）`);
console.log(`打印 ${done} 份 PDF（并发 ${concurrency}，含启动浏览器）：${s(tPrint - tRender)}（每份 ${((tPrint - tRender) / count).toFixed(0)} ms）`);
console.log(`机器负载（1 分钟平均）：${os.loadavg()[0]!.toFixed(1)}，CPU ${os.cpus().length} 核`);
