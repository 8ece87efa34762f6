import type { Check } from './types.ts';
import { cellEvidence } from './lib/evidence.ts';
import { fail, pass } from './lib/findings.ts';
import { activeCellName, activeCells, activeTemplateFor } from '../../shared/template/index.ts';
import { PROBLEM_TEXT, valueProblem } from './lib/values.ts';
import { withTable } from './lib/guards.ts';

export const activeValues: Check = {
  meta: {
    id: 'active.values',
    title: '表二数值规范',
    category: '数据',
    severity: 'warning',
    docs: '国办公开办函〔2021〕30号表二的件数、数量应为非负整数，行政事业性收费金额以“万元”为单位，可有小数；2019年试行格式的“本年增/减”可为负数。单元格内写入单位（如“251000元”）属于单位错误，无法汇总。',
    profiles: ['2021', '2019'],
  },
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
