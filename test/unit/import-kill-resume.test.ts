/**
 * An import killed with SIGKILL halfway (a real CLI process), then run again, leaves exactly what an
 * uninterrupted import of the same folder leaves: every report's score and findings, file by file. The
 * reports the killed process wrote had not yet been compared with the rest of the batch (the closing
 * refresh); the re-run must finish that, not skip them as already imported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { benchSubset } from './helpers/bench-subset.ts';
import { repoRoot, skipWithoutShared } from './helpers/shared.ts';

const cli = path.join(repoRoot, 'bin/ogi-audit.mjs');

function reportCount(dbFile: string): number {
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet
  }
}

function pendingCount(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM pending_refresh').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Every report's current audit by file name: score, grade, and its findings (a passing one's wording aside). */
function auditsByFile(dbFile: string): Map<string, { score: number | null; grade: string | null; findings: string[] }> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT f.name, a.id AS audit, a.score, a.grade FROM reports r JOIN files f ON f.id = r.file_id JOIN audits a ON a.id = r.current_audit_id')
      .all() as { name: string; audit: number; score: number | null; grade: string | null }[];
    const findings = db.prepare('SELECT check_id, status, deduction, message FROM findings WHERE audit_id = ? ORDER BY idx');
    const out = new Map<string, { score: number | null; grade: string | null; findings: string[] }>();
    for (const r of rows) {
      const list = (findings.all(r.audit) as { check_id: string; status: string; deduction: number; message: string }[]).map(
        (f) => `${f.check_id} ${f.status} ${f.deduction}${f.status === 'pass' ? '' : ` ${f.message}`}`,
      );
      out.set(r.name, { score: r.score, grade: r.grade, findings: list });
    }
    return out;
  } finally {
    db.close();
  }
}

function importInto(dbFile: string, folder: string): string {
  const run = spawnSync(process.execPath, [cli, 'import', folder, '--db', dbFile, '--no-progress'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('an import killed halfway and run again scores every report as an uninterrupted import does', { timeout: 900_000, skip: skipWithoutShared }, async () => {
  const { dir, files } = benchSubset(60, 'ogi-kill-resume-');
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-kill-resume-db-'));
  const killedDb = path.join(dbDir, 'killed.db');
  const wholeDb = path.join(dbDir, 'whole.db');
  try {
    const child = spawn(process.execPath, [cli, 'import', dir, '--db', killedDb, '--no-progress'], { cwd: repoRoot, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 300_000;
    while (reportCount(killedDb) < files.length / 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    const partial = reportCount(killedDb);
    assert.ok(partial >= files.length / 3 && partial < files.length, `killed after ${partial} of ${files.length} reports`);
    // The killed import's reports still wait for their comparison with the whole batch.
    assert.equal(pendingCount(killedDb), partial);

    assert.match(importInto(killedDb, dir), new RegExp(`导入 ${files.length - partial}，`));
    assert.equal(pendingCount(killedDb), 0);
    importInto(wholeDb, dir);

    const resumed = auditsByFile(killedDb);
    const whole = auditsByFile(wholeDb);
    assert.equal(whole.size, files.length);
    assert.deepEqual([...resumed.keys()].sort(), [...whole.keys()].sort());
    const differing = [...whole].filter(([file, audit]) => JSON.stringify(resumed.get(file)) !== JSON.stringify(audit)).map(([file]) => file);
    for (const file of differing) assert.deepEqual(resumed.get(file), whole.get(file), `${file} after kill + re-run`);
    console.log(`killed after ${partial}/${files.length} reports; all ${files.length} scores and findings equal an uninterrupted import`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
});
