/**
 * Department names are recognised whole, including one body under several names written in brackets
 * (合署办公): 北湖县发展和改革委员会（县粮食和物资储备局、县能源局）; the store keeps and matches them whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanOrgName } from '../../src/core/parse/department.ts';
import { readReport } from '../../src/core/audit.ts';
import { openSqliteStore } from '../../src/main/store/sqlite.ts';

const LONG = '北湖县发展和改革委员会（县粮食和物资储备局、县能源局）';

test('a bracketed list of other names is part of the name', () => {
  assert.equal(cleanOrgName('北湖县发展和改革委员会(县粮食和物资储备局、县能源局)'), LONG);
  assert.equal(cleanOrgName(LONG), LONG);
  assert.equal(cleanOrgName('北湖县发展和改革委员会（北湖县粮食局）'), '北湖县发展和改革委员会（北湖县粮食局）');
  // A bracket that is not a name is still dropped as before.
  assert.notEqual(cleanOrgName('北湖县教育局（本级）'), '北湖县教育局（本级）');
  assert.equal(cleanOrgName('现向社会公布北湖县审计局'), '北湖县审计局');
});

const clean = path.resolve(import.meta.dirname, '../../../shared/fixtures/cases/p01-clean.txt');
test('a real report signed by a body with several names keeps the whole name', { skip: existsSync(clean) ? false : `${clean} not found` }, async () => {
  const text = readFileSync(clean, 'utf8').replaceAll('临江市经济和信息化局', LONG);
  const read = await readReport('report.txt', new TextEncoder().encode(text));
  assert.equal(read.report?.department, LONG);
});

test('the store keeps the bracketed name with full-width brackets and matches it again', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-names-'));
  const store = openSqliteStore(path.join(dir, 'a.db'));
  try {
    const created = await store.departments.resolve('北湖县发展和改革委员会(县粮食和物资储备局、县能源局)');
    assert.equal((await store.departments.get(created.id))?.name, LONG);
    assert.equal((await store.departments.match(LONG))?.id, created.id);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
