/**
 * Re-anchoring reviewer decisions after checks run again: a decision follows its own problem (even when
 * its numbers changed) and never moves to a different problem of the same check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorDecisionIndexes } from '../../src/core/score/anchor-decisions.ts';
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
