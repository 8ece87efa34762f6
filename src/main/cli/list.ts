/** `ogi-audit list`: one line per stored report (department, year, version, file, score, grade). */
import type { Command } from 'commander';
import { openService } from '../service.ts';
import { DB_OPTION_HELP, DEFAULT_DB } from './db-option.ts';
import { terminalSafe as safe } from './terminal-text.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('列出数据库中的年报（每个版本一行）')
    .option('--db <file|url>', DB_OPTION_HELP, DEFAULT_DB)
    .option('--year <year>', '只列出该年度')
    .option('--latest', '每个单位只列最新版本')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { db: string; year?: string; latest?: boolean; json?: boolean }) => {
      const service = await openService(opts.db);
      try {
        const reports = await service.listReports({ ...(opts.year ? { year: Number(opts.year) } : {}), latestOnly: opts.latest ?? false });
        if (opts.json) {
          console.log(JSON.stringify(reports, null, 2));
          return;
        }
        if (reports.length === 0) {
          console.log('数据库中还没有年报。');
          return;
        }
        for (const r of reports) {
          const score = r.veto ? `否决（${r.veto}）` : r.score === null ? '—' : `${r.score} 分 ${r.grade ?? ''}`;
          console.log(
            [r.department === null ? '（单位未识别）' : safe(r.department), r.year ?? '年度不详', `第${r.version}版${r.latest ? '' : '（已被替换）'}`, safe(r.file), safe(score)].join('\t'),
          );
        }
        console.log(`共 ${reports.length} 份`);
      } finally {
        await service.close();
      }
    });
}
