/**
 * A rubric saved while an import runs (as the 评分规则 screen does: save, then re-score everything) is not
 * undone by the import: at the end every stored audit is on the new version, and each score and its
 * findings equal those of a fresh import made under the new rubric from the start.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createService, type AuditorService } from '../../src/main/service.ts';
import { defaultRubricJson } from '../../src/main/engine.ts';
import { benchSubset } from './helpers/bench-subset.ts';
import { skipWithoutShared } from './helpers/shared.ts';

interface RubricCheckJson {
  check: string;
  weight: number;
  deduction: { type: string; points?: number; bands?: { points: number }[] };
}

/** Another rubric: per-unit deductions doubled (capped at the weight), 3 points moved from history to peer similarity. */
function changedRubricJson(): string {
  const rubric = JSON.parse(defaultRubricJson()) as { name: string; dimensions: { checks: RubricCheckJson[] }[] };
  rubric.name = '测试用评分规则（导入中修改）';
  for (const dimension of rubric.dimensions) {
    for (const c of dimension.checks) {
      if (c.check === 'history.repeated-text') c.weight -= 2;
      if (c.check === 'peer.repeated-text') c.weight += 2;
      if (c.deduction.type === 'perUnit') c.deduction.points = Math.min(c.weight, (c.deduction.points ?? 0) * 2);
      if (c.deduction.type === 'fixed') c.deduction.points = c.weight;
      for (const band of c.deduction.bands ?? []) band.points = Math.min(c.weight, band.points);
    }
  }
  return JSON.stringify(rubric, null, 2);
}

interface StoredAudit {
  score: number | null;
  grade: string | null;
  rubric: string;
  findings: string[];
}

/** Every report's current audit by file name: score, rubric version and findings (a passing one's wording aside). */
async function auditsByFile(service: AuditorService): Promise<Map<string, StoredAudit>> {
  const out = new Map<string, StoredAudit>();
  for (const summary of await service.listReports({})) {
    const { result } = await service.getReport({ reportId: summary.reportId });
    out.set(path.basename(result.file), {
      score: result.score?.score ?? null,
      grade: result.score?.grade ?? null,
      rubric: `${result.score?.rubric.id}@${result.score?.rubric.version}`,
      findings: result.findings.map((f) => `${f.check} ${f.status} ${f.deduction}${f.status === 'pass' ? '' : ` ${f.message}`}`),
    });
  }
  return out;
}

test('a rubric saved during an import: every audit ends on the new version, scored as a fresh import under it', { timeout: 900_000, skip: skipWithoutShared }, async () => {
  const { dir, files } = benchSubset(36, 'ogi-rubric-change-');
  const newRubric = changedRubricJson();
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-rubric-change-db-'));
  const during = createService({ dbPath: path.join(dbDir, 'during.db'), poolSize: 1 });
  const fresh = createService({ dbPath: path.join(dbDir, 'fresh.db'), poolSize: 1 });
  try {
    // Saved after a third of the files are written, as a reviewer would from the 评分规则 screen.
    let savedAt: { done: number; imported: number; total: number } | null = null;
    let saving: Promise<unknown> | null = null;
    const job = await during.importPaths({ paths: [dir] });
    during.onImportProgress((p) => {
      if (p.jobId !== job.jobId || saving || p.imported < files.length / 3) return;
      savedAt = { done: p.done, imported: p.imported, total: p.total };
      saving = during.saveRubric({ json: newRubric }).then(() => during.rescoreAll());
    });
    const finished = await during.waitForImport(job.jobId);
    await saving;
    assert.equal(finished.imported, files.length, JSON.stringify(finished.errors));
    assert.ok(savedAt, 'the rubric was saved during the import');
    const at = savedAt as { done: number; imported: number; total: number };
    assert.ok(at.done < at.total, `saved before the import ended (${at.done}/${at.total})`);

    const inForce = await during.getRubric();
    assert.equal(inForce.version, 2);
    const after = await auditsByFile(during);
    assert.equal(after.size, files.length);
    for (const [file, audit] of after) assert.equal(audit.rubric, 'default@2', `${file} is scored with the rubric in force`);

    // The same files imported under the new rubric from the start.
    await fresh.getRubric();
    assert.equal((await fresh.saveRubric({ json: newRubric })).version, 2);
    const freshJob = await fresh.importPaths({ paths: [dir] });
    assert.equal((await fresh.waitForImport(freshJob.jobId)).imported, files.length);
    const expected = await auditsByFile(fresh);
    for (const [file, audit] of expected) assert.deepEqual(after.get(file), audit, file);

    // The new rubric does change scores here (otherwise this test could not tell the versions apart).
    const byOld = createService({ dbPath: path.join(dbDir, 'old.db'), poolSize: 1 });
    try {
      const oldJob = await byOld.importPaths({ paths: [dir] });
      await byOld.waitForImport(oldJob.jobId);
      const old = await auditsByFile(byOld);
      const changed = [...old].filter(([file, a]) => a.score !== expected.get(file)?.score).length;
      assert.ok(changed > 0, 'some scores differ between the two rubrics');
      console.log(`rubric saved at ${at.done}/${at.total} (${at.imported} written); ${changed}/${files.length} scores differ between the versions`);
    } finally {
      await byOld.close();
    }
  } finally {
    await during.close();
    await fresh.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
});
