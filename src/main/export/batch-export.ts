/**
 * 批量导出: everything the office hands out for a year, in one action from the UI.
 *   <dir>/全部审核意见单.pdf       every audit sheet in rank order, one department per section (each sheet keeps
 *                                its own "第 x 页 共 y 页", so page numbers restart per department)
 *   <dir>/全部整改通知书.pdf       every rectification notice, likewise
 *   <dir>/审核意见单/<单位>.pdf    one PDF per department · <dir>/整改通知书/<单位>.pdf
 *   <dir>/汇总排名表.pdf · <dir>/汇总表.xlsx (summary + findings) · <dir>/问题清单.csv
 *   <dir>/rollup.json · <dir>/rollup.xlsx (region roll-up) · <dir>/circular.docx (通报稿), as the CLI export
 *   <archive>                    a zip of the folder (browser mode downloads it)
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import type { Store } from '../store/store.ts';
import { loadYearFromStore } from './from-store.ts';
import { addDays, isoDate, writeOutputs } from './write-outputs.ts';
import { loadYearRollup, writeRollupOutputs } from './rollup.ts';
import { writeCircular } from './circular.ts';

export interface BatchExportOptions {
  year: number;
  engineVersion: string;
  office?: string;
  /** Called as files are written; `done` of `total` steps. */
  onProgress?: (done: number, total: number, current: string) => void;
}

export interface BatchExportResult {
  /** Paths of the written files, relative to the folder. */
  files: string[];
  sheets: number;
  notices: number;
  /** Pages of the combined sheets PDF. */
  sheetPages: number;
  ms: number;
}

/** One PDF of several, in order (pdf-lib copies pages; each keeps its own printed page numbers). */
export async function concatenatePdfs(files: string[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const file of files) {
    const doc = await PDFDocument.load(await readFile(file));
    const pages = await out.copyPages(doc, doc.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  return out.save();
}

/** Write the year's outputs into `dir` (created; files of an earlier export there are replaced). */
export async function exportYear(store: Store, dir: string, options: BatchExportOptions): Promise<BatchExportResult> {
  const started = Date.now();
  const stored = await loadYearFromStore(store, options.year);
  if (stored.results.length === 0) throw new Error(`${options.year} 年度没有已导入的报告，无可导出的文书`);
  await mkdir(dir, { recursive: true });
  // writeOutputs names its files for the command line; the office gets Chinese names.
  const work = path.join(dir, '.ogi-export-tmp');
  await rm(work, { recursive: true, force: true });
  // Three more steps after writeOutputs: combining the sheets, the notices, the roll-up and circular.
  let total = 3;
  const written = await writeOutputs(stored.results, work, {
    engineVersion: options.engineVersion,
    year: options.year,
    ...(options.office ? { office: options.office } : {}),
    importedAt: stored.importedAt,
    decisions: stored.decisions,
      corrections: stored.corrections,
      comments: stored.comments,
    missing: stored.missing,
    progress: false,
    onProgress: (done, written, file) => {
      total = written + 3;
      options.onProgress?.(done, total, path.basename(file));
    },
  });
  const byRank = written.sheets
    .map((file, i) => ({ file, rank: written.ranks[i] ?? Infinity }))
    .sort((a, b) => a.rank - b.rank || a.file.localeCompare(b.file, 'zh-Hans-CN'));
  const sheetsPdf = await concatenatePdfs(byRank.map((s) => s.file));
  options.onProgress?.(total - 2, total, '全部审核意见单.pdf');
  // Notices are named like the sheets (same unique base name per report).
  const noticeSet = new Set(written.notices.map((f) => path.basename(f)));
  const noticesPdf = await concatenatePdfs(byRank.map((s) => path.join(work, 'notices', path.basename(s.file))).filter((f) => noticeSet.has(path.basename(f))));

  const files: string[] = [];
  const put = async (relative: string, bytes: Uint8Array | string): Promise<void> => {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files.push(relative);
  };
  await rm(path.join(dir, '审核意见单'), { recursive: true, force: true });
  await rm(path.join(dir, '整改通知书'), { recursive: true, force: true });
  await put('全部审核意见单.pdf', sheetsPdf);
  if (written.notices.length > 0) await put('全部整改通知书.pdf', noticesPdf);
  await put('汇总排名表.pdf', await readFile(written.summaryPdf));
  await put('汇总表.xlsx', await readFile(written.xlsx));
  await put('问题清单.csv', await readFile(written.csv));
  // The roll-up and the draft circular, as `export` writes them on the command line.
  const yearRollup = await loadYearRollup(store, options.year);
  await writeRollupOutputs(yearRollup, dir, `${options.office ?? '本地区'}${options.year}年度`);
  files.push('rollup.json', 'rollup.xlsx');
  const issuedOn = isoDate(new Date());
  await writeCircular(
    { year: options.year, results: stored.results, missing: stored.missing, generatedAt: new Date().toISOString(), office: options.office, issuedOn, fixBy: addDays(issuedOn, 15) },
    dir,
  );
  files.push('circular.docx');
  options.onProgress?.(total - 1, total, 'circular.docx');
  await mkdir(path.join(dir, '审核意见单'), { recursive: true });
  await mkdir(path.join(dir, '整改通知书'), { recursive: true });
  for (const file of written.sheets) {
    await rename(file, path.join(dir, '审核意见单', path.basename(file)));
    files.push(path.join('审核意见单', path.basename(file)));
  }
  for (const file of written.notices) {
    await rename(file, path.join(dir, '整改通知书', path.basename(file)));
    files.push(path.join('整改通知书', path.basename(file)));
  }
  await rm(work, { recursive: true, force: true });
  options.onProgress?.(total, total, '完成');
  const sheetPages = (await PDFDocument.load(sheetsPdf)).getPageCount();
  return { files, sheets: written.sheets.length, notices: written.notices.length, sheetPages, ms: Date.now() - started };
}

/** A zip of the exported files (paths as listed), for a browser download. */
export async function zipFolder(dir: string, files: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const relative of files) zip.file(relative.split(path.sep).join('/'), await readFile(path.join(dir, relative)));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
