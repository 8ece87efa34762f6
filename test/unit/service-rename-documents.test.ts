/**
 * Renaming a department reaches the app's printed documents: the print preview of the audit sheet, the
 * rectification notice and the year's summary print the new name (as `ogi export` does), never the name
 * read from the report at import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService } from '../../src/main/service.ts';
import { loadYearFromStore } from '../../src/main/export/from-store.ts';
import { departmentOf } from '../../src/main/engine-documents.ts';
import { fixturesDir, readAnswers, skipWithoutShared } from './helpers/shared.ts';

/** Text of the printed HTML (tags and styles off), so a name split by markup still counts. */
function textOf(html: string): string {
  return html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^<>]*>/g, '');
}

test('a renamed department is printed with its new name on sheet, notice and summary', { timeout: 300_000, skip: skipWithoutShared }, async () => {
  const answers = readAnswers('cases');
  const clean = answers['p01-clean.txt']!;
  const oldName = clean.department!;
  const year = clean.year!;
  const newName = '临江市重新命名后的测试局';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-rename-'));
  const service = createService({ dbPath: path.join(dir, 'audit.db'), poolSize: 1 });
  try {
    const job = await service.importPaths({ paths: [path.join(fixturesDir, 'cases', 'p01-clean.txt')] });
    assert.equal((await service.waitForImport(job.jobId)).imported, 1);
    const [summary] = await service.listReports({ year });
    assert.ok(summary && summary.departmentId !== null);
    assert.equal(summary.department, oldName);

    const before = await service.renderDocument({ kind: 'sheet', reportId: summary.reportId });
    assert.ok(textOf(before.html).includes(oldName), 'the sheet names the department before the rename');

    await service.renameDepartment({ departmentId: summary.departmentId!, name: newName });

    const sheet = await service.renderDocument({ kind: 'sheet', reportId: summary.reportId });
    const notice = await service.renderDocument({ kind: 'notice', reportId: summary.reportId });
    const yearSummary = await service.renderDocument({ kind: 'summary', year });
    for (const [kind, doc] of [['sheet', sheet], ['notice', notice], ['summary', yearSummary]] as const) {
      const text = textOf(doc.html);
      assert.ok(text.includes(newName), `${kind} prints the new name`);
      assert.ok(!text.includes(oldName), `${kind} no longer prints the old name ${oldName}`);
    }
    assert.ok(!sheet.title.includes(oldName) && !notice.title.includes(oldName), `titles: ${sheet.title} / ${notice.title}`);

    // The detail screen and `ogi export` agree on the name.
    const detail = await service.getReport({ reportId: summary.reportId });
    assert.equal(departmentOf(detail.result), newName);
    const exported = await loadYearFromStore(service.store, year);
    assert.deepEqual(exported.results.map(departmentOf), [newName]);
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
