/** The one folder walker (CLI audit and importer): order, what is set aside and why, folder-link loops. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { walkInputs } from '../../src/main/walk.ts';

test('walkInputs: supported files in order, the rest set aside with a reason, a folder link back up walked once', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-walk-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, '乙局'));
  fs.writeFileSync(path.join(root, '乙局', '年报.pdf'), 'x');
  fs.writeFileSync(path.join(root, '甲局.docx'), 'x');
  fs.writeFileSync(path.join(root, '表格.xls'), 'x');
  fs.writeFileSync(path.join(root, '.隐藏.txt'), 'x');
  fs.writeFileSync(path.join(root, '~$甲局.docx'), 'x');
  fs.symlinkSync(root, path.join(root, '乙局', '回到上层'));
  execFileSync('mkfifo', [path.join(root, '管道.txt')]);

  const { files, skipped } = walkInputs([root, path.join(root, '没有这个文件.txt')]);
  assert.deepEqual(files.map((f) => path.relative(root, f)), ['甲局.docx', path.join('乙局', '年报.pdf')], 'in pinyin order: 甲 before 乙');
  const reasons = new Map(skipped.map((s) => [path.relative(root, s.file), s.reason]));
  assert.match(reasons.get(path.join('乙局', '回到上层')) ?? '', /已读取过的文件夹/);
  assert.match(reasons.get('表格.xls') ?? '', /不支持的文件类型（\.xls）/);
  assert.match(reasons.get('管道.txt') ?? '', /不是普通文件/);
  assert.match(reasons.get('没有这个文件.txt') ?? '', /文件不存在/);
  assert.equal(skipped.length, 4, 'hidden files and Office lock files are passed over silently');
});
