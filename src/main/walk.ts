/**
 * Files and folders named by the user → the files to read, recursively, in a stable order.
 * Unsupported files are reported with a reason instead of being silently dropped.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isSupportedExtension } from './engine.ts';

export interface WalkResult {
  files: string[];
  skipped: { file: string; reason: string }[];
}

/** Hidden files, Office lock files (~$…) and OS folder files are never reports. */
const IGNORED_NAMES = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

export function walkInputs(inputs: string[]): WalkResult {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  const seen = new Set<string>();
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      skipped.push({ file: p, reason: '文件或文件夹不存在' });
      return;
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(p).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
      } catch (e) {
        skipped.push({ file: p, reason: `无法读取文件夹：${(e as Error).message}` });
        return;
      }
      for (const name of entries) {
        if (IGNORED_NAMES.test(name)) continue;
        visit(path.join(p, name));
      }
      return;
    }
    if (!st.isFile()) return;
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    if (!isSupportedExtension(p)) {
      skipped.push({ file: p, reason: `不支持的文件类型（${path.extname(p) || '无扩展名'}），已跳过` });
      return;
    }
    files.push(p);
  };
  for (const input of inputs) visit(input);
  return { files, skipped };
}
