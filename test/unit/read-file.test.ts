/**
 * A file swapped after the folder scan (issue 14, defect 3): replaced by a FIFO the import hung, replaced by
 * a link to /dev/zero it read 14.6 GB past OGI_MAX_FILE_MB. Files are opened first and checked on the
 * handle; at most the limit is read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileReadRefused, readFileWithin } from '../../src/main/read-file.ts';
import { importSources } from '../../src/main/importer.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { defaultRubric } from '../../src/core/score/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = path.join(ROOT, 'assets/samples');
const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-read-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<FileReadRefused> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FileReadRefused, String(err));
    return err;
  }
  assert.fail('read was not refused');
}

test('a regular file is read whole; one over the limit is refused without reading it', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, 'x'.repeat(1000));
  assert.equal((await readFileWithin(file, 1000)).byteLength, 1000);
  const tooLarge = await refusal(readFileWithin(file, 999));
  assert.equal(tooLarge.code, 'too-large');
  assert.match(tooLarge.message, /超过/);
  const missing = await refusal(readFileWithin(path.join(dir, 'gone.txt'), 1000));
  assert.match(missing.message, /文件不存在/);
});

test('a FIFO and a link to /dev/zero are refused at once, within the memory limit', { skip: !hasMkfifo && 'mkfifo not available' }, async (t) => {
  const dir = tempDir(t);
  const fifo = path.join(dir, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  const zero = path.join(dir, 'zero.txt');
  fs.symlinkSync('/dev/zero', zero);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  assert.equal((await refusal(readFileWithin(fifo, 100 << 20))).code, 'not-regular');
  assert.equal((await refusal(readFileWithin(zero, 100 << 20))).code, 'not-regular');
  assert.ok(performance.now() - started < 2000, 'refusing took too long');
  assert.ok(process.memoryUsage().rss - rssBefore < 50 << 20, 'memory grew');
});

test('an import whose last file becomes a FIFO and a /dev/zero link after the scan finishes with both refused', { timeout: 180_000, skip: !hasMkfifo && 'mkfifo not available' }, async (t) => {
  const dir = tempDir(t);
  const names = fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt')).sort();
  for (const n of names) fs.copyFileSync(path.join(SAMPLES, n), path.join(dir, n));
  const last = path.join(dir, names.at(-1)!);
  const secondLast = path.join(dir, names.at(-2)!);
  const store = openSqliteStore(path.join(dir, 'audit.db'));
  let swapped = false;
  try {
    const started = performance.now();
    const summary = await importSources(store, [{ path: dir }], {
      rubric: defaultRubric(),
      poolSize: 1,
      onProgress: () => {
        // The first progress event comes after the scan, before any file is read.
        if (swapped) return;
        swapped = true;
        fs.rmSync(last);
        execFileSync('mkfifo', [last]);
        fs.rmSync(secondLast);
        fs.symlinkSync('/dev/zero', secondLast);
      },
    });
    assert.ok(swapped);
    assert.ok(performance.now() - started < 120_000);
    const refused = summary.errors.filter((e) => /不是普通文件/.test(e.reason)).map((e) => path.basename(e.file)).sort();
    assert.deepEqual(refused, [path.basename(secondLast), path.basename(last)].sort(), JSON.stringify(summary.errors));
    assert.equal(summary.imported, names.length - 2);
  } finally {
    await store.close();
  }
});
