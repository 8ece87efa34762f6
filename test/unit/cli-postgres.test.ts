/**
 * The CLI on a shared PostgreSQL database, as an office uses it: `import ../shared/fixtures/cases --db
 * postgres://…` then `list --json` gives what the same commands give on a SQLite file; `migrate` copies a
 * SQLite file into PostgreSQL exactly; two processes importing the same folder into one database at the
 * same time leave one copy of each report. Skipped with the reason without fixtures or PostgreSQL.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgresStore } from '../../src/main/store/postgres.ts';
import { fixturesDir, repoRoot, skipWithoutShared } from './helpers/shared.ts';
import { skipWithoutPostgres, startPgCluster, type PgCluster } from './helpers/pg-cluster.ts';

const skip = skipWithoutShared || skipWithoutPostgres;
const cases = path.join(fixturesDir, 'cases');
let cluster: PgCluster | null = null;
let tmp = '';
before(async () => {
  if (skip) return;
  cluster = await startPgCluster({ durable: false });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-cli-pg-'));
});
after(() => {
  cluster?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function ogi(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/ogi-audit.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function listJson(db: string): Promise<Record<string, unknown>[]> {
  const r = await ogi(['list', '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

/**
 * A list as it depends on the stored data, not on the order files happened to finish reading (the reads
 * are asynchronous, so two imports number versions and ids in different orders): by file, without ids,
 * import times and version numbers; the version numbers and latest flags compared as multisets.
 */
function comparable(rows: Record<string, unknown>[]): { rows: Record<string, unknown>[]; versions: string } {
  const byFile = rows
    .map(({ importedAt: _t, reportId: _r, departmentId: _d, version: _v, latest: _l, ...rest }) => rest)
    .sort((p, q) => String(p.file).localeCompare(String(q.file)));
  const versions = rows.map((r) => `${String(r.department)}/${String(r.year)}/${String(r.version)}/${String(r.latest)}`).sort().join(',');
  return { rows: byFile, versions };
}

test('import cases then list --json: the same on PostgreSQL as on a SQLite file; migrate copies a file exactly', { skip, timeout: 600_000 }, async () => {
  const file = path.join(tmp, 'cases.db');
  const url = await cluster!.createDatabase('cases');
  const [a, b] = await Promise.all([
    ogi(['import', cases, '--db', file, '--no-progress', '--jobs', '1']),
    ogi(['import', cases, '--db', url, '--no-progress', '--jobs', '1']),
  ]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.ok(!b.stdout.includes(cluster!.password) && !b.stderr.includes(cluster!.password), 'the password is never printed');
  const fromFile = await listJson(file);
  const fromServer = await listJson(url);
  assert.ok(fromFile.length >= 20, `${fromFile.length} reports`);
  assert.deepEqual(comparable(fromServer), comparable(fromFile));

  const copy = await cluster!.createDatabase('migrated');
  const m = await ogi(['migrate', '--from', file, '--to', copy]);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stdout, /核对行数一致/);
  assert.deepEqual(await listJson(copy), fromFile, 'every row copied as it was, import times included');
  const again = await ogi(['migrate', '--from', file, '--to', copy]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /已有数据/);
});

test('two processes importing the same folder into one PostgreSQL database at once leave one copy of each report', { skip, timeout: 600_000 }, async () => {
  const url = await cluster!.createDatabase('concurrent');
  const runs = await Promise.all([
    ogi(['import', cases, '--db', url, '--no-progress', '--jobs', '1']),
    ogi(['import', cases, '--db', url, '--no-progress', '--jobs', '1']),
  ]);
  for (const r of runs) assert.equal(r.code, 0, r.stderr + r.stdout);
  const readable = fs.readdirSync(cases).filter((f) => /\.(docx|pdf|txt|html?|doc)$/i.test(f)).length;
  const store = await openPostgresStore(url);
  try {
    const counts = await store.counts();
    assert.equal(counts.files, readable);
    assert.equal(counts.blobs, readable);
    assert.equal(counts.reports, readable);
    const rows = await store.reports.summaries();
    assert.equal(new Set(rows.map((r) => r.file)).size, readable, 'each file once');
    const versions = rows.filter((r) => r.departmentId !== null).map((r) => `${r.departmentId}/${r.year}/${r.version}`);
    assert.equal(new Set(versions).size, versions.length, 'no version number taken twice');
  } finally {
    await store.close();
  }
});
