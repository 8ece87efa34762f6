import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, DEFAULT_TEXT, defaultRequests, withCell } from './helpers/report-builder.ts';
import { runChecks, EMPTY_CONTEXT } from '../../src/core/checks/index.ts';
import { defaultRubric, defaultRubricJson, parseRubric, RubricError, scoreReport } from '../../src/core/score/index.ts';
import type { Finding } from '../../src/shared/model.ts';

const rubric = defaultRubric();
const score = (report = buildReport(), findings?: Finding[]) => scoreReport({ report, findings: findings ?? runChecks(report, EMPTY_CONTEXT), rubric });

test('a clean report scores 100 优秀 with rubric id and version', () => {
  const { score: s } = score();
  assert.equal(s.score, 100);
  assert.equal(s.grade, '优秀');
  assert.deepEqual(s.rubric, { id: 'default', version: 1 });
  assert.equal(s.dimensions.length, 5);
});

test('per-unit deductions are capped at the weight and explained in Chinese', () => {
  // Three bad rows: −2 each, cap 6.
  let grid = defaultRequests();
  for (const r of [2, 3, 12]) grid = withCell(grid, r, 6, 9);
  // A normative statement keeps narrative.normative assessable, so no na weight is redistributed here.
  const text = { 1: [...DEFAULT_TEXT[1]!, '全年制发行政规范性文件2件。'] };
  const report = buildReport({ requests: grid, text });
  const { score: s, findings } = score(report);
  const line = s.deductions.find((d) => d.check === 'requests.row-total')!;
  assert.equal(line.points, 6);
  assert.match(line.explanation, /每行 −2，上限 6/);
  assert.equal(findings.filter((f) => f.check === 'requests.row-total').reduce((a, f) => a + f.deduction, 0), 6);
  const four = buildReport({ text, requests: [0, 2, 3, 12].reduce((g, r) => withCell(g, r, 6, 9), defaultRequests()) });
  assert.equal(score(four).score.deductions.find((d) => d.check === 'requests.row-total')!.points, 6);
});

test('kinds and bands: late ≤15 days −4, later −8; no measures −4', () => {
  assert.equal(score(buildReport({ signedOn: '2025-02-10' })).score.score, 96);
  assert.equal(score(buildReport({ signedOn: '2025-03-05' })).score.score, 92);
  const noMeasures = score(buildReport({ text: { 5: ['一是公开内容不够全面;二是形式单一。'] } }));
  assert.equal(noMeasures.score.deductions.find((d) => d.check === 'problems.measures')!.points, 4);
});

test('uncertain costs nothing; confirm prices it as fail; dismiss removes a fail', () => {
  const report = buildReport({ signedOn: null });
  const findings = runChecks(report, EMPTY_CONTEXT);
  const idx = findings.findIndex((f) => f.check === 'deadline');
  assert.equal(findings[idx]!.status, 'uncertain');
  assert.equal(scoreReport({ report, findings, rubric }).score.score, 100);
  // Confirmed without a measure: the lowest band does not apply (measure 0) → use a rubric band from 0.
  const confirmed = scoreReport({ report, findings: findings.map((f, i) => (i === idx ? { ...f, measure: 40 } : f)), rubric, decisions: [{ findingIndex: idx, check: 'deadline', action: 'confirm' }] });
  assert.equal(confirmed.score.score, 92);
  const late = buildReport({ signedOn: '2025-03-05' });
  const lateFindings = runChecks(late, EMPTY_CONTEXT);
  const li = lateFindings.findIndex((f) => f.check === 'deadline');
  assert.equal(scoreReport({ report: late, findings: lateFindings, rubric, decisions: [{ findingIndex: li, check: 'deadline', action: 'dismiss' }] }).score.score, 100);
});

test('na weight is spread over the assessable checks of the same dimension', () => {
  // Tables missing: table.review.complete fails (−5); nothing becomes na in 要素齐全 here, so set up a legacy report instead.
  const legacy = buildReport({ generation: 'legacy', year: 2012, signedOn: '2013-03-01', active: null, requests: null, review: null, text: { 6: [] } });
  legacy.legacyItems = [{ item: '主动公开', found: true }, { item: '依申请公开', found: true }, { item: '收费及减免', found: false }];
  const { score: s } = score(legacy);
  const line = s.deductions.find((d) => d.check === 'legacy.contents')!;
  // legacy.contents replaces sections.present (10) and receives the 15 points of the three na table checks:
  // its cap becomes 25 (×2.5); the deduction per missing item stays −2.
  assert.equal(line.points, 2);
  assert.match(line.explanation, /每项 −2，上限 25；上限含不适用项转入的权重，权重系数2\.5/);
  assert.equal(s.dimensions.find((d) => d.name === '要素齐全')!.lost, 2);
  // In a 2021 report with narrative.normative na, the other 数据准确 caps grow by 30/28 but a bad row still costs 2.
  const grid = withCell(defaultRequests(), 2, 6, 9);
  const r2021 = score(buildReport({ requests: grid })).score.deductions.find((d) => d.check === 'requests.row-total')!;
  assert.equal(r2021.points, 2);
  assert.match(r2021.explanation, /上限 6\.4/);
});

test('a custom rubric changes the score as specified', () => {
  const custom = JSON.parse(defaultRubricJson());
  custom.id = 'office-2025';
  custom.version = 3;
  custom.dimensions[0].checks[0].deduction = { type: 'fixed', points: 8 };
  custom.grades = [{ min: 95, grade: '优秀' }, { min: 0, grade: '合格' }];
  const r = parseRubric(JSON.stringify(custom));
  const report = buildReport({ signedOn: '2025-02-03' });
  const s = scoreReport({ report, findings: runChecks(report, EMPTY_CONTEXT), rubric: r }).score;
  assert.equal(s.score, 92);
  assert.equal(s.grade, '合格');
  assert.deepEqual(s.rubric, { id: 'office-2025', version: 3 });
});

test('an invalid rubric throws RubricError naming the field', () => {
  const bad = JSON.parse(defaultRubricJson());
  bad.dimensions[2].checks[0].weight = -1;
  assert.throws(() => parseRubric(JSON.stringify(bad)), (e: unknown) => e instanceof RubricError && /dimensions\[2\]\.checks\[0\]\.weight 必须是非负数/.test(e.message));
  const unknown = JSON.parse(defaultRubricJson());
  unknown.dimensions[0].checks[0].check = 'no.such.check';
  assert.throws(() => parseRubric(JSON.stringify(unknown)), /dimensions\[0\]\.checks\[0\]\.check/);
  const sum = JSON.parse(defaultRubricJson());
  sum.dimensions[1].weight = 30;
  assert.throws(() => parseRubric(JSON.stringify(sum)), /dimensions\[1\]\.weight/);
  assert.throws(() => parseRubric('{'), RubricError);
});

test('vetoes: unreadable file or not a report → no score, no grade, veto text', () => {
  const unreadable = scoreReport({ report: null, findings: [], rubric, error: '文件已损坏' }).score;
  assert.deepEqual([unreadable.score, unreadable.grade], [null, null]);
  assert.match(unreadable.veto!, /无法读取.*文件已损坏/);
  const notReport = scoreReport({ report: null, findings: [], rubric, error: '不是政府信息公开工作年度报告' }).score;
  assert.match(notReport.veto!, /不是政府信息公开工作年度报告，不评分/);
});

test('scores round to 0.1 and grades follow the bands', () => {
  const report = buildReport({ text: { 1: ['2024年我局认真做好主动公开工作。'] } });
  const s = score(report).score;
  // overview.aspects: 4 missing × 1.6 = 6.4; narrative.enumeration and narrative.requests become na.
  assert.equal(s.score, 93.6);
});
