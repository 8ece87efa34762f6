/**
 * Scores that mean what they say: a report without statistics tables, or with tables nobody filled in,
 * can never pass (一票否决 in the default rubric), and a blank template is not a report at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildReport } from './helpers/report-builder.ts';
import { runChecks, EMPTY_CONTEXT } from '../../src/core/checks/index.ts';
import { defaultRubric, defaultRubricJson, parseRubric, scoreReport } from '../../src/core/score/index.ts';
import { readReport } from '../../src/core/audit.ts';
import { rankResults } from '../../src/core/sheet/index.ts';
import type { AuditResult, Report } from '../../src/shared/model.ts';

const rubric = defaultRubric();
const judge = (report: Report) => scoreReport({ report, findings: runChecks(report, EMPTY_CONTEXT), rubric });
const SHARED = path.resolve(import.meta.dirname, '../../../shared');

test('a report with all three tables missing is 不合格 by veto, its points still shown', () => {
  const { score } = judge(buildReport({ active: null, requests: null, review: null }));
  assert.equal(score.grade, '不合格');
  assert.equal(score.score, 85);
  assert.match(score.veto ?? '', /^一票否决：统计表二缺失或未填写；统计表三缺失或未填写；统计表四缺失或未填写$/);
});

test('one missing table vetoes; a few blank cells do not', () => {
  assert.equal(judge(buildReport({ review: null })).score.grade, '不合格');
  const gaps = judge(buildReport({ active: [0, 0, null, 4, 5, 5, 0, 0, 0, 0] })).score;
  assert.equal(gaps.veto, null);
  assert.equal(gaps.grade, '优秀');
});

test('a table without a single figure is priced and vetoed like a missing one', () => {
  const { score, findings } = judge(buildReport({ review: new Array(15).fill(null) }));
  const f = findings.find((x) => x.check === 'table.review.complete')!;
  assert.equal(f.kind, 'empty');
  assert.equal(f.deduction, 5);
  assert.equal(score.grade, '不合格');
});

test('a reviewer who dismisses the missing-table finding lifts the veto', () => {
  const report = buildReport({ review: null });
  const findings = runChecks(report, EMPTY_CONTEXT);
  const i = findings.findIndex((f) => f.check === 'table.review.complete');
  const { score } = scoreReport({ report, findings, rubric, decisions: [{ findingIndex: i, check: 'table.review.complete', action: 'dismiss' }] });
  assert.equal(score.veto, null);
  assert.notEqual(score.grade, '不合格');
});

test('the veto is the rubric\'s: removing it from the JSON restores the points-based grade', () => {
  const data = JSON.parse(defaultRubricJson()) as { dimensions: { checks: { veto?: unknown }[] }[] };
  for (const d of data.dimensions) for (const c of d.checks) delete c.veto;
  const lenient = parseRubric(JSON.stringify(data));
  const report = buildReport({ active: null, requests: null, review: null });
  const { score } = scoreReport({ report, findings: runChecks(report, EMPTY_CONTEXT), rubric: lenient });
  assert.equal(score.veto, null);
  assert.equal(score.grade, '良好');
});

test('a bad veto entry is refused naming the field', () => {
  const data = JSON.parse(defaultRubricJson()) as { dimensions: { checks: { veto?: unknown }[] }[] };
  data.dimensions[1]!.checks[1]!.veto = { kinds: ['missing'] };
  assert.throws(() => parseRubric(JSON.stringify(data)), /dimensions\[1\]\.checks\[1\]\.veto\.reason/);
});

test('a vetoed report ranks below every report that was not vetoed, whatever its points', () => {
  const result = (score: number, veto: string | null): AuditResult => ({
    file: 'x', sha256: '', format: 'txt', size: 0, error: null, report: null, findings: [],
    score: { score, grade: veto ? '不合格' : '合格', veto, deductions: [], dimensions: [], rubric: { id: 'default', version: 1 } },
  });
  assert.deepEqual(rankResults([result(85, '一票否决：统计表三缺失或未填写'), result(61, null), result(75, null)]), [3, 2, 1]);
});

const template = path.join(SHARED, 'corpus/govnianbao/政务公开年报模版.docx');
test('the blank Word template is "not a report"', { skip: existsSync(template) ? false : `${template} not found` }, async () => {
  const read = await readReport(template, new Uint8Array(readFileSync(template)));
  assert.equal(read.report, null);
  assert.equal(read.errorCode, 'not-a-report');
  assert.match(read.error ?? '', /空白模板/);
});

const clean = path.join(SHARED, 'fixtures/cases/p01-clean.txt');
test('a real report with its table rows removed is 不合格', { skip: existsSync(clean) ? false : `${clean} not found` }, async () => {
  const text = readFileSync(clean, 'utf8').split('\n').filter((l) => !l.includes('|')).join('\n');
  const read = await readReport('无表.txt', new TextEncoder().encode(text));
  assert.ok(read.report, read.error ?? '');
  assert.deepEqual(read.report.tables, { active: null, requests: null, review: null });
  const { score } = judge(read.report);
  assert.equal(score.grade, '不合格');
  assert.match(score.veto ?? '', /一票否决/);
});
