/**
 * Issue 7, "done": a folder of whatever departments might send — empty, garbage, truncated, encrypted,
 * scanned, renamed, zip bombs, non-reports, over-size, links that loop, a pipe, plus parser workers that
 * hang, run out of memory, exit or throw — imported through the real importer into a temporary database.
 * Every bad file is reported with its Chinese reason, every good report is audited, the store stays
 * consistent, a re-run retries only what failed for transient reasons, and the service reopens the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { importSources, type ImportSummary } from '../../src/main/importer.ts';
import { WorkerPool } from '../../src/main/worker-pool.ts';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { defaultRubricJson, parseRubricJson } from '../../src/main/engine.ts';
import { createService } from '../../src/main/service.ts';
import { DEFAULT_READ_LIMITS } from '../../src/main/settings.ts';
import { repoRoot } from './helpers/shared.ts';
import { serializePdf } from './helpers/tiny-pdf.ts';

const samples = path.join(repoRoot, 'assets', 'samples');
const docFixture = path.join(repoRoot, 'test', 'fixtures', 'doc', 'p01-clean.doc');

// ---------- builders ----------

/** A one-page PDF around a content stream; extra objects are appended after the five standard ones. */
function buildPdf(content: string, options: { encrypt?: boolean; image?: boolean } = {}): Buffer {
  const resources = options.image ? '<< /XObject << /Im1 6 0 R >> >>' : '<< /Font << /F1 5 0 R >> >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Resources ${resources} /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  if (options.image) {
    // A 4×4 grey picture: what a scanner produces, minus the size.
    const pixels = '\x00\x40\x80\xff'.repeat(4);
    objects.push(`<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`);
  }
  return serializePdf(objects, { encrypt: options.encrypt });
}

/** An OLE compound file header followed by directory names (what the .doc reader looks for). */
function oleBytes(streamNames: string[]): Buffer {
  const bytes = Buffer.alloc(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 1024;
  for (const name of streamNames) {
    for (let i = 0; i < name.length; i++) bytes[at + i * 2] = name.charCodeAt(i);
    at += 128;
  }
  return bytes;
}

async function zipOf(entries: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
}

/** A good .docx with its document.xml replaced. */
async function docxWithBody(xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(samples, 'p01-clean.docx')));
  zip.file('word/document.xml', xml);
  return Buffer.from(await zip.generateAsync({ type: 'uint8array' }));
}

interface Expectation {
  /** Where the importer lists it: failed (errors) or set aside (skipped). */
  list: 'errors' | 'skipped';
  reason: RegExp;
  /** The store's error code, for files that reach a parser. */
  code?: string;
}

/** Builds the folder; returns what each bad file must produce, keyed by file name. */
async function buildFolder(folder: string): Promise<{ bad: Map<string, Expectation>; good: string[] }> {
  const bad = new Map<string, Expectation>();
  const put = (name: string, bytes: Uint8Array | string, expectation: Expectation): void => {
    fs.writeFileSync(path.join(folder, name), bytes);
    bad.set(name, expectation);
  };
  const pdf = fs.readFileSync(path.join(samples, 'p02-row-total.pdf'));
  const txtSample = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()[0]!;
  const reportText = fs.readFileSync(path.join(samples, txtSample), 'utf8');
  const doc = fs.readFileSync(docFixture);

  put('01-空文件.docx', '', { list: 'errors', reason: /空文件（0 字节）/, code: 'empty' });
  put('02-乱码.pdf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), { list: 'errors', reason: /不是 PDF 格式/, code: 'unsupported' });
  put('03-截断.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.3)), { list: 'errors', reason: /PDF 文件已损坏/, code: 'damaged' });
  put('04-加密.pdf', buildPdf('BT /F1 10 Tf 10 10 Td (x) Tj ET', { encrypt: true }), { list: 'errors', reason: /PDF 文件已加密/, code: 'encrypted' });
  put('05-扫描件.pdf', buildPdf('q 400 0 0 300 0 0 cm /Im1 Do Q', { image: true }), { list: 'errors', reason: /扫描件，无可识别文字/, code: 'scanned' });
  put('06-设有密码的Word.docx', oleBytes(['EncryptionInfo', 'EncryptedPackage']), { list: 'errors', reason: /密码保护/, code: 'encrypted' });
  put('07-Excel改名.doc', oleBytes(['Workbook']), { list: 'errors', reason: /不是 Word 97-2003 文档/, code: 'wrong-format' });
  put('08-RTF改名.docx', '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} 政府信息公开工作年度报告}', { list: 'errors', reason: /RTF 格式/, code: 'unsupported' });
  put('09-压缩炸弹.docx', await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }), { list: 'errors', reason: /压缩炸弹/, code: 'zip-bomb' });
  put('10-没有正文的压缩包.docx', await zipOf({ 'readme.txt': 'hello' }), { list: 'errors', reason: /没有 word\/document\.xml/, code: 'wrong-format' });
  put('11-表格改名.docx', await zipOf({ 'xl/workbook.xml': '<workbook/>', '[Content_Types].xml': '<Types/>' }), { list: 'errors', reason: /Excel 表格文件/, code: 'wrong-format' });
  put('12-通知.html', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body><h1>关于开展春季植树活动的通知</h1><p>各单位：请于三月十二日前报名。</p></body></html>', { list: 'errors', reason: /不是政府信息公开工作年度报告/, code: 'not-a-report' });
  put('13-会议纪要.txt', '会议纪要\n时间：2024年3月1日\n地点：第一会议室\n议题：信息公开培训安排。\n', { list: 'errors', reason: /不是政府信息公开工作年度报告/, code: 'not-a-report' });
  put('14-全是零.txt', Buffer.alloc(64 * 1024), { list: 'errors', reason: /不是文本/, code: 'wrong-format' });
  put('15-全是零.docx', Buffer.alloc(32 * 1024), { list: 'errors', reason: /不是 DOCX 格式/, code: 'unsupported' });
  put('16-损坏的正文.docx', await docxWithBody('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><unclosed'), { list: 'errors', reason: /“word\/document\.xml”的内容不完整/, code: 'damaged' });
  put('17-没有文字.docx', await docxWithBody('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body></w:body></w:document>'), { list: 'errors', reason: /没有可读取的文字/, code: 'empty' });
  put('18-截断的旧版Word.docx', doc.subarray(0, 5000), { list: 'errors', reason: /不完整/, code: 'damaged' });

  // Over the size limit without using the disk: a sparse file.
  const huge = path.join(folder, '19-超大文件.pdf');
  fs.writeFileSync(huge, '%PDF-1.4\n');
  fs.truncateSync(huge, DEFAULT_READ_LIMITS.maxFileBytes + 50 * 1024 * 1024);
  bad.set('19-超大文件.pdf', { list: 'errors', reason: /文件过大（150 MB），超过单个文件 100 MB 的上限/ });

  fs.symlinkSync('20-循环链接.docx', path.join(folder, '20-循环链接.docx'));
  bad.set('20-循环链接.docx', { list: 'skipped', reason: /符号链接循环/ });
  fs.symlinkSync(path.join(folder, '不存在.pdf'), path.join(folder, '21-失效链接.pdf'));
  bad.set('21-失效链接.pdf', { list: 'skipped', reason: /文件不存在/ });
  execFileSync('mkfifo', [path.join(folder, '22-管道.txt')]);
  bad.set('22-管道.txt', { list: 'skipped', reason: /不是普通文件/ });
  put('23-表格.xls', 'x', { list: 'skipped', reason: /不支持的文件类型（\.xls）/ });
  fs.mkdirSync(path.join(folder, '24-子文件夹'));
  fs.symlinkSync(folder, path.join(folder, '24-子文件夹', '回到上级'));
  bad.set(path.join('24-子文件夹', '回到上级'), { list: 'skipped', reason: /文件夹链接指向已读取过的文件夹/ });

  // Real reports whose parser worker misbehaves (see helpers/faulty-worker.ts); each content is unique.
  put('25-卡死__hang__.txt', `${reportText}\n（副本一）`, { list: 'errors', reason: /解析超时/, code: 'timeout' });
  put('26-内存__oom__.txt', `${reportText}\n（副本二）`, { list: 'errors', reason: /内存不足/, code: 'out-of-memory' });
  put('27-退出__exit__.txt', `${reportText}\n（副本三）`, { list: 'errors', reason: /解析进程意外退出/, code: 'crash' });
  put('28-崩溃__throw__.txt', `${reportText}\n（副本四）`, { list: 'errors', reason: /解析进程崩溃：模拟的解析进程故障/, code: 'crash' });
  put('29-中止__abort__.txt', `${reportText}\n（副本五）`, { list: 'errors', reason: /解析进程崩溃/, code: 'crash' });

  // Good reports, including a Word 97-2003 file saved with a .docx name.
  const good = ['p01-clean.docx', 'p02-row-total.pdf', txtSample];
  for (const name of good) fs.copyFileSync(path.join(samples, name), path.join(folder, name));
  fs.writeFileSync(path.join(folder, '旧版Word改名.docx'), doc);
  good.push('旧版Word改名.docx');
  // The same bytes twice in one batch.
  fs.copyFileSync(path.join(samples, txtSample), path.join(folder, '重复的报告.txt'));
  bad.set('重复的报告.txt', { list: 'skipped', reason: /内容相同，已跳过/ });
  return { bad, good };
}

interface StoredFile {
  name: string;
  format: string | null;
  error: string | null;
  errorCode: string | null;
  reportJson: string | null;
  auditId: number | null;
  score: number | null;
  veto: string | null;
}

function storedFiles(db: Database.Database): Map<string, StoredFile> {
  const rows = db
    .prepare(
      `SELECT f.name, f.format, f.error, f.error_code AS errorCode, r.report_json AS reportJson, r.current_audit_id AS auditId, a.score, a.veto
       FROM files f JOIN reports r ON r.file_id = f.id LEFT JOIN audits a ON a.id = r.current_audit_id`,
    )
    .all() as StoredFile[];
  return new Map(rows.map((r) => [r.name, r]));
}

function assertConsistent(db: Database.Database): void {
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  const orphans = db.prepare('SELECT COUNT(*) AS n FROM files f LEFT JOIN reports r ON r.file_id = f.id WHERE r.id IS NULL').get() as { n: number };
  assert.equal(orphans.n, 0, 'every stored file has its report row');
  const unaudited = db.prepare('SELECT COUNT(*) AS n FROM reports WHERE current_audit_id IS NULL').get() as { n: number };
  assert.equal(unaudited.n, 0, 'every report has a current audit');
}

function reasonOf(summary: ImportSummary, list: 'errors' | 'skipped', file: string): string | undefined {
  return summary[list].find((e) => e.file === file)?.reason;
}

test('a folder of bad files: each is reported with its reason, good reports are audited, the batch goes on', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-bad-files-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const folder = path.join(dir, '各单位报送');
  fs.mkdirSync(folder);
  const { bad, good } = await buildFolder(folder);
  assert.ok(bad.size >= 25, `${bad.size} kinds of bad input`);

  const dbPath = path.join(dir, 'audit.db');
  const store = openSqliteStore(dbPath);
  // The assertions read the file through a second connection, as another program would.
  const db = new Database(dbPath, { readonly: true });
  const rubric = parseRubricJson(defaultRubricJson());
  const faulty = new WorkerPool({ size: 2, timeoutMs: 15_000, memoryMb: 512, entry: new URL('./helpers/faulty-worker.ts', import.meta.url) });
  const started = Date.now();
  let first: ImportSummary;
  try {
    first = await importSources(store, [{ path: folder }], { rubric, pool: faulty });
  } finally {
    await faulty.close();
  }
  t.diagnostic(`first import: ${first.total} files in ${Date.now() - started} ms, ${first.imported} imported, ${first.errors.length} failed, ${first.skipped.length} skipped`);

  assert.equal(first.finished, true);
  assert.equal(first.done, first.total, 'every file was handled');
  for (const [name, expected] of bad) {
    const file = path.join(folder, name);
    const reason = reasonOf(first, expected.list, file);
    assert.ok(reason, `${name} is listed under ${expected.list}; errors: ${JSON.stringify(first.errors.map((e) => path.basename(e.file)))}`);
    assert.match(reason, expected.reason, `${name}: ${reason}`);
    assert.match(reason, /[\u4e00-\u9fff]/, `${name}: the reason is in Chinese`);
  }
  // Nothing failed that was not expected to.
  const expectedErrors = [...bad].filter(([, e]) => e.list === 'errors').map(([n]) => path.join(folder, n));
  assert.deepEqual(first.errors.map((e) => e.file).sort(), expectedErrors.sort());

  const stored = storedFiles(db);
  for (const [name, expected] of bad) {
    // Only files a parser saw are stored (over-size files, links and pipes are never read).
    if (!expected.code) continue;
    const row = stored.get(path.basename(name));
    assert.ok(row, `${name} is kept in the store for manual review`);
    assert.equal(row.errorCode, expected.code, `${name}: ${row.error}`);
    assert.match(row.error ?? '', expected.reason);
    assert.equal(row.reportJson, null, `${name} has no report model`);
    assert.ok(row.veto, `${name} is vetoed (manual review), not scored`);
  }
  assert.equal(stored.has('19-超大文件.pdf'), false, 'an over-size file is never read into the store');
  for (const name of good) {
    const row = stored.get(name);
    assert.ok(row, `${name} is stored`);
    assert.equal(row.error, null, `${name}: ${row.error}`);
    assert.ok(row.reportJson, `${name} has a report model`);
    assert.equal(typeof row.score, 'number', `${name} is scored`);
  }
  assert.equal(stored.get('旧版Word改名.docx')?.format, 'doc', 'read by its content, not its extension');
  assertConsistent(db);

  // A re-run with healthy workers retries only the files that failed for transient reasons (hang, crash);
  // everything else is already in the store.
  const second = await importSources(store, [{ path: folder }], { rubric, poolSize: 1 });
  const retried = ['25-卡死__hang__.txt', '27-退出__exit__.txt', '28-崩溃__throw__.txt', '29-中止__abort__.txt'];
  assert.equal(second.imported, retried.length, JSON.stringify(second.errors));
  const after = storedFiles(db);
  for (const name of retried) {
    assert.equal(after.get(name)?.error, null, `${name} is read on the re-run`);
    assert.ok(after.get(name)?.reportJson);
  }
  assert.equal(after.get('26-内存__oom__.txt')?.errorCode, 'out-of-memory', 'a file that exhausted memory is not retried automatically');
  assertConsistent(db);
  const fileCount = (db.prepare('SELECT COUNT(*) AS n FROM files').get() as { n: number }).n;
  db.close();
  await store.close();

  // The store is the state: a new service on the same file lists the same reports.
  const service = createService({ dbPath, poolSize: 1 });
  try {
    const reports = await service.listReports({});
    assert.equal(reports.length, fileCount);
    const unreadable = reports.filter((r) => r.error !== null);
    assert.ok(unreadable.every((r) => r.veto !== null), 'unreadable files are listed as vetoed, for manual review');
    assert.ok(unreadable.some((r) => r.error?.includes('扫描件，无可识别文字')), 'the scan is in the list with its reason');
  } finally {
    await service.close();
  }
});
