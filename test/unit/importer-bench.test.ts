/**
 * The bench (300 reports) imported by a REAL CLI process that is killed with SIGKILL halfway, then
 * imported again twice: exactly 300 reports, no duplicates, no half-written rows, integrity ok.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const bench = path.resolve(repoRoot, '../shared/fixtures/bench');
const cli = path.join(repoRoot, 'bin/ogi-audit.mjs');

function count(dbFile: string): number {
  if (!fs.existsSync(dbFile)) return 0;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // schema not created yet
  }
}

test('bench import survives SIGKILL and is idempotent', { timeout: 600_000, skip: !fs.existsSync(bench) && `no fixtures at ${bench}` }, async () => {
  const answers = JSON.parse(fs.readFileSync(path.join(bench, 'answers.json'), 'utf8')) as Record<string, unknown>;
  const expected = Object.keys(answers).length;
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-bench-')), 'audit.db');

  const child = spawn(process.execPath, [cli, 'import', bench, '--db', dbFile, '--no-progress'], { cwd: repoRoot, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 300_000;
  while (count(dbFile) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  const partial = count(dbFile);
  assert.ok(partial >= 20 && partial < expected, `killed after ${partial} reports`);

  const t0 = Date.now();
  const rerun = spawnSync(process.execPath, [cli, 'import', bench, '--db', dbFile, '--no-progress'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(rerun.status, 0, rerun.stderr);
  console.log(`re-run after kill: ${expected - partial} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  assert.match(rerun.stdout, new RegExp(`导入 ${expected - partial}，`));

  const again = spawnSync(process.execPath, [cli, 'import', bench, '--db', dbFile, '--no-progress'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /导入 0，/);

  const db = new Database(dbFile, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n, expected);
    assert.equal((db.prepare('SELECT COUNT(DISTINCT sha256) AS n FROM files').get() as { n: number }).n, expected);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM blobs').get() as { n: number }).n, expected);
    // No half-written report: every report has its current audit, and that audit has findings.
    const orphan = db.prepare(
      'SELECT COUNT(*) AS n FROM reports r WHERE r.current_audit_id IS NULL OR NOT EXISTS (SELECT 1 FROM findings f WHERE f.audit_id = r.current_audit_id)',
    ).get() as { n: number };
    assert.equal(orphan.n, 0);
    // Versions: one per department+year submission, numbered 1..n without gaps or duplicates.
    const rows = db.prepare('SELECT d.name, r.year, r.version FROM reports r JOIN departments d ON d.id = r.department_id').all() as { name: string; year: number; version: number }[];
    const byKey = new Map<string, number[]>();
    for (const r of rows) byKey.set(`${r.name}|${r.year}`, [...(byKey.get(`${r.name}|${r.year}`) ?? []), r.version]);
    for (const [key, versions] of byKey) assert.deepEqual(versions.sort(), versions.map((_, i) => i + 1), key);
    // Departments as the answers name them.
    const expectedDepartments = new Set(Object.values(answers).map((a) => (a as { department: string }).department));
    assert.equal(byKey.size, expectedDepartments.size);
  } finally {
    db.close();
  }
});
