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
  assert.match(reasons.get('.隐藏.txt') ?? '', /隐藏文件/);
  assert.match(reasons.get('~$甲局.docx') ?? '', /隐藏文件/);
  assert.equal(skipped.length, 6, 'hidden files and Office lock files are named too');
});

test('GBK file names (a Windows zip unpacked on Linux) are found, shown decoded and imported', async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-gbk-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const { readFileWithin } = await import('../../src/main/read-file.ts');
  const iconv = (await import('iconv-lite')).default;
  const sample = fs.readFileSync(path.join(import.meta.dirname, '../../assets/samples/p04-blank-cells.txt'));
  // 临江市经信局/2024年报.txt, both names in GBK bytes.
  const folder = Buffer.concat([Buffer.from(root + path.sep), iconv.encode('临江市经信局', 'gbk')]);
  fs.mkdirSync(folder);
  fs.writeFileSync(Buffer.concat([folder, Buffer.from(path.sep), iconv.encode('2024年报.txt', 'gbk')]), sample);
  fs.writeFileSync(path.join(root, '普通.txt'), sample);

  const { files, skipped } = walkInputs([root]);
  assert.deepEqual(skipped, []);
  assert.deepEqual(files.map((f) => path.relative(root, f)).sort(), [path.join('临江市经信局', '2024年报.txt'), '普通.txt'].sort());
  const gbk = files.find((f) => f.endsWith('2024年报.txt'))!;
  assert.deepEqual(Buffer.from(await readFileWithin(gbk, 1 << 20)), sample);

  const { importSources } = await import('../../src/main/importer.ts');
  const { openSqliteStore } = await import('../../src/main/store/sqlite.ts');
  const { defaultRubric } = await import('../../src/core/score/index.ts');
  fs.writeFileSync(path.join(root, '普通.txt'), Buffer.concat([sample, Buffer.from('\n')]));
  const store = openSqliteStore(path.join(os.tmpdir(), `ogi-gbk-${process.pid}.db`));
  t.after(() => fs.rmSync(path.join(os.tmpdir(), `ogi-gbk-${process.pid}.db`), { force: true }));
  try {
    const summary = await importSources(store, [{ path: root }], { rubric: defaultRubric(), poolSize: 1 });
    assert.deepEqual(summary.errors, []);
    assert.equal(summary.imported + summary.skipped.length, 2, JSON.stringify(summary.skipped));
    assert.ok(summary.imported >= 1);
  } finally {
    await store.close();
  }
});
