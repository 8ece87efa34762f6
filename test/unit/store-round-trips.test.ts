/**
 * Statements per imported report, on both stores: each is a round trip to a PostgreSQL server (where the
 * import waits for it), so their number is held to a budget here and cannot creep back up unnoticed.
 * The 100 .txt reports of the bench are imported into a fresh store (the first year's peers are read,
 * one new department per report), then imported again changed (a second version of each report).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importSources } from '../../src/main/importer.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { openPostgresStore } from '../../src/main/store/postgres.ts';
import type { Store } from '../../src/main/store/store.ts';
import { defaultRubric } from '../../src/core/score/index.ts';
import { skipWithoutPostgres, startPgCluster, type PgCluster } from './helpers/pg-cluster.ts';

const bench = path.resolve(import.meta.dirname, '../../../shared/fixtures/bench');
const noFixtures = !fs.existsSync(bench) && `no fixtures at ${bench}`;
/**
 * Statements per report imported (first import / new versions of the same reports, which also reads the
 * year's 79 stored peers once), the end-of-import re-check included. Measured 2026-12-03: 45.4 / 42.8 on
 * both stores before the round trips were cut; then PostgreSQL 25.6 / 25.8, SQLite 26.0 / 25.6; with the
 * pending-refresh marks and the region re-check landed since, PostgreSQL 27.7 / 27.8, SQLite 28.4 / 28.4.
 */
const BUDGET: Record<string, { first: number; again: number }> = { SQLite: { first: 30, again: 30 }, PostgreSQL: { first: 30, again: 30 } };

let cluster: PgCluster | undefined;
before(async () => {
  if (!skipWithoutPostgres && !noFixtures) cluster = await startPgCluster({ durable: false });
});
after(() => cluster?.stop());

let folders: { first: string; again: string } | undefined;
function inputs(): { first: string; again: string } {
  if (folders) return folders;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-round-trips-'));
  folders = { first: path.join(root, 'first'), again: path.join(root, 'again') };
  fs.mkdirSync(folders.first);
  fs.mkdirSync(folders.again);
  for (const name of fs.readdirSync(bench).filter((n) => n.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(bench, name));
    fs.writeFileSync(path.join(folders.first, name), text);
    // New bytes, same report: stored as the department's next version.
    fs.writeFileSync(path.join(folders.again, name), Buffer.concat([text, Buffer.from('\n')]));
  }
  return folders;
}

async function perReport(store: Store, folder: string): Promise<{ reports: number; statements: number }> {
  const before = store.roundTrips();
  const summary = await importSources(store, [{ path: folder }], { rubric: defaultRubric(), poolSize: 2 });
  const statements = store.roundTrips() - before;
  assert.equal(summary.errors.length, 0, JSON.stringify(summary.errors));
  assert.ok(summary.imported > 50, `${summary.imported} imported`);
  return { reports: summary.imported, statements };
}

async function measure(name: string, store: Store): Promise<void> {
  try {
    const first = await perReport(store, inputs().first);
    const again = await perReport(store, inputs().again);
    const rate = (r: { reports: number; statements: number }): number => r.statements / r.reports;
    console.log(`${name}: ${rate(first).toFixed(1)} statements per report (${first.statements} for ${first.reports}), new versions ${rate(again).toFixed(1)} (${again.statements} for ${again.reports})`);
    const budget = BUDGET[name]!;
    assert.ok(rate(first) <= budget.first, `${name}: ${rate(first).toFixed(1)} statements per report > ${budget.first}`);
    assert.ok(rate(again) <= budget.again, `${name}: ${rate(again).toFixed(1)} statements per new version > ${budget.again}`);
  } finally {
    await store.close();
  }
}

test('SQLite: statements per imported report within budget', { timeout: 300_000, skip: noFixtures }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-round-trips-db-'));
  await measure('SQLite', openSqliteStore(path.join(dir, 'audit.db')));
});

test('PostgreSQL: round trips per imported report within budget', { timeout: 300_000, skip: noFixtures || skipWithoutPostgres }, async () => {
  await measure('PostgreSQL', await openPostgresStore(await cluster!.createDatabase('round_trips')));
});
