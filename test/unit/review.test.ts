/**
 * The reviewer's work (core/review.ts, shared/decisions.ts): cell corrections applied to a copy of the report;
 * decisions re-anchored after checks run again (a decision follows its own problem, even when its numbers
 * changed, and never moves to a different problem of the same check); the status a decision leaves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorDecisionIndexes, anchorDecisions, applyCorrections, reanchorDecisions } from '../../src/core/review.ts';
import { decisionPerFinding, earlierDecisions, effectiveStatuses } from '../../src/shared/decisions.ts';
import { buildReport } from './helpers/report-builder.ts';
import type { Finding } from '../../src/shared/model.ts';

const finding = (check: string, message: string, status: Finding['status'] = 'fail'): Finding => ({ check, status, severity: 'error', message, evidence: [], deduction: 0 });

const naturalPersons = '表三“自然人”列：一+二=15+0=15，三（七）总计+四=14+0=14';
const total = '表三“总计”列：一+二=15+0=15，三（七）总计+四=14+0=14';

test('the same problem with other numbers keeps its decision; a moved one is found where it went', () => {
  const findings = [finding('requests.row-total', '表三第1行…'), finding('requests.balance', '表三“自然人”列：一+二=16+0=16，三（七）总计+四=14+0=14')];
  assert.deepEqual(anchorDecisionIndexes(findings, [{ findingIndex: 0, check: 'requests.balance', message: naturalPersons, action: 'dismiss' }]), [1]);
});

test('a decision whose problem is gone is not moved to another problem of the same check', () => {
  // The 自然人 column now balances; the 总计 column's problem took its place in the list.
  const findings = [finding('requests.balance', total)];
  assert.deepEqual(anchorDecisionIndexes(findings, [{ findingIndex: 0, check: 'requests.balance', message: naturalPersons, action: 'dismiss' }]), [-1]);
});

test('exact messages win over similar ones, nearest first; no message recorded falls back to the place in the list', () => {
  const findings = [finding('peer.repeated-text', '与甲局相似度91%'), finding('peer.repeated-text', '与乙局相似度90%'), finding('peer.repeated-text', '与甲局相似度91%')];
  assert.deepEqual(anchorDecisionIndexes(findings, [{ findingIndex: 2, check: 'peer.repeated-text', message: '与甲局相似度91%', action: 'confirm' }]), [2]);
  assert.deepEqual(anchorDecisionIndexes(findings, [{ findingIndex: 1, check: 'peer.repeated-text', message: '与乙局相似度85%', action: 'confirm' }]), [1]);
  assert.deepEqual(anchorDecisionIndexes(findings, [{ findingIndex: 1, check: 'peer.repeated-text', action: 'confirm' }]), [1]);
});

test('corrections change a copy: a cell of 表三 by row and column, a value of 表二/表四 by its index', () => {
  const report = buildReport();
  const before = structuredClone(report.tables);
  const corrected = applyCorrections(report, [
    { cell: { table: 'requests', row: 2, col: 3 }, value: 77 },
    { cell: { table: 'active', index: 4 }, value: 55 },
    { cell: { table: 'review', index: 12 }, value: null },
    { cell: { table: 'review', index: 999 }, value: 1 },
  ]);
  assert.equal(corrected.tables.requests![2]![3], 77);
  assert.equal(corrected.tables.active![4], 55);
  assert.equal(corrected.tables.review![12], null);
  assert.equal(corrected.tables.review!.length, before.review!.length, 'an index outside the table changes nothing');
  assert.deepEqual(report.tables, before, 'the report read from the file is unchanged');
  assert.equal(applyCorrections(report, []), report);
});

test('decisions: the last one made holds; dismiss clears a problem, confirm makes a doubt a problem; gone ones are listed once', () => {
  const findings = [finding('a', 'x'), finding('b', 'y', 'uncertain'), finding('c', 'z', 'pass'), finding('d', 'w', 'uncertain')];
  const decisions = [
    { findingIndex: 0, check: 'a', message: 'x', action: 'confirm' as const },
    { findingIndex: 0, check: 'a', message: 'x', action: 'dismiss' as const },
    { findingIndex: 1, check: 'b', message: 'y', action: 'confirm' as const },
    { findingIndex: 2, check: 'c', message: 'z', action: 'dismiss' as const },
  ];
  assert.equal(decisionPerFinding(decisions).get(0)?.action, 'dismiss');
  assert.deepEqual(effectiveStatuses(findings, decisions), ['dismissed', 'fail', 'pass', 'uncertain']);

  const later = [finding('b', 'y', 'uncertain'), finding('a', 'x')];
  const anchored = reanchorDecisions(later, decisions);
  assert.deepEqual(anchored.map((d) => d.findingIndex), [1, 1, 0, -1]);
  assert.deepEqual(anchorDecisions(later, decisions).map((d) => d.check), ['a', 'a', 'b']);
  const records = anchored.map((d, id) => ({ ...d, id, message: d.message }));
  assert.deepEqual(earlierDecisions([...records, { ...records[3]!, id: 9 }]).map((d) => d.id), [9]);
});
