/**
 * Several reports of the same department and year in one import: their versions follow the folder walk
 * (sorted paths), not the order in which the workers finish, so two imports of the same folder make the
 * same file the latest version (the one scored, ranked and printed). A test worker answers the files
 * marked `__late__` after the others, so without the fixed order the last file in the walk would be
 * written first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importSources } from '../../src/main/importer.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';
import { defaultRubric } from '../../src/core/score/index.ts';
import { WorkerPool } from '../../src/main/worker-pool.ts';
import { fixturesDir, skipWithoutShared } from './helpers/shared.ts';

const lateWorker = new URL('./helpers/late-worker.ts', import.meta.url);

/** Each department-year's versions as file names, oldest first. */
async function versionsOf(dbPath: string, folder: string, pool: WorkerPool): Promise<Map<string, string[]>> {
  const store = openSqliteStore(dbPath);
  try {
    const summary = await importSources(store, [{ path: folder }], { rubric: defaultRubric(), pool });
    assert.deepEqual(summary.errors, []);
    const rows = await store.reports.summaries({});
    const byDepartmentYear = new Map<string, { version: number; file: string }[]>();
    for (const row of rows) {
      const key = `${row.department}|${row.year}`;
      byDepartmentYear.set(key, [...(byDepartmentYear.get(key) ?? []), { version: row.version, file: row.file }]);
    }
    return new Map([...byDepartmentYear].map(([key, list]) => [key, list.sort((a, b) => a.version - b.version).map((v) => path.basename(v.file))]));
  } finally {
    await store.close();
  }
}

test('same department and year in one import: versions follow the walk order, whichever worker finishes first', { timeout: 300_000, skip: skipWithoutShared }, async () => {
  const text = fs.readFileSync(path.join(fixturesDir, 'cases', 'p01-clean.txt'), 'utf8');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-version-order-'));
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  // Two departments, three submissions each; the first of each in the walk is answered late.
  const departments = { jx: '临江市经济和信息化局', jt: '临江市交通运输局' };
  const expected = new Map<string, string[]>();
  for (const [code, name] of Object.entries(departments)) {
    const body = text.replaceAll('临江市经济和信息化局', name);
    const names = [`${code}-1__late__.txt`, `${code}-2.txt`, `${code}-3.txt`];
    names.forEach((file, i) => fs.writeFileSync(path.join(folder, file), `${body}\n（第 ${i + 1} 次报送）\n`));
    expected.set(`${name}|2024`, names);
  }
  const inOrder = new WorkerPool({ size: 1 });
  const outOfOrder = new WorkerPool({ size: 2, entry: lateWorker });
  try {
    const first = await versionsOf(path.join(dir, 'one.db'), folder, inOrder);
    const second = await versionsOf(path.join(dir, 'two.db'), folder, outOfOrder);
    assert.deepEqual(first, expected);
    assert.deepEqual(second, expected);
  } finally {
    await inOrder.close();
    await outOfOrder.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
