/**
 * Bidi override impersonation (issue 14, defect 7): a title `临江市\u202e育教\u202c局2024年…` showed as a
 * second 临江市教育局. Department names never keep bidi controls, zero-width or other invisible characters,
 * and the report gets a finding saying the name was written with them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readReport } from '../../src/core/audit.ts';
import { runChecks, EMPTY_CONTEXT } from '../../src/core/checks/index.ts';
import { createService } from '../../src/main/service.ts';
import { cleanDisplayName, normalizeDepartmentName } from '../../src/main/store/names.ts';
import { invisibleCodePoints } from '../../src/shared/invisible.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'assets/samples/p04-blank-cells.txt'), 'utf8');
const TITLE = SAMPLE.split('\n')[0]!; // 临江市经济和信息化局2024年政府信息公开工作年度报告
const HIDDEN = ['\u202e', '\u202c', '\u200b', '\u200d', '\u2066', '\u2069', '\ufeff', '\u00ad', '\u061c', '\u3164'];

function withTitle(title: string): string {
  return SAMPLE.replace(TITLE, title);
}

test('a department name read from a title never keeps invisible characters, and the report is flagged', async () => {
  for (const hidden of HIDDEN) {
    const title = `临江市经济和${hidden}信息化局${TITLE.slice('临江市经济和信息化局'.length)}`;
    const read = await readReport('report.txt', new TextEncoder().encode(withTitle(title)));
    assert.ok(read.report, read.error ?? '');
    assert.equal(read.report.department, '临江市经济和信息化局', `U+${hidden.codePointAt(0)!.toString(16)}`);
    const flagged = runChecks(read.report, EMPTY_CONTEXT).find((f) => f.check === 'identity' && f.kind === 'invisible');
    // The reader itself drops some (a BOM inside a .txt line): then nothing is hidden and nothing is flagged.
    const kept = read.report.paragraphs.some((p) => p.original.includes(hidden));
    if (!kept) {
      assert.ok(!['\u202e', '\u200b', '\u2066'].includes(hidden), `the reader dropped U+${hidden.codePointAt(0)!.toString(16)}`);
      continue;
    }
    assert.ok(flagged, `no finding for U+${hidden.codePointAt(0)!.toString(16)}`);
    assert.equal(flagged.status, 'fail');
    assert.match(flagged.message, /不可见字符/);
  }
  const plain = await readReport('report.txt', new TextEncoder().encode(SAMPLE));
  assert.equal(runChecks(plain.report!, EMPTY_CONTEXT).find((f) => f.kind === 'invisible'), undefined, 'a clean title is not flagged');
});

test('stored names (import, rename, roster) are stripped; the override does not impersonate another department', { timeout: 120_000 }, async (t) => {
  assert.equal(cleanDisplayName('临江市\u202e育教\u202c局'), '临江市育教局');
  assert.equal(normalizeDepartmentName('临江市\u200b教育局'), normalizeDepartmentName('临江市教育局'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-bidi-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const rest = TITLE.slice('临江市经济和信息化局'.length);
  fs.writeFileSync(path.join(dir, 'a.txt'), withTitle(`临江市教育局${rest}`));
  fs.writeFileSync(path.join(dir, 'b.txt'), withTitle(`临江市\u202e育教\u202c局${rest}`).replace('积极适应', '努力适应'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const { jobId } = await service.importPaths({ paths: [dir] });
    const done = await service.waitForImport(jobId);
    assert.equal(done.imported, 2, JSON.stringify(done.errors));
    await service.setRoster({ year: 2024, names: ['临江市\u200b财政局'] });
    const departments = await service.listDepartments();
    for (const d of departments) assert.deepEqual(invisibleCodePoints(d.name), [], `stored name ${JSON.stringify(d.name)}`);
    const names = departments.map((d) => d.name).sort();
    assert.deepEqual(names, ['临江市育教局', '临江市教育局', '临江市财政局'].sort());
    const overview = await service.overview({ year: 2024 });
    const shown = overview.map((r) => r.department);
    assert.equal(shown.filter((n) => n === '临江市教育局').length, 1, `overview rows: ${shown.join('、')}`);
    const disguised = departments.find((d) => d.name === '临江市育教局')!;
    const renamed = await service.renameDepartment({ departmentId: disguised.id, name: '临江市\u2067教体局\u2069' });
    assert.equal(renamed.name, '临江市教体局');
  } finally {
    await service.close();
  }
});
