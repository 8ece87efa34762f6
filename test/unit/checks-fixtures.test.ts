/**
 * The checks on the real fixtures (parse → checks): every expect_fail must come out fail and every expect_pass
 * pass, as answers.json says; every fail carries evidence. Skips with a reason when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ingest } from '../../src/core/ingest/index.ts';
import { parseDocument } from '../../src/core/parse/index.ts';
import { runChecks, verdictOf, EMPTY_CONTEXT } from '../../src/core/checks/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(repoRoot, '../shared');

interface Answer { expect_fail?: string[]; expect_pass?: string[] }

for (const dir of ['seeds', 'cases', 'web']) {
  const base = path.join(shared, 'fixtures', dir);
  const answersFile = path.join(base, 'answers.json');
  if (!existsSync(answersFile)) {
    test(`fixtures/${dir}`, { skip: `${answersFile} not found` }, () => {});
    continue;
  }
  const answers = JSON.parse(readFileSync(answersFile, 'utf8')) as Record<string, Answer>;
  for (const [name, answer] of Object.entries(answers)) {
    test(`${dir}/${name}: expected verdicts`, async () => {
      const report = parseDocument(await ingest(name, new Uint8Array(readFileSync(path.join(base, name)))), name);
      const findings = runChecks(report, EMPTY_CONTEXT);
      const wrong: string[] = [];
      for (const id of answer.expect_fail ?? []) {
        const v = verdictOf(findings, id);
        if (v !== 'fail') wrong.push(`${id}: expected fail, got ${v}`);
        for (const f of findings.filter((x) => x.check === id && x.status === 'fail')) {
          assert.ok(f.evidence.length > 0 && f.evidence.some((e) => e.text !== undefined), `${id} fail without evidence`);
          assert.ok(f.evidence.some((e) => e.page !== undefined || e.offset !== undefined || e.table !== undefined), `${id} evidence without a place`);
        }
      }
      for (const id of answer.expect_pass ?? []) {
        const v = verdictOf(findings, id);
        if (v !== 'pass') wrong.push(`${id}: expected pass, got ${v} (${findings.find((f) => f.check === id)?.message})`);
      }
      assert.deepEqual(wrong, []);
    });
  }
}

const casesBase = path.join(shared, 'fixtures', 'cases');
test('cases: fail evidence points at the planted defect', { skip: existsSync(casesBase) ? false : `${casesBase} not found` }, async () => {
  const base = casesBase;
  const read = async (name: string) => runChecks(parseDocument(await ingest(name, new Uint8Array(readFileSync(path.join(base, name)))), name), EMPTY_CONTEXT);
  const answers = JSON.parse(readFileSync(path.join(base, 'answers.json'), 'utf8')) as Record<string, { tables: { requests: (number | null)[][] | null } }>;
  // Blank cells: the evidence cells are exactly the null cells of answers.json.
  for (const name of Object.keys(answers).filter((n) => n.startsWith('p04-'))) {
    const grid = answers[name]!.tables.requests!;
    const blanks = grid.flatMap((row, r) => row.flatMap((v, c) => (v === null ? [[r, c]] : [])));
    const f = (await read(name)).find((x) => x.check === 'table.requests.complete' && x.status === 'fail')!;
    assert.deepEqual(f.evidence.map((e) => [e.row, e.col]), blanks, name);
  }
  // Row total: the bad row is the one whose total differs from the sum in answers.json.
  for (const name of Object.keys(answers).filter((n) => n.startsWith('p02-'))) {
    const grid = answers[name]!.tables.requests!;
    const badRows = grid.flatMap((row, r) => (row.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0) !== row[6] ? [r] : []));
    const f = (await read(name)).filter((x) => x.check === 'requests.row-total' && x.status === 'fail');
    assert.deepEqual(f.map((x) => x.evidence[0]!.row), badRows, name);
  }
});
