import type { Check } from './types.ts';
import { isBlank, tableCompleteness, type BlankCell } from './lib/completeness.ts';
import { activeCellName, activeTemplateFor } from '../../shared/template/index.ts';
import { checkMeta } from '../../shared/check-catalogue.ts';

export const tableActiveComplete: Check = {
  meta: checkMeta('table.active.complete'),
  run: tableCompleteness('active', (values, report) => {
    const blanks: BlankCell[] = [];
    for (let i = 0; i < activeTemplateFor(report.generation).size; i++) {
      if (isBlank(values[i])) blanks.push({ cell: { table: 'active', index: i }, name: activeCellName(report.generation, i) });
    }
    return blanks;
  }),
};
