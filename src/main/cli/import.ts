/** `ogi-audit import <folders…>`: import reports into the store, with a progress bar and a roster summary. */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import path from 'node:path';
import { openService } from '../service.ts';
import { readRosterFile } from './roster-file.ts';
import { terminalSafe as safe } from './terminal-text.ts';

import { DB_OPTION_HELP, DEFAULT_DB } from './db-option.ts';

interface ImportCliOptions {
  db: string;
  roster?: string;
  year?: string;
  jobs?: string;
  progress: boolean;
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${text}`);
  return year;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入年报文件（文件夹递归查找），读取、检查、评分并存入数据库；重复导入会跳过已导入的文件')
    .argument('<paths...>', '文件或文件夹')
    .option('--db <file|url>', DB_OPTION_HELP, DEFAULT_DB)
    .option('--roster <file>', '应报送单位名单（.csv 或 .xlsx），用于统计未报送、逾期单位')
    .option('--year <year>', '审核年度（报告未写明年度时使用，并用于名单）')
    .option('--jobs <n>', '并行解析线程数（默认等于 CPU 核数）')
    .option('--no-progress', '不显示进度条')
    .action(async (paths: string[], opts: ImportCliOptions) => {
      const year = parseYear(opts.year);
      const poolSize = opts.jobs ? Math.max(1, Number(opts.jobs)) : undefined;
      const service = await openService(opts.db, poolSize ? { poolSize } : {});
      try {
        if (opts.roster) {
          if (year === undefined) throw new Error('使用 --roster 时必须同时指定 --year');
          const entries = await readRosterFile(opts.roster);
          const r = await service.store.roster.set(year, entries);
          console.log(`名单：${entries.length} 个单位（已有 ${r.matched}，新增 ${r.created}）`);
        }
        const bar = opts.progress && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { format: '导入 [{bar}] {value}/{total} | 已导入 {imported} | 跳过 {skipped} | 失败 {errors} | {current}', hideCursor: true, stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : null;
        let started = false;
        const t0 = Date.now();
        const { jobId } = await service.importPaths({ paths: paths.map((p) => path.resolve(p)), ...(year ? { year } : {}) });
        const off = service.onImportProgress((p) => {
          if (p.jobId !== jobId || !bar) return;
          const payload = { imported: p.imported, skipped: p.skippedFrom + p.skipped.length, errors: p.errorsFrom + p.errors.length, current: p.current ? safe(path.basename(p.current)) : '' };
          if (!started) {
            bar.start(p.total, p.done, payload);
            started = true;
          } else {
            bar.setTotal(p.total);
            bar.update(p.done, payload);
          }
        });
        const result = await service.waitForImport(jobId);
        off();
        bar?.stop();
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        console.log(`完成：共 ${result.total} 个文件，导入 ${result.imported}，跳过 ${result.skipped.length}，失败 ${result.errors.length}（用时 ${secs} 秒）`);
        for (const e of result.errors) console.log(`  失败  ${safe(e.file)}：${safe(e.reason)}`);
        const skippedByReason = new Map<string, number>();
        for (const s of result.skipped) {
          const key = s.reason.startsWith('已导入过') ? '已导入过（内容相同）' : s.reason;
          skippedByReason.set(key, (skippedByReason.get(key) ?? 0) + 1);
        }
        for (const [reason, n] of skippedByReason) console.log(`  跳过 ${n} 个：${safe(reason)}`);

        const years = year !== undefined ? [year] : await service.listYears();
        const summaryYear = years[0];
        if (summaryYear !== undefined) {
          const rows = await service.overview({ year: summaryYear });
          const missing = rows.filter((r) => r.missing);
          const late = rows.filter((r) => r.report?.late === true);
          const onRoster = rows.some((r) => r.missing) || opts.roster !== undefined;
          console.log(`${summaryYear} 年度：${rows.length - missing.length} 个单位已有报告`);
          if (onRoster) console.log(`未报送（${missing.length}）：${missing.map((r) => safe(r.department)).join('、') || '无'}`);
          console.log(`逾期报送（${late.length}）：${late.map((r) => `${safe(r.department)}（${r.report?.signedOn ?? '日期不详'}）`).join('、') || '无'}`);
        }
        const proposed = (await service.listDepartments()).filter((d) => d.unconfirmed);
        if (proposed.length > 0) console.log(`待确认的单位名称 ${proposed.length} 个（首次出现，请在“单位管理”中确认或合并）`);
        if (result.errors.length > 0) process.exitCode = 1;
      } finally {
        await service.close();
      }
    });
}
