import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../src/main/store/migrations/index.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';

const tmp = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-store-')), 'test.db');

test('SQLite: migrates an empty database to the latest version with WAL and foreign keys', async () => {
  const file = tmp();
  const store = openSqliteStore(file);
  assert.equal(await store.schemaVersion(), LATEST_SCHEMA_VERSION);
  await store.close();
  const db = new Database(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  for (const t of ['departments', 'department_aliases', 'roster', 'blobs', 'files', 'reports', 'audit_runs', 'audits', 'findings', 'decisions', 'corrections', 'rubrics', 'settings', 'pending_refresh']) {
    assert.ok(tables.includes(t), `table ${t}`);
  }
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
});

test('SQLite: migrates a version-1 database with data to the latest version, keeping the data', async () => {
  const file = tmp();
  const v1 = openSqliteStore(file, { target: 1 });
  assert.equal(await v1.schemaVersion(), 1);
  await v1.departments.resolve('开平市科工商务局', { confirmed: true });
  await v1.close();
  const store = openSqliteStore(file);
  assert.equal(await store.schemaVersion(), LATEST_SCHEMA_VERSION);
  assert.ok(await store.departments.match('开平市科工商务局'));
  await store.settings.set('x', 1);
  assert.equal(await store.settings.get('x'), 1);
  await store.close();
});

test('SQLite: refuses a database newer than the program', async () => {
  const file = tmp();
  await openSqliteStore(file).close();
  const db = new Database(file);
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openSqliteStore(file), /比本程序支持的版本/);
});
