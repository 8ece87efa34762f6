/**
 * A parsing worker for tests whose checks can be made to hang: the real audit-worker with one more check
 * in the catalogue, which loops forever on a report whose file name contains `__slow__` or whose table 二
 * holds the value 987654321 (set by a reviewer's correction). Stands for a check that backtracks without
 * end on some text (the INLINE_PINYIN case of issue #14).
 */
import { ALL_CHECKS } from '../../../src/core/checks/index.ts';
import type { Check } from '../../../src/core/checks/types.ts';

export const SLOW_VALUE = 987654321;

const slow: Check = {
  meta: { id: 'test.slow', title: '测试：卡住的检查', category: '文字', severity: 'warning', docs: '测试用' },
  run(report) {
    if (report.file.includes('__slow__') || report.tables.active?.includes(SLOW_VALUE)) {
      for (;;) {
        // never returns: only the pool's time limit ends this
      }
    }
    return [];
  },
};
(ALL_CHECKS as Check[]).push(slow);

await import('../../../src/main/audit-worker.ts');
