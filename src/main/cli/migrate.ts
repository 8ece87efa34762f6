/** `ogi-audit migrate --from FILE.db --to postgres://…`: copy a whole database and verify the row counts. */
import type { Command } from 'commander';
import { copyDatabase } from '../store/copy.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('把整个数据库（原件、各版本、检查结果、审核决定、更正、评分规则）复制到另一个空数据库，并核对行数')
    .requiredOption('--from <file|url>', '源数据库：SQLite 文件或 postgres:// 地址')
    .requiredOption('--to <file|url>', '目标数据库（须为空）：postgres://用户名@服务器:端口/数据库名 或 SQLite 文件')
    .action(async (opts: { from: string; to: string }) => {
      try {
        const result = await copyDatabase(opts.from, opts.to, (table, rows) => console.log(`  ${table}：${rows} 行`));
        console.log(`已复制 ${result.from} → ${result.to}（用时 ${(result.ms / 1000).toFixed(1)} 秒），核对行数一致：`);
        for (const c of result.counts) console.log(`  ${c.table.padEnd(20)} ${String(c.from).padStart(8)} = ${c.to}`);
      } catch (e) {
        console.error(`迁移失败：${(e as Error).message}`);
        process.exitCode = 2;
      }
    });
}
