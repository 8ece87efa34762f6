/**
 * The 数据库 setting through the API: connection test with clear Chinese errors (wrong password, missing
 * database, unreachable server), saving a choice (owner-only file, password never returned), and the
 * location the next start opens. Needs PostgreSQL's server binaries (skipped with the reason otherwise).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseChoice } from '../../src/shared/api.ts';
import { createService } from '../../src/main/service.ts';
import { resolveLocation } from '../../src/main/database-choice.ts';
import { openStore } from '../../src/main/store/open.ts';
import { skipWithoutPostgres, startPgCluster, type PgCluster } from './helpers/pg-cluster.ts';

let cluster: PgCluster | null = null;
before(async () => {
  if (!skipWithoutPostgres) cluster = await startPgCluster({ durable: false });
});
after(() => cluster?.stop());

test('数据库 setting: test, save, and what the next start opens', { skip: skipWithoutPostgres, timeout: 120_000 }, async () => {
  const c = cluster!;
  await c.createDatabase('office');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-dbset-'));
  const choiceFile = path.join(dir, 'database.json');
  const service = createService({ dbPath: path.join(dir, 'local.db'), database: { choiceFile } });
  const server: DatabaseChoice = { backend: 'postgres', host: '127.0.0.1', port: c.port, database: 'office', user: c.user, sslmode: 'disable' };
  try {
    const before = await service.getDatabase();
    assert.equal(before.backend, 'sqlite');
    assert.equal(before.saved, null);
    assert.equal(before.editable, true);

    await assert.rejects(service.testDatabase({ choice: server, password: 'wrong' }), (err: Error & { code?: string }) => {
      assert.match(err.message, /数据库密码错误/);
      assert.equal(err.code, 'connection');
      return true;
    });
    await assert.rejects(service.testDatabase({ choice: { ...server, database: 'nope' }, password: c.password }), /数据库“nope”不存在/);
    await assert.rejects(service.testDatabase({ choice: { ...server, port: 1 }, password: c.password }), /无法连接数据库服务器 127\.0\.0\.1:1/);
    await assert.rejects(service.testDatabase({ choice: { ...server, host: ' ' }, password: c.password }), /请填写数据库服务器/);
    const ok = await service.testDatabase({ choice: server, password: c.password });
    assert.match(ok.message, /连接成功/);

    const saved = await service.saveDatabase({ choice: server, password: c.password });
    assert.deepEqual(saved.saved, server);
    assert.equal(saved.passwordSaved, true);
    assert.ok(!JSON.stringify(saved).includes(c.password), 'the password never comes back');
    assert.equal(fs.statSync(choiceFile).mode & 0o077, 0, 'only the owner can read the saved setting');
    // Saved again without typing the password: the saved one is kept.
    await service.saveDatabase({ choice: { ...server, sslmode: 'prefer' } });
    assert.match((await service.testDatabase({ choice: server })).message, /连接成功/);

    const next = resolveLocation(choiceFile, path.join(dir, 'local.db'), undefined);
    assert.equal(next.fixed, false);
    const store = await openStore(next.location);
    assert.equal(store.backend, 'postgres');
    assert.ok(!store.location.includes(c.password));
    await store.close();
    assert.equal(resolveLocation(choiceFile, 'x.db', '/tmp/y.db').location, '/tmp/y.db', 'OGI_DB wins');
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
