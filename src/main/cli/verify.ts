/** `ogi-audit verify --db FILE`: integrity of the database and every stored file's hash; exit 1 naming what is damaged. */
import type { Command } from 'commander';
import { openStore } from '../store/open.ts';
import { isSound, verifyStore } from '../store/verify.ts';
import { DB_OPTION_HELP, DEFAULT_DB } from './db-option.ts';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('检查数据库是否完好：数据库自身的完整性检查，以及每个保存的原始文件与其 SHA-256 是否一致')
    .option('--db <file>', DB_OPTION_HELP, DEFAULT_DB)
    .action(async (opts: { db: string }) => {
      let store;
      try {
        store = await openStore(opts.db, { migrate: false });
      } catch (e) {
        console.error(`数据库无法打开：${(e as Error).message}`);
        process.exitCode = 2;
        return;
      }
      try {
        const result = await verifyStore(store);
        if (result.integrity.length > 0) {
          console.log(`数据库完整性检查发现 ${result.integrity.length} 处问题：`);
          for (const line of result.integrity) console.log(`  ${line}`);
        } else {
          console.log('数据库完整性检查：通过');
        }
        console.log(`原始文件：检查 ${result.blobsChecked} 个，损坏 ${result.damagedBlobs.length} 个`);
        for (const d of result.damagedBlobs) console.log(`  已损坏：${d.sha256}（${d.reason}）`);
        if (result.unreadable) console.log(`  未能读完所有原始文件：${result.unreadable}`);
        if (isSound(result)) {
          console.log(`结论：${store.location} 完好。`);
        } else {
          console.log(`结论：${store.location} 已损坏。请先复制保存该文件，再用最近的备份替换；损坏的原始文件可重新导入。`);
          process.exitCode = 1;
        }
      } finally {
        await store.close();
      }
    });
}
