/**
 * The store suite against PostgreSQL (a throwaway cluster, a fresh database per test), plus what only a
 * server has: connection errors in Chinese without the password, and migrations run once by concurrent
 * openers. Skipped with the reason when PostgreSQL's server binaries are not installed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../src/main/store/postgres.ts';
import { LATEST_SCHEMA_VERSION } from '../../src/main/store/migrations/index.ts';
import { skipWithoutPostgres, startPgCluster, type PgCluster } from './helpers/pg-cluster.ts';
import { storeSuite } from './helpers/store-suite.ts';

if (skipWithoutPostgres) console.log(`# PostgreSQL tests skipped: ${skipWithoutPostgres}`);

let cluster: PgCluster | null = null;
let n = 0;
before(async () => {
  if (!skipWithoutPostgres) cluster = await startPgCluster({ durable: false });
});
after(() => cluster?.stop());

const fresh = async (): Promise<string> => cluster!.createDatabase(`suite${++n}`);

storeSuite('PostgreSQL', async () => openPostgresStore(await fresh()), skipWithoutPostgres);

test('PostgreSQL: clear Chinese errors for a wrong password, a missing database, an unreachable server — never the password', { skip: skipWithoutPostgres }, async () => {
  const c = cluster!;
  const wrong = `postgres://${c.user}:not-the-password@127.0.0.1:${c.port}/postgres`;
  await assert.rejects(openPostgresStore(wrong), (err: Error) => {
    assert.match(err.message, /密码错误/);
    assert.doesNotMatch(err.message, /not-the-password/);
    return true;
  });
  await assert.rejects(openPostgresStore(c.url('no_such_db')), (err: Error) => {
    assert.match(err.message, /数据库“no_such_db”不存在/);
    assert.ok(!err.message.includes(c.password));
    return true;
  });
  await assert.rejects(openPostgresStore(`postgres://${c.user}:secret@127.0.0.1:1/x`, { connectTimeoutS: 3 }), /无法连接数据库服务器 127\.0\.0\.1:1/);
  await assert.rejects(openPostgresStore(`${c.url('postgres')}?sslmode=bogus`), /sslmode 取值无效/);
  const store = await openPostgresStore(c.url('postgres'));
  assert.ok(!store.location.includes(c.password), 'the shown location has no password');
  await store.close();
});

test('PostgreSQL: two apps opening a new database at once migrate it once', { skip: skipWithoutPostgres }, async () => {
  const url = await fresh();
  const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
  for (const s of stores) assert.equal(await s.schemaVersion(), LATEST_SCHEMA_VERSION);
  await Promise.all(stores.map((s) => s.close()));
});
