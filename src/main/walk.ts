/**
 * Files and folders named by the user → the files to read, recursively, in a stable order (the CLI's
 * `audit` and the importer). Unsupported files, paths that cannot be opened and things that are not
 * regular files are reported with a reason instead of being silently dropped; a folder link that
 * leads back to a folder already walked is not walked again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isSupportedExtension } from './engine.ts';

export interface WalkResult {
  files: string[];
  skipped: { file: string; reason: string }[];
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

/** Hidden files, Office lock files (~$…) and OS folder files are never reports (unless named by the user). */
function isHiddenOrSystem(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(lower) || lower === '__macosx';
}

/** Why a path could not be opened, in words a reviewer understands. */
export function accessReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: '文件不存在（可能已被移走，或是指向不存在文件的快捷方式）',
    EACCES: '没有读取权限',
    EPERM: '没有读取权限',
    ELOOP: '符号链接循环（快捷方式指向自身）',
    EISDIR: '这是文件夹',
    EBUSY: '文件被其他程序占用',
    ENAMETOOLONG: '路径过长',
  };
  return (code && reasons[code]) ?? (err as Error).message;
}

/** Files under the given paths (recursively), with what was set aside and why. */
export function walkInputs(paths: string[]): WalkResult {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  // Real paths of folders already walked: a folder link pointing back up would otherwise be walked again and again.
  const walked = new Set<string>();
  const visit = (p: string, top: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      skipped.push({ file: p, reason: `无法访问：${accessReason(err)}` });
      return;
    }
    if (!top && isHiddenOrSystem(path.basename(p))) return;
    if (stat.isDirectory()) {
      let real: string;
      try {
        real = fs.realpathSync(p);
      } catch (err) {
        skipped.push({ file: p, reason: `无法访问：${accessReason(err)}` });
        return;
      }
      if (walked.has(real)) {
        if (!top) skipped.push({ file: p, reason: '文件夹链接指向已读取过的文件夹，已跳过' });
        return;
      }
      walked.add(real);
      let names: string[];
      try {
        names = fs.readdirSync(p).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
      } catch (err) {
        skipped.push({ file: p, reason: `无法读取文件夹：${(err as Error).message}` });
        return;
      }
      for (const name of names) visit(path.join(p, name), false);
    } else if (stat.isFile()) {
      if (isSupportedExtension(p)) files.push(p);
      else skipped.push({ file: p, reason: `不支持的文件类型（${path.extname(p) || '无扩展名'}），仅支持 .docx .doc .wps .pdf .txt .html` });
    } else {
      // Pipes, sockets and devices: reading one could block forever.
      skipped.push({ file: p, reason: '不是普通文件（管道、设备或套接字），已跳过' });
    }
  };
  for (const p of paths) visit(p, true);
  return { files, skipped };
}
