import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/main/store/db.ts';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../src/main/store/migrations/index.ts';
import { resolveDepartment, renameDepartment, matchDepartment, mergeDepartments } from '../../src/main/store/departments.ts';

const tmp = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-store-')), 'test.db');

test('migrates an empty database to the latest version with WAL and foreign keys', () => {
  const db = openDatabase(tmp());
  assert.equal(schemaVersion(db), LATEST_SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  for (const t of ['departments', 'department_aliases', 'roster', 'blobs', 'files', 'reports', 'audit_runs', 'audits', 'findings', 'decisions', 'corrections', 'rubrics', 'settings']) {
    assert.ok(tables.includes(t), `table ${t}`);
  }
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
});

test('migrates a version-1 database with data to the latest version, keeping the data', () => {
  const file = tmp();
  const v1 = openDatabase(file, { migrate: false });
  migrate(v1, 1);
  assert.equal(schemaVersion(v1), 1);
  resolveDepartment(v1, '开平市科工商务局', { confirmed: true });
  v1.close();
  const db = openDatabase(file);
  assert.equal(schemaVersion(db), LATEST_SCHEMA_VERSION);
  assert.ok(matchDepartment(db, '开平市科工商务局'));
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')").run();
  db.close();
});

test('refuses a database newer than the program', () => {
  const file = tmp();
  const db = openDatabase(file);
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openDatabase(file), /比本程序支持的版本/);
});

test('department identity: prefix match when unique, aliases survive rename and merge', () => {
  const db = openDatabase(tmp());
  const a = resolveDepartment(db, '科工商务局');
  assert.equal(a.created, true);
  const b = resolveDepartment(db, '开平市科工商务局');
  assert.equal(b.id, a.id, 'place prefix matched the unique bare name');
  assert.equal(resolveDepartment(db, '開平市科工商務局').id, a.id, 'traditional script');
  // Two 审计局 in different places: a bare 审计局 is ambiguous and becomes a new proposed department.
  const x = resolveDepartment(db, '北湖县审计局');
  const y = resolveDepartment(db, '东平市审计局');
  assert.notEqual(x.id, y.id);
  const bare = resolveDepartment(db, '审计局');
  assert.equal(bare.created, true);
  const renamed = renameDepartment(db, a.id, '开平市科学技术工业商务局');
  assert.ok(renamed.aliases.includes('科工商务局'));
  assert.equal(matchDepartment(db, '科工商务局')?.id, a.id);
  const merged = mergeDepartments(db, bare.id, x.id);
  assert.ok(merged.aliases.includes('审计局'));
  assert.equal(matchDepartment(db, '审计局')?.id, x.id);
  db.close();
});

test('decisions are never deleted and need a reason and a reviewer', () => {
  const db = openDatabase(tmp());
  db.prepare("INSERT INTO blobs VALUES ('h', 1, x'00')").run();
  db.prepare("INSERT INTO files (path, name, size, sha256, imported_at) VALUES ('a', 'a', 1, 'h', 'now')").run();
  db.prepare("INSERT INTO reports (file_id, imported_at) VALUES (1, 'now')").run();
  const insert = db.prepare("INSERT INTO decisions (report_id, finding_index, check_id, message, action, reason, reviewer, at) VALUES (1, 0, 'c', 'm', 'dismiss', ?, ?, 'now')");
  assert.throws(() => insert.run('  ', '张三'), /CHECK/);
  assert.throws(() => insert.run('理由', ''), /CHECK/);
  insert.run('核实无误', '张三');
  assert.throws(() => db.prepare('DELETE FROM decisions').run(), /不可删除/);
  db.close();
});
