import type { Check } from './types.ts';
import { cellEvidence } from './lib/evidence.ts';
import { fail, pass } from './lib/findings.ts';
import { activeCellName, activeCells, activeTemplateFor } from '../../shared/template/index.ts';
import { PROBLEM_TEXT, valueProblem } from './lib/values.ts';
import { withTable } from './lib/guards.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const activeValues: Check = {
  meta: checkMeta('active.values'),
  run: withTable('active', '表二缺失，无法核对数值', (values, report) => {
    const out = [];
    for (const cell of activeCells(activeTemplateFor(report.generation))) {
      const i = cell.index;
      const problem = valueProblem(values[i], report.tableSources.active?.[i], { decimals: cell.decimal === true, signed: cell.signed === true });
      if (!problem) continue;
      const ev = cellEvidence(report, { table: 'active', index: i });
      out.push(fail(`表二${activeCellName(report.generation, i)}“${ev.text}”${PROBLEM_TEXT[problem]}${cell.decimal ? '（本栏单位为万元）' : ''}`, [ev], {
        measure: 1, kind: problem,
      }));
    }
    return out.length > 0 ? out : [pass('表二数值均为规范的非负数')];
  }),
};
