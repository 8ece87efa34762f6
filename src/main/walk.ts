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

/**
 * File names that are not UTF-8 (a zip made on Chinese Windows, unpacked on Linux, keeps GBK bytes): Node
 * turns them into U+FFFD when listing a folder as text, so the path no longer names the file. The walker
 * lists folders as bytes and shows such names decoded (GB18030); the bytes to open them by are kept here,
 * under the decoded path, for `fsPath`.
 */
const bytePaths = new Map<string, Buffer>();

/** The path to give fs for a path the walker returned: its original bytes when the name is not UTF-8. */
export function fsPath(file: string): string | Buffer {
  return bytePaths.get(file) ?? file;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** A file name's bytes as text: UTF-8 when they are, else GB18030 (GBK's superset). */
export function decodeFileName(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}

/** Files under the given paths (recursively), with what was set aside and why. */
export function walkInputs(paths: string[]): WalkResult {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  // Real paths of folders already walked: a folder link pointing back up would otherwise be walked again and again.
  const walked = new Set<string>();
  /** `raw`: the path as bytes (what fs needs); `p`: the same path as shown (names decoded). */
  const visit = (raw: Buffer, p: string, top: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(raw);
    } catch (err) {
      skipped.push({ file: p, reason: `无法访问：${accessReason(err)}` });
      return;
    }
    if (!top && isHiddenOrSystem(path.basename(p))) {
      // Folders of the system (__MACOSX, .git) are passed over; a hidden or lock file is named, so nothing vanishes unseen.
      if (!stat.isDirectory()) skipped.push({ file: p, reason: '隐藏文件或系统文件（以“.”或“~$”开头、Thumbs.db 等），已跳过' });
      return;
    }
    if (stat.isDirectory()) {
      let real: string;
      try {
        // The native realpath: the JavaScript one turns the bytes into text and loses a GBK name.
        real = fs.realpathSync.native(raw, { encoding: 'buffer' }).toString('latin1');
      } catch (err) {
        skipped.push({ file: p, reason: `无法访问：${accessReason(err)}` });
        return;
      }
      if (walked.has(real)) {
        if (!top) skipped.push({ file: p, reason: '文件夹链接指向已读取过的文件夹，已跳过' });
        return;
      }
      walked.add(real);
      let names: Buffer[];
      try {
        names = fs.readdirSync(raw, { encoding: 'buffer' });
      } catch (err) {
        skipped.push({ file: p, reason: `无法读取文件夹：${(err as Error).message}` });
        return;
      }
      const entries = names.map((name) => ({ name, shown: decodeFileName(name) }));
      entries.sort((a, b) => a.shown.localeCompare(b.shown, 'zh-Hans-CN'));
      for (const { name, shown } of entries) visit(Buffer.concat([raw, Buffer.from(path.sep), name]), path.join(p, shown), false);
    } else if (stat.isFile()) {
      if (!isSupportedExtension(p)) {
        skipped.push({ file: p, reason: `不支持的文件类型（${path.extname(p) || '无扩展名'}），仅支持 .docx .doc .wps .pdf .txt .html` });
        return;
      }
      if (!raw.equals(Buffer.from(p))) bytePaths.set(p, raw);
      files.push(p);
    } else {
      // Pipes, sockets and devices: reading one could block forever.
      skipped.push({ file: p, reason: '不是普通文件（管道、设备或套接字），已跳过' });
    }
  };
  for (const p of paths) visit(Buffer.from(p), p, true);
  return { files, skipped };
}
