/**
 * SQLite faults in words a reviewer can act on: a truncated or garbled database file, a full disk, a file
 * that cannot be written. better-sqlite3 reports them as `SqliteError` with an English message and a code;
 * the CLI, the app and browser mode show this message instead of a stack.
 */
import { StoreError } from './store.ts';

/** SQLite's primary result codes for a damaged file, a full disk and I/O trouble (better-sqlite3's `code`). */
function kindOf(code: string): 'damaged' | 'full' | 'io' | 'readonly' | 'cantopen' | null {
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY')) return 'readonly';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cantopen';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

/** The error to show for `err` raised on database `file`; `err` itself when it is no SQLite fault. */
export function sqliteFault(err: unknown, file: string): unknown {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) {
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return full(file);
    return err;
  }
  switch (kindOf(code)) {
    case 'damaged':
      return new StoreError('damaged',
        `数据库文件已损坏（不完整或内容被改动）：${file}。请先复制保存该文件，然后用备份替换它；` +
        `可运行 ogi-audit verify --db "${file}" 查看损坏情况。也可以另指定一个新的数据库文件重新导入（--db 或 OGI_DB）。`);
    case 'full':
      return full(file);
    case 'readonly':
      return new StoreError('readonly', `数据库文件不能写入：${file}（文件或所在文件夹是只读的，或没有写入权限）。请检查权限，或另指定数据库文件（--db 或 OGI_DB）。`);
    case 'cantopen':
      return new StoreError('cantopen', `无法打开数据库文件：${file}（路径不存在、不是文件，或没有权限）。请检查路径，或另指定数据库文件（--db 或 OGI_DB）。`);
    case 'io':
      return new StoreError('io', `读写数据库文件时出错：${file}（磁盘或网络存储故障，${code}）。请检查磁盘后重试；若反复出现，请运行 ogi-audit verify --db "${file}"。`);
    default:
      return err;
  }
}

function full(file: string): StoreError {
  return new StoreError('disk-full', `磁盘空间已满，无法写入数据库：${file}。请清理磁盘空间后重试（已保存的数据不受影响）。`);
}
