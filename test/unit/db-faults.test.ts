/**
 * Database faults (issue 14, defect 10): a truncated or garbled database gave an English SqliteError stack;
 * random bytes inside a stored original went unnoticed. Now: a Chinese message naming the file and what to
 * do, stored files checked against their SHA-256 when read, and `ogi-audit verify` exits non-zero naming
 * what is damaged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { importSources } from '../../src/main/importer.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { sqliteFault } from '../../src/main/store/sqlite-faults.ts';
import { StoreError } from '../../src/main/store/store.ts';
import { defaultRubric } from '../../src/core/score/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLES = path.join(ROOT, 'assets/samples');
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/ogi-audit.mjs'), ...args], { cwd: ROOT });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** A database with the sample .txt reports imported, closed (WAL folded in). */
async function sampleDatabase(dir: string): Promise<string> {
  const input = path.join(dir, 'in');
  fs.mkdirSync(input);
  for (const n of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(SAMPLES, n), path.join(input, n));
  const file = path.join(dir, 'audit.db');
  const store = openSqliteStore(file);
  try {
    const summary = await importSources(store, [{ path: input }], { rubric: defaultRubric(), poolSize: 1 });
    assert.ok(summary.imported >= 3);
  } finally {
    await store.close();
  }
  return file;
}

test('truncated and garbled databases: Chinese messages naming the file, no stack; verify exits non-zero', { timeout: 240_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-dbfault-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const good = await sampleDatabase(dir);
  const sound = await cli(['verify', '--db', good]);
  assert.equal(sound.code, 0, sound.out);
  assert.match(sound.out, /完好/);

  const truncated = path.join(dir, 'truncated.db');
  const bytes = fs.readFileSync(good);
  fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)));
  const garbled = path.join(dir, 'garbled.db');
  const noise = Buffer.from(bytes);
  for (let i = 0; i < 100; i++) noise[i] = (i * 37 + 11) & 0xff;
  fs.writeFileSync(garbled, noise);

  for (const damaged of [truncated, garbled]) {
    for (const args of [['list', '--db', damaged], ['import', '--db', damaged, '--no-progress', SAMPLES]]) {
      const r = await cli(args);
      assert.notEqual(r.code, 0, `${args[0]} on ${path.basename(damaged)}: ${r.out}`);
      assert.doesNotMatch(r.out, /SqliteError|^ {4}at /m, `${args[0]} printed a stack: ${r.out}`);
      assert.match(r.out, /数据库文件已损坏/, r.out);
      assert.ok(r.out.includes(damaged), `the message names the file: ${r.out}`);
    }
    const verified = await cli(['verify', '--db', damaged]);
    assert.notEqual(verified.code, 0, verified.out);
    assert.match(verified.out, /损坏/);
  }
});

test('random bytes inside a stored original: reading it fails clearly, verify names the file', { timeout: 240_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-blob-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = await sampleDatabase(dir);
  const raw = new Database(file);
  const victim = raw.prepare('SELECT sha256, bytes FROM blobs ORDER BY sha256 LIMIT 1').get() as { sha256: string; bytes: Buffer };
  const spoiled = Buffer.from(victim.bytes);
  spoiled[Math.floor(spoiled.length / 2)] ^= 0x5a;
  raw.prepare('UPDATE blobs SET bytes = ? WHERE sha256 = ?').run(spoiled, victim.sha256);
  raw.close();

  const store = openSqliteStore(file);
  try {
    await assert.rejects(store.files.blob(victim.sha256), (e: unknown) => e instanceof StoreError && e.code === 'damaged' && /SHA-256/.test(e.message));
  } finally {
    await store.close();
  }
  const r = await cli(['verify', '--db', file]);
  assert.equal(r.code, 1, r.out);
  assert.ok(r.out.includes(victim.sha256), r.out);
  assert.match(r.out, /损坏 1 个/);
});

test('a full disk and a read-only file are worded for the reader', () => {
  const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  const fault = sqliteFault(full, '/data/ogi.db');
  assert.ok(fault instanceof StoreError);
  assert.match(fault.message, /磁盘空间已满.*\/data\/ogi\.db/);
  const enospc = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  assert.match((sqliteFault(enospc, 'x.db') as Error).message, /磁盘空间已满/);
  const readonly = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
  assert.match((sqliteFault(readonly, 'x.db') as Error).message, /不能写入/);
});
