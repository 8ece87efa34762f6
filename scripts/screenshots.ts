/**
 * README screenshots, taken from the real app: a year of reports from ../shared/fixtures/bench (one of them
 * without its tables) imported into a temporary database, the office's name set, then Chromium shows the
 * overview and a department's detail screen, and the first page of a printed audit sheet is rendered with
 * pdftoppm; the overview's charts and the first page of the printed summary (with the same charts).
 * Writes docs/screenshots/{overview,detail,sheet,charts,summary}.png, or only the ones named:
 *   npm exec -- node --import tsx scripts/screenshots.ts [overview|detail|sheet|charts|summary …]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createService } from '../src/main/service.ts';
import { startWebServer } from '../src/main/web/server.ts';
import { ensureRendererBuilt } from './ensure-renderer.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..');
const bench = path.resolve(repoRoot, '../shared/fixtures/bench');
const outDir = path.join(repoRoot, 'docs', 'screenshots');
const SHOTS = ['overview', 'detail', 'sheet', 'charts', 'summary'] as const;
const wanted = new Set(process.argv.slice(2).length > 0 ? process.argv.slice(2) : SHOTS);
for (const name of wanted) if (!(SHOTS as readonly string[]).includes(name)) throw new Error(`未知的截图：${name}（可选 ${SHOTS.join('、')}）`);
const FILES = ['b11-0000-docx.docx', 'b11-0001-pdf.pdf', 'b11-0002-txt.txt', 'b11-0005-txt.txt', 'b11-0011-txt.txt', 'b11-0014-txt.txt'];

if (!fs.existsSync(bench)) {
  console.error(`没有找到 ${bench}，无法截图`);
  process.exit(1);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-shots-'));
const inbox = path.join(tmp, 'inbox');
fs.mkdirSync(inbox);
for (const f of FILES) fs.copyFileSync(path.join(bench, f), path.join(inbox, f));
fs.writeFileSync(path.join(inbox, 'b11-0008-txt.txt'), fs.readFileSync(path.join(bench, 'b11-0008-txt.txt'), 'utf8').split('\n').filter((l) => !l.includes('|')).join('\n'));

const service = createService({ dbPath: path.join(tmp, 'shots.db'), poolSize: 2 });
const server = await startWebServer({ service, port: 0, rendererDir: ensureRendererBuilt() });
const browser = await chromium.launch({ executablePath: process.env.OGI_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const job = await service.importPaths({ paths: [inbox] });
  await service.waitForImport(job.jobId);
  await service.saveSettings({ office: '北湖县人民政府办公室' });
  const year = (await service.listYears())[0]!;
  await service.setRoster({ year, names: [...(await service.overview({ year })).map((r) => r.department), '北湖县林业局'] });
  fs.mkdirSync(outDir, { recursive: true });

  const page = await (await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })).newPage();
  await page.goto(`${server.openUrl}#/overview`);
  await page.locator('tr.clickable').first().waitFor();
  if (wanted.has('overview')) await page.screenshot({ path: path.join(outDir, 'overview.png') });
  if (wanted.has('charts')) {
    const charts = page.locator('.overview-charts');
    await charts.waitFor();
    await charts.screenshot({ path: path.join(outDir, 'charts.png') });
  }

  const worst = (await service.overview({ year })).find((r) => r.report && !r.report.veto && r.report.failed > 0) ?? (await service.overview({ year })).find((r) => r.report)!;
  await page.goto(`${server.openUrl}#/report/${worst.report!.reportId}`);
  await page.getByTestId('score').waitFor();
  if (wanted.has('detail')) await page.screenshot({ path: path.join(outDir, 'detail.png') });

  // The printed sheet, as the batch export prints it.
  const out = path.join(tmp, 'export');
  const exportJob = await service.exportYear({ year, folder: out });
  let progress = await service.exportStatus({ jobId: exportJob.jobId });
  while (!progress.finished) {
    await new Promise((r) => setTimeout(r, 300));
    progress = await service.exportStatus({ jobId: exportJob.jobId });
  }
  if (progress.error) throw new Error(progress.error);
  const sheet = path.join(progress.folder!, '审核意见单', `${worst.department}.pdf`);
  if (wanted.has('sheet')) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', sheet, path.join(outDir, 'sheet')]);
  const summary = path.join(progress.folder!, '汇总排名表.pdf');
  if (wanted.has('summary')) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', summary, path.join(outDir, 'summary')]);
  console.log(`已写入 ${path.relative(repoRoot, outDir)}/${[...wanted].map((n) => `${n}.png`).join('、')}`);
} finally {
  await browser.close();
  await server.close();
  await service.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
