/**
 * 批量导出 from the service, as the UI starts it: a year of real fixture reports imported, the office's name
 * set once, then exportYear → one combined sheets PDF (each department's pages numbered from 1), one PDF per
 * department, the notices, the summary PDF, the workbook and a zip — read back with pdfinfo/pdftotext and exceljs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { createService } from '../../src/main/service.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const bench = path.resolve(repoRoot, '../shared/fixtures/bench');
// Four departments of one year in three formats, and a fifth whose report lost its tables.
const FILES = ['b11-0000-docx.docx', 'b11-0001-pdf.pdf', 'b11-0002-txt.txt', 'b11-0005-txt.txt'];
const WITHOUT_TABLES = 'b11-0008-txt.txt';

function toolsMissing(): string | false {
  if (!fs.existsSync(process.env.OGI_CHROMIUM ?? '/usr/bin/chromium')) return '未安装 Chromium';
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return false;
  } catch {
    return '未安装 pdfinfo（poppler-utils）';
  }
}
const skip = !fs.existsSync(bench) ? `no fixtures at ${bench}` : toolsMissing();
if (skip) console.log(`跳过：${skip}`);

const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

test('batch export of a year: combined and per-department sheets with rank and office, notices, summary, Excel, zip', { timeout: 600_000, skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-export-test-'));
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox);
  for (const f of FILES) fs.copyFileSync(path.join(bench, f), path.join(inbox, f));
  const withoutTables = fs.readFileSync(path.join(bench, WITHOUT_TABLES), 'utf8').split('\n').filter((l) => !l.includes('|')).join('\n');
  fs.writeFileSync(path.join(inbox, WITHOUT_TABLES), withoutTables);
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: [inbox] });
    await service.waitForImport(job.jobId);
    const year = (await service.listYears())[0]!;
    await service.saveSettings({ office: '北湖县人民政府办公室' });
    assert.equal((await service.getSettings()).office, '北湖县人民政府办公室');
    const overview = await service.overview({ year });
    const departments = new Set(overview.map((r) => r.department));
    assert.equal(departments.size, FILES.length + 1);

    // Browser mode: no folder → a zip to download.
    const { jobId } = await service.exportYear({ year });
    let progress = await service.exportStatus({ jobId });
    const seen = new Set<number>();
    while (!progress.finished) {
      seen.add(progress.done);
      await new Promise((r) => setTimeout(r, 200));
      progress = await service.exportStatus({ jobId });
    }
    assert.equal(progress.error, null);
    assert.ok(seen.size > 1, 'progress moves while the export runs');
    assert.equal(progress.sheets, overview.filter((r) => r.report).length);
    const archive = service.exportArchive(jobId)!;
    assert.equal(archive.name, `${year}年度年报审核材料.zip`);
    const zip = await JSZip.loadAsync(fs.readFileSync(archive.file));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    for (const expected of ['全部审核意见单.pdf', '全部整改通知书.pdf', '汇总排名表.pdf', '汇总表.xlsx', '问题清单.csv', 'rollup.json', 'rollup.xlsx', 'circular.docx']) assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    assert.equal(names.filter((n) => n.startsWith('审核意见单/')).length, progress.sheets);

    // Desktop: the same into a folder the reviewer chose.
    const out = path.join(dir, 'out');
    const desk = await service.exportYear({ year, folder: out });
    let done = await service.exportStatus({ jobId: desk.jobId });
    while (!done.finished) {
      await new Promise((r) => setTimeout(r, 200));
      done = await service.exportStatus({ jobId: desk.jobId });
    }
    assert.equal(done.error, null);
    const folder = done.folder!;
    assert.equal(folder, path.join(out, `${year}年度年报审核材料`));

    const perDepartment = fs.readdirSync(path.join(folder, '审核意见单')).map((f) => path.join(folder, '审核意见单', f));
    const combined = path.join(folder, '全部审核意见单.pdf');
    assert.equal(pdfPages(combined), perDepartment.reduce((n, f) => n + pdfPages(f), 0));
    const text = pdfText(combined);
    // Page numbers restart per department: as many "第 1 页" as departments.
    assert.equal((text.match(/第\s*1\s*页\s*共/g) ?? []).length, perDepartment.length);
    // Rank and office name filled on every sheet.
    const ranked = overview.filter((r) => r.report?.score !== null && r.report).length;
    for (const f of perDepartment) {
      const t = pdfText(f);
      assert.match(t, new RegExp(`第\\s*\\d+\\s*名\\s*/\\s*共\\s*${ranked}\\s*家`), `${path.basename(f)} has its rank`);
      assert.match(t, /北湖县人民政府办公室/, `${path.basename(f)} names the office`);
    }
    // The report without 表四 is 不合格 by veto and ranked last.
    const vetoed = overview.find((r) => r.report?.veto)!;
    assert.ok(vetoed, 'the report without table 四 is vetoed');
    assert.equal(vetoed.report!.grade, '不合格');
    const vetoedSheet = perDepartment.find((f) => path.basename(f).startsWith(vetoed.department))!;
    assert.match(pdfText(vetoedSheet), new RegExp(`第\\s*${ranked}\\s*名`));
    assert.match(pdfText(vetoedSheet), /一票否决/);

    const summary = pdfText(path.join(folder, '汇总排名表.pdf'));
    assert.match(summary, /北湖县人民政府办公室/);
    for (const d of departments) assert.ok(summary.replace(/\s+/g, '').includes(d), `${d} in the summary`);

    // The roll-up and the draft circular, as the CLI export writes them.
    const rollup = JSON.parse(fs.readFileSync(path.join(folder, 'rollup.json'), 'utf8')) as { year: number; departments: number; included: string[]; excluded: { name: string; reason: string }[] };
    assert.equal(rollup.year, year);
    assert.equal(rollup.departments, departments.size);
    assert.equal(rollup.included.length, FILES.length, 'the report without tables is left out of the sum');
    assert.ok(rollup.excluded.some((e) => e.name === vetoed.department), `${vetoed.department} excluded`);
    const circular = (await mammoth.extractRawText({ path: path.join(folder, 'circular.docx') })).value;
    assert.match(circular, new RegExp(`关于${year}年度政府信息公开工作年度报告审核情况的通报`));
    for (const d of departments) assert.ok(circular.includes(d), `${d} in the circular`);
    const rollupBook = new ExcelJS.Workbook();
    await rollupBook.xlsx.readFile(path.join(folder, 'rollup.xlsx'));
    assert.ok(rollupBook.getWorksheet('表三 依申请公开'), 'rollup.xlsx has table 三');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(folder, '汇总表.xlsx'));
    assert.ok(workbook.worksheets.length >= 2, workbook.worksheets.map((w) => w.name).join(','));
    const sheetText = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    for (const d of departments) assert.ok(sheetText.includes(d), `${d} in the workbook`);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
