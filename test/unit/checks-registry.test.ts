import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ALL_CHECKS, runChecks, runCheck, EMPTY_CONTEXT } from '../../src/core/checks/index.ts';
import type { Check } from '../../src/core/checks/types.ts';
import { buildReport } from './helpers/report-builder.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const spec = path.resolve(repoRoot, '../shared/spec/CHECKS.md');
const casesFolder = path.resolve(repoRoot, '../shared/fixtures/cases');

test('every check is registered once, with Chinese metadata that cites its rule', () => {
  const ids = ALL_CHECKS.map((c) => c.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of ALL_CHECKS) {
    assert.match(c.meta.title, /[\u4e00-\u9fff]/, c.meta.id);
    assert.match(c.meta.docs, /条例|国办/, c.meta.id);
  }
});

test('the registered checks are exactly the catalogue of CHECKS.md', { skip: existsSync(spec) ? false : `${spec} not found` }, () => {
  const catalogue = [...readFileSync(spec, 'utf8').matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]!);
  // The app's own checks beyond the catalogue (about reading the file, not the report's content).
  const beyondCatalogue = ['region.rollup', 'scan.ocr-confidence'];
  assert.deepEqual([...new Set(catalogue), ...beyondCatalogue].sort(), ALL_CHECKS.map((c) => c.meta.id).sort());
});

test('runChecks reports every check at least once, fills check and severity, deduction 0', () => {
  const findings = runChecks(buildReport(), EMPTY_CONTEXT);
  for (const c of ALL_CHECKS) assert.ok(findings.some((f) => f.check === c.meta.id), c.meta.id);
  for (const f of findings) {
    assert.equal(f.deduction, 0);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    if (f.status === 'fail') assert.ok(f.evidence.length > 0, `${f.check} fail without evidence`);
  }
});

test('profiles: a legacy report gets na for the 2021 table checks and runs legacy.contents', () => {
  const legacy = buildReport({ generation: 'legacy', year: 2012, active: null, requests: null, review: null });
  const findings = runChecks(legacy, EMPTY_CONTEXT);
  for (const id of ['table.active.complete', 'table.requests.complete', 'requests.balance', 'sections.present']) {
    assert.equal(findings.find((f) => f.check === id)!.status, 'na', id);
  }
  assert.notEqual(findings.find((f) => f.check === 'legacy.contents')!.status, 'na');
});

test('a check that throws becomes one uncertain finding instead of crashing the audit', () => {
  const broken: Check = { meta: { id: 'test.broken', title: '测试', category: '结构', severity: 'info', docs: '测试' }, run: () => { throw new Error('boom'); } };
  const out = runCheck(broken, buildReport(), EMPTY_CONTEXT);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.status, 'uncertain');
  assert.match(out[0]!.message, /内部出错.*boom/);
  const odd = buildReport();
  (odd as { paragraphs: unknown }).paragraphs = [{ original: null, text: null, part: 1 }];
  assert.doesNotThrow(() => runChecks(odd, EMPTY_CONTEXT));
});

test('only checks marked comparesReports read other reports: the rest give the same findings with or without them', { skip: existsSync(casesFolder) ? false : `${casesFolder} not found` }, async () => {
  const { readReport } = await import('../../src/core/audit.ts');
  const { rerunComparisons } = await import('../../src/core/checks/index.ts');
  const folder = casesFolder;
  const names = readdirSync(folder).filter((n) => /\.(txt|docx|pdf)$/.test(n));
  const reports = [];
  for (const name of names) {
    const read = await readReport(name, new Uint8Array(readFileSync(path.join(folder, name))));
    if (read.report) reports.push(read.report);
  }
  assert.ok(reports.length >= 10, `${reports.length} reports`);
  const related = reports.map((report) => ({ file: report.file, department: report.department, year: report.year, report }));
  const compared = ALL_CHECKS.filter((c) => c.meta.comparesReports).map((c) => c.meta.id);
  assert.deepEqual(compared.sort(), ['history.carryover', 'history.normative-stock', 'history.repeated-text', 'history.values-copied', 'peer.repeated-text', 'region.rollup']);
  for (const [i, report] of reports.entries()) {
    // The same department's report of the year before, and every other report as a peer.
    const previous = { ...related[(i + 1) % related.length]!, department: report.department, year: (report.year ?? 2024) - 1 };
    const full = { previous, peers: related, options: {} };
    for (const check of ALL_CHECKS.filter((c) => !c.meta.comparesReports)) {
      assert.deepEqual(runCheck(check, report, full), runCheck(check, report, EMPTY_CONTEXT), `${check.meta.id} on ${report.file}`);
    }
    // Re-running the comparisons over an earlier run without other reports gives a full run's findings.
    assert.deepEqual(rerunComparisons(report, full, runChecks(report, EMPTY_CONTEXT)), runChecks(report, full), report.file);
  }
});
