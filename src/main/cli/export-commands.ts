/**
 * `ogi-audit export --db FILE --year N --out DIR`: the printable documents and spreadsheets of a
 * year from the app's database; also plugs the same writer into `ogi-audit audit … --out DIR`.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ENGINE_VERSION } from '../engine.ts';
import type { AuditResult } from '../../shared/model.ts';
import { loadYearFromStore } from '../export/from-store.ts';
import { addDays, isoDate, writeOutputs } from '../export/write-outputs.ts';
import { loadYearRollup, writeRollupOutputs } from '../export/rollup.ts';
import { writeCircular } from '../export/circular.ts';
import type { WriteOutputsOptions, WrittenOutputs } from '../export/write-outputs.ts';
import { openStore, isPostgresUrl } from '../store/open.ts';
import { DB_OPTION_HELP } from './db-option.ts';
import { setOutputWriter } from './audit-command.ts';

export { writeOutputs };
export type { WriteOutputsOptions, WrittenOutputs };

interface ExportCommandOptions {
  db: string;
  year: string;
  out: string;
  fixBy?: string;
  issuedOn?: string;
  office?: string;
  json?: boolean;
  rollupOnly?: boolean;
  anonymise?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | undefined, option: string): void {
  if (value !== undefined && !ISO_DATE.test(value)) throw new Error(`${option} 应为 YYYY-MM-DD 格式的日期：${value}`);
}

export function reportWritten(w: WrittenOutputs, outDir: string): void {
  console.log(
    `已写入 ${path.resolve(outDir)}：审核意见单 ${w.sheets.length} 份，整改通知书 ${w.notices.length} 份，` +
      `summary.pdf、summary.xlsx、findings.csv${w.json ? '、audit.json' : ''}（用时 ${(w.ms / 1000).toFixed(1)} 秒）`,
  );
}

async function runExport(opts: ExportCommandOptions): Promise<number> {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    console.error(`--year 应为年度数字，例如 2024：${opts.year}`);
    return 2;
  }
  checkDate(opts.fixBy, '--fix-by');
  checkDate(opts.issuedOn, '--issued-on');
  if (!isPostgresUrl(opts.db) && !existsSync(opts.db)) {
    console.error(`数据库文件不存在：${opts.db}`);
    return 2;
  }
  const store = await openStore(opts.db);
  let stored;
  let yearRollup;
  try {
    stored = await loadYearFromStore(store, year);
    yearRollup = await loadYearRollup(store, year);
  } finally {
    await store.close();
  }
  if (stored.results.length === 0) {
    console.error(`数据库中没有 ${year} 年度的报告：${store.location}`);
    return 2;
  }
  if (opts.rollupOnly) {
    await mkdir(opts.out, { recursive: true });
  } else {
    const written = await writeOutputs(stored.results, opts.out, {
      engineVersion: ENGINE_VERSION,
      year,
      office: opts.office,
      fixBy: opts.fixBy,
      issuedOn: opts.issuedOn,
      importedAt: stored.importedAt,
      decisions: stored.decisions,
      corrections: stored.corrections,
      comments: stored.comments,
      missing: stored.missing,
      json: opts.json,
    });
    reportWritten(written, opts.out);
  }
  await writeRollupOutputs(yearRollup, opts.out, `${opts.office ?? '本地区'}${year}年度`);
  const issuedOn = opts.issuedOn ?? isoDate(new Date());
  await writeCircular(
    { year, results: stored.results, decisions: stored.decisions, missing: stored.missing, generatedAt: new Date().toISOString(), office: opts.office, issuedOn, fixBy: opts.fixBy ?? addDays(issuedOn, 15), anonymise: opts.anonymise },
    opts.out,
  );
  console.log(`已写入 circular.docx（通报稿${opts.anonymise ? '，典型问题不点名' : ''}）`);
  const r = yearRollup.rollup;
  console.log(`已写入 rollup.json、rollup.xlsx：${r.departments} 个单位，纳入汇总 ${r.included.length} 个，未纳入 ${r.excluded.length} 个`);
  if (yearRollup.region) {
    const n = yearRollup.region.differences.length;
    console.log(n === 0 ? `${yearRollup.region.department}年报统计表与各单位汇总数一致` : `${yearRollup.region.department}年报统计表与各单位汇总数有 ${n} 处不一致（见 rollup.xlsx）`);
  }
  return 0;
}

/** The writer `ogi-audit audit … --out DIR` uses (no database: no decisions, no roster). */
export async function writeAuditOutputs(results: AuditResult[], outDir: string): Promise<void> {
  const written = await writeOutputs(results, outDir, { engineVersion: ENGINE_VERSION });
  reportWritten(written, outDir);
}

export function registerExportCommands(program: Command): void {
  setOutputWriter(writeAuditOutputs);
  program
    .command('export')
    .description('从数据库导出某年度的审核意见单、整改通知书、汇总排名表（PDF）、Excel/CSV、本地区统计汇总（rollup.json、rollup.xlsx）和通报稿（circular.docx）')
    .requiredOption('--db <file|url>', DB_OPTION_HELP)
    .requiredOption('--year <n>', '报告年度，例如 2024')
    .requiredOption('--out <dir>', '输出目录')
    .option('--fix-by <date>', '整改期限（YYYY-MM-DD），默认发文后 15 天')
    .option('--issued-on <date>', '整改通知书落款日期（YYYY-MM-DD），默认今天')
    .option('--office <name>', '审核单位名称，印在文书上')
    .option('--json', '同时写出 audit.json（格式见 OUTPUT.md）')
    .option('--rollup-only', '只写出本地区统计汇总（rollup.json、rollup.xlsx）和通报稿（circular.docx），不打印文书')
    .option('--anonymise', '通报稿中的典型问题不点名（写作“某单位”）')
    .action(async (opts: ExportCommandOptions) => {
      try {
        process.exitCode = await runExport(opts);
      } catch (e) {
        console.error((e as Error).message);
        process.exitCode = 2;
      }
    });
}
