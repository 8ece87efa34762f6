/**
 * `npm run serve -- [--port N] [--db FILE|postgres://…] [--renderer DIR]`: the app in a browser. Starts the service and
 * the web adapter on 127.0.0.1 and prints the URL with this run's token. Without --db (or OGI_DB) the 数据库
 * setting saved in ./ogi-database.json chooses, else ./ogi-audit.db.
 */
import { parseArgs } from 'node:util';
import { openService } from './service.ts';
import { resolveLocation } from './database-choice.ts';
import { startWebServer } from './web/server.ts';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`需要 Node 22 或更高版本（当前 ${process.version}），请用 npm run serve 启动`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    db: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

const choiceFile = './ogi-database.json';
const { location, fixed } = values.db ? { location: values.db, fixed: true } : resolveLocation(choiceFile, './ogi-audit.db', process.env['OGI_DB']);
// A damaged database or a full disk: the store's Chinese message, not a stack.
const service = await openService(location, { startWorkers: true, database: { choiceFile, fixed } }).catch((err: unknown) => {
  console.error(`无法启动：${(err as Error).message}`);
  process.exit(2);
});
const server = await startWebServer({ service, port: Number(values.port), rendererDir: values.renderer! });
console.log(`OGI Auditor 已启动（数据库 ${service.store.location}）`);
console.log(`请在浏览器中打开：${server.openUrl}`);

const stop = async (): Promise<void> => {
  await server.close();
  await service.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
